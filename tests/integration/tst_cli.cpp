// End to end through the real executables: lz-issuer makes keys, a credential and a trust
// list; liangzheng-cli installs the list from a configuration file; lz-wallet makes QR text
// and PNGs; liangzheng-cli verifies them (exit codes and JSON), refuses rollback and replays.
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "../core/MaskingAudit.h"
#include "RunTool.h"
#include "staff/StaffPin.h"
#include "staff/StaffRoster.h"

#include <cstdlib>
#include <fcntl.h>
#include <unistd.h>

namespace {
QByteArray fileBytes(const QString& path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestCli : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_config;

    QString path(const char* name) const { return m_dir.filePath(QString::fromLatin1(name)); }
    QStringList cli(const QStringList& args) const {
        return QStringList{QStringLiteral("--config"), m_config} + args;
    }
    QByteArray present(const QString& at = QStringLiteral("now")) const {
        const Run r = run(QStringLiteral("lz-wallet"),
                          {QStringLiteral("present"), QStringLiteral("--credential"), path("cred.cose"),
                           QStringLiteral("--device-key"), path("device.pem"), QStringLiteral("--at"), at});
        return r.out.trimmed();
    }
    Run trustList(const QString& spec, const QString& sequence, const QString& out) const {
        return run(QStringLiteral("lz-issuer"),
                   {QStringLiteral("trust-list"), QStringLiteral("--anchor-key"), path("anchor.pem"),
                    QStringLiteral("--anchor-kid"), QStringLiteral("test-anchor"), QStringLiteral("--spec"),
                    spec, QStringLiteral("--sequence"), sequence, QStringLiteral("--out"), out});
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        for (const auto& [file, alg] :
             {std::pair{"anchor.pem", "ES256"}, {"issuer.pem", "SM2"}, {"device.pem", "EdDSA"}})
            QCOMPARE(run(QStringLiteral("lz-issuer"),
                         {QStringLiteral("keygen"), QStringLiteral("--alg"), QString::fromLatin1(alg),
                          QStringLiteral("--out"), path(file)})
                         .code,
                     0);
        QCOMPARE(QFile(path("anchor.pem")).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
        QCOMPARE(run(QStringLiteral("lz-issuer"),
                     {QStringLiteral("pubkey"), QStringLiteral("--key"), path("anchor.pem"),
                      QStringLiteral("--out"), path("anchor.pub.pem")})
                     .code,
                 0);
        QVERIFY(writeText(path("id.json"), R"({"kind":"resident_id","level":"full","name":"张三","sex":"male",
            "ethnicity":1,"birth_date":"1949-12-31","number":"110105194912310011","address":"北京市朝阳区建国路1号"})"));
        const Run issued =
            run(QStringLiteral("lz-issuer"),
                {QStringLiteral("issue"), QStringLiteral("--issuer-key"), path("issuer.pem"),
                 QStringLiteral("--kid"), QStringLiteral("sm2-1"), QStringLiteral("--iss"),
                 QStringLiteral("TEST-CTID"), QStringLiteral("--identity"), path("id.json"),
                 QStringLiteral("--device-pub"), path("device.pem"), QStringLiteral("--serial"),
                 QStringLiteral("00000000000000aa"), QStringLiteral("--out"), path("cred.cose")});
        QVERIFY2(issued.code == 0, issued.err.constData());
        QVERIFY(writeText(path("spec.json"), R"({"issuers":[{"kid":"sm2-1","code":"TEST-CTID","name":"Test",
            "public_key":"issuer.pem"}]})"));
        QVERIFY(writeText(path("spec-revoked.json"),
                          R"({"issuers":[{"kid":"sm2-1","code":"TEST-CTID","name":"Test",
            "public_key":"issuer.pem"}],"revoked":{"TEST-CTID":["00000000000000aa"]}})"));
        m_config = path("liangzheng.conf");
        QVERIFY(writeText(m_config, "[trust]\nanchors=test-anchor=anchor.pub.pem\n[state]\ndir=state\n"
                                    "[venue]\nid=V440106\ntype=hotel\nterminal_id=T-01\n"));
    }
    void noTrustListFailsClosed() {
        const Run r = run(QStringLiteral("liangzheng-cli"),
                          cli({QStringLiteral("verify"), QString::fromLatin1(present())}));
        QCOMPARE(r.code, 1);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("trust_list_expired"));
        QCOMPARE(
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("trust"), QStringLiteral("status")}))
                .code,
            1);
    }
    void installAndVerify() {
        QCOMPARE(trustList(path("spec.json"), QStringLiteral("10"), path("list10.cose")).code, 0);
        const Run installed =
            run(QStringLiteral("liangzheng-cli"),
                cli({QStringLiteral("trust"), QStringLiteral("install"), path("list10.cose")}));
        QVERIFY2(installed.code == 0, installed.out.constData());
        const Run status =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("trust"), QStringLiteral("status")}));
        QCOMPARE(status.code, 0);
        QCOMPARE(status.json().value(QLatin1String("state")).toString(), QStringLiteral("fresh"));
        QCOMPARE(status.json().value(QLatin1String("sequence")).toInt(), 10);

        const QByteArray text = present();
        QVERIFY(text.startsWith("LZ1:"));
        const Run ok =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("verify"), QString::fromLatin1(text)}));
        QVERIFY2(ok.code == 0, ok.out.constData());
        const QJsonObject j = ok.json();
        QCOMPARE(j.value(QLatin1String("verdict")).toString(), QStringLiteral("valid"));
        QCOMPARE(
            j.value(QLatin1String("identity")).toObject().value(QLatin1String("document_number")).toString(),
            QStringLiteral("11**************11"));
        QVERIFY(!ok.out.contains("110105194912310011")); // no unmasked number on stdout
        // Issue 14, finding 8: what the output shows together leaves >= 10,000 numbers possible.
        const QDate today = QDate::currentDate();
        auto audit = [&](const QString& shown) {
            return lz::test::possibleNumbers(shown, QStringLiteral("110105194912310011"), QDate(1949, 12, 31),
                                             true, true, today);
        };
        QVERIFY2(audit(QString::fromUtf8(ok.out)) >= lz::test::kMinimumCandidates, ok.out.constData());
        QVERIFY(!ok.out.contains("张三"));
        // The same text again, through stdin: a replay, also in a new process.
        const Run again = run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("verify")}), text + '\n');
        QCOMPARE(again.code, 1);
        QCOMPARE(again.json().value(QLatin1String("reason")).toString(), QStringLiteral("replayed"));
    }
    void registerAndKeepTheLog() {
        const QString details = QStringLiteral(
            R"({"room":"1203","check_in":"2026-11-22T14:00","expected_checkout":"2026-11-23T12:00",)"
            R"("guests":1})");
        const QByteArray text = present();
        // Missing venue fields: refused, nothing written, the code not spent.
        const Run incomplete = run(QStringLiteral("liangzheng-cli"),
                                   cli({QStringLiteral("register"), QString::fromLatin1(text),
                                        QStringLiteral("--details"), QStringLiteral(R"({"room":"1203"})")}));
        QCOMPARE(incomplete.code, 2);
        QCOMPARE(incomplete.json().value("error").toString(), QStringLiteral("details_missing: check_in"));
        const Run ok =
            run(QStringLiteral("liangzheng-cli"),
                cli({QStringLiteral("register"), QString::fromLatin1(text), QStringLiteral("--details"),
                     details, QStringLiteral("--operator"), QStringLiteral("clerk-3")}));
        QVERIFY2(ok.code == 0, ok.out.constData());
        QVERIFY(ok.json().value("registered").toBool());
        QCOMPARE(ok.json().value("record_id").toString().size(), 36);
        QVERIFY(!ok.out.contains("110105194912310011"));
        // The same code again: a replay, recorded as an attempt without personal data.
        const Run replay =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("register"), QString::fromLatin1(text),
                                                       QStringLiteral("--details"), details}));
        QCOMPARE(replay.code, 1);
        QCOMPARE(replay.json().value("reason").toString(), QStringLiteral("replayed"));
        QVERIFY(!replay.json().value("registered").toBool());
        const Run status =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("status")}));
        QCOMPARE(status.json().value("records").toInt(), 2);
        QCOMPARE(status.json().value("unsent").toInt(), 2);

        const Run list =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("list")}));
        QCOMPARE(list.code, 0);
        QCOMPARE(list.out.count('\n'), 2);
        QVERIFY(list.out.contains("11**************11"));
        QVERIFY(!list.out.contains("110105194912310011"));
        for (const QByteArray& line : list.out.trimmed().split('\n')) {
            const QJsonObject identity = QJsonDocument::fromJson(line).object().value("identity").toObject();
            QVERIFY2(lz::test::possibleNumbers(QString::fromUtf8(QJsonDocument(identity).toJson()),
                                               QStringLiteral("110105194912310011"), QDate(1949, 12, 31),
                                               true, true,
                                               QDate::currentDate()) >= lz::test::kMinimumCandidates,
                     line.constData());
        }
        QVERIFY(list.out.contains("\"reason\":\"replayed\""));

        QCOMPARE(run(QStringLiteral("liangzheng-cli"),
                     cli({QStringLiteral("log"), QStringLiteral("export"), path("books.csv")}))
                     .code,
                 0);
        QFile csv(path("books.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray books = csv.readAll();
        QVERIFY(books.startsWith("\xEF\xBB\xBFrecord_id,"));
        QVERIFY(books.contains("11**************11"));
        for (const QByteArray& row : books.split('\n').mid(1))
            if (!row.trimmed().isEmpty())
                QVERIFY2(lz::test::possibleNumbers(QString::fromUtf8(row).section(QLatin1Char(','), 1),
                                                   QStringLiteral("110105194912310011"), QDate(1949, 12, 31),
                                                   true, true,
                                                   QDate::currentDate()) >= lz::test::kMinimumCandidates,
                         row.constData());
        QVERIFY(books.contains("1203"));
        QVERIFY(!books.contains("110105194912310011"));
        QCOMPARE(
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("export"),
                                                       path("books-full.csv"), QStringLiteral("--unmasked")}))
                .code,
            0);
        QFile full(path("books-full.csv"));
        QVERIFY(full.open(QIODevice::ReadOnly));
        QVERIFY(full.readAll().contains("110105194912310011"));

        // A new field key: new records sealed with it, the old ones still readable.
        const Run rotated =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("rotate-key")}));
        QCOMPARE(rotated.json().value("field_key").toInt(), 2);
        QCOMPARE(run(QStringLiteral("liangzheng-cli"),
                     cli({QStringLiteral("register"), QString::fromLatin1(present()),
                          QStringLiteral("--details"), details}))
                     .code,
                 0);
        const Run after =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("list")}));
        QCOMPARE(after.code, 0);
        QCOMPARE(after.out.count("11**************11"), 2);

        Run verified =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("verify")}));
        QVERIFY2(verified.code == 0, verified.out.constData());
        QVERIFY(verified.json().value("intact").toBool());
        // Someone edits the room number in the database: found and named.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("edit"));
            db.setDatabaseName(path("state/registrations.db"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE records SET operator = 'nobody' WHERE seq = 1")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("edit"));
        verified =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("verify")}));
        QCOMPARE(verified.code, 1);
        const QJsonObject problem = verified.json().value("problems").toArray().first().toObject();
        QCOMPARE(problem.value("problem").toString(), QStringLiteral("edited"));
        QCOMPARE(problem.value("seq").toInt(), 1);

        // A damaged database file: found at start-up, nothing written to it; the terminal still
        // verifies but refuses to register until an operator acts.
        {
            QFile db(path("state/registrations.db"));
            QVERIFY(db.open(QIODevice::ReadWrite));
            QVERIFY(db.size() >= 3 * 4096);
            db.seek(4096);
            db.write(QByteArray(2 * 4096, '\xff'));
        }
        const Run refused = run(QStringLiteral("liangzheng-cli"),
                                cli({QStringLiteral("register"), QString::fromLatin1(present()),
                                     QStringLiteral("--details"), details}));
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.json().value("error").toString().startsWith("log_unavailable: log_corrupt"),
                 refused.out.constData());
        QCOMPARE(run(QStringLiteral("liangzheng-cli"),
                     cli({QStringLiteral("verify"), QString::fromLatin1(present())}))
                     .code,
                 0);
        for (const char* suffix : {"", "-wal", "-shm"}) // as an operator would: the file and its companions
            QFile::rename(path("state/registrations.db") + suffix, path("state/damaged.db") + suffix);
        // A new log only with its own key file and anchor: the old ones go aside with the old log
        // (its personal fields need that key). Left in place they refuse the new, empty log.
        const Run replaced =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("status")}));
        QCOMPARE(replaced.code, 2);
        QVERIFY2(replaced.err.contains("log_replaced"), replaced.err.constData());
        QVERIFY(QFile::rename(path("state/log-fields.key"), path("state/damaged.key")));
        QVERIFY(QFile::rename(path("state/log-anchor"), path("state/damaged.anchor")));
    }
    void fullLogRefusesRegistration() {
        // A log capped at 1 MiB (as a full disk): registrations are refused with a clear error,
        // nothing half-written, the chain verifies, verification itself goes on.
        QVERIFY(writeText(path("capped.conf"),
                          "[trust]\nanchors=test-anchor=anchor.pub.pem\n[state]\ndir=capped\n"
                          "[venue]\nid=V440106\ntype=parcel_counter\nterminal_id=T-02\n"
                          "[log]\nmax_size_mb=1\n"));
        QVERIFY(QDir().mkpath(path("capped")));
        QVERIFY(QFile::copy(path("state/trust-list.cose"), path("capped/trust-list.cose")));
        const QStringList capped{QStringLiteral("--config"), path("capped.conf")};
        auto registerOne = [&] {
            return run(QStringLiteral("liangzheng-cli"),
                       capped + QStringList{QStringLiteral("register"), QString::fromLatin1(present()),
                                            QStringLiteral("--details"),
                                            QStringLiteral(R"({"waybill":"SF1234567890"})")});
        };
        QCOMPARE(registerOne().code, 0);
        // Something else takes most of the space (here: a table in the same file, so that the
        // cap is reached in a few registrations rather than hundreds).
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fill"));
            db.setDatabaseName(path("capped/registrations.db"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("CREATE TABLE ballast (b BLOB)")));
            QVERIFY(q.exec(QStringLiteral("INSERT INTO ballast VALUES (zeroblob(1000000))")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("fill"));
        int registered = 1;
        Run r;
        for (int i = 0; i < 40; ++i) {
            r = registerOne();
            if (r.code != 0)
                break;
            ++registered;
        }
        QCOMPARE(r.code, 2);
        QVERIFY2(r.json().value("error").toString().startsWith("log_disk_full"), r.out.constData());
        const Run verified = run(QStringLiteral("liangzheng-cli"), capped + QStringList{"log", "verify"});
        QCOMPARE(verified.code, 0);
        QCOMPARE(verified.json().value("records").toInt(), registered);
        QCOMPARE(run(QStringLiteral("liangzheng-cli"),
                     capped + QStringList{"verify", QString::fromLatin1(present())})
                     .code,
                 0);
        // The field key file lost: the log is refused, no fresh key is made over its records.
        QVERIFY(QFile::rename(path("capped/log-fields.key"), path("capped/log-fields.key.away")));
        const Run lost = registerOne();
        QCOMPARE(lost.code, 2);
        QVERIFY2(lost.json().value("error").toString().startsWith("log_unavailable: key_file_missing"),
                 lost.out.constData());
        QVERIFY(!QFile::exists(path("capped/log-fields.key")));
    }
    void verifyImageAndInspect() {
        const Run png =
            run(QStringLiteral("lz-wallet"), {QStringLiteral("present"), QStringLiteral("--credential"),
                                              path("cred.cose"), QStringLiteral("--device-key"),
                                              path("device.pem"), QStringLiteral("--png"), path("qr.png")});
        QCOMPARE(png.code, 0);
        QVERIFY(png.json().value(QLatin1String("qr_version")).toInt() <= 20);
        const Run r = run(QStringLiteral("liangzheng-cli"),
                          cli({QStringLiteral("verify"), QStringLiteral("--image"), path("qr.png")}));
        QVERIFY2(r.code == 0, r.out.constData());
        const Run inspect = run(QStringLiteral("liangzheng-cli"),
                                {QStringLiteral("inspect"), QString::fromLatin1(present())});
        QCOMPARE(inspect.code, 0);
        const QJsonObject cred = inspect.json().value(QLatin1String("credential")).toObject();
        QCOMPARE(cred.value(QLatin1String("protected")).toObject().value(QLatin1String("alg")).toString(),
                 QStringLiteral("SM2"));
        QCOMPARE(cred.value(QLatin1String("cti")).toString(), QStringLiteral("00000000000000aa"));
        QCOMPARE(cred.value(QLatin1String("cnf")).toObject().value(QLatin1String("alg")).toString(),
                 QStringLiteral("EdDSA"));
        const Run garbage =
            run(QStringLiteral("liangzheng-cli"), {QStringLiteral("inspect"), QStringLiteral("LZ1:%%%")});
        QCOMPARE(garbage.code, 1);
        QCOMPARE(
            garbage.json().value(QLatin1String("error")).toObject().value(QLatin1String("stage")).toString(),
            QStringLiteral("qr"));
    }
    void expiredScreenshotAndClock() {
        const QString old = QString::number(QDateTime::currentSecsSinceEpoch() - 600);
        const Run r = run(QStringLiteral("liangzheng-cli"),
                          cli({QStringLiteral("verify"), QString::fromLatin1(present(old))}));
        QCOMPARE(r.code, 1);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("presentation_expired"));
        // The terminal clock set back a day: refused, whatever the code says.
        const QString back = QString::number(QDateTime::currentSecsSinceEpoch() - 86400);
        const Run c =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("--at"), back, QStringLiteral("verify"),
                                                       QString::fromLatin1(present(back))}));
        QCOMPARE(c.json().value(QLatin1String("reason")).toString(), QStringLiteral("clock_untrusted"));
    }
    void atNeverWeakensTheTerminal() {
        // Issue 14, finding 2: under --at a code the terminal had accepted was valid again, a time
        // before the clock's high-water mark passed, and `register` wrote back-dated records.
        QVERIFY(QDir().mkpath(path("at-state")));
        const QString conf = path("at.conf");
        QVERIFY(writeText(conf, "[trust]\nanchors=test-anchor=anchor.pub.pem\n[state]\ndir=at-state\n"
                                "[venue]\nid=V440106\ntype=internet_cafe\nterminal_id=T-AT\n"));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const Run listed =
            run(QStringLiteral("lz-issuer"),
                {QStringLiteral("trust-list"), QStringLiteral("--anchor-key"), path("anchor.pem"),
                 QStringLiteral("--anchor-kid"), QStringLiteral("test-anchor"), QStringLiteral("--spec"),
                 path("spec.json"), QStringLiteral("--sequence"), QStringLiteral("1"), QStringLiteral("--at"),
                 QString::number(now - 7200), QStringLiteral("--out"), path("at-list.cose")});
        QVERIFY2(listed.code == 0, listed.err.constData());
        auto at = [&](const QStringList& args, const QByteArray& input = {}) {
            return run(QStringLiteral("liangzheng-cli"), QStringList{QStringLiteral("--config"), conf} + args,
                       input);
        };
        QCOMPARE(at({QStringLiteral("trust"), QStringLiteral("install"), path("at-list.cose")}).code, 0);
        const QByteArray code = present();
        QCOMPARE(at({QStringLiteral("verify"), QString::fromLatin1(code)}).code, 0); // accepted: mark ~now
        QFile mark(path("at-state/clock-high-water")), journal(path("at-state/replay.journal"));
        QVERIFY(mark.open(QIODevice::ReadOnly) && journal.open(QIODevice::ReadOnly));
        const QByteArray markBefore = mark.readAll(), journalBefore = journal.readAll();
        mark.close();
        journal.close();

        const Run again = at({QStringLiteral("--at"), QStringLiteral("now"), QStringLiteral("verify"),
                              QString::fromLatin1(code)});
        QCOMPARE(again.json().value(QLatin1String("reason")).toString(), QStringLiteral("replayed"));
        const QString hourAgo = QString::number(now - 3600);
        const Run back = at({QStringLiteral("--at"), hourAgo, QStringLiteral("verify"),
                             QString::fromLatin1(present(hourAgo))});
        QCOMPARE(back.json().value(QLatin1String("reason")).toString(), QStringLiteral("clock_untrusted"));
        for (const QStringList& writes :
             {QStringList{QStringLiteral("register"), QString::fromLatin1(present())},
              QStringList{QStringLiteral("sync"), QStringLiteral("now")},
              QStringList{QStringLiteral("log"), QStringLiteral("checkpoint")},
              QStringList{QStringLiteral("trust"), QStringLiteral("install"), path("at-list.cose")}}) {
            const Run refused = at(QStringList{QStringLiteral("--at"), QStringLiteral("now")} + writes);
            QCOMPARE(refused.code, 2);
            QVERIFY2(refused.err.contains("at_not_allowed"), refused.err.constData());
        }
        QVERIFY(!QFile::exists(path("at-state/registrations.db")) ||
                at({QStringLiteral("log"), QStringLiteral("status")})
                        .json()
                        .value(QLatin1String("records"))
                        .toInt() == 0);
        // Nothing of the --at runs reached the terminal's state.
        QVERIFY(mark.open(QIODevice::ReadOnly) && journal.open(QIODevice::ReadOnly));
        QCOMPARE(mark.readAll(), markBefore);
        QCOMPARE(journal.readAll(), journalBefore);
        // A throwaway state of one's own (--state-dir) still refuses a replay within the run.
        QVERIFY(QDir().mkpath(path("at-scratch")));
        QVERIFY(QFile::copy(path("at-state/trust-list.cose"), path("at-scratch/trust-list.cose")));
        const QByteArray fresh = present();
        const Run twice = run(QStringLiteral("liangzheng-cli"),
                              {QStringLiteral("--config"), conf, QStringLiteral("--state-dir"),
                               path("at-scratch"), QStringLiteral("--at"), QStringLiteral("now"),
                               QStringLiteral("verify"), QStringLiteral("-")},
                              fresh + '\n' + fresh + '\n');
        QVERIFY2(twice.out.count("\"verdict\":\"valid\"") == 1 &&
                     twice.out.count("\"reason\":\"replayed\"") == 1,
                 twice.out.constData());
    }
    void rollbackRefusedAndRevocation() {
        QCOMPARE(trustList(path("spec-revoked.json"), QStringLiteral("9"), path("list9.cose")).code, 0);
        const Run rollback =
            run(QStringLiteral("liangzheng-cli"),
                cli({QStringLiteral("trust"), QStringLiteral("install"), path("list9.cose")}));
        QCOMPARE(rollback.code, 1);
        QVERIFY(rollback.json().value(QLatin1String("error")).toString().contains(QLatin1String("rollback")));
        QCOMPARE(trustList(path("spec-revoked.json"), QStringLiteral("11"), path("list11.cose")).code, 0);
        QCOMPARE(run(QStringLiteral("liangzheng-cli"),
                     cli({QStringLiteral("trust"), QStringLiteral("install"), path("list11.cose")}))
                     .code,
                 0);
        const Run r = run(QStringLiteral("liangzheng-cli"),
                          cli({QStringLiteral("verify"), QString::fromLatin1(present())}));
        QCOMPARE(r.code, 1);
        QCOMPARE(r.json().value(QLatin1String("reason")).toString(), QStringLiteral("revoked"));
    }
    void demoWalkthrough() {
        const Run r =
            run(QStringLiteral("liangzheng-cli"), {QStringLiteral("--demo"), QStringLiteral("--state-dir"),
                                                   path("demo-state"), QStringLiteral("demo")});
        QVERIFY2(r.code == 0, r.out.constData());
        QCOMPARE(r.out.count("\"as_expected\":true"), 10);
        QVERIFY(r.out.contains("\"demo\":true"));
    }
    void oneVerifyingProcessPerStateDirectory() {
        // A terminal reading a scanner on stdin owns the state directory...
        QProcess first;
        first.start(qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/liangzheng-cli"),
                    cli({QStringLiteral("verify"), QStringLiteral("-")}));
        QVERIFY(first.waitForStarted(10000));
        // It holds the lock once the file names it (the file itself outlives every holder).
        auto holder = [&] {
            QFile f(path("state/terminal.lock"));
            return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
        };
        QTRY_COMPARE_WITH_TIMEOUT(holder(), QByteArray::number(first.processId()), 10000);
        // ...so a second one cannot accept codes from the same replay journal.
        const Run second = run(QStringLiteral("liangzheng-cli"),
                               cli({QStringLiteral("verify"), QString::fromLatin1(present())}));
        QCOMPARE(second.code, 2);
        QVERIFY(second.err.contains("in use by another terminal process"));
        // Read-only commands still work meanwhile.
        QCOMPARE(
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("trust"), QStringLiteral("status")}))
                .code,
            0);
        first.write(present() + '\n');
        first.closeWriteChannel();
        QVERIFY(first.waitForFinished(20000));
        QVERIFY(first.exitCode() <= 1); // a verdict (the credential is revoked by now), not an error
        QVERIFY(first.readAllStandardOutput().contains("\"verdict\""));
    }
    void aKilledTerminalLeavesNoLockBehind() {
        // Issue 14: a terminal killed between creating its lock file and writing its pid left an
        // empty file, and every start for the next 30 s was refused ("pid 0").
        // An older terminal version (QLockFile: pid, name, host; no flock) still running during an
        // upgrade: its directory is refused, not shared.
        QVERIFY(writeText(path("state/terminal.lock"),
                          QByteArray::number(QCoreApplication::applicationPid()) + "\nliangzheng\nhost\n"));
        const Run older =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("status")}));
        QCOMPARE(older.code, 2);
        QVERIFY2(older.err.contains("older terminal version"), older.err.constData());
        QVERIFY(writeText(path("state/terminal.lock"), ""));
        const Run afterEmpty =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("status")}));
        QVERIFY2(afterEmpty.code == 0, afterEmpty.err.constData());
        // A holder killed with SIGKILL in the middle of its work: the next start gets the lock.
        for (int i = 0; i < 3; ++i) {
            QProcess holder;
            holder.start(qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/liangzheng-cli"),
                         cli({QStringLiteral("verify"), QStringLiteral("-")}));
            QVERIFY(holder.waitForStarted(10000));
            QTRY_COMPARE_WITH_TIMEOUT(
                [&] {
                    QFile f(path("state/terminal.lock"));
                    return f.open(QIODevice::ReadOnly) ? f.readAll().trimmed() : QByteArray();
                }(),
                QByteArray::number(holder.processId()), 10000);
            const Run refused =
                run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("status")}));
            QCOMPARE(refused.code, 2);
            QVERIFY2(refused.err.contains("state_in_use") &&
                         refused.err.contains(QByteArray::number(holder.processId())),
                     refused.err.constData());
            holder.kill();
            QVERIFY(holder.waitForFinished(10000));
            const Run next =
                run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("status")}));
            QVERIFY2(next.code == 0, next.err.constData());
        }
    }
    void scanAVideoToVerdicts() {
        // Camera path end to end: the synthetic phone camera written as MJPEG, read back through
        // OpenCV, decoded, verified off the main thread: one verdict per holder's turn (5 s).
        const QString video = path("demo.avi"), state = path("scan-state");
        const Run made =
            run(QStringLiteral("liangzheng-cli"),
                {QStringLiteral("--demo"), QStringLiteral("--state-dir"), state, QStringLiteral("demo-video"),
                 video, QStringLiteral("--seconds"), QStringLiteral("9")});
        QCOMPARE(made.code, 0);
        const Run scanned = run(QStringLiteral("liangzheng-cli"),
                                {QStringLiteral("--demo"), QStringLiteral("--state-dir"), state,
                                 QStringLiteral("scan"), QStringLiteral("--video"), video});
        QVERIFY2(scanned.code == 0, scanned.err.constData());
        const QList<QByteArray> lines = scanned.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3); // two verdicts and the summary
        for (int i = 0; i < 2; ++i)
            QCOMPARE(QJsonDocument::fromJson(lines[i]).object().value(QLatin1String("verdict")).toString(),
                     QStringLiteral("valid"));
        const QJsonObject summary =
            QJsonDocument::fromJson(lines[2]).object().value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("payloads")).toInt(), 2);
        QCOMPARE(summary.value(QLatin1String("frames_read")).toInt(), 135);
        // Every frame shows a code, so most decoded frames are repeats, verified once. (How many
        // frames get decoded depends on the machine's load: the grabber drops, never queues.)
        const int decoded = summary.value(QLatin1String("frames_decoded")).toInt();
        const int repeats = summary.value(QLatin1String("repeats_suppressed")).toInt();
        QVERIFY(decoded <= 135 && decoded >= 5);
        QVERIFY2(repeats >= decoded / 2 && repeats + 2 <= decoded, qPrintable(QString::number(repeats)));
    }
    void serialScannerToVerdicts() {
        // A serial 2D scanner on a pseudo-terminal: each scanned line is verified.
        const int master = posix_openpt(O_RDWR | O_NOCTTY);
        QVERIFY(master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0);
        const QString slave = QString::fromLocal8Bit(ptsname(master));
        QProcess p;
        p.start(qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/liangzheng-cli"),
                {QStringLiteral("--demo"), QStringLiteral("--state-dir"), path("serial-state"),
                 QStringLiteral("scan"), QStringLiteral("--serial"), slave, QStringLiteral("--seconds"),
                 QStringLiteral("3")});
        QVERIFY(p.waitForStarted(10000));
        QByteArray err; // accumulated: QTRY evaluates its expression once more at the end
        QTRY_VERIFY_WITH_TIMEOUT((err += p.readAllStandardError()).contains("scanner present"), 10000);
        const QByteArray scans = "https://example.com/pay\rLZ2:SOMETHING NEWER\r";
        QCOMPARE(::write(master, scans.constData(), size_t(scans.size())), ssize_t(scans.size()));
        QVERIFY(p.waitForFinished(20000));
        ::close(master);
        const QList<QByteArray> lines = p.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QCOMPARE(QJsonDocument::fromJson(lines[0]).object().value(QLatin1String("reason")).toString(),
                 QStringLiteral("malformed"));
        QCOMPARE(QJsonDocument::fromJson(lines[1]).object().value(QLatin1String("reason")).toString(),
                 QStringLiteral("unsupported_version"));
        QCOMPARE(QJsonDocument::fromJson(lines[2])
                     .object()
                     .value(QLatin1String("summary"))
                     .toObject()
                     .value(QLatin1String("rejected"))
                     .toInt(),
                 2);
    }
    void staffPinIsStoredHashed() {
        // The configuration is the defaults, never written; the PIN goes to the settings in the
        // state directory (docs/configuration.md "Defaults and settings"), made if need be (0700).
        const QString conf = path("pin.conf");
        QVERIFY(writeText(conf, "[venue]\nid=V1\n[state]\ndir=pin-state\n"));
        const QByteArray confBytes = fileBytes(conf);
        // From stdin only; a bad PIN is refused and nothing is written.
        Run r = run(QStringLiteral("liangzheng-cli"),
                    {QStringLiteral("--config"), conf, QStringLiteral("staff"), QStringLiteral("set-pin")},
                    "12\n");
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("pin_unacceptable"));
        r = run(QStringLiteral("liangzheng-cli"),
                {QStringLiteral("--config"), conf, QStringLiteral("staff"), QStringLiteral("set-pin")},
                "246813\n");
        QCOMPARE(r.code, 0);
        QCOMPARE(fileBytes(conf), confBytes);
        QCOMPARE(QFileInfo(path("pin-state")).permissions(), QFile::ReadOwner | QFile::WriteOwner |
                                                                 QFile::ExeOwner | QFile::ReadUser |
                                                                 QFile::WriteUser | QFile::ExeUser);
        QSettings s(path("pin-state/settings.conf"), QSettings::IniFormat);
        const QString hash = s.value(QStringLiteral("kiosk/pin_hash")).toString();
        QVERIFY(hash.startsWith(QStringLiteral("pbkdf2-sha256$")));
        QVERIFY(!hash.contains(QStringLiteral("246813")));
        QCOMPARE(QFile(path("pin-state/settings.conf")).permissions() & (QFile::ReadGroup | QFile::ReadOther),
                 QFile::Permissions());
        auto ok = lz::staff::verifyPin(QStringLiteral("246813"), hash);
        QVERIFY(ok && *ok);
    }
    // Issue 18: each clerk's own staff number and PIN, for scripted roll-outs.
    void clerksAreAddedAndRemoved() {
        const QString conf = path("clerks.conf");
        QVERIFY(writeText(conf, "[venue]\nid=V1\n[state]\ndir=clerks-state\n"));
        const QByteArray confBytes = fileBytes(conf);
        auto staffCmd = [&](const QStringList& args, const QByteArray& input = {}) {
            return run(QStringLiteral("liangzheng-cli"),
                       QStringList{QStringLiteral("--config"), conf, QStringLiteral("staff")} + args, input);
        };
        QCOMPARE(staffCmd({QStringLiteral("add-clerk"), QStringLiteral("C-07")}, "12\n").code, 2);
        Run r = staffCmd({QStringLiteral("add-clerk"), QStringLiteral("admin")}, "2468\n");
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("staff_id_reserved"));
        QCOMPARE(staffCmd({QStringLiteral("add-clerk"), QStringLiteral("C-07"), QStringLiteral("--name"),
                           QStringLiteral("Wang")},
                          "2468\n")
                     .code,
                 0);
        QCOMPARE(staffCmd({QStringLiteral("add-clerk"), QStringLiteral("C-08")}, "1357\n").code, 0);
        QCOMPARE(staffCmd({QStringLiteral("clerks")}).out, QByteArray("C-07\nC-08\n"));
        QCOMPARE(staffCmd({QStringLiteral("remove-clerk"), QStringLiteral("C-08")}).code, 0);
        QCOMPARE(staffCmd({QStringLiteral("remove-clerk"), QStringLiteral("C-08")}).code, 2);
        QCOMPARE(fileBytes(conf), confBytes); // the defaults are never written
        QSettings s(path("clerks-state/settings.conf"), QSettings::IniFormat);
        const lz::staff::StaffRoster roster = lz::staff::readRoster(s);
        QCOMPARE(roster.members().size(), 1);
        QCOMPARE(roster.members().first().name, QStringLiteral("Wang"));
        QVERIFY(*lz::staff::verifyPin(QStringLiteral("2468"), roster.members().first().pinHash));
    }

    void testPassportsAndCscaTrust() {
        // lz-issuer's passport side: a CSCA, a passport signed under it (a directory the emulated
        // reader serves), a CRL, and a trust list carrying both that the terminal accepts.
        const auto issuer = [](const QStringList& args) { return run(QStringLiteral("lz-issuer"), args); };
        Run r = issuer({QStringLiteral("csca"), QStringLiteral("--out-key"), path("csca.pem"),
                        QStringLiteral("--out-cert"), path("csca.der"), QStringLiteral("--serial"),
                        QStringLiteral("5")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(QFile(path("csca.pem")).permissions() & (QFile::ReadOther | QFile::ReadGroup),
                 QFile::Permissions());
        const QString mrz = QStringLiteral("P<UTOLINDQVIST<<ASTRID<MARIA<<<<<<<<<<<<<<<<"
                                           "AB12345671UTO8803148F3301018<<<<<<<<<<<<<<<8");
        const QString photo =
            qEnvironmentVariable("LZ_SOURCE_DIR") + QStringLiteral("/resources/demo/demo-face.jpg");
        const QStringList passport{QStringLiteral("passport"),
                                   QStringLiteral("--csca-key"),
                                   path("csca.pem"),
                                   QStringLiteral("--csca-cert"),
                                   path("csca.der"),
                                   QStringLiteral("--mrz"),
                                   mrz,
                                   QStringLiteral("--photo"),
                                   photo,
                                   QStringLiteral("--pace"),
                                   QStringLiteral("13")};
        r = issuer(passport + QStringList{QStringLiteral("--out"), path("passport"),
                                          QStringLiteral("--serial"), QStringLiteral("77")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(QLatin1String("document_signer_serial")).toInt(), 77);
        for (const char* f : {"passport/011E.bin", "passport/0101.bin", "passport/0102.bin",
                              "passport/011D.bin", "passport/passport.json"})
            QVERIFY2(QFile::exists(path(f)), f);
        QVERIFY(QFileInfo(path("passport/0102.bin")).size() > 19000); // the face, about 20 KB
        // Broken passports are refused at the command line when asked for impossibly.
        QCOMPARE(issuer(passport + QStringList{QStringLiteral("--out"), path("bad"),
                                               QStringLiteral("--tamper"), QStringLiteral("dg9")})
                     .code,
                 2);
        QCOMPARE(issuer({QStringLiteral("passport"), QStringLiteral("--csca-key"), path("csca.pem"),
                         QStringLiteral("--csca-cert"), path("csca.der"), QStringLiteral("--mrz"),
                         QStringLiteral("P<X"), QStringLiteral("--photo"), photo, QStringLiteral("--out"),
                         path("bad")})
                     .code,
                 2);
        r = issuer({QStringLiteral("crl"), QStringLiteral("--csca-key"), path("csca.pem"),
                    QStringLiteral("--csca-cert"), path("csca.der"), QStringLiteral("--revoke"),
                    QStringLiteral("77,78"), QStringLiteral("--out"), path("csca.crl")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(
            writeText(path("spec-csca.json"), R"({"issuers":[{"kid":"sm2-1","code":"TEST-CTID","name":"Test",
            "public_key":"issuer.pem"}],"csca":["csca.der"],"crls":["csca.crl"]})"));
        r = trustList(path("spec-csca.json"), QStringLiteral("500"), path("list-csca.cose"));
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.json().value(QLatin1String("csca")).toInt(), 1);
        const Run installed =
            run(QStringLiteral("liangzheng-cli"),
                cli({QStringLiteral("trust"), QStringLiteral("install"), path("list-csca.cose")}));
        QVERIFY2(installed.code == 0, installed.out.constData());
        const Run status =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("trust"), QStringLiteral("status")}));
        QCOMPARE(status.json().value(QLatin1String("csca_certificates")).toInt(), 1);
        // A CRL that is not one is refused when the list is made: the terminal would refuse it whole.
        QVERIFY(writeText(path("not.crl"), "junk"));
        QVERIFY(writeText(path("spec-bad.json"), R"({"issuers":[],"csca":["csca.der"],"crls":["not.crl"]})"));
        r = trustList(path("spec-bad.json"), QStringLiteral("501"), path("list-bad.cose"));
        const Run refused =
            run(QStringLiteral("liangzheng-cli"),
                cli({QStringLiteral("trust"), QStringLiteral("install"), path("list-bad.cose")}));
        QVERIFY(refused.code != 0);
        QVERIFY2(refused.out.contains("crl_malformed") || refused.err.contains("crl_malformed"),
                 refused.out.constData());
    }

    void usageErrors() {
        QCOMPARE(run(QStringLiteral("liangzheng-cli"), {}).code, 2);
        QCOMPARE(run(QStringLiteral("liangzheng-cli"), {QStringLiteral("--config"), path("missing.conf"),
                                                        QStringLiteral("verify"), QStringLiteral("x")})
                     .code,
                 2);
        QCOMPARE(run(QStringLiteral("liangzheng-cli"),
                     cli({QStringLiteral("verify"), QStringLiteral("--image"), path("missing.png")}))
                     .code,
                 2);
        QCOMPARE(
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("--bogus"), QStringLiteral("verify")}))
                .code,
            2);
        QCOMPARE(run(QStringLiteral("lz-wallet"),
                     {QStringLiteral("present"), QStringLiteral("--credential"), path("missing")})
                     .code,
                 2);
        QCOMPARE(
            run(QStringLiteral("lz-issuer"), {QStringLiteral("keygen"), QStringLiteral("--alg"),
                                              QStringLiteral("RSA"), QStringLiteral("--out"), path("x.pem")})
                .code,
            2);
        QVERIFY(writeText(
            path("bad-id.json"),
            R"({"name":"张三","sex":"male","ethnicity":1,"birth_date":"1949-12-31","number":"110105194912310012"})"));
        const Run bad =
            run(QStringLiteral("lz-issuer"),
                {QStringLiteral("issue"), QStringLiteral("--issuer-key"), path("issuer.pem"),
                 QStringLiteral("--kid"), QStringLiteral("k"), QStringLiteral("--iss"), QStringLiteral("X"),
                 QStringLiteral("--identity"), path("bad-id.json"), QStringLiteral("--device-pub"),
                 path("device.pem"), QStringLiteral("--out"), path("bad.cose")});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("check character"));
    }
    // 一证多住 through the CLI (last: it adds records the earlier tests count): a second room for
    // the same identity is refused by name until the first stay is checked out.
    void oneOpenStayUntilCheckOut() {
        const QString details = QStringLiteral(
            R"({"room":"%1","check_in":"2026-11-22T14:00","expected_checkout":"2099-01-01T12:00","guests":1})");
        auto registerIn = [&](const QString& room) {
            return run(
                QStringLiteral("liangzheng-cli"),
                cli({QStringLiteral("register"), QString::fromLatin1(present()), QStringLiteral("--details"),
                     details.arg(room), QStringLiteral("--operator"), QStringLiteral("clerk-3")}));
        };
        const Run first = registerIn(QStringLiteral("2201"));
        QVERIFY2(first.code == 0, first.out.constData());
        const Run second = registerIn(QStringLiteral("2202"));
        QCOMPARE(second.code, 1);
        QCOMPARE(second.json().value("error").toString(), QStringLiteral("stay_open: room 2201"));
        QVERIFY(!second.json().value("registered").toBool());
        const Run nobody =
            run(QStringLiteral("liangzheng-cli"),
                cli({QStringLiteral("checkout"), QStringLiteral("--room"), QStringLiteral("9")}));
        QCOMPARE(nobody.code, 2);
        QVERIFY(nobody.err.contains("stay_not_open"));
        const Run out = run(QStringLiteral("liangzheng-cli"),
                            cli({QStringLiteral("checkout"), QStringLiteral("--room"), QStringLiteral("2201"),
                                 QStringLiteral("--operator"), QStringLiteral("clerk-4")}));
        QVERIFY2(out.code == 0, out.out.constData());
        QCOMPARE(out.json().value("stay").toString(), first.json().value("record_id").toString());
        QVERIFY(out.json().value("checked_out").toBool());
        const Run again = registerIn(QStringLiteral("2202"));
        QVERIFY2(again.code == 0, again.out.constData());
        // A venue that flags instead ([desk] stay_conflict = flag): the clerk registers a second
        // room only with their id and a reason, both kept in the record.
        QVERIFY(writeText(path("flag.conf"),
                          "[trust]\nanchors=test-anchor=anchor.pub.pem\n[state]\ndir=state\n"
                          "[venue]\nid=V440106\ntype=hotel\nterminal_id=T-01\n"
                          "[desk]\nstay_conflict=flag\n"));
        auto flagged = [&](const QStringList& extra) {
            return run(QStringLiteral("liangzheng-cli"),
                       QStringList{QStringLiteral("--config"), path("flag.conf"), QStringLiteral("register"),
                                   QString::fromLatin1(present()), QStringLiteral("--details"),
                                   details.arg(QStringLiteral("2301")), QStringLiteral("--operator"),
                                   QStringLiteral("mgr-1")} +
                           extra);
        };
        const Run noReason = flagged({});
        QCOMPARE(noReason.code, 2);
        QCOMPARE(noReason.json().value("error").toString(),
                 QStringLiteral("override_reason_missing: room 2202"));
        const Run overridden =
            flagged({QStringLiteral("--override-reason"), QStringLiteral("family, two rooms")});
        QVERIFY2(overridden.code == 0, overridden.out.constData());
        const Run unmasked =
            run(QStringLiteral("liangzheng-cli"),
                cli({QStringLiteral("log"), QStringLiteral("list"), QStringLiteral("--unmasked")}));
        QVERIFY(unmasked.out.contains("\"override_reason\":\"family, two rooms\""));
        QVERIFY(unmasked.out.contains("\"override_staff\":\"mgr-1\""));
        // The check-out is in the log, and the chain still holds.
        const Run list =
            run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("list")}));
        QVERIFY(list.out.contains("\"kind\":\"checkout\""));
        QCOMPARE(run(QStringLiteral("liangzheng-cli"), cli({QStringLiteral("log"), QStringLiteral("verify")}))
                     .code,
                 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
