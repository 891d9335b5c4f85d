#include "cose/CoseSign1.h"

#include "codec/Cbor.h"

#include <QCborArray>
#include <QCborStreamReader>

namespace lz {

namespace {

Unexpected<QString> bad(const QString& what) {
    return unexpected(QStringLiteral("COSE: ") + what);
}

std::optional<QByteArray> readBytes(QCborStreamReader& reader, const QByteArray& input) {
    const auto view = cbor::byteStringView(reader, input);
    return view ? std::optional<QByteArray>(view->toByteArray()) : std::nullopt;
}

} // namespace

Expected<CoseSign1> CoseSign1::parse(const QByteArray& cbor) {
    QCborStreamReader reader(cbor);
    CoseSign1 s;
    if (reader.isTag()) {
        if (reader.toTag() != QCborTag(kTag))
            return bad(QStringLiteral("tag %1 is not COSE_Sign1").arg(quint64(reader.toTag())));
        s.tagged = true;
        reader.next();
    }
    if (!reader.isArray() || !reader.isLengthKnown() || reader.length() != 4)
        return bad(QStringLiteral("COSE_Sign1 must be an array of 4"));
    reader.enterContainer();
    const auto protectedBytes = readBytes(reader, cbor);
    if (!protectedBytes)
        return bad(QStringLiteral("protected header must be a byte string"));
    s.protectedBytes = *protectedBytes;
    if (!reader.isMap())
        return bad(QStringLiteral("unprotected header must be a map"));
    const QCborValue unprotected = QCborValue::fromCbor(reader);
    const auto payload = readBytes(reader, cbor);
    if (!payload)
        return bad(QStringLiteral("payload must be a byte string (detached payloads are not used)"));
    const auto signature = readBytes(reader, cbor);
    if (!signature)
        return bad(QStringLiteral("signature must be a byte string"));
    if (reader.lastError() != QCborError::NoError || reader.hasNext())
        return bad(QStringLiteral("malformed COSE_Sign1"));
    reader.leaveContainer();
    if (reader.lastError() != QCborError::NoError)
        return bad(reader.lastError().toString());
    if (reader.currentOffset() != cbor.size())
        return bad(QStringLiteral("%1 trailing bytes").arg(cbor.size() - reader.currentOffset()));
    s.unprotectedHeader = unprotected.toMap();
    s.payload = *payload;
    s.signature = *signature;
    if (!s.protectedBytes.isEmpty()) {
        auto ph = cbor::decode(s.protectedBytes);
        if (!ph)
            return bad(QStringLiteral("protected header: ") + ph.error());
        if (!ph->isMap())
            return bad(QStringLiteral("protected header is not a map"));
        s.protectedHeader = ph->toMap();
    }
    if (cbor::hasDuplicateKeys(s.protectedHeader) || cbor::hasDuplicateKeys(s.unprotectedHeader))
        return bad(QStringLiteral("duplicate header label"));
    for (auto it = s.protectedHeader.cbegin(); it != s.protectedHeader.cend(); ++it) {
        if (s.unprotectedHeader.contains(it.key()))
            return bad(QStringLiteral("header label in both buckets"));
    }
    return s;
}

Expected<CoseSign1> CoseSign1::decode(const QByteArray& cbor, KidRule kidRule) {
    // Preferred serialization throughout, the tag only at the top (docs/credential-format.md).
    if (auto strict = cbor::checkStrict(cbor, true); !strict)
        return bad(strict.error());
    auto parsed = parse(cbor);
    if (!parsed)
        return parsed;
    const CoseSign1& s = *parsed;
    if (!s.tagged)
        return bad(QStringLiteral("COSE_Sign1 must carry tag 18"));
    // Nothing unprotected is ever used, and junk there could carry anything past the signature.
    if (!s.unprotectedHeader.isEmpty())
        return bad(QStringLiteral("the unprotected header must be empty"));
    for (auto it = s.protectedHeader.cbegin(); it != s.protectedHeader.cend(); ++it) {
        const QCborValue label = it.key();
        if (label == QCborValue(kHeaderCrit))
            return bad(QStringLiteral("critical header parameters are not understood by this version"));
        if (label != QCborValue(kHeaderAlg) && label != QCborValue(kHeaderKid))
            return bad(
                QStringLiteral("header parameter %1 is not allowed").arg(label.toDiagnosticNotation()));
    }
    const QCborValue alg = s.protectedHeader.value(kHeaderAlg);
    if (!alg.isInteger() || !algorithmFromCoseId(alg.toInteger()))
        return bad(
            QStringLiteral("protected alg missing or not one of ES256 (-7), EdDSA (-8), SM2 (-65537)"));
    const QCborValue kid = s.protectedHeader.value(kHeaderKid);
    if (kidRule == KidRule::Required &&
        (!kid.isByteArray() || kid.toByteArray().isEmpty() || kid.toByteArray().size() > kMaxKidSize))
        return bad(QStringLiteral("kid must be a byte string of 1..%1 bytes").arg(kMaxKidSize));
    if (kidRule == KidRule::Forbidden && s.protectedHeader.contains(kHeaderKid))
        return bad(QStringLiteral("kid is not allowed on this layer"));
    // All three algorithms sign with a fixed-size raw signature (r||s, or Ed25519's R||S).
    if (s.signature.size() != kSignatureSize)
        return bad(
            QStringLiteral("signature must be %1 bytes, not %2").arg(kSignatureSize).arg(s.signature.size()));
    return parsed;
}

CoseSign1 CoseSign1::sign(const PrivateKey& key, const QByteArray& kid, const QByteArray& payload) {
    CoseSign1 s;
    s.protectedHeader.insert(kHeaderAlg, coseAlgorithmId(key.algorithm()));
    if (!kid.isEmpty())
        s.protectedHeader.insert(kHeaderKid, kid);
    s.protectedBytes = s.protectedHeader.toCborValue().toCbor();
    s.payload = payload;
    s.signature = key.sign(s.toBeSigned());
    return s;
}

QByteArray CoseSign1::encode() const {
    QCborArray a{protectedBytes, unprotectedHeader, payload, signature};
    return QCborValue(QCborTag(kTag), a).toCbor();
}

std::optional<qint64> CoseSign1::algorithmId() const {
    const QCborValue alg = protectedHeader.value(kHeaderAlg);
    if (!alg.isInteger())
        return std::nullopt;
    return alg.toInteger();
}

QByteArray CoseSign1::keyId() const {
    // Protected only: an unprotected kid could be changed without breaking the signature.
    return protectedHeader.value(kHeaderKid).toByteArray();
}

QByteArray CoseSign1::toBeSignedPrefix(QByteArrayView externalAad) const {
    // Sig_structure = ["Signature1", body_protected, external_aad, payload]
    QByteArray prefix = cbor::head(4, 4) + cbor::head(3, 10) + QByteArrayLiteral("Signature1");
    prefix += cbor::head(2, quint64(protectedBytes.size())) + protectedBytes;
    prefix += cbor::head(2, quint64(externalAad.size())) + externalAad.toByteArray();
    return prefix + cbor::head(2, quint64(payload.size()));
}

QByteArray CoseSign1::toBeSigned(QByteArrayView externalAad) const {
    return toBeSignedPrefix(externalAad) + payload;
}

bool CoseSign1::verify(const PublicKey& key, QByteArrayView externalAad) const {
    const auto alg = algorithmId();
    if (!alg || *alg != coseAlgorithmId(key.algorithm()))
        return false;
    return key.verify({toBeSignedPrefix(externalAad), payload}, signature);
}

} // namespace lz
