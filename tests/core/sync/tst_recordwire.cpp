// The sync API's JSON: a record survives the trip, malformed fields are named, out-of-range
// numbers are refused (found by fuzz_sync_wire), acks are read strictly.
#include "log/RecordId.h"
#include "samples/Samples.h"
#include "sync/RecordWire.h"

#include <QJsonArray>
#include <QTest>

using namespace lz;

class TestRecordWire : public QObject {
    Q_OBJECT

    static Registration sample() {
        Registration r = samples::qrRegistration(
            1'795'375'160'000, QStringLiteral("TEST-CTID"), QByteArray::fromHex("00000000000000aa"),
            {QStringLiteral("V-1"), VenueType::ParcelCounter, QStringLiteral("T-01"), QStringLiteral("op")});
        r.id = newRecordId(r.createdAtMs);
        r.seq = 7;
        r.trustListSequence = 3;
        r.details = {{"waybill", "SF1234567890"}};
        Identity id;
        id.name = QStringLiteral("王五");
        id.birthDate = QDate(1949, 12, 31);
        id.documentNumber = QStringLiteral("110105194912310011");
        id.ethnicity = 1;
        r.identity = id;
        r.contentHash = QByteArray(32, 'c');
        r.chainHash = QByteArray(32, 'h');
        return r;
    }

private slots:
    void roundTrip() {
        const Registration r = sample();
        auto back = wire::recordFromJson(wire::recordToJson(r));
        QVERIFY(back);
        QCOMPARE(back->id, r.id);
        QCOMPARE(back->seq, r.seq);
        QCOMPARE(back->identity, r.identity);
        QCOMPARE(back->details, r.details);
        QCOMPARE(back->chainHash, r.chainHash);
        QCOMPARE(back->venue.type, VenueType::ParcelCounter);
    }

    // Issue 15: a stay's end is a record of its own (kind checkout), accepted by the gateway;
    // it names the stay and carries who left, and only a hotel has stays.
    void checkoutRecords() {
        Registration r = sample();
        r.kind = RecordKind::Checkout;
        r.venue.type = VenueType::Hotel;
        r.details = {{"stay", recordIdText(newRecordId(1'795'375'000'000))},
                     {"room", "1203"},
                     {"departed", "2026-11-22T11:40:00"}};
        auto back = wire::recordFromJson(wire::recordToJson(r));
        QVERIFY2(back, back ? "" : qPrintable(back.error()));
        QCOMPARE(back->kind, RecordKind::Checkout);
        QCOMPARE(back->details, r.details);
        auto bad = [&](auto change) {
            Registration c = r;
            change(c);
            auto got = wire::recordFromJson(wire::recordToJson(c));
            return got ? QStringLiteral("accepted") : got.error();
        };
        QCOMPARE(bad([](Registration& c) { c.details.remove("stay"); }),
                 QStringLiteral("details_missing: stay"));
        QCOMPARE(bad([](Registration& c) { c.details.insert("stay", "room 5"); }),
                 QStringLiteral("details_invalid: stay"));
        QCOMPARE(bad([](Registration& c) { c.details.insert("departed", "soon"); }),
                 QStringLiteral("details_invalid: departed"));
        QCOMPARE(bad([](Registration& c) { c.details.insert("seat", "A1"); }),
                 QStringLiteral("details_unknown: seat"));
        QCOMPARE(bad([](Registration& c) { c.venue.type = VenueType::InternetCafe; }),
                 QStringLiteral("details_invalid: a checkout is a hotel's"));
        QCOMPARE(bad([](Registration& c) { c.identity.reset(); }),
                 QStringLiteral("a checkout must carry the identity"));
        QCOMPARE(bad([](Registration& c) { c.valid = false; }),
                 QStringLiteral("a registration or checkout must be valid and an attempt rejected"));
    }

    // 补录 on the wire: never valid (nothing verified it), with the identity, and staff's reason.
    void manualRegistrationRecords() {
        Registration r = sample();
        r.kind = RecordKind::ManualRegistration;
        r.valid = false;
        r.method = QStringLiteral("manual");
        r.details.insert("override_staff", "mgr-1");
        r.details.insert("override_reason", "reader broken");
        auto back = wire::recordFromJson(wire::recordToJson(r));
        QVERIFY2(back, back ? "" : qPrintable(back.error()));
        QCOMPARE(back->kind, RecordKind::ManualRegistration);
        Registration claimed = r;
        claimed.valid = true;
        QCOMPARE(wire::recordFromJson(wire::recordToJson(claimed)).error(),
                 QStringLiteral("a manual_registration is never valid (nothing verified it)"));
        Registration anonymous = r;
        anonymous.details.remove("override_staff");
        anonymous.details.remove("override_reason");
        QCOMPARE(wire::recordFromJson(wire::recordToJson(anonymous)).error(),
                 QStringLiteral("details_missing: override_reason"));
    }

    // Issue 18: a void names its registration and carries no identity; a correction carries the
    // venue's fields as corrected, checked as a registration's, and the identity.
    void voidAndCorrectionRecords() {
        const Registration target = sample();
        Registration v = target;
        v.kind = RecordKind::Void;
        v.identity.reset();
        v.details = {{"target", recordIdText(target.id)}, {"amend_reason", "registered by mistake"}};
        auto back = wire::recordFromJson(wire::recordToJson(v));
        QVERIFY2(back, back ? "" : qPrintable(back.error()));
        QCOMPARE(back->kind, RecordKind::Void);
        QCOMPARE(amendedRecordId(*back), target.id);
        Registration c = target;
        c.kind = RecordKind::Correction;
        c.details = {{"waybill", "SF0000000001"},
                     {"target", recordIdText(target.id)},
                     {"amend_reason", "typo in the waybill"}};
        back = wire::recordFromJson(wire::recordToJson(c));
        QVERIFY2(back, back ? "" : qPrintable(back.error()));
        QCOMPARE(back->kind, RecordKind::Correction);
        QCOMPARE(back->identity, target.identity);
        auto bad = [](Registration r, auto change) {
            change(r);
            auto got = wire::recordFromJson(wire::recordToJson(r));
            return got ? QStringLiteral("accepted") : got.error();
        };
        QCOMPARE(bad(v, [](Registration& r) { r.identity = sample().identity; }),
                 QStringLiteral("a void carries no identity"));
        QCOMPARE(bad(v, [](Registration& r) { r.details.remove("amend_reason"); }),
                 QStringLiteral("details_missing: amend_reason"));
        QCOMPARE(bad(v, [](Registration& r) { r.details.insert("target", "room 5"); }),
                 QStringLiteral("details_invalid: target"));
        QCOMPARE(bad(v, [](Registration& r) { r.details.insert("waybill", "x"); }),
                 QStringLiteral("details_unknown: waybill"));
        QCOMPARE(bad(c, [](Registration& r) { r.details.remove("waybill"); }),
                 QStringLiteral("details_missing: waybill"));
        QCOMPARE(bad(c, [](Registration& r) { r.identity.reset(); }),
                 QStringLiteral("a correction must carry the identity"));
    }

    void malformedFieldsAreNamed_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing seq") << "seq" << QJsonValue(QJsonValue::Undefined)
                                     << "field seq missing or not a number";
        QTest::newRow("huge seq") << "seq" << QJsonValue(1.8e109) << "field seq is not an integer";
        QTest::newRow("fraction") << "created_ms" << QJsonValue(1.5) << "field created_ms is not an integer";
        QTest::newRow("short hash") << "chain_hash" << QJsonValue("abcd")
                                    << "field chain_hash is not 32-byte hex";
        QTest::newRow("bad id") << "id" << QJsonValue("not-a-uuid") << "field id is not a UUID";
        QTest::newRow("venue type") << "venue_type" << QJsonValue("spaceport")
                                    << "field venue_type is not a venue type";
        QTest::newRow("details") << "details" << QJsonValue(QJsonObject{}) << "details_missing: waybill";
        // Issue 14: versions and reserved kinds are refused by name.
        QTest::newRow("version 2") << "v" << QJsonValue(2) << "unsupported_record_version: v 2";
        // Issue 18: void and correction are kinds now; one without its target is refused by name.
        QTest::newRow("correction without target")
            << "kind" << QJsonValue("correction") << "details_missing: target";
        QTest::newRow("unknown kind")
            << "kind" << QJsonValue("party")
            << "field kind must be registration, attempt, checkout, manual_registration, void or correction";
        QTest::newRow("short personal hash")
            << "personal_hash" << QJsonValue("abcd") << "field personal_hash is not 32-byte hex";
    }
    void malformedFieldsAreNamed() {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, error);
        QJsonObject o = wire::recordToJson(sample());
        if (value.isUndefined())
            o.remove(field);
        else
            o.insert(field, value);
        auto r = wire::recordFromJson(o);
        QVERIFY(!r);
        QCOMPARE(r.error(), error);
    }

    void olderTerminalsWithoutPersonalHash() {
        // Review of issue 14: a terminal from before sends no personal_hash; its records are taken
        // (the gateway flags them as not recomputable), and null still means "no personal fields".
        QJsonObject o = wire::recordToJson(sample());
        o.remove(QStringLiteral("personal_hash"));
        o.remove(QStringLiteral("v"));
        o.remove(QStringLiteral("terminal_check"));
        auto r = wire::recordFromJson(o);
        QVERIFY2(r, r ? "" : qPrintable(r.error()));
        QVERIFY(!r->personalHashKnown);
        o.insert(QStringLiteral("personal_hash"), QJsonValue());
        r = wire::recordFromJson(o);
        QVERIFY(r && r->personalHashKnown && r->personalHash.isEmpty());
    }
    void attemptsCarryNoIdentityRequirement() {
        Registration a = sample();
        a.kind = RecordKind::Attempt;
        a.valid = false;
        a.reason = QStringLiteral("replayed");
        a.identity.reset();
        a.details = {};
        QVERIFY(wire::recordFromJson(wire::recordToJson(a)));
        Registration bad = sample();
        bad.identity.reset();
        QCOMPARE(wire::recordFromJson(wire::recordToJson(bad)).error(),
                 QStringLiteral("a registration must carry the identity"));
    }

    void acks() {
        const QString id = recordIdText(newRecordId(1));
        auto ok =
            wire::acksFromJson({{"results", QJsonArray{QJsonObject{{"id", id}, {"status", "duplicate"}}}}});
        QVERIFY(ok);
        QCOMPARE(ok->first().status, wire::AckStatus::Duplicate);
        QVERIFY(!wire::acksFromJson({{"results", QJsonArray{QJsonObject{{"id", id}, {"status", "maybe"}}}}}));
        QVERIFY(!wire::acksFromJson({{"results", QJsonArray{QJsonObject{{"status", "stored"}}}}}));
        QVERIFY(!wire::acksFromJson({}));
    }
};

QTEST_GUILESS_MAIN(TestRecordWire)
#include "tst_recordwire.moc"
