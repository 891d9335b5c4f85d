// Issue 14: the C++ verifier over every conformance vector of docs/test-vectors/conformance.json
// (made by `lz-issuer conformance-vectors`), so that the documents and the code cannot drift
// apart: each vector's QR text, judged against its trust list, at its time, with its state (codes
// seen before, the clock's high-water mark), must get exactly the verdict the file names — and
// the file must cover every verdict of the QR format.
#include "nfc/WalletProtocol.h"
#include "sync/RecordWire.h"
#include "trust/TrustList.h"
#include "trust/TrustStore.h"
#include "verify/Verifier.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace lz;

class TestConformance : public QObject {
    Q_OBJECT
    QJsonObject m_file;

private slots:
    void initTestCase() {
        QFile f(qEnvironmentVariable("LZ_SOURCE_DIR") +
                QStringLiteral("/docs/test-vectors/conformance.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        m_file = QJsonDocument::fromJson(f.readAll()).object();
        QVERIFY(m_file.value(QLatin1String("vectors")).toArray().size() >= 50);
    }
    void everyVerdictIsCovered() {
        QSet<QString> covered;
        for (const QJsonValue& v : m_file.value(QLatin1String("vectors")).toArray())
            covered.insert(v.toObject().value(QLatin1String("expect")).toString());
        // Every reason a QR presentation can get (the passport reasons have their own vectors:
        // ICAO 9303's, in tst_pace / tst_bac, and the test passports of tst_passiveauth).
        for (const char* reason :
             {"valid", "malformed", "unsupported_version", "unknown_issuer", "bad_issuer_signature",
              "bad_holder_signature", "credential_not_yet_valid", "credential_expired",
              "presentation_expired", "presentation_from_future", "replayed", "revoked", "trust_list_stale",
              "trust_list_expired", "clock_untrusted"})
            QVERIFY2(covered.contains(QLatin1String(reason)), reason);
    }
    void vectors_data() {
        QTest::addColumn<QJsonObject>("vector");
        for (const QJsonValue& v : m_file.value(QLatin1String("vectors")).toArray())
            QTest::newRow(qPrintable(v.toObject().value(QLatin1String("name")).toString())) << v.toObject();
    }
    void vectors() {
        QFETCH(QJsonObject, vector);
        const QJsonObject anchor = m_file.value(QLatin1String("anchor")).toObject();
        auto key = PublicKey::fromPem(anchor.value(QLatin1String("public_key_pem")).toString().toLatin1());
        QVERIFY(key);
        TrustStore store({{anchor.value(QLatin1String("kid")).toString().toUtf8(), *key}}, {});
        const QString listName = vector.value(QLatin1String("trust_list")).toString();
        if (listName != QLatin1String("none")) {
            const QByteArray list = QByteArray::fromHex(
                m_file.value(QLatin1String("trust_lists")).toObject().value(listName).toString().toLatin1());
            const auto installed = store.install(list);
            QVERIFY2(installed, installed ? "" : qPrintable(installed.error().text()));
        }
        FixedClock clock(qint64(vector.value(QLatin1String("verify_at")).toDouble()));
        TimeGuard guard;
        if (vector.contains(QLatin1String("high_water")))
            guard.observe(qint64(vector.value(QLatin1String("high_water")).toDouble()));
        ReplayCache replay;
        VerifierPolicy policy;
        policy.rejectStale = vector.value(QLatin1String("reject_stale")).toBool();
        Verifier verifier(store, clock, &guard, &replay, policy);
        for (const QJsonValue& earlier : vector.value(QLatin1String("seen_before")).toArray())
            QVERIFY(verifier.verifyQrText(earlier.toString()).valid);
        const VerificationResult r = verifier.verifyQrText(vector.value(QLatin1String("qr")).toString());
        const QString got = r.valid ? QStringLiteral("valid") : reasonName(r.reason);
        qInfo("%s: %s (%s)", qPrintable(vector.value(QLatin1String("name")).toString()), qPrintable(got),
              qPrintable(r.detail)); // the detail shows that the rule named is the one that refused
        QVERIFY2(got == vector.value(QLatin1String("expect")).toString(),
                 qPrintable(QStringLiteral("%1: got %2 (%3)")
                                .arg(vector.value(QLatin1String("rule")).toString(), got, r.detail)));
        QStringList warnings;
        for (Reason w : r.warnings)
            warnings.append(reasonName(w));
        QStringList expected;
        for (const QJsonValue& w : vector.value(QLatin1String("warnings")).toArray())
            expected.append(w.toString());
        QCOMPARE(warnings, expected);
    }
    void trustLists_data() {
        QTest::addColumn<QJsonObject>("vector");
        const QJsonArray lists = m_file.value(QLatin1String("trust_list_vectors")).toArray();
        QVERIFY(lists.size() >= 10);
        for (const QJsonValue& v : lists)
            QTest::newRow(qPrintable(v.toObject().value(QLatin1String("name")).toString())) << v.toObject();
    }
    void trustLists() {
        QFETCH(QJsonObject, vector);
        const QJsonObject anchor = m_file.value(QLatin1String("anchor")).toObject();
        auto key = PublicKey::fromPem(anchor.value(QLatin1String("public_key_pem")).toString().toLatin1());
        QVERIFY(key);
        const auto parsed =
            TrustList::parse(QByteArray::fromHex(vector.value(QLatin1String("list")).toString().toLatin1()),
                             {{anchor.value(QLatin1String("kid")).toString().toUtf8(), *key}});
        const QString expect = vector.value(QLatin1String("expect")).toString();
        if (expect == QLatin1String("installed")) {
            QVERIFY2(parsed.hasValue(), parsed ? "" : qPrintable(parsed.error()));
            return;
        }
        QVERIFY2(!parsed.hasValue(), qPrintable(vector.value(QLatin1String("rule")).toString()));
        QVERIFY2(parsed.error().contains(expect), qPrintable(parsed.error()));
    }
    void syncRecords_data() {
        QTest::addColumn<QJsonObject>("vector");
        const QJsonArray records = m_file.value(QLatin1String("sync_record_vectors")).toArray();
        QVERIFY(records.size() >= 10);
        for (const QJsonValue& v : records)
            QTest::newRow(qPrintable(v.toObject().value(QLatin1String("name")).toString())) << v.toObject();
    }
    void syncRecords() {
        // What the gateway does with a record: read it strictly, then recompute its content hash.
        QFETCH(QJsonObject, vector);
        const QString expect = vector.value(QLatin1String("expect")).toString();
        const auto r = wire::recordFromJson(vector.value(QLatin1String("record")).toObject());
        QString got;
        if (!r)
            got = r.error();
        else if (!r->personalHashKnown)
            got = QStringLiteral("content_unverifiable");
        else
            got = contentHash(*r, r->personalHash) == r->contentHash ? QStringLiteral("content_hash_matches")
                                                                     : QStringLiteral("content_mismatch");
        qInfo("%s: %s", qPrintable(vector.value(QLatin1String("name")).toString()), qPrintable(got));
        QVERIFY2(got.startsWith(expect) || got.contains(expect),
                 qPrintable(
                     QStringLiteral("%1: got %2").arg(vector.value(QLatin1String("rule")).toString(), got)));
    }
    void nfcMessages_data() {
        QTest::addColumn<QJsonObject>("vector");
        const QJsonArray messages = m_file.value(QLatin1String("nfc_vectors")).toArray();
        QVERIFY(messages.size() >= 10);
        for (const QJsonValue& v : messages)
            QTest::newRow(qPrintable(v.toObject().value(QLatin1String("name")).toString())) << v.toObject();
    }
    void nfcMessages() {
        QFETCH(QJsonObject, vector);
        const QByteArray bytes =
            QByteArray::fromHex(vector.value(QLatin1String("bytes")).toString().toLatin1());
        QString got;
        if (vector.value(QLatin1String("message")).toString() == QLatin1String("app_info")) {
            const auto info = nfc::wallet::AppInfo::decode(bytes);
            got = info ? QStringLiteral("ok") : info.error().name();
        } else {
            const auto challenge = nfc::wallet::Challenge::decode(bytes);
            got = challenge ? QStringLiteral("ok") : challenge.error().name();
        }
        QCOMPARE(got, vector.value(QLatin1String("expect")).toString());
    }
};

QTEST_GUILESS_MAIN(TestConformance)
#include "tst_conformance.moc"
