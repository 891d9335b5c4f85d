#include "nfcreader/NfcWire.h"

#include "codec/Cbor.h"

#include <QtEndian>

namespace lz::nfc {

QByteArray frameMessage(const QCborMap& message) {
    const QByteArray body = QCborValue(message).toCbor();
    QByteArray out(4, '\0');
    qToBigEndian<quint32>(quint32(body.size()), out.data());
    return out + body;
}

NfcExpected<std::optional<QCborMap>> WireReader::next() {
    if (m_buffer.size() < 4)
        return std::optional<QCborMap>{};
    const quint32 length = qFromBigEndian<quint32>(m_buffer.constData());
    if (length == 0 || length > kMaxWireMessage)
        return nfcError(NfcCode::WireOversized, QStringLiteral("message of %1 bytes").arg(length));
    if (m_buffer.size() < 4 + qsizetype(length))
        return std::optional<QCborMap>{};
    auto value = cbor::decode(m_buffer.mid(4, length));
    m_buffer.remove(0, 4 + length);
    if (!value || !value->isMap())
        return nfcError(NfcCode::WireMalformed, value ? QStringLiteral("not a map") : value.error());
    return std::optional<QCborMap>(value->toMap());
}

} // namespace lz::nfc
