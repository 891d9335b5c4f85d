#include "verify/VerificationResult.h"

#include "credential/IdentityJson.h"

#include <QDateTime>
#include <QJsonArray>
#include <array>

namespace lz {
namespace {

constexpr std::array<std::pair<Reason, const char*>, 23> kNames{{
    {Reason::Malformed, "malformed"},
    {Reason::UnsupportedVersion, "unsupported_version"},
    {Reason::UnknownIssuer, "unknown_issuer"},
    {Reason::BadIssuerSignature, "bad_issuer_signature"},
    {Reason::BadHolderSignature, "bad_holder_signature"},
    {Reason::CredentialNotYetValid, "credential_not_yet_valid"},
    {Reason::CredentialExpired, "credential_expired"},
    {Reason::PresentationExpired, "presentation_expired"},
    {Reason::PresentationFromFuture, "presentation_from_future"},
    {Reason::Replayed, "replayed"},
    {Reason::Revoked, "revoked"},
    {Reason::TrustListStale, "trust_list_stale"},
    {Reason::TrustListExpired, "trust_list_expired"},
    {Reason::ClockUntrusted, "clock_untrusted"},
    {Reason::BadDocumentSignature, "bad_document_signature"},
    {Reason::UnknownCsca, "unknown_csca"},
    {Reason::CertificateExpired, "certificate_expired"},
    {Reason::CertificateInvalid, "certificate_invalid"},
    {Reason::DataGroupMismatch, "data_group_mismatch"},
    {Reason::ChipAuthenticationFailed, "chip_authentication_failed"},
    {Reason::CardNotAuthentic, "card_not_authentic"},
    {Reason::DocumentInconsistent, "document_inconsistent"},
    {Reason::DocumentExpired, "document_expired"},
}};

double micros(qint64 ns) {
    return double(ns) / 1000.0;
}

} // namespace

QString reasonName(Reason r) {
    for (const auto& [reason, name] : kNames)
        if (reason == r)
            return QString::fromLatin1(name);
    return {};
}

std::optional<Reason> reasonFromName(const QString& name) {
    for (const auto& [reason, n] : kNames)
        if (name == QLatin1String(n))
            return reason;
    return std::nullopt;
}

QList<Reason> allReasons() {
    QList<Reason> out;
    for (const auto& entry : kNames)
        out.append(entry.first);
    return out;
}

QJsonObject VerificationResult::toJson(bool unmasked) const {
    QJsonObject o;
    o.insert(QStringLiteral("verdict"), valid ? QStringLiteral("valid") : QStringLiteral("rejected"));
    o.insert(QStringLiteral("reason"), valid ? QJsonValue() : QJsonValue(reasonName(reason)));
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    QJsonArray warn;
    for (Reason w : warnings)
        warn.append(reasonName(w));
    o.insert(QStringLiteral("warnings"), warn);
    if (identity)
        o.insert(QStringLiteral("identity"),
                 identityToDisplayJson(*identity, unmasked, QDateTime::fromSecsSinceEpoch(checkedAt).date()));
    if (!issuer.isEmpty())
        o.insert(QStringLiteral("issuer"), issuer);
    if (!credentialId.isEmpty())
        o.insert(QStringLiteral("credential_id"), QString::fromLatin1(credentialId.toHex()));
    o.insert(QStringLiteral("checked_at"), checkedAt);
    QJsonObject trust;
    trust.insert(QStringLiteral("sequence"), qint64(trustListSequence));
    trust.insert(QStringLiteral("age_seconds"), trustListAge);
    trust.insert(QStringLiteral("demo"), demo);
    o.insert(QStringLiteral("trust_list"), trust);
    QJsonObject t;
    t.insert(QStringLiteral("decode_us"), micros(timings.decodeNs));
    t.insert(QStringLiteral("issuer_signature_us"), micros(timings.issuerSignatureNs));
    t.insert(QStringLiteral("holder_signature_us"), micros(timings.holderSignatureNs));
    t.insert(QStringLiteral("total_us"), micros(timings.totalNs));
    o.insert(QStringLiteral("timings"), t);
    return o;
}

} // namespace lz
