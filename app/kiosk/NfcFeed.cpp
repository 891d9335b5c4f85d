#include "kiosk/NfcFeed.h"

#include "util/Logging.h"

#include <QMutexLocker>
#include <chrono>

namespace lz {

NfcFeed::NfcFeed(nfc::NfcReaderOptions options, QString terminalId, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_terminalId(std::move(terminalId)) {
    m_view.id = QStringLiteral("nfc");
    m_view.state = ui::DeviceView::State::Starting;
    m_view.detail = m_options.connstring;
}

NfcFeed::~NfcFeed() {
    stop();
}

void NfcFeed::start() {
    if (m_thread)
        return;
    m_stop.reset();
    m_thread.reset(QThread::create([this] {
        nfc::NfcReader reader(m_options);
        reader.run(
            m_stop,
            [this](const nfc::NfcReaderStatus& s) {
                ui::DeviceView v;
                v.id = QStringLiteral("nfc");
                switch (s.state) {
                case nfc::NfcReaderStatus::State::Ready:
                case nfc::NfcReaderStatus::State::CardPresent:
                    v.state = ui::DeviceView::State::Present;
                    v.detail = QStringLiteral("%1, %2").arg(s.firmware.isEmpty() ? s.device : s.firmware,
                                                            s.connstring);
                    break;
                case nfc::NfcReaderStatus::State::Starting:
                    v.state = ui::DeviceView::State::Starting;
                    v.detail = s.connstring;
                    break;
                case nfc::NfcReaderStatus::State::Absent:
                    v.state = ui::DeviceView::State::Absent;
                    v.detail = QStringLiteral("%1 (%2)").arg(
                        s.lastError ? nfc::nfcCodeName(*s.lastError) : QString(), s.connstring);
                    break;
                }
                {
                    QMutexLocker l(&m_mutex);
                    if (v.state == m_view.state && v.detail == m_view.detail)
                        return;
                    m_view = v;
                }
                emit stateChanged(v);
            },
            [this](const nfc::NfcTarget& t, const nfc::Transceive& transceive) { onCard(t, transceive); });
    }));
    m_thread->setObjectName(QStringLiteral("nfc-reader"));
    m_thread->start();
}

void NfcFeed::stop() {
    m_stop.request();
    if (m_thread) {
        m_thread->wait();
        m_thread.reset();
    }
}

ui::DeviceView NfcFeed::view() const {
    QMutexLocker l(&m_mutex);
    return m_view;
}

void NfcFeed::expectPassport(const icao::MrzKey& key) {
    QMutexLocker l(&m_mutex);
    m_passportKey = key;
}

void NfcFeed::cancelPassport() {
    QMutexLocker l(&m_mutex);
    m_passportKey.reset();
}

void NfcFeed::onCard(const nfc::NfcTarget& target, const nfc::Transceive& transceive) {
    const qint64 tapNs = std::chrono::duration_cast<std::chrono::nanoseconds>(
                             std::chrono::steady_clock::now().time_since_epoch())
                             .count();
    std::optional<icao::MrzKey> passportKey;
    {
        QMutexLocker l(&m_mutex);
        passportKey = m_passportKey;
    }
    if (passportKey) {
        readPassport(*passportKey, transceive, tapNs);
        return;
    }
    if (target.type != QLatin1String("A")) {
        // An ISO 14443-B card: a passport's chip answers the ICAO application (the clerk has not
        // asked for a passport read: unsupported here); a resident ID card does not, and shows a
        // plain reader only its PUPI: reading it needs the ID-card reader's SAM.
        const auto icao = transceive(QByteArray::fromHex("00A4040C07A0000002471001"));
        const bool passport = icao && icao->size() >= 2 && icao->endsWith(QByteArray::fromHex("9000"));
        const nfc::NfcCode code = passport ? nfc::NfcCode::CardUnsupported : nfc::NfcCode::ResidentIdCard;
        qCInfo(lcNfc, "tap not read: %s", qPrintable(nfc::nfcCodeName(code)));
        emit tapFailed(code);
        return;
    }
    const auto challenge = nfc::wallet::Challenge::make(m_terminalId, m_clock.now());
    auto read = nfc::readWallet(transceive, challenge, m_wantPortrait);
    if (!read) {
        // The named error only (no card data): the journal says why a guest's tap did nothing.
        qCInfo(lcNfc, "tap not read: %s", qPrintable(nfc::nfcCodeName(read.error().code)));
        emit tapFailed(read.error().code);
        return;
    }
    emit presented(read->presentation, challenge.nonce, m_terminalId, tapNs, read->portrait,
                   read->portraitProblem.has_value());
}

void NfcFeed::readPassport(const icao::MrzKey& key, const nfc::Transceive& transceive, qint64 tapNs) {
    icao::ChipReadOptions options;
    options.progress = [this](quint16 fid, qsizetype done, qsizetype total) {
        emit passportProgress(fid, qint64(done), qint64(total));
    };
    auto read = icao::readChip(transceive, key, options);
    const qint64 readMs = (std::chrono::duration_cast<std::chrono::nanoseconds>(
                               std::chrono::steady_clock::now().time_since_epoch())
                               .count() -
                           tapNs) /
                          1000000;
    if (!read) {
        // A key the chip refuses will not work on the next try either: back to the clerk.
        if (read.error().code == nfc::NfcCode::BacRefused || read.error().code == nfc::NfcCode::PaceRefused)
            cancelPassport();
        emit passportFailed(read.error().code);
        return;
    }
    {
        QMutexLocker l(&m_mutex);
        if (!m_passportKey || !(m_passportKey->documentNumber == key.documentNumber))
            return; // cancelled while reading
        m_passportKey.reset();
    }
    PassportTap tap;
    tap.key = key;
    tap.dataGroups = read->dataGroups();
    tap.activeAuth = read->activeAuth;
    tap.sod = read->files.value(icao::kEfSod).content;
    tap.access = read->access;
    tap.apdus = read->apdus;
    tap.minimumApdus = read->minimumApdus;
    tap.bytes = read->bytesSent + read->bytesReceived;
    tap.readMs = readMs;
    emit passportRead(tap, tapNs);
}

ui::GuestHint nfcHint(nfc::NfcCode code) {
    switch (nfc::nfcFailureKind(code)) {
    case nfc::NfcFailureKind::CardMoved:
        return ui::GuestHint::NfcHoldStill;
    case nfc::NfcFailureKind::CardUnsupported:
        return ui::GuestHint::NfcUnsupportedCard;
    case nfc::NfcFailureKind::IdCard:
        return ui::GuestHint::NfcIdCard;
    case nfc::NfcFailureKind::NoApplication:
        return ui::GuestHint::NfcNoWallet;
    case nfc::NfcFailureKind::HolderDeclined:
        return ui::GuestHint::NfcDeclined;
    case nfc::NfcFailureKind::ReaderFault:
    case nfc::NfcFailureKind::KeyRefused:
    case nfc::NfcFailureKind::Protocol:
        break; // "the reader could not read it, try again"
    }
    return ui::GuestHint::NfcFailed;
}

} // namespace lz
