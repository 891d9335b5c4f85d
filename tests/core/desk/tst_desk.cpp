// The desk: every venue rule between a verification and a registration, on a real log with a
// fixed clock and no widgets. Registers only decisions it issued (once, in time); logs refusals
// as attempts except a repeat of the guest just verified; eligibility; the hotel party; one open
// stay per identity across methods (refused or flagged), closed by check-out or by the grace,
// and known again after a restart.
#include "credential/IdNumber.h"
#include "desk/Desk.h"
#include "log/RecordId.h"
#include "log/VenueFields.h"

#include <QTemporaryDir>
#include <QTest>

using namespace lz;
using namespace lz::desk;

namespace {

constexpr qint64 kNow = 1'790'000'000; // 2026-09-21

// A valid GB 11643 number: region, birth date, sequence, check character.
QString number(const QString& region, QDate birth, int sequence) {
    const QString first17 = region + birth.toString(QStringLiteral("yyyyMMdd")) +
                            QStringLiteral("%1").arg(sequence, 3, 10, QLatin1Char('0'));
    return first17 + idnumber::checkCharacter(first17);
}

Identity person(const QString& documentNumber) {
    Identity id;
    id.kind = DocumentKind::ResidentId;
    id.name = QStringLiteral("测试");
    id.ethnicity = 1;
    id.birthDate = QDate::fromString(documentNumber.mid(6, 8), QStringLiteral("yyyyMMdd"));
    id.documentNumber = documentNumber;
    // The 17th digit says the sex: odd male, even female.
    id.sex =
        documentNumber.size() == 18 && documentNumber.at(16).digitValue() % 2 == 0 ? Sex::Female : Sex::Male;
    return id;
}

const QString kZhang = QStringLiteral("110105194912310011");
const QString kLi = QStringLiteral("11010519491231002X");
const QString kWang = number(QStringLiteral("440305"), QDate(1990, 1, 1), 123);

VerificationResult valid(const Identity& id, const QByteArray& credential = QByteArray()) {
    VerificationResult r;
    r.valid = true;
    r.reason = Reason::None;
    r.identity = id;
    r.issuer = QStringLiteral("DEMO-GD");
    r.credentialId = credential.isEmpty() ? id.documentNumber.toLatin1() : credential;
    r.trustListSequence = 7;
    return r;
}

VerificationResult refused(Reason reason, const QByteArray& credential = "c1") {
    VerificationResult r;
    r.valid = false;
    r.reason = reason;
    r.credentialId = credential;
    return r;
}

QString local(qint64 s) {
    return QDateTime::fromSecsSinceEpoch(s).toString(Qt::ISODate);
}

QJsonObject hotel(const QString& room, int guests = 1, qint64 checkoutAt = kNow + 86400) {
    return {{"room", room},
            {"check_in", local(kNow)},
            {"expected_checkout", local(checkoutAt)},
            {"guests", guests}};
}

} // namespace

class TestDesk : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    PrivateKey m_key = PrivateKey::generate(Algorithm::EdDSA);
    int m_n = 0;
    QString m_path;
    std::unique_ptr<RegistrationLog> m_log;
    FixedClock m_clock{kNow};

    std::unique_ptr<RegistrationLog> openLog(const QString& path) {
        auto log = RegistrationLog::open(path, FieldKeys::fromRaw(1, QByteArray(32, 'k')), m_key,
                                         QStringLiteral("T1"), {});
        if (!log)
            qWarning() << log.error().text();
        return log ? std::move(*log) : nullptr;
    }
    std::unique_ptr<Desk> freshDesk(VenueType type = VenueType::Hotel, DeskPolicy policy = {}) {
        m_clock.set(kNow);
        m_path = m_dir.filePath(QStringLiteral("log%1.db").arg(++m_n));
        m_log = openLog(m_path);
        auto d = std::make_unique<Desk>(m_log.get(), VenueContext{"V1", type, "T1", {}}, m_clock, policy);
        const auto opened = d->open();
        if (!opened)
            qWarning() << opened.error().text();
        return d;
    }
    qint64 records() { return m_log->status()->headSeq; }

private slots:
    void registersOnlyItsOwnDecisionsOnce() {
        auto desk = freshDesk(VenueType::ParcelCounter);
        const QJsonObject parcel{{"waybill", "SF1"}};
        // A decision the desk never issued: whatever a screen sends, nothing is written.
        auto forged = desk->registerGuest(0x1234, parcel, "op");
        QVERIFY(!forged);
        QCOMPARE(forged.error().error, DeskError::UnknownDecision);
        QCOMPARE(desk->registerGuest(0, parcel, "op").error().error, DeskError::UnknownDecision);
        QCOMPARE(records(), 0);

        const Decision d = desk->decide(valid(person(kZhang)), "qr");
        QVERIFY(d.id != 0);
        QVERIFY(d.refusal.isEmpty());
        auto r = desk->registerGuest(d.id, parcel, "op7");
        QVERIFY2(r, r ? "" : qPrintable(r.error().text()));
        QCOMPARE(r->identity->documentNumber, kZhang);
        QCOMPARE(r->venue.operatorId, QStringLiteral("op7"));
        QCOMPARE(r->details.value("waybill").toString(), QStringLiteral("SF1"));
        // Once only.
        auto again = desk->registerGuest(d.id, parcel, "op7");
        QCOMPARE(again.error().error, DeskError::DecisionUsed);
        QCOMPARE(again.error().text(), QStringLiteral("decision_used"));
        QCOMPARE(records(), 1);

        // In time only.
        const Decision late = desk->decide(valid(person(kLi)), "nfc");
        m_clock.advance(desk->policy().decisionLifetimeS + 1);
        QCOMPARE(desk->registerGuest(late.id, parcel, "op7").error().error, DeskError::DecisionExpired);
        QCOMPARE(records(), 1);
    }

    void refusalsAreAttemptsButNotRepeatsOrNoise() {
        auto desk = freshDesk(VenueType::ParcelCounter);
        // Text that is no credential at all: no attempt.
        const Decision noise = desk->decide(refused(Reason::Malformed), "qr");
        QCOMPARE(noise.id, 0u);
        QCOMPARE(records(), 0);
        // A forged code is an attempt, and cannot be registered.
        const Decision forged = desk->decide(refused(Reason::BadIssuerSignature), "qr");
        QCOMPARE(forged.id, 0u);
        QCOMPARE(records(), 1);
        auto all = m_log->listCreated(0, (kNow + 10) * 1000);
        QCOMPARE(all->last().kind, RecordKind::Attempt);
        QCOMPARE(all->last().reason, QStringLiteral("bad_issuer_signature"));
        QVERIFY(!all->last().identity);

        // The guest just verified lowers and raises the phone: "replayed", but no fraud.
        QVERIFY(desk->decide(valid(person(kZhang), "cred-Z"), "qr").id != 0);
        m_clock.advance(30);
        const Decision repeat = desk->decide(refused(Reason::Replayed, "cred-Z"), "qr");
        QVERIFY(repeat.repeatOfLast);
        QCOMPARE(records(), 1);
        // Another credential replayed, or the same one long after: an attempt.
        QVERIFY(!desk->decide(refused(Reason::Replayed, "cred-other"), "qr").repeatOfLast);
        QCOMPARE(records(), 2);
        m_clock.advance(desk->policy().sameGuestS);
        QVERIFY(!desk->decide(refused(Reason::Replayed, "cred-Z"), "qr").repeatOfLast);
        QCOMPARE(records(), 3);
    }

    void eligibilityPerVenue() {
        auto desk = freshDesk(VenueType::InternetCafe);
        const Identity minor = person(number(QStringLiteral("440305"), QDate(2010, 1, 1), 123));
        const Decision d = desk->decide(valid(minor), "qr");
        QCOMPARE(d.refusal, QStringLiteral("under_18"));
        QCOMPARE(d.id, 0u);
        QCOMPARE(records(), 0); // a valid credential is no attempt
        // The same minor at a hotel (with a guardian) is registrable.
        desk->setVenue({"V1", VenueType::Hotel, "ignored", {}});
        QCOMPARE(desk->venue().terminalId, QStringLiteral("T1"));
        QVERIFY(desk->decide(valid(minor), "qr").id != 0);
        // A decision made at the hotel is checked again at the café.
        const Decision atHotel = desk->decide(valid(minor, "again"), "qr");
        desk->setVenue({"V1", VenueType::InternetCafe, "T1", {}});
        auto r = desk->registerGuest(atHotel.id, {{"seat", "A1"}}, "op");
        QCOMPARE(r.error().error, DeskError::Ineligible);
        QCOMPARE(r.error().text(), QStringLiteral("under_18"));
    }

    void detailsAreChecked() {
        auto desk = freshDesk(VenueType::Hotel);
        QCOMPARE(desk->checkDetails({{"room", "1"}}), QStringLiteral("details_missing: check_in"));
        const Decision d = desk->decide(valid(person(kZhang)), "qr");
        auto r = desk->registerGuest(d.id, {{"room", "1203"}}, "op");
        QCOMPARE(r.error().error, DeskError::Details);
        QCOMPARE(r.error().text(), QStringLiteral("details_missing: check_in"));
        // A screen cannot name a party the desk did not start.
        QJsonObject smuggled = hotel("1203");
        smuggled.insert("party", "0123");
        auto ok = desk->registerGuest(d.id, smuggled, "op");
        QVERIFY2(ok, ok ? "" : qPrintable(ok.error().text()));
        QVERIFY(!ok->details.contains("party"));
    }

    void hotelPartySharesTheFirstGuestsRoom() {
        auto desk = freshDesk(VenueType::Hotel);
        QVERIFY(!desk->party());
        auto first =
            desk->registerGuest(desk->decide(valid(person(kZhang)), "qr").id, hotel("1203", 3), "op");
        QVERIFY(first);
        auto party = desk->party();
        QVERIFY(party);
        QCOMPARE(party->room, QStringLiteral("1203"));
        QCOMPARE(party->guests, 3);
        QCOMPARE(party->registered, 1);
        QCOMPARE(party->partyId, QString::fromLatin1(first->id.toHex()));

        // The second guest's decision carries the party; the screen's room is not the desk's.
        const Decision second = desk->decide(valid(person(kLi)), "nfc");
        QVERIFY(second.party);
        auto r2 = desk->registerGuest(second.id, hotel("9999", 1), "op");
        QVERIFY2(r2, r2 ? "" : qPrintable(r2.error().text()));
        QCOMPARE(r2->details.value("room").toString(), QStringLiteral("1203"));
        QCOMPARE(r2->details.value("guests").toInt(), 3);
        QCOMPARE(r2->details.value("party").toString(), party->partyId);
        QCOMPARE(desk->party()->registered, 2);

        // The first guest showing a fresh code again is not "guest 3 of 3" (一证多住).
        const Decision again = desk->decide(valid(person(kZhang), "fresh-presentation"), "qr");
        QCOMPARE(again.refusal, QStringLiteral("stay_open"));
        QCOMPARE(again.openStay->room, QStringLiteral("1203"));
        QCOMPARE(desk->party()->registered, 2);

        auto r3 =
            desk->registerGuest(desk->decide(valid(person(kWang)), "passport").id, hotel("1203", 3), "op");
        QVERIFY(r3);
        QVERIFY(!desk->party()); // complete
        QVERIFY(!desk->decide(valid(person(number(QStringLiteral("440305"), QDate(1990, 1, 1), 567))), "qr")
                     .party);
    }

    void partyEndsWhenIdleOrCancelled() {
        auto desk = freshDesk(VenueType::Hotel);
        QVERIFY(desk->registerGuest(desk->decide(valid(person(kZhang)), "qr").id, hotel("88", 2), "op"));
        QVERIFY(desk->party());
        m_clock.advance(desk->policy().partyIdleS);
        QVERIFY(!desk->party());
        QVERIFY(!desk->decide(valid(person(kLi)), "qr").party);

        QVERIFY(desk->registerGuest(desk->decide(valid(person(kWang)), "qr").id, hotel("89", 2), "op"));
        QVERIFY(desk->party());
        desk->cancelParty();
        QVERIFY(!desk->party());
    }

    void oneOpenStayPerIdentityAcrossMethods() {
        auto desk = freshDesk(VenueType::Hotel);
        auto stay = desk->registerGuest(desk->decide(valid(person(kZhang)), "qr").id, hotel("1203"), "op");
        QVERIFY(stay);
        const qint64 written = records();
        // A second room, by any method: the same ID number is the same person.
        for (const char* method : {"qr", "nfc", "id_card", "scanner"}) {
            const Decision d = desk->decide(valid(person(kZhang), method), method);
            QCOMPARE(d.refusal, QStringLiteral("stay_open"));
            QCOMPARE(d.id, 0u);
            QCOMPARE(d.openStay->recordId, stay->id);
        }
        // Lower case x in the number is the same number.
        Identity lower = person(kLi);
        QVERIFY(desk->registerGuest(desk->decide(valid(lower), "qr").id, hotel("1204"), "op"));
        lower.documentNumber = lower.documentNumber.toLower();
        QCOMPARE(desk->decide(valid(lower, "x"), "nfc").refusal, QStringLiteral("stay_open"));
        QCOMPARE(records(), written + 1);
        // A refusal of the desk's own is no attempt in the log either (the credential was valid).

        // A decision taken before the stay opened is refused when registered.
        const Decision early = desk->decide(valid(person(kWang)), "qr");
        const Decision early2 = desk->decide(valid(person(kWang), "second phone"), "nfc");
        QVERIFY(desk->registerGuest(early.id, hotel("1205"), "op"));
        auto twice = desk->registerGuest(early2.id, hotel("1206"), "op");
        QCOMPARE(twice.error().error, DeskError::StayOpen);
        QCOMPARE(twice.error().text(), QStringLiteral("stay_open: room 1205"));

        // Other venues keep no stays.
        desk->setVenue({"V1", VenueType::ParcelCounter, "T1", {}});
        QVERIFY(desk->decide(valid(person(kZhang), "parcel"), "qr").refusal.isEmpty());
    }

    void flaggedStayNeedsTheClerksReason() {
        DeskPolicy flag;
        flag.stayConflict = StayConflict::Flag;
        auto desk = freshDesk(VenueType::Hotel, flag);
        QVERIFY(desk->registerGuest(desk->decide(valid(person(kZhang)), "qr").id, hotel("1203"), "op"));
        const Decision d = desk->decide(valid(person(kZhang), "again"), "qr");
        QVERIFY(d.refusal.isEmpty());
        QVERIFY(d.needsOverride);
        QCOMPARE(d.openStay->room, QStringLiteral("1203"));
        QCOMPARE(desk->registerGuest(d.id, hotel("1301"), "op").error().error, DeskError::OverrideReason);
        QCOMPARE(desk->registerGuest(d.id, hotel("1301"), "op", StaffOverride{"op", " "}).error().error,
                 DeskError::OverrideReason);
        auto r =
            desk->registerGuest(d.id, hotel("1301"), "op", StaffOverride{"mgr2", "family suite, two rooms"});
        QVERIFY2(r, r ? "" : qPrintable(r.error().text()));
        QCOMPARE(r->details.value("override_staff").toString(), QStringLiteral("mgr2"));
        QCOMPARE(r->details.value("override_reason").toString(), QStringLiteral("family suite, two rooms"));
    }

    void checkOutClosesTheStayAndIsForwarded() {
        auto desk = freshDesk(VenueType::Hotel);
        auto stay = desk->registerGuest(desk->decide(valid(person(kZhang)), "nfc").id, hotel("1203"), "op");
        QVERIFY(stay);
        QCOMPARE(desk->openStays().size(), 1);
        m_clock.advance(3600);
        auto out = desk->checkOut(stay->id, "op9");
        QVERIFY2(out, out ? "" : qPrintable(out.error().text()));
        QCOMPARE(out->kind, RecordKind::Checkout);
        QVERIFY(out->valid);
        QCOMPARE(out->identity->documentNumber, kZhang);
        QCOMPARE(out->venue.operatorId, QStringLiteral("op9"));
        QCOMPARE(out->details.value("stay").toString(), recordIdText(stay->id));
        QCOMPARE(out->details.value("room").toString(), QStringLiteral("1203"));
        QCOMPARE(out->details.value("departed").toString(), local(kNow + 3600));
        QCOMPARE(validateCheckoutDetails(VenueType::Hotel, out->details), QString());
        QVERIFY(desk->openStays().isEmpty());
        // Waiting to be forwarded like any record.
        auto unsent = m_log->unsent(10);
        QVERIFY(unsent);
        QCOMPARE(unsent->last().kind, RecordKind::Checkout);
        // Twice, or a stay that never was: named.
        QCOMPARE(desk->checkOut(stay->id, "op9").error().error, DeskError::StayNotOpen);
        QCOMPARE(desk->checkOut(newRecordId(kNow * 1000), "op9").error().error, DeskError::StayNotOpen);
        // The guest may come back.
        QVERIFY(desk->decide(valid(person(kZhang), "back"), "qr").id != 0);
    }

    void staysEndAfterTheGraceAndSurviveARestart() {
        DeskPolicy policy;
        policy.checkoutGraceS = 3600;
        auto desk = freshDesk(VenueType::Hotel, policy);
        auto a = desk->registerGuest(desk->decide(valid(person(kZhang)), "qr").id, hotel("1", 1, kNow + 7200),
                                     "op");
        auto b =
            desk->registerGuest(desk->decide(valid(person(kLi)), "qr").id, hotel("2", 1, kNow + 86400), "op");
        auto c = desk->registerGuest(desk->decide(valid(person(kWang)), "qr").id, hotel("3", 1, kNow + 86400),
                                     "op");
        QVERIFY(a && b && c);
        auto closed = desk->checkOut(c->id, "op");
        QVERIFY2(closed, closed ? "" : qPrintable(closed.error().text()));

        // A restart: a new desk over the same log knows the open stays (and the closed one).
        desk.reset();
        m_log.reset();
        m_log = openLog(m_path);
        Desk reopened(m_log.get(), {"V1", VenueType::Hotel, "T1", {}}, m_clock, policy);
        QVERIFY(reopened.open());
        QCOMPARE(reopened.openStays().size(), 2);
        QCOMPARE(reopened.decide(valid(person(kZhang), "r1"), "qr").refusal, QStringLiteral("stay_open"));
        QVERIFY(reopened.decide(valid(person(kWang), "r2"), "qr").refusal.isEmpty());

        // Past the expected check-out, within the grace: still open; after it: closed.
        m_clock.set(kNow + 7200 + 1800);
        QCOMPARE(reopened.decide(valid(person(kZhang), "r3"), "qr").refusal, QStringLiteral("stay_open"));
        m_clock.set(kNow + 7200 + 3600);
        QVERIFY(reopened.decide(valid(person(kZhang), "r4"), "qr").refusal.isEmpty());
        QCOMPARE(reopened.openStays().size(), 1);
        // A late check-out is still recorded (the police want the departure).
        QVERIFY(reopened.checkOut(a->id, "op"));
    }

    void noLogNoRegistration() {
        FixedClock clock(kNow);
        Desk desk(nullptr, {"V1", VenueType::ParcelCounter, "T1", {}}, clock, {},
                  "log_unconfigured: set venue/id");
        QVERIFY(desk.open());
        const Decision d = desk.decide(valid(person(kZhang)), "qr");
        auto r = desk.registerGuest(d.id, {{"waybill", "1"}}, "op");
        QCOMPARE(r.error().error, DeskError::LogUnavailable);
        QCOMPARE(r.error().text(), QStringLiteral("log_unavailable: log_unconfigured: set venue/id"));
    }

    void searchFindsByNameNumberOrDetail() {
        auto desk = freshDesk(VenueType::Hotel);
        QVERIFY(desk->registerGuest(desk->decide(valid(person(kZhang)), "qr").id, hotel("1203"), "op"));
        QVERIFY(desk->registerGuest(desk->decide(valid(person(kLi)), "qr").id, hotel("707"), "op"));
        const QDate today = QDateTime::fromSecsSinceEpoch(kNow).date();
        QCOMPARE(desk->recordsOfDay(today, {})->size(), 2);
        QCOMPARE(desk->recordsOfDay(today, "1203")->size(), 1);
        QCOMPARE(desk->recordsOfDay(today, "002x")->size(), 1);
        QCOMPARE(desk->recordsOfDay(today, "nobody")->size(), 0);
        QCOMPARE(desk->recordsOfDay(today.addDays(1), {})->size(), 0);
    }

    // 补录: every reader failed; staff register the person from the document in hand, with their
    // id and a reason. Nothing verified it, and the record says so; the venue's rules still apply.
    void manualRegistrationByStaff() {
        auto desk = freshDesk(VenueType::Hotel);
        const Identity typed = person(kWang);
        QCOMPARE(desk->decideManual(typed, {"mgr-1", " "}).refusal,
                 QStringLiteral("override_reason_missing"));
        QCOMPARE(desk->decideManual(typed, {"", "reader broken"}).id, 0u);
        const Decision d = desk->decideManual(typed, {"mgr-1", "ID card reader broken, card seen"});
        QVERIFY(d.id != 0);
        QVERIFY(d.staff);
        auto r = desk->registerGuest(d.id, hotel("1401"), "clerk-2");
        QVERIFY2(r, r ? "" : qPrintable(r.error().text()));
        QCOMPARE(r->kind, RecordKind::ManualRegistration);
        QVERIFY(!r->valid);
        QVERIFY(r->registered());
        QCOMPARE(r->method, QStringLiteral("manual"));
        QCOMPARE(r->identity->documentNumber, kWang);
        QCOMPARE(r->details.value("override_staff").toString(), QStringLiteral("mgr-1"));
        QCOMPARE(r->details.value("override_reason").toString(),
                 QStringLiteral("ID card reader broken, card seen"));
        QCOMPARE(r->venue.operatorId, QStringLiteral("clerk-2"));
        // It opens a stay like any registration: the same person again is refused, by any way.
        QCOMPARE(desk->decideManual(typed, {"mgr-1", "again"}).refusal, QStringLiteral("stay_open"));
        QCOMPARE(desk->decide(valid(typed), "qr").refusal, QStringLiteral("stay_open"));
        // And it can be checked out.
        QVERIFY(desk->checkOut(r->id, "clerk-2"));
        // A minor at an internet café is refused by hand as by a reader.
        desk->setVenue({"V1", VenueType::InternetCafe, "T1", {}});
        QCOMPARE(
            desk->decideManual(person(number(QStringLiteral("440305"), QDate(2012, 5, 1), 7)), {"mgr-1", "x"})
                .refusal,
            QStringLiteral("under_18"));
    }

    // Issue 18: staff void a registration made by mistake, or correct its room, by a new record
    // naming it; the registration stays as written. A void ends its stay (the guest may register
    // again), a correction moves it; both survive a restart; a void is final.
    void voidAndCorrectionAreNewRecords() {
        auto desk = freshDesk(VenueType::Hotel);
        auto stay = desk->registerGuest(desk->decide(valid(person(kZhang)), "qr").id, hotel("1203"), "op");
        QVERIFY(stay);
        const qint64 before = records();
        // Who and why are required.
        QCOMPARE(desk->voidRecord(stay->id, {"op", " "}).error().error, DeskError::OverrideReason);
        QCOMPARE(desk->voidRecord(stay->id, {"", "mistake"}).error().error, DeskError::OverrideReason);
        QCOMPARE(records(), before);

        // A correction of the room: a new record, the old one unchanged.
        QJsonObject moved = hotel("1205");
        moved.insert("party", "forged"); // a field only the desk writes is the desk's
        auto corrected = desk->correctRecord(stay->id, moved, {"op2", "wrong room typed"});
        QVERIFY2(corrected, corrected ? "" : qPrintable(corrected.error().text()));
        QCOMPARE(corrected->kind, RecordKind::Correction);
        QCOMPARE(amendedRecordId(*corrected), stay->id);
        QCOMPARE(corrected->details.value("room").toString(), QStringLiteral("1205"));
        QVERIFY(!corrected->details.contains("party"));
        QCOMPARE(corrected->details.value("amend_reason").toString(), QStringLiteral("wrong room typed"));
        QCOMPARE(corrected->venue.operatorId, QStringLiteral("op2"));
        QCOMPARE(corrected->identity->documentNumber, kZhang);
        QVERIFY(corrected->valid);
        QCOMPARE(m_log->get(stay->id)->details.value("room").toString(), QStringLiteral("1203"));
        QCOMPARE(desk->openStays().size(), 1);
        QCOMPARE(desk->openStays().first().room, QStringLiteral("1205"));
        // A correction must still be a valid set of the venue's fields.
        QJsonObject noRoom = hotel("x");
        noRoom.remove("room");
        QCOMPARE(desk->correctRecord(stay->id, noRoom, {"op2", "x"}).error().text(),
                 QStringLiteral("details_missing: room"));

        // The listing marks what was amended, with the fields as corrected; the check-in time is
        // the terminal's, not the correction's.
        auto day = desk->recordsOfDay(QDateTime::fromSecsSinceEpoch(kNow).date(), {});
        QVERIFY(day);
        QCOMPARE(day->first().amendedBy, std::optional<RecordKind>(RecordKind::Correction));
        QCOMPARE(day->first().correctedDetails->value("room").toString(), QStringLiteral("1205"));
        QJsonObject backdated = hotel("1206");
        backdated.insert("check_in", local(kNow - 86400));
        auto second = desk->correctRecord(stay->id, backdated, {"op2", "room changed again"});
        QVERIFY2(second, second ? "" : qPrintable(second.error().text()));
        QCOMPARE(second->details.value("check_in").toString(), local(kNow));
        QCOMPARE(desk->openStays().first().room, QStringLiteral("1206"));

        // The void: the stay ends, the identity may check in again; forwarded like any record.
        m_clock.advance(60);
        auto voided = desk->voidRecord(stay->id, {"op2", "guest did not stay"});
        QVERIFY2(voided, voided ? "" : qPrintable(voided.error().text()));
        QCOMPARE(voided->kind, RecordKind::Void);
        QVERIFY(!voided->identity);
        QCOMPARE(voided->details.keys(), QStringList({"amend_reason", "target"}));
        QCOMPARE(validateAmendDetails(RecordKind::Void, VenueType::Hotel, voided->details, nullptr),
                 QString());
        QVERIFY(desk->openStays().isEmpty());
        QVERIFY(desk->decide(valid(person(kZhang), "again"), "qr").refusal.isEmpty());
        auto unsent = m_log->unsent(10);
        QVERIFY(unsent);
        QCOMPARE(unsent->last().kind, RecordKind::Void);
        // A void is final: neither voided nor corrected again.
        QCOMPARE(desk->voidRecord(stay->id, {"op2", "again"}).error().error, DeskError::AlreadyVoided);
        QCOMPARE(desk->correctRecord(stay->id, hotel("1"), {"op2", "x"}).error().error,
                 DeskError::AlreadyVoided);
        // Only registrations: not an attempt, not the void itself, not an unknown id.
        desk->decide(refused(Reason::BadIssuerSignature), "qr");
        auto attempt = m_log->unsent(20)->last();
        QCOMPARE(attempt.kind, RecordKind::Attempt);
        QCOMPARE(desk->voidRecord(attempt.id, {"op2", "x"}).error().detail,
                 QStringLiteral("not_a_registration"));
        QCOMPARE(desk->voidRecord(voided->id, {"op2", "x"}).error().detail,
                 QStringLiteral("not_a_registration"));
        QCOMPARE(desk->voidRecord(newRecordId(kNow * 1000), {"op2", "x"}).error().detail,
                 QStringLiteral("unknown_record"));

        // After a restart the desk still knows the void (rebuilt from the log, like the stays).
        desk.reset();
        m_log.reset();
        m_log = openLog(m_path);
        Desk reopened(m_log.get(), {"V1", VenueType::Hotel, "T1", {}}, m_clock);
        QVERIFY(reopened.open());
        QVERIFY(reopened.openStays().isEmpty());
        QCOMPARE(reopened.voidRecord(stay->id, {"op2", "again"}).error().error, DeskError::AlreadyVoided);
        QVERIFY(m_log->verify().ok());
        // Beyond the lookback the desk cannot know every void: it refuses rather than guess.
        auto other = reopened.registerGuest(reopened.decide(valid(person(kLi)), "qr").id, hotel("9"), "op");
        QVERIFY(other);
        m_clock.advance(61 * 86400);
        QCOMPARE(reopened.voidRecord(other->id, {"op2", "x"}).error().detail,
                 QStringLiteral("beyond_lookback"));
    }

    // A manual registration's typed identity can be corrected; a verified one cannot.
    void correctionOfATypedIdentity() {
        auto desk = freshDesk(VenueType::InternetCafe);
        const Decision d = desk->decideManual(person(kWang), {"mgr-1", "reader broken"});
        auto manual = desk->registerGuest(d.id, {{"seat", "A1"}}, "op");
        QVERIFY2(manual, manual ? "" : qPrintable(manual.error().text()));
        Identity fixed = person(kWang);
        fixed.name = QStringLiteral("王武");
        auto c = desk->correctRecord(manual->id, {{"seat", "A2"}}, {"mgr-1", "name mistyped"}, fixed);
        QVERIFY2(c, c ? "" : qPrintable(c.error().text()));
        QCOMPARE(c->identity->name, QStringLiteral("王武"));
        QVERIFY(!c->valid);
        QCOMPARE(c->details.value("override_reason").toString(), QStringLiteral("reader broken"));
        auto verified =
            desk->registerGuest(desk->decide(valid(person(kLi)), "qr").id, {{"seat", "B1"}}, "op");
        QVERIFY(verified);
        // What the verifier read is not typed again: refused, not silently ignored.
        QCOMPARE(desk->correctRecord(verified->id, {{"seat", "B2"}}, {"op", "moved"}, fixed).error().detail,
                 QStringLiteral("identity_verified"));
        auto v = desk->correctRecord(verified->id, {{"seat", "B2"}}, {"op", "moved"});
        QVERIFY(v);
        QCOMPARE(v->identity->documentNumber, kLi);
        // A typed identity is checked as it was the first time.
        Identity wrong = fixed;
        wrong.sex = wrong.sex == Sex::Male ? Sex::Female : Sex::Male;
        QCOMPARE(desk->correctRecord(manual->id, {{"seat", "A3"}}, {"mgr-1", "x"}, wrong).error().detail,
                 QStringLiteral("typed_sex_mismatch"));
    }

    // 补录's typed identity is checked before anything: a resident ID number by its GB 11643
    // check, and against the birth date and sex typed; a travel document needs its nationality.
    void typedIdentityIsChecked() {
        Identity ok = person(kWang);
        QCOMPARE(typedIdentityProblem(ok), std::nullopt);
        Identity t = ok;
        t.documentNumber[17] = t.documentNumber[17] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        QCOMPARE(typedIdentityProblem(t), TypedProblem::NumberInvalid);
        t = ok;
        t.birthDate = t.birthDate.addDays(1);
        QCOMPARE(typedIdentityProblem(t), TypedProblem::BirthDateMismatch);
        t = ok;
        t.sex = t.sex == Sex::Male ? Sex::Female : Sex::Male;
        QCOMPARE(typedIdentityProblem(t), TypedProblem::SexMismatch);
        t = ok;
        t.name = QStringLiteral(" ");
        QCOMPARE(typedIdentityProblem(t), TypedProblem::NameMissing);
        Identity passport;
        passport.kind = DocumentKind::Passport;
        passport.name = QStringLiteral("SMITH JOHN");
        passport.documentNumber = QStringLiteral("X1234567");
        passport.birthDate = QDate(1980, 5, 1);
        QCOMPARE(typedIdentityProblem(passport), TypedProblem::NationalityMissing);
        passport.nationality = QStringLiteral("GBR");
        QCOMPARE(typedIdentityProblem(passport), std::nullopt);
        auto desk = freshDesk(VenueType::Hotel);
        t = ok;
        t.sex = t.sex == Sex::Male ? Sex::Female : Sex::Male;
        const Decision d = desk->decideManual(t, {"mgr-1", "reader broken"});
        QCOMPARE(d.id, 0u);
        QCOMPARE(d.refusal, QStringLiteral("typed_sex_mismatch"));
        QCOMPARE(d.typedProblem, TypedProblem::SexMismatch);
    }

    void namesAreClosed() {
        QCOMPARE(deskErrorName(DeskError::StayOpen), QStringLiteral("stay_open"));
        QCOMPARE(stayConflictFromName("flag"), StayConflict::Flag);
        QVERIFY(!stayConflictFromName("maybe"));
        QCOMPARE(identityKey(person(kLi)), identityKey(person(kLi.toLower())));
        Identity passport = person(QStringLiteral("E12345678"));
        passport.kind = DocumentKind::Passport;
        passport.issuingState = QStringLiteral("CHN");
        QVERIFY(identityKey(passport) != identityKey(person(QStringLiteral("E12345678"))));
    }
    // Issue 17: the face check's outcome goes into the record (never a face); anything short of
    // a live "same person" needs the clerk's own check of the photo, with who and why.
    void faceCheckIsRecordedAndOnlyALiveMatchNeedsNoClerk() {
        auto desk = freshDesk(VenueType::Hotel);
        // Not offered (no usable photo): nothing about faces in the record, and a screen cannot add it.
        QJsonObject smuggled = hotel("1201");
        smuggled.insert("face_check", "same");
        smuggled.insert("face_model", "x");
        auto plain = desk->registerGuest(desk->decide(valid(person(kZhang)), "passport").id, smuggled, "op");
        QVERIFY2(plain.hasValue(), plain ? "" : qPrintable(plain.error().text()));
        QVERIFY(!plain->details.contains("face_check"));

        // A live "same person": recorded with its distance and model, no clerk needed.
        const Decision d = desk->decide(valid(person(kLi)), "nfc");
        QVERIFY(desk->offerFaceCheck(d.id, "face-api-1.7.15"));
        QVERIFY(desk->recordFaceCheck(
            d.id, face::FaceOutcome{true, face::FaceVerdict::Same, 0.312, "passed", "face-api-1.7.15"}));
        auto same = desk->registerGuest(d.id, hotel("1202"), "op");
        QVERIFY2(same.hasValue(), same ? "" : qPrintable(same.error().text()));
        QCOMPARE(same->details.value("face_check").toString(), QStringLiteral("same"));
        QCOMPARE(same->details.value("face_distance").toString(), QStringLiteral("0.312"));
        QCOMPARE(same->details.value("face_liveness").toString(), QStringLiteral("passed"));
        QCOMPARE(same->details.value("face_model").toString(), QStringLiteral("face-api-1.7.15"));
        QVERIFY(!same->details.contains("face_clerk"));

        // Declined, not live, not the same, or never run: only with the clerk and a reason.
        const struct {
            std::optional<face::FaceOutcome> outcome;
            const char* name;
        } cases[] = {
            {face::FaceOutcome{false, std::nullopt, std::nullopt, {}, "face-api-1.7.15"}, "declined"},
            {face::FaceOutcome{true, std::nullopt, std::nullopt, "liveness_timed_out", "face-api-1.7.15"},
             "not_live"},
            {face::FaceOutcome{true, face::FaceVerdict::Different, 0.71, "passed", "face-api-1.7.15"},
             "different"},
            {face::FaceOutcome{true, face::FaceVerdict::Undecided, 0.5, "passed", "face-api-1.7.15"},
             "undecided"},
            {std::nullopt, "not_run"},
        };
        const QString people[] = {
            number("440305", QDate(1980, 2, 3), 11), number("440305", QDate(1981, 2, 3), 13),
            number("440305", QDate(1982, 2, 3), 15), number("440305", QDate(1983, 2, 3), 17),
            number("440305", QDate(1984, 2, 3), 19)};
        int i = 0;
        for (const auto& c : cases) {
            const Decision x = desk->decide(valid(person(people[i])), "passport");
            QVERIFY(desk->offerFaceCheck(x.id, "face-api-1.7.15"));
            if (c.outcome)
                QVERIFY(desk->recordFaceCheck(x.id, *c.outcome));
            const QJsonObject details = hotel(QStringLiteral("13%1").arg(i));
            auto refused = desk->registerGuest(x.id, details, "op");
            QCOMPARE(refused.error().error, DeskError::FaceUnconfirmed);
            QCOMPARE(refused.error().detail, QString::fromLatin1(c.name));
            QCOMPARE(desk->registerGuest(x.id, details, "op", {}, StaffOverride{"op", " "}).error().error,
                     DeskError::FaceUnconfirmed);
            auto r = desk->registerGuest(x.id, details, "op", {},
                                         StaffOverride{"clerk-7", "photo matches, glasses"});
            QVERIFY2(r.hasValue(), r ? "" : qPrintable(r.error().text()));
            QCOMPARE(r->details.value("face_check").toString(), QString::fromLatin1(c.name));
            QCOMPARE(r->details.value("face_clerk").toString(), QStringLiteral("clerk-7"));
            QCOMPARE(r->details.value("face_clerk_reason").toString(),
                     QStringLiteral("photo matches, glasses"));
            ++i;
        }
        QVERIFY(!desk->offerFaceCheck(0x99, "m"));
        QVERIFY(!desk->recordFaceCheck(d.id, face::FaceOutcome{})); // used already
        // The venue fields' rule stands alone (the gateway runs it on what it receives).
        QCOMPARE(
            validateDetails(VenueType::Hotel, QJsonObject{{"face_check", "different"}, {"face_model", "m"}}),
            QStringLiteral("details_missing: room"));
        QJsonObject bare = hotel("1");
        bare.insert("face_check", "different");
        bare.insert("face_model", "m");
        QCOMPARE(validateDetails(VenueType::Hotel, bare), QStringLiteral("details_missing: face_clerk"));
    }
};

QTEST_GUILESS_MAIN(TestDesk)
#include "tst_desk.moc"
