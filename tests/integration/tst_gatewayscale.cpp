// The gateway at province scale (issue 20), through the real parts: a throwaway PostgreSQL
// (scripts/pg-temp), the test PKI (scripts/dev-pki), lz-gateway processes over mutual TLS, a real
// registration log and the product's SyncClient. `records` partitioned on the id's time, a
// database of the gateway before partitioning migrated with every row, retention by whole days,
// two gateway instances taking one terminal's racing batches exactly once, and a terminal moving
// to the next gateway address. The Patroni failover runs in bench/failover_soak.py (its short
// version is the CTest integration_failover_short).
#include "RunTool.h"
#include "gateway/GatewaySchema.h"
#include "gateway/PgConnection.h"
#include "log/RecordId.h"
#include "log/RegistrationLog.h"
#include "samples/Samples.h"
#include "sync/MutualTls.h"
#include "sync/RecordWire.h"
#include "sync/SyncClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace lz;

namespace {
constexpr qint64 kDay = 86'400'000;

// A UUIDv7 whose time is `ms`. (Not newRecordId: it never goes back in time within a process.)
QString idAt(qint64 ms) {
    const QString random = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return gateway::uuidAtMs(ms).left(14) + QLatin1Char('7') + random.mid(15, 3) + QStringLiteral("-8") +
           random.mid(20);
}
} // namespace

class TestGatewayScale : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_base; // "host=127.0.0.1 port=N user=lz"
    QList<QProcess*> m_gateways;
    qint64 m_now = QDateTime::currentMSecsSinceEpoch();

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString dsn(const QString& db) const { return m_base + QStringLiteral(" dbname=") + db; }

    static Run script(const QString& name, const QStringList& args) {
        QProcess p;
        p.start(QStringLiteral("bash"),
                QStringList{qEnvironmentVariable("LZ_SOURCE_DIR") + "/scripts/" + name} + args);
        p.waitForFinished(120000);
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
                p.readAllStandardError()};
    }
    // A connection to database `db` (created if missing), named after it.
    QSqlDatabase database(const QString& db) {
        if (QSqlDatabase::contains(db))
            return QSqlDatabase::database(db);
        {
            QSqlDatabase admin = QSqlDatabase::database(QStringLiteral("admin"));
            QSqlQuery q(admin);
            q.exec(QStringLiteral("CREATE DATABASE %1").arg(db)); // fails harmlessly if it exists
        }
        auto added = gateway::addPgConnection(db, dsn(db));
        if (!added || !added->open())
            return {};
        return *added;
    }
    static QStringList column(QSqlDatabase db, const QString& sql) {
        QStringList out;
        QSqlQuery q(db);
        if (!q.exec(sql))
            return {QStringLiteral("error: ") + q.lastError().text()};
        while (q.next())
            out.append(q.value(0).toString());
        return out;
    }
    static QString value(QSqlDatabase db, const QString& sql) { return column(db, sql).value(0); }
    static bool exec(QSqlDatabase db, const QString& sql) {
        QSqlQuery q(db);
        const bool ok = q.exec(sql);
        if (!ok)
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return ok;
    }
    // An lz-gateway process over database `db`; its https:// address.
    QString startGateway(const QString& db) {
        auto* p = new QProcess(this);
        p->setProgram(qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/lz-gateway"));
        p->setArguments({QStringLiteral("--db"), dsn(db), QStringLiteral("--cert"), path("pki/gateway.pem"),
                         QStringLiteral("--key"), path("pki/gateway.key"), QStringLiteral("--client-ca"),
                         path("pki/ca.pem"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        p->start();
        if (!p->waitForReadyRead(20000))
            return {};
        const QByteArray line = p->readLine().trimmed(); // "listening https://127.0.0.1:PORT"
        m_gateways.append(p);
        return QStringLiteral("https://localhost:") +
               QString::fromLatin1(line.mid(line.lastIndexOf(':') + 1));
    }
    // The second guest of the police queries: a valid GB 11643 number, her birth date and sex.
    static Identity otherGuest() {
        Identity id = samples::residentIdentity();
        id.name = QStringLiteral("李四");
        id.sex = Sex::Female;
        id.birthDate = QDate(1990, 3, 15);
        id.documentNumber = QStringLiteral("440304199003150026");
        return id;
    }
    // A terminal's log with `n` registrations made now: every third one of otherGuest(), the rest
    // of the sample person.
    std::unique_ptr<RegistrationLog> terminalLog(const QString& terminal, int n) {
        auto log = RegistrationLog::open(path(terminal + ".db"), FieldKeys::fromRaw(1, QByteArray(32, 'k')),
                                         PrivateKey::generate(Algorithm::EdDSA), terminal);
        if (!log)
            return nullptr;
        QList<Registration> rs;
        for (int i = 0; i < n; ++i) {
            Registration r = samples::qrRegistration(
                m_now, QStringLiteral("TEST-CTID"), QByteArray::number(i),
                {QStringLiteral("V-1"), VenueType::InternetCafe, terminal, QStringLiteral("op")});
            r.identity = i % 3 == 2 ? otherGuest() : samples::residentIdentity();
            r.details = {{"seat", QStringLiteral("A-%1").arg(i % 50)}};
            rs.append(r);
        }
        if (!(*log)->appendBatch(rs))
            return nullptr;
        return std::move(*log);
    }
    // The batch the terminal's SyncClient would send for these records.
    static QByteArray batchOf(RegistrationLog& log, const QList<Registration>& rs) {
        QJsonArray records;
        for (const Registration& r : rs)
            records.append(wire::recordToJson(r));
        QJsonObject batch{
            {QStringLiteral("terminal_id"), log.terminalId()},
            {QStringLiteral("checkpoint_key"), QString::fromLatin1(log.terminalPublicKey().toPem())},
            {QStringLiteral("records"), records}};
        return QJsonDocument(batch).toJson(QJsonDocument::Compact);
    }

    // The 600 records of `terminal` (every third of otherGuest()), sent in batches of 100 to two
    // gateway instances over database `name` at once, odd batches a third time to one of them.
    void raceBatches(const QString& name, const QString& terminal, int& stored, int& duplicates) {
        QSqlDatabase db = database(name);
        QVERIFY(db.isOpen());
        const QString a = startGateway(name), b = startGateway(name);
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        auto log = terminalLog(terminal, 600);
        QVERIFY(log);
        auto unsent = log->unsent(600);
        QVERIFY(unsent && unsent->size() == 600);
        auto tls = mutualTls(path("pki/terminal-" + terminal + ".pem"),
                             path("pki/terminal-" + terminal + ".key"), path("pki/ca.pem"));
        QVERIFY(tls);
        QNetworkAccessManager net;
        auto post = [&](const QString& url, const QByteArray& body) {
            QNetworkRequest request(QUrl(url + QStringLiteral("/v1/records")));
            request.setSslConfiguration(*tls);
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            return net.post(request, body);
        };
        stored = duplicates = 0;
        for (int i = 0; i < 6; ++i) {
            const QByteArray body = batchOf(*log, unsent->mid(i * 100, 100));
            QList<QNetworkReply*> replies{post(a, body), post(b, body)};
            if (i % 2)
                replies.append(post(i % 4 == 1 ? a : b, body));
            for (QNetworkReply* r : replies) {
                if (!r->isFinished())
                    QVERIFY(QSignalSpy(r, &QNetworkReply::finished).wait(30000));
                QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
                const auto acks = wire::acksFromJson(QJsonDocument::fromJson(r->readAll()).object());
                QVERIFY(acks && acks->size() == 100);
                for (const wire::Ack& ack : *acks) {
                    QVERIFY2(ack.status != wire::AckStatus::Invalid, qPrintable(ack.reason));
                    ++(ack.status == wire::AckStatus::Stored ? stored : duplicates);
                }
                r->deleteLater();
            }
        }
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const Run pg = script(QStringLiteral("pg-temp"), {QStringLiteral("start"), path("pg")});
        QVERIFY2(pg.code == 0, pg.err.constData());
        const QString full = QString::fromUtf8(pg.out.mid(pg.out.indexOf("dsn=") + 4).trimmed());
        m_base = full.section(QStringLiteral(" dbname="), 0, 0) + QStringLiteral(" user=lz");
        auto admin = gateway::addPgConnection(QStringLiteral("admin"), dsn(QStringLiteral("postgres")));
        QVERIFY(admin && admin->open());
        QCOMPARE(
            script(QStringLiteral("dev-pki"), {path("pki"), QStringLiteral("T-01"), QStringLiteral("T-02"),
                                               QStringLiteral("T-03"), QStringLiteral("T-04")})
                .code,
            0);
    }
    void cleanupTestCase() {
        for (QProcess* p : m_gateways) {
            p->terminate();
            p->waitForFinished(10000);
        }
        script(QStringLiteral("pg-temp"), {QStringLiteral("stop"), path("pg")});
    }

    void dsnWithSeveralHosts() {
        // The cluster's form reaches the server (one node here, named twice: libpq takes the first
        // that is writable); an unknown key and a value that would smuggle an option are named.
        const QString port = m_base.section(QStringLiteral("port="), 1).section(QLatin1Char(' '), 0, 0);
        auto db = gateway::addPgConnection(
            QStringLiteral("multi"),
            QStringLiteral("host=127.0.0.1,127.0.0.1 port=1,%1 dbname=postgres user=lz "
                           "target_session_attrs=read-write connect_timeout=2")
                .arg(port));
        QVERIFY(db);
        QVERIFY2(db->open(), qPrintable(db->lastError().text()));
        QCOMPARE(value(*db, QStringLiteral("SELECT NOT pg_is_in_recovery()")), QStringLiteral("true"));
        auto unknown =
            gateway::addPgConnection(QStringLiteral("bad1"), QStringLiteral("host=x hostaddr=1.2.3.4"));
        QVERIFY(!unknown);
        QVERIFY(unknown.error().contains(QStringLiteral("unknown dsn key 'hostaddr'")));
        QVERIFY(!gateway::addPgConnection(QStringLiteral("bad2"), QStringLiteral("host=x;sslmode=disable")));
    }

    void migratesADatabaseOfTheGatewayBeforePartitioning() {
        // The schema exactly as the gateway of issue 19 made it (tools/gateway/GatewayStore.cpp at
        // commit 92a8be3), with records of forty days, two days and a moment ago, an amendment,
        // and one dated a month ahead (a terminal's clock far off).
        QSqlDatabase db = database(QStringLiteral("lz_before"));
        QVERIFY(db.isOpen());
        QFile schema(qEnvironmentVariable("LZ_SOURCE_DIR") +
                     "/tests/integration/data/gateway-schema-issue19.sql");
        QVERIFY(schema.open(QIODevice::ReadOnly));
        for (const QByteArray& sql : schema.readAll().split(';'))
            if (!sql.trimmed().isEmpty())
                QVERIFY(exec(db, QString::fromUtf8(sql)));
        const QStringList ids{idAt(m_now - 40 * kDay), idAt(m_now - 2 * kDay), idAt(m_now), idAt(m_now + 1),
                              idAt(m_now + 30 * kDay)};
        for (int i = 0; i < ids.size(); ++i)
            QVERIFY(exec(db, QStringLiteral(
                                 "INSERT INTO records (id, terminal_id, seq, created_ms, kind, valid, reason,"
                                 " venue_id, chain_hash, body, target) VALUES ('%1', 'T-OLD', %2, %3,"
                                 " 'registration', true, '', 'V-1', '\\x01', '{\"n\": %2}', %4)")
                                 .arg(ids[i])
                                 .arg(i + 1)
                                 .arg(m_now)
                                 .arg(i == 3 ? QStringLiteral("'") + ids[2] + "'" : QStringLiteral("NULL"))));
        QVERIFY(exec(
            db,
            QStringLiteral("INSERT INTO terminals (id, checkpoint_key, head_seq) VALUES ('T-OLD', 'k', 5)")));
        const QString everything = QStringLiteral(
            "SELECT id || ' ' || seq || ' ' || body::text || ' ' || coalesce(target::text, '-')"
            " FROM records ORDER BY id");
        const QStringList before = column(db, everything);
        QCOMPARE(before.size(), 5);

        const Run init =
            run(QStringLiteral("lz-gateway"),
                {QStringLiteral("--db"), dsn(QStringLiteral("lz_before")), QStringLiteral("--init-db")});
        QVERIFY2(init.code == 0, init.err.constData());
        QCOMPARE(value(db, QStringLiteral("SELECT relkind FROM pg_class WHERE oid = 'records'::regclass")),
                 QStringLiteral("p"));
        QCOMPARE(column(db, everything), before); // every row kept, unchanged
        // The old rows are the partition records_legacy; the one after tomorrow waits in records_other.
        QCOMPARE(column(db, QStringLiteral("SELECT tableoid::regclass::text FROM records ORDER BY id")),
                 (QStringList{"records_legacy", "records_legacy", "records_legacy", "records_legacy",
                              "records_other"}));
        QCOMPARE(value(db, QStringLiteral("SELECT head_seq FROM terminals WHERE id = 'T-OLD'")),
                 QStringLiteral("5"));
        // Idempotency holds across the migration: an old id is a conflict, in whichever partition.
        for (const QString& id : {ids[0], ids[4]}) {
            QSqlQuery q(db);
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO records (id, terminal_id, seq, created_ms, kind, valid, reason,"
                               " venue_id, chain_hash, body) VALUES ('%1', 'T-OLD', 9, 0, 'registration',"
                               " true, '', 'V-1', '\\x01', '{}') ON CONFLICT (id) DO NOTHING")
                    .arg(id)));
            QCOMPARE(q.numRowsAffected(), 0);
        }
        // Daily partitions from tomorrow on (today is the legacy partition's), a week ahead.
        const QStringList daily = column(
            db, QStringLiteral(
                    "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                    " WHERE i.inhparent = 'records'::regclass AND c.relname LIKE 'records_p%' ORDER BY 1"));
        QCOMPARE(daily.size(), 7);
        // The first day starts where records_legacy ends (tomorrow as the gateway saw it).
        auto bounds = [&](const QString& table) {
            return value(
                db, QStringLiteral("SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = '%1'")
                        .arg(table));
        };
        const QString legacyEnd = bounds(QStringLiteral("records_legacy")).section(QStringLiteral("TO ("), 1);
        QVERIFY(!legacyEnd.isEmpty());
        QVERIFY2(bounds(daily.first()).startsWith(QStringLiteral("FOR VALUES FROM (") + legacyEnd.chopped(1)),
                 qPrintable(bounds(daily.first())));
        // Again: nothing to do, nothing changed.
        QCOMPARE(run(QStringLiteral("lz-gateway"),
                     {QStringLiteral("--db"), dsn(QStringLiteral("lz_before")), QStringLiteral("--init-db")})
                     .code,
                 0);
        QCOMPARE(column(db, everything), before);

        // A month on, the day of the far-off record gets its partition and the record moves there.
        auto report = gateway::maintainPartitions(db, m_now + 30 * kDay, {});
        QVERIFY2(report, report ? "" : qPrintable(report.error()));
        QCOMPARE(report->movedFromDefault, 1);
        QCOMPARE(
            value(db,
                  QStringLiteral("SELECT tableoid::regclass::text FROM records WHERE id = '%1'").arg(ids[4])),
            QStringLiteral("records_p") + QDateTime::fromMSecsSinceEpoch(m_now + 30 * kDay, Qt::UTC)
                                              .toString(QStringLiteral("yyyyMMdd")));
        QCOMPARE(column(db, everything), before);
    }

    void retentionDropsWholeDaysOnly() {
        QSqlDatabase db = database(QStringLiteral("lz_retention"));
        QVERIFY(db.isOpen());
        QVERIFY(gateway::applySchema(db, m_now, {}));
        const QString old = idAt(m_now - 5 * kDay), recent = idAt(m_now - kDay),
                      future = idAt(m_now + 90 * kDay);
        for (const QString& id : {old, recent, future})
            QVERIFY(exec(db, QStringLiteral(
                                 "INSERT INTO records (id, terminal_id, seq, created_ms, kind, valid, reason,"
                                 " venue_id, chain_hash, body) VALUES ('%1', 'T-R', 1, 0, 'registration',"
                                 " true, '', 'V-1', '\\x01', '{}')")
                                 .arg(id)));
        gateway::PartitionPolicy keep3;
        keep3.retentionDays = 3;
        auto report = gateway::maintainPartitions(db, m_now, keep3);
        QVERIFY2(report, report ? "" : qPrintable(report.error()));
        QCOMPARE(report->dropped.size(), 4); // the days -7 to -4: wholly before the 3 days kept
        QCOMPARE(column(db, QStringLiteral("SELECT id::text FROM records ORDER BY id")),
                 (QStringList{recent, future}));
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM pg_class WHERE relname = 'records_other'")),
                 QStringLiteral("1"));
        // The next run neither makes those days again nor drops anything (no hourly churn of
        // partitions, each DROP locking records).
        auto again = gateway::maintainPartitions(db, m_now, keep3);
        QVERIFY(again && again->created.isEmpty() && again->dropped.isEmpty() && again->errors.isEmpty());
        // Another gateway holding the maintenance lock: this one skips, nothing breaks.
        QSqlQuery lock(db);
        QVERIFY(lock.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(0x4c5a5041)));
        auto second =
            gateway::addPgConnection(QStringLiteral("retention-b"), dsn(QStringLiteral("lz_retention")));
        QVERIFY(second && second->open());
        auto skipped = gateway::maintainPartitions(*second, m_now, keep3);
        QVERIFY(skipped && skipped->skipped);
        QVERIFY(lock.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(0x4c5a5041)));
    }

    void twoGatewaysTakeRacingBatchesExactlyOnce() {
        // A retry racing its original at another instance: exactly one instance stores each record.
        QSqlDatabase db = database(QStringLiteral("lz_race"));
        int stored = 0, duplicates = 0;
        raceBatches(QStringLiteral("lz_race"), QStringLiteral("T-01"), stored, duplicates);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(stored, 600);
        QCOMPARE(duplicates, 6 * 100 + 3 * 100);
        QCOMPARE(value(db, QStringLiteral(
                               "SELECT count(*) || ' ' || count(DISTINCT id) || ' ' || max(seq) FROM records"
                               " WHERE terminal_id = 'T-01'")),
                 QStringLiteral("600 600 600"));
        QCOMPARE(value(db, QStringLiteral("SELECT head_seq FROM terminals WHERE id = 'T-01'")),
                 QStringLiteral("600"));
        // The chain intact: no gap, fork or break was flagged.
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM flags WHERE terminal_id = 'T-01'")),
                 QStringLiteral("0"));
        // Today's records went to today's partition.
        QCOMPARE(value(db, QStringLiteral(
                               "SELECT string_agg(DISTINCT tableoid::regclass::text, ',') FROM records")),
                 QStringLiteral("records_p") +
                     QDateTime::fromMSecsSinceEpoch(m_now, Qt::UTC).toString(QStringLiteral("yyyyMMdd")));
    }

    void aRecordNoDatabaseCanHoldIsSetAside() {
        // Review of issue 20: a batch PostgreSQL refuses (jsonb holds no U+0000) was retried for
        // 10 s on the gateway's one thread, then refused, and sent again for ever by its terminal.
        // Such a record is acknowledged as invalid with its reason; nothing is retried.
        QSqlDatabase db = database(QStringLiteral("lz_refused"));
        QVERIFY(db.isOpen());
        const QString url = startGateway(QStringLiteral("lz_refused"));
        QVERIFY(!url.isEmpty());
        QProcess* gatewayProcess = m_gateways.last();
        auto log = terminalLog(QStringLiteral("T-04"), 2);
        QVERIFY(log);
        auto unsent = log->unsent(2);
        QVERIFY(unsent && unsent->size() == 2);
        QByteArray body = batchOf(*log, *unsent);
        QVERIFY(body.contains("\"seat\":\"A-0\""));
        body.replace("\"seat\":\"A-0\"", "\"seat\":\"A-\\u0000\"");
        auto tls =
            mutualTls(path("pki/terminal-T-04.pem"), path("pki/terminal-T-04.key"), path("pki/ca.pem"));
        QVERIFY(tls);
        QNetworkAccessManager net;
        QNetworkRequest request(QUrl(url + QStringLiteral("/v1/records")));
        request.setSslConfiguration(*tls);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply* r = net.post(request, body);
        QVERIFY(QSignalSpy(r, &QNetworkReply::finished).wait(30000));
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const auto acks = wire::acksFromJson(QJsonDocument::fromJson(r->readAll()).object());
        r->deleteLater();
        QCOMPARE(status, 200);
        QVERIFY(acks && acks->size() == 2);
        QCOMPARE(acks->at(0).status, wire::AckStatus::Invalid);
        QVERIFY2(acks->at(0).reason.startsWith(QStringLiteral("unstorable")), qPrintable(acks->at(0).reason));
        QCOMPARE(acks->at(1).status, wire::AckStatus::Stored); // the rest of the batch is not held up
        QVERIFY(!gatewayProcess->readAllStandardError().contains("retrying"));
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM records")), QStringLiteral("1"));
    }

    void policeQueriesByRoleEachAudited() {
        // 600 records of T-03, 200 of them of the second guest. Officers' certificates come from
        // their own CA; the police API serves with the gateway's.
        QSqlDatabase db = database(QStringLiteral("lz_police"));
        int stored = 0, duplicates = 0;
        raceBatches(QStringLiteral("lz_police"), QStringLiteral("T-03"), stored, duplicates);
        if (QTest::currentTestFailed())
            return;
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM records")), QStringLiteral("600"));
        QCOMPARE(script(QStringLiteral("dev-pki"),
                        {path("officers"), QStringLiteral("OFF-INV"), QStringLiteral("OFF-ANA"),
                         QStringLiteral("OFF-AUD"), QStringLiteral("OFF-OLD")})
                     .code,
                 0);
        QVERIFY(exec(
            db,
            QStringLiteral("INSERT INTO officers (id, role, active) VALUES ('OFF-INV', 'investigator', true),"
                           " ('OFF-ANA', 'analyst', true), ('OFF-AUD', 'auditor', true),"
                           " ('OFF-OLD', 'investigator', false)")));
        auto* api = new QProcess(this);
        api->setProgram(qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/lz-gateway"));
        api->setArguments(
            {QStringLiteral("--police-api"), QStringLiteral("--db"), dsn(QStringLiteral("lz_police")),
             QStringLiteral("--replica-db"),
             dsn(QStringLiteral("lz_police")) + QStringLiteral(" target_session_attrs=prefer-standby"),
             QStringLiteral("--officer-ca"), path("officers/ca.pem"), QStringLiteral("--cert"),
             path("pki/gateway.pem"), QStringLiteral("--key"), path("pki/gateway.key"),
             QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        api->start();
        QVERIFY(api->waitForReadyRead(20000));
        m_gateways.append(api);
        const QByteArray line = api->readLine().trimmed();
        QVERIFY2(line.startsWith("listening"), line.constData());
        const QString base =
            QStringLiteral("https://localhost:") + QString::fromLatin1(line.mid(line.lastIndexOf(':') + 1));
        struct Answer {
            int status = 0;
            QJsonObject body;
            QNetworkReply::NetworkError error = QNetworkReply::NoError;
        };
        auto get = [&](const QString& who, const QString& query,
                       const QString& what = QStringLiteral("records")) {
            const QString dir =
                who.startsWith(QLatin1String("OFF-")) ? QStringLiteral("officers") : QStringLiteral("pki");
            auto tls = mutualTls(path(dir + "/terminal-" + who + ".pem"),
                                 path(dir + "/terminal-" + who + ".key"), path("pki/ca.pem"));
            Answer a;
            if (!tls)
                return a;
            // A manager of its own: Qt would reuse another officer's TLS connection to the same address.
            QNetworkAccessManager net;
            QNetworkRequest request(
                QUrl(base + QStringLiteral("/v1/police/") + what + QLatin1Char('?') + query));
            request.setSslConfiguration(*tls);
            QNetworkReply* r = net.get(request);
            if (!r->isFinished())
                QSignalSpy(r, &QNetworkReply::finished).wait(30000);
            a.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            a.body = QJsonDocument::fromJson(r->readAll()).object();
            a.error = r->error();
            r->deleteLater();
            return a;
        };
        const QString today = QDateTime::fromMSecsSinceEpoch(m_now, Qt::UTC).toString(Qt::ISODate);
        // An investigator pages through one person's records: all 200, newest first, with the fields.
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            const Answer a =
                get(QStringLiteral("OFF-INV"), QStringLiteral("id_number=440304199003150026&limit=64") +
                                                   (cursor.isEmpty() ? QString() : "&before=" + cursor));
            QCOMPARE(a.status, 200);
            QCOMPARE(a.body.value("personal_fields").toBool(), true);
            for (const QJsonValue& v : a.body.value("records").toArray()) {
                const QJsonObject r = v.toObject();
                QCOMPARE(r.value("record").toObject().value("identity").toObject().value("number").toString(),
                         QStringLiteral("440304199003150026"));
                QCOMPARE(r.value("terminal_id").toString(), QStringLiteral("T-03"));
                seen.append(r.value("id").toString());
            }
            cursor = a.body.value("next").toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(seen.size(), 200);
        QCOMPARE(pages, 4);
        QStringList sorted = seen;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QCOMPARE(seen, sorted);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 200);
        // An analyst: by venue and day, without personal fields; never a person.
        const Answer venue =
            get(QStringLiteral("OFF-ANA"), QStringLiteral("venue=V-1&from=%1&limit=500").arg(today));
        QCOMPARE(venue.status, 200);
        QCOMPARE(venue.body.value("records").toArray().size(), 500);
        QCOMPARE(venue.body.value("personal_fields").toBool(), false);
        for (const QJsonValue& v : venue.body.value("records").toArray()) {
            const QJsonObject plain = v.toObject().value("record").toObject();
            QVERIFY(!plain.contains("identity") && !plain.contains("credential_id"));
            QCOMPARE(plain.value("details").toObject().value("seat").toString().left(2),
                     QStringLiteral("A-"));
        }
        const QJsonObject plain =
            venue.body.value("records").toArray().first().toObject().value("record").toObject();
        QCOMPARE(plain.value("venue_id").toString(), QStringLiteral("V-1"));
        const Answer person = get(QStringLiteral("OFF-ANA"), QStringLiteral("id_number=110105194912310011"));
        QCOMPARE(person.status, 403);
        QCOMPARE(person.body.value("error").toString(), QStringLiteral("role_forbidden"));
        // Refused: an auditor asking for records, an officer no longer active, bad parameters.
        QCOMPARE(get(QStringLiteral("OFF-AUD"), QStringLiteral("venue=V-1")).body.value("error").toString(),
                 QStringLiteral("role_forbidden"));
        QCOMPARE(get(QStringLiteral("OFF-OLD"), QStringLiteral("venue=V-1")).body.value("error").toString(),
                 QStringLiteral("unknown_officer"));
        const Answer badTime = get(QStringLiteral("OFF-INV"), QStringLiteral("venue=V-1&from=yesterday"));
        QCOMPARE(badTime.status, 400);
        QCOMPARE(badTime.body.value("error").toString(), QStringLiteral("bad_parameter"));
        QCOMPARE(get(QStringLiteral("OFF-INV"), QStringLiteral("from=2026-01-01&to=2026-03-01")).status, 400);
        // A terminal's certificate (the terminals' CA) is refused at the handshake.
        const Answer terminal = get(QStringLiteral("T-01"), QStringLiteral("venue=V-1"));
        QCOMPARE(terminal.status, 0);
        QVERIFY(terminal.error != QNetworkReply::NoError);
        // The auditor sees every request above, allowed or not, with who and what.
        const Answer trail =
            get(QStringLiteral("OFF-AUD"), QStringLiteral("limit=500"), QStringLiteral("audit"));
        QCOMPARE(trail.status, 200);
        QStringList outcomes;
        for (const QJsonValue& v : trail.body.value("entries").toArray())
            outcomes.prepend(v.toObject().value("officer").toString() + ' ' +
                             v.toObject().value("action").toString() + ' ' +
                             v.toObject().value("outcome").toString());
        QCOMPARE(outcomes.size(), 4 + 1 + 1 + 4 + 1); // the pages, venue, person, four refusals, this one
        QCOMPARE(outcomes.first(), QStringLiteral("OFF-INV records_by_id_number allowed"));
        QVERIFY(outcomes.contains(QStringLiteral("OFF-ANA records_by_id_number role_forbidden")));
        QVERIFY(outcomes.contains(QStringLiteral("OFF-OLD records_by_venue unknown_officer")));
        QCOMPARE(outcomes.last(), QStringLiteral("OFF-AUD audit_trail allowed"));
        QCOMPARE(value(db, QStringLiteral("SELECT parameters->>'id_number' FROM audit ORDER BY id LIMIT 1")),
                 QStringLiteral("440304199003150026"));
        // No audit, no answer: with the trail unwritable the investigator gets 503 and no records.
        QVERIFY(exec(db, QStringLiteral("ALTER TABLE audit RENAME TO audit_away")));
        const Answer blind = get(QStringLiteral("OFF-INV"), QStringLiteral("id_number=440304199003150026"));
        QVERIFY(exec(db, QStringLiteral("ALTER TABLE audit_away RENAME TO audit")));
        QCOMPARE(blind.status, 503);
        QCOMPARE(blind.body.value("error").toString(), QStringLiteral("audit_unavailable"));
        QVERIFY(!blind.body.contains("records"));
    }

    void terminalMovesToTheNextAddressAndRemembersIt() {
        QSqlDatabase db = database(QStringLiteral("lz_urls"));
        QVERIFY(db.isOpen());
        const QString live = startGateway(QStringLiteral("lz_urls"));
        QVERIFY(!live.isEmpty());
        // The first address takes connections and drops them at once (a gateway that is down
        // behind a port that still answers).
        QTcpServer dead;
        QVERIFY(dead.listen(QHostAddress::LocalHost));
        int deadConnections = 0;
        connect(&dead, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* s = dead.nextPendingConnection()) {
                ++deadConnections;
                s->abort();
                s->deleteLater();
            }
        });
        auto log = terminalLog(QStringLiteral("T-02"), 50);
        QVERIFY(log);
        SyncConfig config;
        config.gateways = {QUrl(QStringLiteral("https://localhost:%1").arg(dead.serverPort())), QUrl(live)};
        config.clientCert = path("pki/terminal-T-02.pem");
        config.clientKey = path("pki/terminal-T-02.key");
        config.caFile = path("pki/ca.pem");
        config.statusFile = path("T-02-sync-status.json");
        auto tls = SyncClient::clientTls(config);
        QVERIFY(tls);
        SystemClock clock;
        {
            SyncClient client(*log, config, *tls, clock);
            QSignalSpy round(&client, &SyncClient::roundFinished);
            client.syncNow();
            QVERIFY(round.wait(30000));
            QCOMPARE(round.first().first().toBool(), true); // one round: the failure moved it on
            QCOMPARE(client.status().sentTotal, 50);
            QCOMPARE(client.status().gateway, live);
            QVERIFY(deadConnections >= 1);
        }
        // A restart: the address that answered is tried first, the dead one not at all.
        const int before = deadConnections;
        QList<Registration> more{samples::qrRegistration(
            m_now, QStringLiteral("TEST-CTID"), "more",
            {QStringLiteral("V-1"), VenueType::InternetCafe, QStringLiteral("T-02"), QStringLiteral("op")})};
        more[0].identity = samples::residentIdentity();
        more[0].details = {{"seat", QStringLiteral("B-1")}};
        QVERIFY(log->appendBatch(more));
        SyncClient again(*log, config, *tls, clock);
        QSignalSpy round(&again, &SyncClient::roundFinished);
        again.syncNow();
        QVERIFY(round.wait(30000));
        QCOMPARE(round.first().first().toBool(), true);
        QCOMPARE(again.status().sentTotal, 1);
        QCOMPARE(deadConnections, before);
        QCOMPARE(value(db, QStringLiteral("SELECT count(*) FROM records WHERE terminal_id = 'T-02'")),
                 QStringLiteral("51"));
    }
};

QTEST_MAIN(TestGatewayScale)
#include "tst_gatewayscale.moc"
