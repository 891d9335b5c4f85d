#include "cose/CoseSign1.h"

#include "codec/Cbor.h"

#include <QCborArray>

namespace lz {

Expected<CoseSign1> CoseSign1::decode(const QByteArray& cbor)
{
    auto value = cbor::decode(cbor);
    if (!value)
        return unexpected(value.error());
    return fromValue(*value);
}

Expected<CoseSign1> CoseSign1::fromValue(const QCborValue& value)
{
    QCborValue v = value;
    if (v.isTag()) {
        if (v.tag() != QCborTag(kTag))
            return unexpected(QStringLiteral("COSE: tag %1 is not COSE_Sign1").arg(quint64(v.tag())));
        v = v.taggedValue();
    }
    if (!v.isArray() || v.toArray().size() != 4)
        return unexpected(QStringLiteral("COSE: COSE_Sign1 must be an array of 4"));
    const QCborArray a = v.toArray();
    if (!a[0].isByteArray() || !a[1].isMap() || !a[2].isByteArray() || !a[3].isByteArray())
        return unexpected(QStringLiteral("COSE: COSE_Sign1 element of the wrong type"));
    CoseSign1 s;
    s.protectedBytes = a[0].toByteArray();
    if (!s.protectedBytes.isEmpty()) {
        auto ph = cbor::decode(s.protectedBytes);
        if (!ph || !ph->isMap())
            return unexpected(QStringLiteral("COSE: protected header is not a map"));
        s.protectedHeader = ph->toMap();
    }
    s.unprotectedHeader = a[1].toMap();
    if (cbor::hasDuplicateKeys(s.protectedHeader) || cbor::hasDuplicateKeys(s.unprotectedHeader))
        return unexpected(QStringLiteral("COSE: duplicate header label"));
    for (auto it = s.protectedHeader.cbegin(); it != s.protectedHeader.cend(); ++it) {
        if (s.unprotectedHeader.contains(it.key()))
            return unexpected(QStringLiteral("COSE: header label in both buckets"));
    }
    s.payload = a[2].toByteArray();
    s.signature = a[3].toByteArray();
    return s;
}

CoseSign1 CoseSign1::sign(const PrivateKey& key, const QByteArray& kid, const QByteArray& payload)
{
    CoseSign1 s;
    s.protectedHeader.insert(kHeaderAlg, coseAlgorithmId(key.algorithm()));
    if (!kid.isEmpty())
        s.protectedHeader.insert(kHeaderKid, kid);
    s.protectedBytes = s.protectedHeader.toCborValue().toCbor();
    s.payload = payload;
    s.signature = key.sign(s.toBeSigned());
    return s;
}

QByteArray CoseSign1::encode() const
{
    QCborArray a{protectedBytes, unprotectedHeader, payload, signature};
    return QCborValue(QCborTag(kTag), a).toCbor();
}

std::optional<qint64> CoseSign1::algorithmId() const
{
    const QCborValue alg = protectedHeader.value(kHeaderAlg);
    if (!alg.isInteger())
        return std::nullopt;
    return alg.toInteger();
}

QByteArray CoseSign1::keyId() const
{
    const QCborValue kid = protectedHeader.value(kHeaderKid);
    if (kid.isByteArray())
        return kid.toByteArray();
    return unprotectedHeader.value(kHeaderKid).toByteArray();
}

QByteArray CoseSign1::toBeSigned(QByteArrayView externalAad) const
{
    // Sig_structure = ["Signature1", body_protected, external_aad, payload]
    QCborArray sig{QStringLiteral("Signature1"), protectedBytes, externalAad.toByteArray(), payload};
    return sig.toCborValue().toCbor();
}

bool CoseSign1::verify(const PublicKey& key, QByteArrayView externalAad) const
{
    const auto alg = algorithmId();
    if (!alg || *alg != coseAlgorithmId(key.algorithm()))
        return false;
    return key.verify(toBeSigned(externalAad), signature);
}

} // namespace lz
