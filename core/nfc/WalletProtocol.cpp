#include "nfc/WalletProtocol.h"

#include "codec/Cbor.h"
#include "credential/Claims.h"

#include <QCborMap>
#include <openssl/rand.h>

namespace lz::nfc::wallet {

QByteArray AppInfo::encode() const {
    QCborMap m;
    m.insert(1, version);
    if (portraitBytes > 0)
        m.insert(kAppInfoPortraitBytes, portraitBytes);
    return QCborValue(m).toCbor();
}

NfcExpected<AppInfo> AppInfo::decode(const QByteArray& bytes) {
    auto v = cbor::decode(bytes);
    if (!v || !v->isMap())
        return nfcError(NfcCode::WalletBadResponse, QStringLiteral("application info is not a CBOR map"));
    // Version 1's one key, and the extension range (ignored); anything else is refused
    // (docs/nfc-credential.md "Versions"), as in the credential.
    const QCborMap info = v->toMap();
    for (auto it = info.cbegin(); it != info.cend(); ++it)
        if (!it.key().isInteger() ||
            (it.key().toInteger() != 1 && !claims::isExtension(it.key().toInteger())))
            return nfcError(
                NfcCode::WalletBadResponse,
                QStringLiteral("application info: unknown key %1").arg(it.key().toDiagnosticNotation()));
    const auto version = cbor::integer(info.value(1), 0, 255);
    if (!version)
        return nfcError(NfcCode::WalletBadResponse, QStringLiteral("application info without a version"));
    if (*version != kVersion)
        return nfcError(NfcCode::WalletVersion,
                        QStringLiteral("wallet speaks version %1, terminal %2").arg(*version).arg(kVersion));
    AppInfo out{int(*version), 0};
    if (info.contains(kAppInfoPortraitBytes)) {
        const auto size = cbor::integer(info.value(kAppInfoPortraitBytes), 1, kMaxPortraitBytes);
        if (!size)
            return nfcError(
                NfcCode::PortraitTooLarge,
                QStringLiteral("application info: portrait size not 1..%1").arg(kMaxPortraitBytes));
        out.portraitBytes = int(*size);
    }
    return out;
}

Challenge Challenge::make(const QString& terminalId, qint64 now) {
    Challenge c;
    c.nonce = QByteArray(kNonceBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char*>(c.nonce.data()), kNonceBytes) != 1)
        qFatal("RAND_bytes failed"); // a predictable challenge would make replays possible
    c.terminalId = terminalId;
    c.time = now;
    return c;
}

QByteArray Challenge::encode() const {
    QCborMap m;
    m.insert(1, nonce);
    m.insert(2, terminalId);
    m.insert(3, time);
    return QCborValue(m).toCbor();
}

NfcExpected<Challenge> Challenge::decode(const QByteArray& bytes) {
    auto v = cbor::decode(bytes);
    if (!v || !v->isMap())
        return nfcError(NfcCode::WalletBadResponse, QStringLiteral("challenge is not a CBOR map"));
    const QCborMap m = v->toMap();
    const auto nonce = cbor::bytes(m.value(1), kNonceBytes, 64);
    const auto terminal = cbor::text(m.value(2), 64);
    const auto time = cbor::integer(m.value(3), 0, qint64(1) << 40);
    for (auto it = m.cbegin(); it != m.cend(); ++it)
        if (!it.key().isInteger() || ((it.key().toInteger() < 1 || it.key().toInteger() > 3) &&
                                      !claims::isExtension(it.key().toInteger())))
            return nfcError(NfcCode::WalletBadResponse,
                            QStringLiteral("challenge: unknown key %1").arg(it.key().toDiagnosticNotation()));
    if (!nonce || !terminal || !time)
        return nfcError(NfcCode::WalletBadResponse, QStringLiteral("challenge fields missing or mistyped"));
    return Challenge{*nonce, *terminal, *time};
}

} // namespace lz::nfc::wallet
