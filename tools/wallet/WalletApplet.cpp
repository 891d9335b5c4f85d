#include "wallet/WalletApplet.h"

#include "credential/Presentation.h"
#include "nfc/Apdu.h"
#include "nfc/WalletProtocol.h"

#include <QDateTime>

namespace lz::wallet {

using namespace lz::nfc;

namespace {
QByteArray status(quint16 sw) {
    return ResponseApdu{{}, sw}.encode();
}
} // namespace

WalletApplet::WalletApplet(QByteArray credential, PrivateKey deviceKey, std::function<qint64()> clock,
                           qint64 lifetime)
    : m_credential(std::move(credential))
    , m_deviceKey(std::move(deviceKey))
    , m_clock(clock ? std::move(clock) : [] { return QDateTime::currentSecsSinceEpoch(); })
    , m_lifetime(lifetime) {}

QByteArray WalletApplet::process(const QByteArray& bytes) {
    auto c = CommandApdu::parse(bytes);
    if (!c)
        return status(0x6700);
    if (c->cla == 0x00 && c->ins == nfc::wallet::kInsSelect) {
        m_pending.clear();
        m_answered = false;
        m_selected = c->p1 == 0x04 && c->data == nfc::wallet::aid();
        if (!m_selected)
            return status(0x6A82);
        return ResponseApdu{nfc::wallet::AppInfo{nfc::wallet::kVersion, int(m_portrait.size())}.encode(),
                            0x9000}
            .encode();
    }
    if (!m_selected)
        return status(0x6985);
    if (c->cla == nfc::wallet::kClaProprietary && c->ins == nfc::wallet::kInsSignChallenge)
        return signChallenge(c->data);
    if (c->cla == nfc::wallet::kClaProprietary && c->ins == nfc::wallet::kInsReadPortrait)
        return readPortrait(c->p1 << 8 | c->p2, c->le < 0 ? 256 : c->le);
    if (c->cla == 0x00 && c->ins == nfc::wallet::kInsGetResponse)
        return m_pending.isEmpty() ? status(0x6985) : nextChunk(c->le < 0 ? 256 : c->le);
    return status(0x6D00);
}

QByteArray WalletApplet::signChallenge(const QByteArray& data) {
    auto challenge = nfc::wallet::Challenge::decode(data);
    if (!challenge)
        return status(0x6A80);
    if (qAbs(challenge->time - m_clock()) > kMaxClockGap)
        return status(0x6985);
    // iat is the terminal's time from the challenge: the nonce, not the phone's clock, proves
    // the answer fresh, and a phone with a wrong clock must not be refused for it.
    Presentation p = Presentation::make(m_credential, challenge->time, m_lifetime, challenge->nonce);
    p.audience = challenge->terminalId;
    m_pending = p.sign(m_deviceKey);
    m_answered = true;
    ++m_signatures;
    return nextChunk(nfc::wallet::kChunk);
}

QByteArray WalletApplet::nextChunk(int le) {
    const QByteArray part = m_pending.left(le);
    m_pending.remove(0, part.size());
    const int left = int(qMin<qsizetype>(m_pending.size(), 256));
    const quint16 sw = m_pending.isEmpty() ? 0x9000 : quint16(0x6100 | (left & 0xff));
    return ResponseApdu{part, sw}.encode();
}

} // namespace lz::wallet

namespace lz::wallet {

QByteArray WalletApplet::readPortrait(int offset, int le) {
    // The portrait goes only to a terminal that has just had a fresh challenge answered: a
    // reader skimming a phone in a pocket gets no face without also leaving a signed trace.
    if (!m_answered)
        return status(0x6985);
    if (m_portrait.isEmpty())
        return status(0x6A88);
    if (offset >= m_portrait.size())
        return status(0x6B00);
    return ResponseApdu{m_portrait.mid(offset, le), 0x9000}.encode();
}

} // namespace lz::wallet
