#include "desk/Desk.h"

#include "log/RecordId.h"
#include "log/VenueFields.h"
#include "util/Logging.h"

#include "credential/IdNumber.h"

#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>

namespace lz::desk {
namespace {

QString localIso(qint64 s) {
    return QDateTime::fromSecsSinceEpoch(s).toString(Qt::ISODate);
}

} // namespace

QString stayConflictName(StayConflict c) {
    switch (c) {
    case StayConflict::Refuse:
        return QStringLiteral("refuse");
    case StayConflict::Flag:
        return QStringLiteral("flag");
    }
    return {};
}

std::optional<StayConflict> stayConflictFromName(const QString& name) {
    for (StayConflict c : {StayConflict::Refuse, StayConflict::Flag})
        if (stayConflictName(c) == name)
            return c;
    return std::nullopt;
}

Desk::Desk(RegistrationLog* log, VenueContext venue, const Clock& clock, DeskPolicy policy, QString logError)
    : m_log(log)
    , m_venue(std::move(venue))
    , m_clock(clock)
    , m_policy(policy)
    , m_logError(std::move(logError))
    , m_stays(policy.checkoutGraceS) {}

Expected<void, DeskFailure> Desk::open() {
    m_stays.clear();
    m_amended.clear();
    m_corrected.clear();
    if (!m_log)
        return {};
    const qint64 nowMs = m_clock.now() * 1000;
    // Stays reach back at most the lookback; a day ahead covers a clock set back since.
    auto records =
        m_log->listCreated(nowMs - qint64(m_policy.stayLookbackDays) * 86'400'000, nowMs + 86'400'000);
    if (!records)
        return unexpected(DeskFailure{DeskError::LogUnavailable,
                                      QStringLiteral("open stays unknown: %1").arg(records.error().text())});
    // In the log's order (its sequence), not by time: a clock set back must not replay a void
    // before the registration it voids.
    std::sort(records->begin(), records->end(),
              [](const Registration& a, const Registration& b) { return a.seq < b.seq; });
    for (const Registration& r : *records) {
        m_stays.apply(r);
        noteAmendment(r);
    }
    qCDebug(lcDesk, "open: %lld records read, %lld stays open", qint64(records->size()),
            qint64(m_stays.openStays(m_clock.now()).size()));
    return {};
}

void Desk::setVenue(const VenueContext& venue) {
    const QString terminalId = m_venue.terminalId;
    if (venue.type != m_venue.type)
        m_party.reset(); // a party belongs to a hotel
    m_venue = venue;
    m_venue.terminalId = terminalId;
}

QString Desk::eligibility(const Identity& identity) const {
    return checkEligibility(m_venue.type, identity, QDateTime::fromSecsSinceEpoch(m_clock.now()).date());
}

std::optional<PartyView> Desk::party() const {
    if (m_party && m_clock.now() - m_partyActiveAt < m_policy.partyIdleS)
        return m_party;
    return std::nullopt;
}

void Desk::forgetOldDecisions() {
    const qint64 now = m_clock.now();
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (now - it->decision.decidedAt > m_policy.decisionLifetimeS)
            it = m_pending.erase(it);
        else
            ++it;
    }
    // Still too many (a flood of codes): the oldest go first.
    while (m_pending.size() >= m_policy.maxPending) {
        auto oldest = m_pending.begin();
        for (auto it = m_pending.begin(); it != m_pending.end(); ++it)
            if (it->decision.decidedAt < oldest->decision.decidedAt)
                oldest = it;
        m_pending.erase(oldest);
    }
}

Decision Desk::decide(const VerificationResult& result, const QString& method) {
    const qint64 now = m_clock.now();
    Decision d;
    d.result = result;
    d.method = method;
    d.decidedAt = now;
    if (result.valid) {
        m_lastValidCredential = result.credentialId;
        m_lastValidAt = now;
    } else if (result.reason == Reason::Replayed && !m_lastValidCredential.isEmpty() &&
               result.credentialId == m_lastValidCredential && now - m_lastValidAt < m_policy.sameGuestS) {
        d.repeatOfLast = true;
    }
    qCDebug(lcDesk, "decide: %s %s%s", qPrintable(method),
            result.valid ? "valid" : qPrintable(reasonName(result.reason)),
            d.repeatOfLast ? " (same guest again)" : "");
    if (!result.valid) {
        // A refused credential is an attempt in the log (no personal data): fraud stays visible.
        // Text that is no credential at all (a payment code, a poster) is not an attempt, nor is
        // the guest just verified showing the same code again.
        if (result.reason != Reason::Malformed && !d.repeatOfLast && m_log) {
            (void)append(registrationFrom(result, method, m_venue, {}, now * 1000,
                                          QDateTime::fromSecsSinceEpoch(now).offsetFromUtc()));
        }
        return d;
    }
    if (result.identity)
        judgePerson(d, *result.identity, now);
    return issue(d);
}

void Desk::judgePerson(Decision& d, const Identity& person, qint64 now) const {
    d.refusal = eligibility(person);
    if (d.refusal.isEmpty() && m_venue.type == VenueType::Hotel) {
        d.openStay = m_stays.openStayOf(person, now);
        if (d.openStay && m_policy.stayConflict == StayConflict::Refuse)
            d.refusal = QStringLiteral("stay_open");
        // A staff decision carries its own reason; a verified guest's needs the clerk's.
        d.needsOverride = d.openStay && m_policy.stayConflict == StayConflict::Flag && !d.staff;
    }
}

Decision Desk::issue(Decision d) {
    if (!d.refusal.isEmpty()) {
        qCDebug(lcDesk, "decide: refused here: %s", qPrintable(d.refusal));
        return d;
    }
    if (m_venue.type == VenueType::Hotel)
        d.party = party();
    forgetOldDecisions();
    do
        d.id = QRandomGenerator::system()->generate64();
    while (d.id == 0 || m_pending.contains(d.id));
    m_pending.insert(d.id, {d, false});
    return d;
}

Decision Desk::decideManual(const Identity& typed, const StaffOverride& who) {
    const qint64 now = m_clock.now();
    Decision d;
    d.method = QStringLiteral("manual");
    d.decidedAt = now;
    d.result.valid = false; // nothing verified it: the record says so
    d.result.reason = Reason::None;
    d.result.identity = typed;
    d.staff = StaffOverride{who.staffId.trimmed(), who.reason.trimmed()};
    qCDebug(lcDesk, "decide: manual registration by staff");
    if (d.staff->staffId.isEmpty() || d.staff->reason.isEmpty()) {
        d.refusal = deskErrorName(DeskError::OverrideReason);
        return d;
    }
    if (const auto problem = typedIdentityProblem(typed)) {
        d.typedProblem = problem;
        d.refusal = typedProblemName(*problem);
        return d;
    }
    judgePerson(d, typed, now);
    return issue(d);
}

QString Desk::checkDetails(const QJsonObject& details) const {
    return validateDetails(m_venue.type, details);
}

bool Desk::offerFaceCheck(quint64 decisionId, const QString& modelVersion) {
    const auto it = m_pending.find(decisionId);
    if (decisionId == 0 || it == m_pending.end() || it->used)
        return false;
    it->decision.faceModel = modelVersion;
    return true;
}

bool Desk::recordFaceCheck(quint64 decisionId, const face::FaceOutcome& outcome) {
    const auto it = m_pending.find(decisionId);
    if (decisionId == 0 || it == m_pending.end() || it->used || it->decision.faceModel.isEmpty())
        return false;
    it->decision.face = outcome;
    return true;
}

Expected<void, DeskFailure> Desk::addFaceCheck(const Decision& d, QJsonObject& details,
                                               const std::optional<StaffOverride>& faceClerk) const {
    for (const char* key :
         {"face_check", "face_distance", "face_liveness", "face_model", "face_clerk", "face_clerk_reason"})
        details.remove(QLatin1String(key)); // only the desk writes them
    if (d.faceModel.isEmpty())
        return {};
    const QString check = d.face ? d.face->checkName() : QStringLiteral("not_run");
    details.insert(QStringLiteral("face_check"), check);
    details.insert(QStringLiteral("face_model"),
                   d.face && !d.face->model.isEmpty() ? d.face->model : d.faceModel);
    if (d.face && d.face->distance)
        details.insert(QStringLiteral("face_distance"), QString::number(*d.face->distance, 'f', 3));
    if (d.face && !d.face->liveness.isEmpty())
        details.insert(QStringLiteral("face_liveness"), d.face->liveness);
    if (d.face && d.face->confirmsHolder())
        return {};
    // Face recognition may not be the only way (人脸识别技术应用安全管理办法): the clerk looked at
    // the document's photo and the guest, and says who they are and why they register.
    if (!faceClerk || faceClerk->staffId.trimmed().isEmpty() || faceClerk->reason.trimmed().isEmpty())
        return unexpected(DeskFailure{DeskError::FaceUnconfirmed, check});
    details.insert(QStringLiteral("face_clerk"), faceClerk->staffId.trimmed());
    details.insert(QStringLiteral("face_clerk_reason"), faceClerk->reason.trimmed());
    return {};
}

Expected<Registration, DeskFailure> Desk::registerGuest(quint64 decisionId, QJsonObject details,
                                                        const QString& operatorId,
                                                        const std::optional<StaffOverride>& override,
                                                        const std::optional<StaffOverride>& faceClerk) {
    if (!m_log)
        return unexpected(DeskFailure{DeskError::LogUnavailable, m_logError});
    const auto it = m_pending.find(decisionId);
    if (decisionId == 0 || it == m_pending.end())
        return unexpected(DeskFailure{DeskError::UnknownDecision, {}});
    if (it->used)
        return unexpected(DeskFailure{DeskError::DecisionUsed, {}});
    const qint64 now = m_clock.now();
    const Decision& d = it->decision;
    if (now - d.decidedAt > m_policy.decisionLifetimeS)
        return unexpected(DeskFailure{DeskError::DecisionExpired, {}});
    if ((!d.result.valid && !d.staff) || !d.result.identity)
        return unexpected(DeskFailure{DeskError::NotRegistrable, reasonName(d.result.reason)});
    // A staff decision is its own override: the staff member and the reason it was made with.
    const std::optional<StaffOverride> staff = d.staff ? d.staff : override;
    const Identity& identity = *d.result.identity;
    // Checked again: the venue or the stays may have changed while the clerk filled the form.
    if (const QString refused = eligibility(identity); !refused.isEmpty())
        return unexpected(DeskFailure{DeskError::Ineligible, refused});
    if (m_venue.type == VenueType::Hotel) {
        if (const auto stay = m_stays.openStayOf(identity, now)) {
            if (m_policy.stayConflict == StayConflict::Refuse)
                return unexpected(
                    DeskFailure{DeskError::StayOpen, QStringLiteral("room %1").arg(stay->room)});
            if (!staff || staff->staffId.trimmed().isEmpty() || staff->reason.trimmed().isEmpty())
                return unexpected(
                    DeskFailure{DeskError::OverrideReason, QStringLiteral("room %1").arg(stay->room)});
        }
        if (d.party) {
            details.insert(QStringLiteral("room"), d.party->room);
            details.insert(QStringLiteral("check_in"), d.party->checkIn);
            details.insert(QStringLiteral("expected_checkout"), d.party->expectedCheckout);
            details.insert(QStringLiteral("guests"), d.party->guests);
            details.insert(QStringLiteral("party"), d.party->partyId);
        } else {
            details.remove(QStringLiteral("party")); // only the desk names a party
        }
    }
    if (staff && !staff->reason.trimmed().isEmpty()) {
        details.insert(QStringLiteral("override_staff"), staff->staffId.trimmed());
        details.insert(QStringLiteral("override_reason"), staff->reason.trimmed());
    }
    if (auto face = addFaceCheck(d, details, faceClerk); !face)
        return unexpected(face.error());
    if (const QString bad = validateDetails(m_venue.type, details, &identity); !bad.isEmpty())
        return unexpected(DeskFailure{DeskError::Details, bad});
    VenueContext venue = m_venue;
    venue.operatorId = operatorId;
    Registration record = registrationFrom(d.result, d.method, venue, details, now * 1000,
                                           QDateTime::fromSecsSinceEpoch(now).offsetFromUtc());
    if (d.staff) { // 补录: the typed identity, unverified
        record.kind = RecordKind::ManualRegistration;
        record.identity = identity;
        record.documentKind = documentKindName(identity.kind);
        record.details = details;
    }
    auto r = append(record);
    if (!r)
        return r; // the decision stays unused: the clerk may try again once the disk has room
    it->used = true;
    qCDebug(lcDesk, "registered: record %s seq %lld%s", qPrintable(recordIdText(r->id)), r->seq,
            d.staff    ? " (staff's manual registration)"
            : override ? " (clerk's override)"
                       : "");
    m_stays.apply(*r);
    notePartyRegistered(*r);
    return r;
}

void Desk::notePartyRegistered(const Registration& r) {
    if (r.venue.type != VenueType::Hotel)
        return;
    const QString partyId = r.details.value(QLatin1String("party")).toString();
    if (!partyId.isEmpty()) {
        if (m_party && m_party->partyId == partyId) {
            m_partyActiveAt = m_clock.now();
            if (++m_party->registered >= m_party->guests)
                m_party.reset();
        }
        return;
    }
    const int guests = r.details.value(QLatin1String("guests")).toInt(1);
    if (guests <= 1)
        return;
    // A party of several: the first guest's record names the party; the others follow it.
    m_party = PartyView{r.details.value(QLatin1String("room")).toString(),
                        r.details.value(QLatin1String("check_in")).toString(),
                        r.details.value(QLatin1String("expected_checkout")).toString(),
                        QString::fromLatin1(r.id.toHex()),
                        guests,
                        1};
    m_partyActiveAt = m_clock.now();
}

Expected<Registration, DeskFailure> Desk::checkOut(const QByteArray& stayRecordId,
                                                   const QString& operatorId) {
    if (!m_log)
        return unexpected(DeskFailure{DeskError::LogUnavailable, m_logError});
    const auto stay = m_stays.notCheckedOut(stayRecordId);
    if (!stay)
        return unexpected(DeskFailure{DeskError::StayNotOpen, recordIdText(stayRecordId)});
    auto checkIn = m_log->get(stayRecordId);
    if (!checkIn)
        return unexpected(DeskFailure{DeskError::LogUnavailable, checkIn.error().text()});
    const qint64 now = m_clock.now();
    Registration r;
    r.kind = RecordKind::Checkout;
    r.createdAtMs = now * 1000;
    r.utcOffsetS = QDateTime::fromSecsSinceEpoch(now).offsetFromUtc();
    r.method = checkIn->method;
    r.valid = true;
    r.documentKind = checkIn->documentKind;
    r.issuer = checkIn->issuer;
    r.credentialId = checkIn->credentialId;
    r.trustListSequence = checkIn->trustListSequence;
    r.venue = m_venue;
    r.venue.operatorId = operatorId;
    r.identity = checkIn->identity; // who left: the police system matches it to the check-in
    r.details = {{QStringLiteral("stay"), recordIdText(stayRecordId)},
                 {QStringLiteral("room"), stay->room},
                 {QStringLiteral("departed"), localIso(now)}};
    auto written = append(r);
    if (written) {
        qCDebug(lcDesk, "checked out: stay %s, record %s", qPrintable(recordIdText(stayRecordId)),
                qPrintable(recordIdText(written->id)));
        m_stays.apply(*written);
    }
    return written;
}

void Desk::noteAmendment(const Registration& r) {
    const QByteArray target = amendedRecordId(r);
    if (target.isEmpty())
        return;
    if (m_amended.value(target) == RecordKind::Void) // a void is final
        return;
    m_amended.insert(target, r.kind);
    if (r.kind == RecordKind::Correction) {
        QJsonObject fields = r.details;
        fields.remove(QStringLiteral("target"));
        fields.remove(QStringLiteral("amend_reason"));
        m_corrected.insert(target, fields);
    }
}

Expected<Registration, DeskFailure> Desk::amendable(const QByteArray& recordId,
                                                    const StaffOverride& who) const {
    if (!m_log)
        return unexpected(DeskFailure{DeskError::LogUnavailable, m_logError});
    if (who.staffId.trimmed().isEmpty() || who.reason.trimmed().isEmpty())
        return unexpected(DeskFailure{DeskError::OverrideReason, {}});
    auto target = m_log->get(recordId);
    if (!target)
        return unexpected(target.error().code == LogError::RecordNotFound
                              ? DeskFailure{DeskError::NotAmendable, QStringLiteral("unknown_record")}
                              : DeskFailure{DeskError::LogUnavailable, target.error().text()});
    if (!target->registered())
        return unexpected(DeskFailure{DeskError::NotAmendable, QStringLiteral("not_a_registration")});
    if (target->purgedAtMs || !target->identity)
        return unexpected(DeskFailure{DeskError::NotAmendable, QStringLiteral("purged")});
    // Only as far back as the desk read the log at start: what it knows of voids is complete there.
    const qint64 nowMs = m_clock.now() * 1000;
    if (target->createdAtMs < nowMs - qint64(m_policy.stayLookbackDays) * 86'400'000)
        return unexpected(DeskFailure{DeskError::NotAmendable, QStringLiteral("beyond_lookback")});
    if (m_amended.value(target->id) == RecordKind::Void)
        return unexpected(DeskFailure{DeskError::AlreadyVoided, recordIdText(target->id)});
    return *target;
}

Registration Desk::amendmentOf(const Registration& target, RecordKind kind, const StaffOverride& who) const {
    const qint64 now = m_clock.now();
    Registration r;
    r.kind = kind;
    r.createdAtMs = now * 1000;
    r.utcOffsetS = QDateTime::fromSecsSinceEpoch(now).offsetFromUtc();
    // What was checked is the target's: the amendment is about that verification.
    r.method = target.method;
    r.valid = target.valid;
    r.reason = target.reason;
    r.documentKind = target.documentKind;
    r.issuer = target.issuer;
    r.credentialId = target.credentialId;
    r.trustListSequence = target.trustListSequence;
    r.venue = target.venue; // the venue it was registered at, as the terminal was then
    r.venue.terminalId = m_venue.terminalId;
    r.venue.operatorId = who.staffId.trimmed();
    r.details = {{QStringLiteral("target"), recordIdText(target.id)},
                 {QStringLiteral("amend_reason"), who.reason.trimmed()}};
    return r;
}

Expected<Registration, DeskFailure> Desk::voidRecord(const QByteArray& recordId, const StaffOverride& who) {
    auto target = amendable(recordId, who);
    if (!target)
        return unexpected(target.error());
    // No identity: the target names the person, the void need not say it again.
    auto written = append(amendmentOf(*target, RecordKind::Void, who));
    if (written) {
        qCDebug(lcDesk, "voided: record %s by record %s", qPrintable(recordIdText(recordId)),
                qPrintable(recordIdText(written->id)));
        m_stays.apply(*written);
        noteAmendment(*written);
        if (m_party && m_party->partyId == QString::fromLatin1(recordId.toHex()))
            m_party.reset(); // the party's first guest never was: the others start afresh
    }
    return written;
}

Expected<Registration, DeskFailure> Desk::correctRecord(const QByteArray& recordId, QJsonObject details,
                                                        const StaffOverride& who,
                                                        const std::optional<Identity>& typed) {
    auto target = amendable(recordId, who);
    if (!target)
        return unexpected(target.error());
    Registration r = amendmentOf(*target, RecordKind::Correction, who);
    // A verified identity is what the verifier read: only a typed one can be typed again, and it
    // is checked as it was the first time.
    if (typed && target->kind != RecordKind::ManualRegistration)
        return unexpected(DeskFailure{DeskError::NotAmendable, QStringLiteral("identity_verified")});
    if (typed)
        if (const auto problem = typedIdentityProblem(*typed))
            return unexpected(DeskFailure{DeskError::Details, typedProblemName(*problem)});
    r.identity = typed ? *typed : *target->identity;
    // The fields only the desk or the terminal writes (party, override, face check; the check-in
    // time) stay as they were written.
    for (const VenueField& f : venueFields(target->venue.type))
        if (f.source == FieldSource::Desk || f.source == FieldSource::Terminal) {
            const QLatin1String key(f.key);
            details.remove(key);
            if (target->details.contains(key))
                details.insert(key, target->details.value(key));
        }
    details.insert(QStringLiteral("target"), recordIdText(target->id));
    details.insert(QStringLiteral("amend_reason"), who.reason.trimmed());
    if (const QString bad = validateAmendDetails(RecordKind::Correction, r.venue.type, details, &*r.identity);
        !bad.isEmpty())
        return unexpected(DeskFailure{DeskError::Details, bad});
    r.details = details;
    auto written = append(r);
    if (written) {
        qCDebug(lcDesk, "corrected: record %s by record %s", qPrintable(recordIdText(recordId)),
                qPrintable(recordIdText(written->id)));
        m_stays.apply(*written);
        noteAmendment(*written);
    }
    return written;
}

Expected<Registration, DeskFailure> Desk::append(Registration r) {
    auto written = m_log->append(r);
    if (!written)
        qCWarning(lcLog, "append refused: %s", qPrintable(written.error().text()));
    if (!written)
        return unexpected(DeskFailure{written.error().code == LogError::DiskFull ? DeskError::DiskFull
                                                                                 : DeskError::LogWrite,
                                      written.error().text()});
    return *written;
}

Expected<QList<Registration>, DeskFailure> Desk::recordsOfDay(const QDate& day, const QString& query) const {
    if (!m_log)
        return unexpected(DeskFailure{DeskError::LogUnavailable, m_logError});
    auto list = m_log->listCreated(day.startOfDay().toMSecsSinceEpoch(),
                                   day.addDays(1).startOfDay().toMSecsSinceEpoch());
    if (!list)
        return unexpected(DeskFailure{DeskError::LogUnavailable, list.error().text()});
    QList<Registration> out;
    for (const Registration& r : *list)
        if (matchesQuery(r, query)) {
            out.append(r);
            if (const auto it = m_amended.constFind(r.id); it != m_amended.constEnd())
                out.last().amendedBy = *it;
            if (const auto it = m_corrected.constFind(r.id); it != m_corrected.constEnd())
                out.last().correctedDetails = *it;
        }
    return out;
}

QString typedProblemName(TypedProblem p) {
    switch (p) {
    case TypedProblem::NameMissing:
        return QStringLiteral("typed_name_missing");
    case TypedProblem::NumberInvalid:
        return QStringLiteral("typed_number_invalid");
    case TypedProblem::BirthDateMismatch:
        return QStringLiteral("typed_birth_date_mismatch");
    case TypedProblem::SexMismatch:
        return QStringLiteral("typed_sex_mismatch");
    case TypedProblem::NationalityMissing:
        return QStringLiteral("typed_nationality_missing");
    case TypedProblem::BirthDateMissing:
        return QStringLiteral("typed_birth_date_missing");
    }
    return {};
}

std::optional<TypedProblem> typedIdentityProblem(const Identity& t) {
    if (t.name.trimmed().isEmpty())
        return TypedProblem::NameMissing;
    if (t.documentNumber.trimmed().isEmpty())
        return TypedProblem::NumberInvalid;
    if (isTravelDocument(t.kind)) {
        static const QRegularExpression state(QStringLiteral("^[A-Z<]{3}$"));
        if (!state.match(t.nationality).hasMatch())
            return TypedProblem::NationalityMissing;
        if (!t.birthDate.isValid())
            return TypedProblem::BirthDateMissing;
        return {};
    }
    const auto parsed = idnumber::parse(t.documentNumber);
    if (!parsed)
        return TypedProblem::NumberInvalid;
    if (t.birthDate != parsed->birthDate)
        return TypedProblem::BirthDateMismatch;
    if ((t.sex == Sex::Male) != parsed->male)
        return TypedProblem::SexMismatch;
    return {};
}

bool matchesQuery(const Registration& r, const QString& query) {
    if (query.isEmpty())
        return true;
    QStringList hay;
    if (r.identity)
        hay << r.identity->name << r.identity->documentNumber;
    for (auto it = r.details.begin(); it != r.details.end(); ++it)
        hay << it.value().toVariant().toString();
    return hay.join(QLatin1Char('\n')).contains(query, Qt::CaseInsensitive);
}

} // namespace lz::desk
