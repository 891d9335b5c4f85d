#include "crypto/Algorithm.h"

namespace lz {

qint64 coseAlgorithmId(Algorithm alg) {
    switch (alg) {
    case Algorithm::ES256:
        return cose::kAlgES256;
    case Algorithm::EdDSA:
        return cose::kAlgEdDSA;
    case Algorithm::SM2:
        return cose::kAlgSM2SM3;
    }
    return 0;
}

std::optional<Algorithm> algorithmFromCoseId(qint64 id) {
    switch (id) {
    case cose::kAlgES256:
        return Algorithm::ES256;
    case cose::kAlgEdDSA:
        return Algorithm::EdDSA;
    case cose::kAlgSM2SM3:
        return Algorithm::SM2;
    default:
        return std::nullopt;
    }
}

QString algorithmName(Algorithm alg) {
    switch (alg) {
    case Algorithm::ES256:
        return QStringLiteral("ES256");
    case Algorithm::EdDSA:
        return QStringLiteral("EdDSA");
    case Algorithm::SM2:
        return QStringLiteral("SM2");
    }
    return {};
}

std::optional<Algorithm> algorithmFromName(const QString& name) {
    const QString n = name.toUpper();
    if (n == QLatin1String("ES256"))
        return Algorithm::ES256;
    if (n == QLatin1String("EDDSA") || n == QLatin1String("ED25519"))
        return Algorithm::EdDSA;
    if (n == QLatin1String("SM2") || n == QLatin1String("SM2-SM3"))
        return Algorithm::SM2;
    return std::nullopt;
}

} // namespace lz
