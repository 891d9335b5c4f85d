#include "verify/Verifier.h"

#include "cose/CoseSign1.h"
#include "credential/Credential.h"
#include "credential/Presentation.h"
#include "credential/QrPayload.h"
#include "icao/IssuingState.h"
#include "icao/Lds.h"
#include "idcard/CardCheck.h"
#include "util/SteadyClock.h"

#include <QDateTime>
#include <QTimeZone>

namespace lz {
namespace {

// Each step of passive authentication that can fail, as the verifier's reason.
Reason reasonFor(icao::PaFailure failure) {
    switch (failure) {
    case icao::PaFailure::SodMalformed:
        return Reason::Malformed;
    case icao::PaFailure::BadDocumentSignature:
        return Reason::BadDocumentSignature;
    case icao::PaFailure::UnknownCsca:
        return Reason::UnknownCsca;
    case icao::PaFailure::CertificateExpired:
        return Reason::CertificateExpired;
    case icao::PaFailure::CertificateInvalid:
        return Reason::CertificateInvalid;
    case icao::PaFailure::Revoked:
        return Reason::Revoked;
    case icao::PaFailure::DataGroupMismatch:
        return Reason::DataGroupMismatch;
    }
    return Reason::Malformed;
}

// Everything decoded from the bytes before any judgement.
struct Decoded {
    CoseSign1 presentationEnvelope;
    Presentation presentation;
    CoseSign1 credentialEnvelope;
    Credential credential;
};

Expected<Decoded> decode(const QByteArray& cose) {
    Decoded d;
    auto pe = CoseSign1::decode(cose, CoseSign1::KidRule::Forbidden);
    if (!pe)
        return unexpected(pe.error());
    d.presentationEnvelope = std::move(*pe);
    auto p = Presentation::fromClaims(d.presentationEnvelope.payload);
    if (!p)
        return unexpected(p.error());
    d.presentation = std::move(*p);
    auto ce = CoseSign1::decode(d.presentation.credential);
    if (!ce)
        return unexpected(QStringLiteral("credential: ") + ce.error());
    d.credentialEnvelope = std::move(*ce);
    auto c = Credential::fromClaims(d.credentialEnvelope.payload);
    if (!c)
        return unexpected(c.error());
    d.credential = std::move(*c);
    return d;
}

} // namespace

Verifier::Verifier(const TrustStore& trust, const Clock& clock, TimeGuard* guard, ReplayCache* replay,
                   VerifierPolicy policy)
    : m_trust(trust)
    , m_clock(clock)
    , m_guard(guard)
    , m_replay(replay)
    , m_policy(policy) {}

VerificationResult Verifier::verifyQrText(QStringView text) {
    const qint64 start = steadyNowNs();
    auto bytes = qr::decode(text);
    if (!bytes) {
        VerificationResult r;
        switch (bytes.error().problem) {
        case qr::DecodeProblem::Malformed:
            r.reason = Reason::Malformed;
            break;
        case qr::DecodeProblem::UnsupportedVersion:
            r.reason = Reason::UnsupportedVersion;
            break;
        }
        r.detail = bytes.error().detail;
        r.checkedAt = m_clock.now();
        describeTrust(r);
        r.timings.totalNs = r.timings.decodeNs = steadyNowNs() - start;
        return r;
    }
    return verify(*bytes, {}, {}, start);
}

std::shared_ptr<const TrustList> Verifier::describeTrust(VerificationResult& r) const {
    auto list = m_trust.current();
    if (list) {
        r.trustListSequence = list->sequence;
        r.trustListAge = r.checkedAt - list->issuedAt;
        r.demo = list->demo;
    }
    return list;
}

Reason Verifier::checkClockAndTrust(const TrustList* list, qint64 now, VerificationResult& r,
                                    QString& detail) const {
    const qint64 skew = m_policy.clockSkew;
    // The clock first: every later time judgement depends on it.
    if (m_guard && now < m_guard->highWater() - skew) {
        detail =
            QStringLiteral("clock is %1 s behind the latest trusted time").arg(m_guard->highWater() - now);
        return Reason::ClockUntrusted;
    }
    if (!list) {
        detail = QStringLiteral("no trust list installed");
        return Reason::TrustListExpired;
    }
    if (now < list->issuedAt - skew) {
        detail = QStringLiteral("clock is earlier than the trust list's issue time");
        return Reason::ClockUntrusted;
    }
    if (now - list->issuedAt > m_policy.maxOfflineAge) {
        detail = QStringLiteral("trust list is %1 h old (maximum %2 h)")
                     .arg(r.trustListAge / 3600)
                     .arg(m_policy.maxOfflineAge / 3600);
        return Reason::TrustListExpired;
    }
    if (now > list->nextUpdate) {
        if (m_policy.rejectStale) {
            detail = QStringLiteral("trust list is past its next-update time");
            return Reason::TrustListStale;
        }
        r.warnings.append(Reason::TrustListStale);
    }
    if (m_guard) {
        m_guard->observe(list->issuedAt);
        m_guard->observe(now);
    }
    return Reason::None;
}

VerificationResult Verifier::verifyPassport(const QMap<int, QByteArray>& dataGroups, const QByteArray& efSod,
                                            const icao::MrzKey& accessKey, const icao::ActiveAuthExchange& aa,
                                            icao::PassiveAuthResult* paOut) {
    const qint64 start = steadyNowNs();
    VerificationResult r;
    const qint64 now = m_clock.now();
    r.checkedAt = now;
    auto finish = [&](Reason reason, QString detail = {}) {
        r.valid = reason == Reason::None;
        r.reason = reason;
        r.detail = std::move(detail);
        r.timings.totalNs = steadyNowNs() - start;
        return r;
    };
    const auto list = describeTrust(r);
    auto mrz = icao::parseDg1(dataGroups.value(1));
    r.timings.decodeNs = steadyNowNs() - start;
    if (!mrz)
        return finish(Reason::Malformed, QStringLiteral("DG1: ") + mrz.error());
    QString trustDetail;
    if (const Reason trust = checkClockAndTrust(list.get(), now, r, trustDetail); trust != Reason::None)
        return finish(trust, trustDetail);

    const qint64 t0 = steadyNowNs();
    icao::PassiveAuthResult pa = icao::passiveAuthenticate(efSod, dataGroups, *list->cscaStore, now);
    r.timings.issuerSignatureNs = steadyNowNs() - t0;
    if (paOut)
        *paOut = pa;
    r.issuer = pa.signerCountry;
    if (!pa.ok())
        return finish(reasonFor(*pa.failure), pa.failureName() + QStringLiteral(": ") + pa.detail);
    // A CSCA vouches for its own state's documents only.
    if (const QString state = icao::alpha2ForIssuingState(mrz->issuingState);
        !state.isEmpty() && state != pa.signerCountry)
        return finish(Reason::UnknownCsca,
                      QStringLiteral("the document claims issuing state %1, its signer is of %2")
                          .arg(state, pa.signerCountry));
    // Signed and intact, but is it this document? The chip opened with the clerk's key; a DG1
    // with another MRZ would be someone else's genuine data on this chip.
    if (mrz->key.documentNumber != accessKey.documentNumber || mrz->key.birthDate != accessKey.birthDate ||
        mrz->key.expiryDate != accessKey.expiryDate)
        return finish(Reason::DataGroupMismatch,
                      QStringLiteral("DG1 does not carry the MRZ that opened the chip"));
    const QDate today = QDateTime::fromSecsSinceEpoch(now, QTimeZone::utc()).date();
    Identity identity = icao::identityFromMrz(*mrz, today);
    r.credentialExpiresAt =
        QDateTime(identity.expiryDate.addDays(1), QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch();
    if (auto valid = validateIdentity(identity); !valid)
        return finish(Reason::Malformed, QStringLiteral("DG1: ") + valid.error());
    if (now - m_policy.clockSkew >= r.credentialExpiresAt)
        return finish(Reason::CredentialExpired, QStringLiteral("the document expired"));
    // DG15 (vouched for by passive authentication above) says the chip can prove itself; a
    // security object that lists it with no DG15 read is a chip hiding it.
    if (pa.signedDataGroups.contains(15) && !dataGroups.contains(15))
        return finish(Reason::ChipAuthenticationFailed,
                      QStringLiteral("the security object lists DG15 but it was not read"));
    if (dataGroups.contains(15)) {
        auto proven = icao::verifyActiveAuthentication(dataGroups.value(15), dataGroups.value(14), aa);
        if (!proven)
            return finish(Reason::ChipAuthenticationFailed, proven.error());
        pa.activeAuthenticated = true;
        if (paOut)
            *paOut = pa;
    }
    r.identity = identity;
    return finish(Reason::None);
}

VerificationResult Verifier::verifyPresentation(const QByteArray& cose, const QByteArray& expectedNonce,
                                                const QString& expectedAudience) {
    return verify(cose, expectedNonce, expectedAudience, steadyNowNs());
}

VerificationResult Verifier::verify(const QByteArray& cose, const QByteArray& expectedNonce,
                                    const QString& expectedAudience, qint64 startNs) {
    VerificationResult r;
    const qint64 now = m_clock.now();
    r.checkedAt = now;
    const qint64 skew = m_policy.clockSkew;
    auto finish = [&](Reason reason, QString detail = {}) {
        r.valid = reason == Reason::None;
        r.reason = reason;
        r.detail = std::move(detail);
        r.timings.totalNs = steadyNowNs() - startNs;
        return r;
    };

    auto decoded = decode(cose);
    r.timings.decodeNs = steadyNowNs() - startNs;
    const auto list = describeTrust(r); // every result says how old the list is
    if (!decoded)
        return finish(Reason::Malformed, decoded.error());
    const Credential& cred = decoded->credential;
    const Presentation& pres = decoded->presentation;

    QString trustDetail;
    if (const Reason trust = checkClockAndTrust(list.get(), now, r, trustDetail); trust != Reason::None)
        return finish(trust, trustDetail);

    const IssuerKey* key = list->findIssuer(decoded->credentialEnvelope.keyId());
    if (!key)
        return finish(Reason::UnknownIssuer, QStringLiteral("no issuer key with this kid in the trust list"));
    r.issuer = key->issuer;
    r.issuerName = key->name;
    if (key->issuer != cred.issuer)
        return finish(Reason::UnknownIssuer,
                      QStringLiteral("credential's iss does not match the key's issuer"));
    if (cred.issuedAt < key->notBefore || cred.issuedAt > key->notAfter)
        return finish(Reason::UnknownIssuer,
                      QStringLiteral("issuer key was not valid when the credential was issued"));
    // The shell model: a key vouches for nothing outside its own window. iat is the signer's own
    // claim, so a retired key could back-date it; bounding the credential's whole validity by the
    // key's means a key past its not_after signs nothing that is still valid, whatever it claims.
    if (now - skew > key->notAfter)
        return finish(Reason::UnknownIssuer, QStringLiteral("issuer key retired (past its not_after)"));
    if (cred.notBefore < key->notBefore || cred.expiresAt > key->notAfter)
        return finish(Reason::UnknownIssuer,
                      QStringLiteral("credential's validity reaches outside its issuer key's window"));

    const qint64 t0 = steadyNowNs();
    const bool issuerOk = decoded->credentialEnvelope.verify(key->key);
    const qint64 t1 = steadyNowNs();
    r.timings.issuerSignatureNs = t1 - t0;
    if (!issuerOk)
        return finish(Reason::BadIssuerSignature);
    const bool holderOk = decoded->presentationEnvelope.verify(cred.holderKey);
    r.timings.holderSignatureNs = steadyNowNs() - t1;
    if (!holderOk)
        return finish(Reason::BadHolderSignature);
    r.credentialId = cred.id;
    r.credentialExpiresAt = cred.expiresAt;
    r.portraitHash = cred.portraitHash;
    r.presentationId = pres.jti;

    if (now + skew < cred.notBefore)
        return finish(Reason::CredentialNotYetValid);
    if (now - skew >= cred.expiresAt)
        return finish(Reason::CredentialExpired);
    if (pres.issuedAt > now + skew)
        return finish(
            Reason::PresentationFromFuture,
            QStringLiteral("presentation issued %1 s ahead of this clock").arg(pres.issuedAt - now));
    if (now - skew >= pres.expiresAt)
        return finish(Reason::PresentationExpired,
                      QStringLiteral("presentation expired %1 s ago").arg(now - pres.expiresAt));
    // A phone's answer to an NFC challenge is for that terminal and that moment only: shown as a
    // QR code (no challenge expected) it would let a skimmed answer be used elsewhere.
    if (expectedNonce.isEmpty() && (!pres.nonce.isEmpty() || !pres.audience.isEmpty()))
        return finish(Reason::Replayed,
                      QStringLiteral("an answer to an NFC challenge is not valid as a QR code"));
    if (!expectedNonce.isEmpty() && pres.nonce != expectedNonce)
        return finish(Reason::Replayed,
                      QStringLiteral("presentation does not answer this terminal's challenge"));
    if (!expectedAudience.isEmpty() && pres.audience != expectedAudience)
        return finish(Reason::Replayed, QStringLiteral("presentation answers another terminal's challenge"));
    if (list->isRevoked(cred.issuer, cred.id))
        return finish(Reason::Revoked);
    // A journal that could not be read back in full may have held this code: refuse it as a
    // possible replay rather than pass it (the window closes once such codes have expired).
    if (m_replay && m_replay->mayHaveSeen(pres.issuedAt))
        return finish(Reason::Replayed,
                      QStringLiteral("the replay journal was damaged and this code was made before that "
                                     "was found; show a fresh code"));
    if (m_replay && m_replay->checkAndRecord(pres.jti, pres.expiresAt + skew, now))
        return finish(Reason::Replayed, QStringLiteral("this presentation was already accepted"));

    r.identity = cred.identity;
    return finish(Reason::None);
}

VerificationResult Verifier::verifyIdCard(const QByteArray& textBlock, const QString& samId,
                                          const QByteArray& newAddress) {
    const qint64 start = steadyNowNs();
    VerificationResult r;
    r.checkedAt = m_clock.now();
    r.issuer = samId;
    r.issuerName = QStringLiteral("SAM");
    const auto finish = [&](Reason reason, QString detail = {}) {
        r.reason = reason;
        r.valid = reason == Reason::None;
        r.detail = std::move(detail);
        if (!r.valid)
            r.identity.reset();
        r.timings.totalNs = r.timings.decodeNs = steadyNowNs() - start;
        return r;
    };
    auto card = idcard::parseTextBlock(textBlock);
    if (!card)
        return finish(Reason::Malformed, card.error());
    // The card's dates are the venue's calendar days.
    const QDate today = QDateTime::fromSecsSinceEpoch(r.checkedAt).date();
    auto identity = idcard::identityOf(*card, today);
    if (!identity) {
        switch (identity.error().problem) {
        case idcard::CardProblem::Malformed:
            return finish(Reason::Malformed, identity.error().detail);
        case idcard::CardProblem::Inconsistent:
            return finish(Reason::DocumentInconsistent, identity.error().detail);
        case idcard::CardProblem::Expired:
            return finish(Reason::DocumentExpired, identity.error().detail);
        }
    }
    r.identity = *identity;
    if (!newAddress.isEmpty()) {
        auto address = idcard::parseNewAddress(newAddress);
        if (!address)
            return finish(Reason::Malformed, address.error());
        r.identity->address = *address;
    }
    if (identity->expiryDate.isValid())
        r.credentialExpiresAt = identity->expiryDate.endOfDay().toSecsSinceEpoch();
    return finish(Reason::None);
}

VerificationResult Verifier::refuseIdCard(const QString& samError, const QString& samId) {
    VerificationResult r;
    r.checkedAt = m_clock.now();
    r.issuer = samId;
    r.issuerName = QStringLiteral("SAM");
    r.reason = Reason::CardNotAuthentic;
    r.detail = samError;
    return r;
}

} // namespace lz
