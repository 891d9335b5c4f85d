#include "face/DocumentPortrait.h"

#include "crypto/Digest.h"

namespace lz::face {

QString portraitProblemName(PortraitProblem p) {
    switch (p) {
    case PortraitProblem::None:
        return QStringLiteral("none");
    case PortraitProblem::NoPhoto:
        return QStringLiteral("portrait_absent");
    case PortraitProblem::NotCommitted:
        return QStringLiteral("portrait_not_signed");
    case PortraitProblem::Mismatch:
        return QStringLiteral("portrait_mismatch");
    }
    return QStringLiteral("portrait_absent");
}

PortraitProblem checkWalletPortrait(const VerificationResult& verified, const QByteArray& jpeg) {
    if (jpeg.isEmpty())
        return PortraitProblem::NoPhoto;
    if (!verified.valid || verified.portraitHash.isEmpty())
        return PortraitProblem::NotCommitted;
    if (sha256({jpeg}) != verified.portraitHash)
        return PortraitProblem::Mismatch;
    return PortraitProblem::None;
}

} // namespace lz::face
