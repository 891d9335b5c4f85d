// The registration log: durable append, personal fields never in clear on disk, the chain and
// checkpoints name an edited, inserted or deleted record, purging only after acknowledgement,
// a full disk and a damaged file refused with named errors, migrations from every older schema.
#include "log/RecordId.h"
#include "log/RegistrationLog.h"
#include "log/VenueFields.h"
#include "util/DurableFile.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;

namespace {

const qint64 kNow = 1'790'000'000'000; // 2026-09-21

Identity guest(int i) {
    Identity id;
    id.name = QStringLiteral("测试%1").arg(i);
    id.sex = Sex::Female; // as the number says (GB 11643 sample number)
    id.ethnicity = 1 + i % 56;
    id.birthDate = QDate(1949, 12, 31);
    id.documentNumber = QStringLiteral("11010519491231002X");
    return id;
}

Registration registration(int i, qint64 at = kNow) {
    Registration r;
    r.createdAtMs = at;
    r.utcOffsetS = 8 * 3600;
    r.kind = RecordKind::Registration;
    r.method = QStringLiteral("qr");
    r.valid = true;
    r.documentKind = QStringLiteral("resident_id");
    r.issuer = QStringLiteral("DEMO-GD");
    r.credentialId = QByteArray::number(i);
    r.trustListSequence = 42;
    r.venue = {QStringLiteral("V4401"), VenueType::Hotel, QStringLiteral("T1"), QStringLiteral("op7")};
    r.details = {{"room", QStringLiteral("30%1").arg(i)},
                 {"check_in", "2026-09-21T14:00"},
                 {"expected_checkout", "2026-09-23T12:00"},
                 {"guests", 1}};
    r.identity = guest(i);
    return r;
}

Registration attempt(qint64 at = kNow) {
    Registration r;
    r.createdAtMs = at;
    r.method = QStringLiteral("qr");
    r.reason = QStringLiteral("replayed");
    r.issuer = QStringLiteral("DEMO-GD");
    r.venue = {QStringLiteral("V4401"), VenueType::Hotel, QStringLiteral("T1"), QStringLiteral("op7")};
    return r;
}

// Edits the database behind the log's back, as someone with the file would.
void tamper(const QString& path, const QString& sql) {
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
}

} // namespace

class TestRegistrationLog : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    PrivateKey m_key = PrivateKey::generate(Algorithm::EdDSA);
    FieldKeys m_keys = FieldKeys::fromRaw(1, QByteArray(32, 's'));
    int m_n = 0;

    QString freshPath() { return m_dir.filePath(QStringLiteral("log%1.db").arg(++m_n)); }
    std::unique_ptr<RegistrationLog> openLog(const QString& path, LogOptions o = {}) {
        auto log = RegistrationLog::open(path, m_keys, m_key, QStringLiteral("T1"), o);
        if (!log)
            qWarning() << log.error().text();
        return log ? std::move(*log) : nullptr;
    }
    // A log of n registrations with a checkpoint every 10.
    QString filled(int n) {
        const QString path = freshPath();
        auto log = openLog(path, {.checkpointEvery = 10});
        for (int i = 1; i <= n; ++i)
            log->append(registration(i, kNow + i));
        return path;
    }

private slots:
    void appendListReopen() {
        const QString path = freshPath();
        QByteArray firstId;
        {
            auto log = openLog(path);
            QVERIFY(log);
            auto r = log->append(registration(1));
            QVERIFY2(r, r ? "" : qPrintable(r.error().text()));
            QCOMPARE(r->seq, 1);
            QCOMPARE(r->id.size(), 16);
            firstId = r->id;
            QVERIFY(log->append(attempt(kNow + 5)));
        }
        auto log = openLog(path); // the commit was durable: a new process sees it
        QVERIFY(log);
        auto third = log->append(registration(3, kNow + 10));
        QCOMPARE(third->seq, 3);
        const auto all = log->listCreated(kNow, kNow + 11);
        QVERIFY(all);
        QCOMPARE(all->size(), 3);
        QCOMPARE(all->at(0).id, firstId);
        QCOMPARE(all->at(0).identity->name, QStringLiteral("测试1"));
        QCOMPARE(all->at(0).details.value("room").toString(), QStringLiteral("301"));
        QVERIFY(!all->at(1).registered());
        QVERIFY(!all->at(1).identity);
        QCOMPARE(all->at(1).reason, QStringLiteral("replayed"));
        QCOMPARE(log->listCreated(kNow + 1, kNow + 10)->size(), 1);
        QCOMPARE(log->get(firstId)->identity->documentNumber, QStringLiteral("11010519491231002X"));
        const auto s = log->status();
        QCOMPARE(s->headSeq, 3);
        QCOMPARE(s->unsent, 3);
        QCOMPARE(s->oldestUnsentMs, kNow);
        QVERIFY(log->verify().ok());
    }

    void personalFieldsNeverInClear() {
        const QString path = filled(20);
        QByteArray bytes;
        for (const QString& f : {path, path + "-wal"}) {
            QFile file(f);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        QVERIFY(bytes.size() > 4096);
        QVERIFY(!bytes.contains(QStringLiteral("测试1").toUtf8()));
        QVERIFY(!bytes.contains("11010519491231002X"));
        QVERIFY(!bytes.contains("\"room\""));
        QVERIFY(bytes.contains("V4401")); // the venue code is not personal and stays readable
    }

    void editedRecordIsNamed() {
        const QString path = filled(30);
        tamper(path, "UPDATE records SET venue_id = 'V9999' WHERE seq = 17");
        const auto report = openLog(path)->verify();
        QCOMPARE(report.problems.size(), 1);
        QCOMPARE(report.problems[0].kind, LogProblem::Kind::Edited);
        QCOMPARE(report.problems[0].seq, 17);
        QVERIFY(!report.problems[0].recordId.isEmpty());
    }

    void editedPersonalFieldsAreNamed() {
        const QString path = filled(30);
        tamper(path,
               "UPDATE records SET personal = (SELECT personal FROM records WHERE seq = 4) WHERE seq = 5");
        auto log = openLog(path);
        const auto report = log->verify();
        QCOMPARE(report.problems.size(), 1);
        QCOMPARE(report.problems[0].kind, LogProblem::Kind::Edited);
        QCOMPARE(report.problems[0].seq, 5);
        // Moved personal fields do not open under another record's id either.
        QVERIFY(log->listCreated(0, kNow + 100).error().code == LogError::SealedFieldCorrupt);
    }

    void deletedRecordsAreNamed() {
        const QString path = filled(30);
        tamper(path, "DELETE FROM records WHERE seq IN (12, 13, 14)");
        const auto report = openLog(path)->verify();
        QCOMPARE(report.problems.size(), 1);
        QCOMPARE(report.problems[0].kind, LogProblem::Kind::Deleted);
        QCOMPARE(report.problems[0].seq, 12);
        QCOMPARE(report.problems[0].lastSeq, 14);
    }

    void insertedRecordIsNamed() {
        const QString path = filled(30);
        // Make room at 8 and put a copy of record 3 there, with an id of its own.
        tamper(path, "UPDATE records SET seq = -seq WHERE seq >= 8");
        tamper(path, "UPDATE records SET seq = 1 - seq WHERE seq < 0");
        tamper(path,
               "INSERT INTO records SELECT 8, randomblob(16), created_ms, utc_offset_s, kind, method, valid,"
               " reason, document_kind, issuer, credential_id, trust_seq, venue_id, venue_type, terminal_id,"
               " operator, personal, personal_hash, content_hash, chain_hash, acked_ms, set_aside, purged_ms"
               " FROM records WHERE seq = 3");
        const auto report = openLog(path)->verify();
        QVERIFY(!report.ok());
        QCOMPARE(report.problems[0].seq, 8);
        QVERIFY(report.problems[0].kind == LogProblem::Kind::Edited ||
                report.problems[0].kind == LogProblem::Kind::Inserted);
    }

    void truncatedTailAndForgedCheckpoint() {
        const QString path = filled(30);
        tamper(path, "DELETE FROM records WHERE seq > 25");
        auto report = openLog(path)->verify();
        QCOMPARE(report.problems.size(), 1);
        QCOMPARE(report.problems[0].kind, LogProblem::Kind::Truncated);
        QCOMPARE(report.problems[0].seq, 26);
        QCOMPARE(report.problems[0].lastSeq, 30);

        const QString other = filled(30);
        tamper(other, "UPDATE checkpoints SET signature = zeroblob(64) WHERE seq = 20");
        report = openLog(other)->verify();
        QCOMPARE(report.problems.size(), 1);
        QCOMPARE(report.problems[0].kind, LogProblem::Kind::CheckpointSignature);
        QCOMPARE(report.problems[0].seq, 20);
    }

    void outboxAndPurge() {
        const QString path = filled(5);
        auto log = openLog(path);
        auto unsent = log->unsent(100);
        QCOMPARE(unsent->size(), 5);
        QCOMPARE(unsent->at(0).seq, 1);
        QVERIFY(log->setAside(unsent->at(1).id, "invalid_venue"));
        QVERIFY(log->markAcknowledged({unsent->at(0).id, unsent->at(2).id}, kNow + 1000));
        unsent = log->unsent(100);
        QCOMPARE(unsent->size(), 2);
        QCOMPARE(unsent->at(0).seq, 4);
        QCOMPARE(log->status()->setAside, 1);

        // Not before the retention period has passed since the acknowledgement.
        QCOMPARE(log->purge(kNow + 29 * 86400000LL, 30).value(), 0);
        QCOMPARE(log->purge(kNow + 31 * 86400000LL, 30).value(), 2);
        QVERIFY(!log->get(unsent->at(0).id)->purgedAtMs); // unacknowledged: kept whole
        const auto purged = log->listCreated(0, kNow + 100);
        QVERIFY(!purged->at(0).identity);
        QVERIFY(purged->at(0).purgedAtMs);
        QVERIFY(purged->at(1).identity); // set aside, never acknowledged: kept
        const auto report = log->verify();
        QVERIFY(report.ok());
        QCOMPARE(report.purged, 2);
    }

    void fullDiskRefusesCleanly() {
        const QString path = freshPath();
        auto log = openLog(path, {.maxPageCount = 12});
        int written = 0;
        std::optional<LogFailure> error;
        for (int i = 1; i <= 1000; ++i) {
            auto r = log->append(registration(i, kNow + i));
            if (!r) {
                error = r.error();
                break;
            }
            ++written;
        }
        QVERIFY(error);
        QCOMPARE(error->code, LogError::DiskFull);
        QVERIFY(error->text().startsWith(QLatin1String("log_disk_full: ")));
        QVERIFY(written > 0);
        QCOMPARE(log->status()->headSeq, written);
        QVERIFY(log->verify().ok()); // nothing half-written
        log.reset();
        auto roomy = openLog(path); // space freed (no page limit): the chain goes on
        QCOMPARE(roomy->append(registration(9999))->seq, written + 1);
        QVERIFY(roomy->verify().ok());
    }

    void damagedFilesAreRefused() {
        const QString path = filled(200);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.size() > 5 * 4096);
        f.seek(3 * 4096);
        f.write(QByteArray(4096, '\xff'));
        f.close();
        const QByteArray before = [&] {
            QFile g(path);
            g.open(QIODevice::ReadOnly);
            return g.readAll();
        }();
        auto log = RegistrationLog::open(path, m_keys, m_key, QStringLiteral("T1"));
        QVERIFY(!log);
        QVERIFY2(log.error().code == LogError::Corrupt, qPrintable(log.error().text()));
        QFile g(path);
        QVERIFY(g.open(QIODevice::ReadOnly));
        QCOMPARE(g.readAll(), before); // nothing overwritten

        const QString text = m_dir.filePath("notes.txt");
        QFile t(text);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write(QByteArray(8192, 'x'));
        t.close();
        QVERIFY(RegistrationLog::open(text, m_keys, m_key, "T1").error().code == LogError::Corrupt);

        const QString foreign = freshPath();
        tamper(foreign, "CREATE TABLE guests (name TEXT)");
        QVERIFY(RegistrationLog::open(foreign, m_keys, m_key, "T1").error().code == LogError::NotALog);

        const QString mine = filled(1);
        QVERIFY(RegistrationLog::open(mine, m_keys, m_key, "T2").error().code == LogError::TerminalMismatch);
        QVERIFY(
            RegistrationLog::open(mine, m_keys, PrivateKey::generate(Algorithm::EdDSA), "T1").error().code ==
            LogError::KeyMismatch);
        tamper(mine, "PRAGMA user_version = 99");
        QVERIFY(RegistrationLog::open(mine, m_keys, m_key, "T1").error().code == LogError::SchemaNewer);
    }

    void migratesFromEveryEarlierSchema_data() {
        QTest::addColumn<int>("from");
        for (int v = 1; v < RegistrationLog::kSchemaVersion; ++v)
            QTest::addRow("schema %d", v) << v;
    }
    void migratesFromEveryEarlierSchema() {
        QFETCH(int, from);
        const QString path = freshPath();
        {
            auto old = openLog(path, {.checkpointEvery = 2, .schemaVersion = from});
            QVERIFY(old);
            for (int i = 1; i <= 5; ++i)
                QVERIFY(old->append(registration(i, kNow + i)));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "peek");
            db.setDatabaseName(path);
            db.open();
            QSqlQuery q("PRAGMA user_version", db);
            q.next();
            QCOMPARE(q.value(0).toInt(), from);
        }
        QSqlDatabase::removeDatabase("peek");
        auto log = openLog(path, {.checkpointEvery = 2});
        QVERIFY(log);
        QVERIFY(log->append(registration(6, kNow + 6)));
        const auto all = log->listCreated(0, kNow + 100);
        QCOMPARE(all->size(), 6);
        QCOMPARE(all->at(2).identity->name, QStringLiteral("测试3"));
        QCOMPARE(log->unsent(100)->size(), 6);
        QVERIFY(log->checkpoint(kNow + 7));
        const auto report = log->verify();
        QVERIFY(report.ok());
        QVERIFY(report.checkpoints >= 1);
    }

    void venueDetails() {
        QVERIFY(validateDetails(VenueType::Hotel, registration(1).details).isEmpty());
        QCOMPARE(validateDetails(VenueType::Hotel, {{"room", "301"}}),
                 QStringLiteral("details_missing: check_in"));
        QCOMPARE(validateDetails(VenueType::InternetCafe, {{"seat", "A12"}, {"room", "1"}}),
                 QStringLiteral("details_unknown: room"));
        QCOMPARE(validateDetails(VenueType::InternetCafe, {{"seat", ""}}),
                 QStringLiteral("details_invalid: seat"));
        QVERIFY(validateDetails(VenueType::GovernmentWindow, {{"service_item", "户籍"}, {"window_no", "3"}})
                    .isEmpty());
        QVERIFY(validateDetails(VenueType::ParcelCounter, {{"waybill", "SF1234567890"}}).isEmpty());
        auto party = registration(1).details;
        party["guests"] = 0;
        QCOMPARE(validateDetails(VenueType::Hotel, party), QStringLiteral("details_invalid: guests"));
        // A foreign guest (a passport of another nationality) needs the visa and entry fields;
        // nobody else may carry them.
        Identity guest;
        guest.kind = DocumentKind::Passport;
        guest.nationality = QStringLiteral("UTO");
        QJsonObject hotel = registration(1).details;
        QCOMPARE(validateDetails(VenueType::Hotel, hotel, &guest),
                 QStringLiteral("details_missing: visa_type"));
        hotel.insert(QStringLiteral("visa_type"), QStringLiteral("L"));
        hotel.insert(QStringLiteral("entry_date"), QStringLiteral("2026-11-20"));
        hotel.insert(QStringLiteral("stay_until"), QStringLiteral("2026-12-20"));
        QCOMPARE(validateDetails(VenueType::Hotel, hotel, &guest),
                 QStringLiteral("details_missing: visa_number"));
        hotel.insert(QStringLiteral("visa_number"), QStringLiteral("V1234567"));
        QVERIFY(validateDetails(VenueType::Hotel, hotel, &guest).isEmpty());
        hotel.insert(QStringLiteral("stay_until"), QStringLiteral("2026-11-19"));
        QCOMPARE(validateDetails(VenueType::Hotel, hotel, &guest),
                 QStringLiteral("details_invalid: stay_until"));
        hotel.insert(QStringLiteral("stay_until"), QStringLiteral("2026-12-20"));
        hotel.insert(QStringLiteral("visa_type"), QStringLiteral("Y"));
        QCOMPARE(validateDetails(VenueType::Hotel, hotel, &guest),
                 QStringLiteral("details_invalid: visa_type"));
        hotel.insert(QStringLiteral("visa_type"), QStringLiteral("visa_free"));
        hotel.remove(QStringLiteral("visa_number"));
        QVERIFY(validateDetails(VenueType::Hotel, hotel, &guest).isEmpty());
        guest.nationality = QStringLiteral("CHN"); // a Chinese citizen's passport: no visa fields
        QCOMPARE(validateDetails(VenueType::Hotel, hotel, &guest),
                 QStringLiteral("details_unknown: visa_type"));
        // A foreigner's permanent residence card (issue 16: the ID-card reader's I and Y cards) is
        // a foreign guest's document; its permit needs no visa number.
        Identity resident;
        resident.kind = DocumentKind::ForeignerPermanentResidence;
        resident.nationality = QStringLiteral("ESP");
        QJsonObject permanent = registration(1).details;
        QCOMPARE(validateDetails(VenueType::Hotel, permanent, &resident),
                 QStringLiteral("details_missing: visa_type"));
        permanent.insert(QStringLiteral("visa_type"), QStringLiteral("permanent_residence"));
        permanent.insert(QStringLiteral("entry_date"), QStringLiteral("2026-11-20"));
        permanent.insert(QStringLiteral("stay_until"), QStringLiteral("2026-12-20"));
        QVERIFY(validateDetails(VenueType::Hotel, permanent, &resident).isEmpty());
        QVERIFY(validateDetails(VenueType::InternetCafe, {{"seat", "A12"}}, &resident).isEmpty());
    }

    void ageAndCafeEligibility() {
        QCOMPARE(ageOn(QDate(2008, 11, 22), QDate(2026, 11, 22)), 18); // the 18th birthday
        QCOMPARE(ageOn(QDate(2008, 11, 23), QDate(2026, 11, 22)), 17); // the day before it
        QCOMPARE(ageOn(QDate(2008, 2, 29), QDate(2026, 2, 28)), 17);   // leap-day birthday …
        QCOMPARE(ageOn(QDate(2008, 2, 29), QDate(2026, 3, 1)), 18);    // … counts from 1 March
        QCOMPARE(ageOn(QDate(), QDate(2026, 3, 1)), -1);
        Identity minor;
        minor.birthDate = QDate(2008, 11, 23);
        Identity adult;
        adult.birthDate = QDate(2008, 11, 22);
        const QDate today(2026, 11, 22);
        QCOMPARE(checkEligibility(VenueType::InternetCafe, minor, today), QStringLiteral("under_18"));
        QVERIFY(checkEligibility(VenueType::InternetCafe, adult, today).isEmpty());
        QVERIFY(checkEligibility(VenueType::Hotel, minor, today).isEmpty()); // hotels register minors
        Identity unknown; // no birth date: a café cannot admit whom it cannot tell is an adult
        QCOMPARE(checkEligibility(VenueType::InternetCafe, unknown, today), QStringLiteral("under_18"));
    }

    void staffAccessIsLoggedWithItsReason() {
        auto log = openLog(freshPath());
        auto r = log->append(registration(1));
        QVERIFY(r);
        QCOMPARE(
            log->recordAccess({kNow, r->id, QStringLiteral("clerk-7"), QStringLiteral("   ")}).error().code,
            LogError::AccessReasonMissing);
        QVERIFY(log->recordAccess({kNow, r->id, QStringLiteral("clerk-7"), QStringLiteral(" police 17 ")}));
        auto access = log->accessSince(0);
        QVERIFY(access);
        QCOMPARE(access->size(), 1);
        QCOMPARE(access->first().recordId, r->id);
        QCOMPARE(access->first().operatorId, QStringLiteral("clerk-7"));
        QCOMPARE(access->first().reason, QStringLiteral("police 17"));
        QVERIFY(log->accessSince(kNow + 1)->isEmpty());
        QVERIFY(log->verify().ok()); // the access table is beside the chain, not in it
    }

private:
    // Issue 14, finding 7: what `log verify` and the start used to miss.
    struct Bound {
        QString db, keys, anchor;
    };
    Bound boundPaths() {
        const QString base = freshPath();
        return {base, base + QStringLiteral(".key"), base + QStringLiteral(".anchor")};
    }
    std::unique_ptr<RegistrationLog> openBound(const Bound& b, int checkpointEvery = 2,
                                               std::optional<LogError>* error = nullptr) {
        auto keys = FieldKeys::openOrCreate(b.keys);
        if (!keys) {
            if (error)
                *error = keys.error().code;
            return nullptr;
        }
        LogOptions o;
        o.checkpointEvery = checkpointEvery;
        o.anchorPath = b.anchor;
        auto log = RegistrationLog::open(b.db, std::move(*keys), m_key, QStringLiteral("T1"), o);
        if (!log && error)
            *error = log.error().code;
        return log ? std::move(*log) : nullptr;
    }
    static QStringList kinds(const LogVerifyReport& report) {
        QStringList out;
        for (const LogProblem& p : report.problems)
            out.append(logProblemKindName(p.kind));
        return out;
    }

private slots:
    void substituteKeyFileIsRefused() {
        const Bound b = boundPaths();
        {
            auto log = openBound(b);
            QVERIFY(log && log->append(registration(1)));
        }
        // Another key file, fresh (no log line) and bound to nothing: refused, not used to seal.
        QVERIFY(QFile::remove(b.keys));
        QVERIFY(FieldKeys::openOrCreate(b.keys).hasValue());
        std::optional<LogError> error;
        QVERIFY(!openBound(b, 2, &error));
        QCOMPARE(error, LogError::KeyFileMismatch);
    }
    void emptiedOrDeletedLogIsRefused() {
        const Bound b = boundPaths();
        {
            auto log = openBound(b);
            QVERIFY(log && log->append(registration(1)) && log->append(registration(2)));
        }
        for (const char* suffix : {"-wal", "-shm"})
            QFile::remove(b.db + QLatin1String(suffix));
        QFile db(b.db);
        QVERIFY(db.resize(0)); // truncated to 0 bytes: the next record would have been number 1 again
        std::optional<LogError> error;
        QVERIFY(!openBound(b, 2, &error));
        QCOMPARE(error, LogError::Replaced);
        QVERIFY(QFile::remove(b.db));
        QVERIFY(!openBound(b, 2, &error));
        QCOMPARE(error, LogError::Replaced);
        QVERIFY(!QFile::exists(b.db)); // refused before anything was created
    }
    void tailDeletedWithItsCheckpointsIsFound() {
        const Bound b = boundPaths();
        {
            auto log = openBound(b);
            for (int i = 1; i <= 6; ++i)
                QVERIFY(log->append(registration(i, kNow + i)));
            QVERIFY(log->verify().ok());
        }
        tamper(b.db, QStringLiteral("DELETE FROM records WHERE seq > 3"));
        tamper(b.db, QStringLiteral("DELETE FROM checkpoints WHERE seq > 3"));
        auto log = openBound(b);
        QVERIFY(log);
        const LogVerifyReport report = log->verify();
        QVERIFY2(kinds(report).contains(QStringLiteral("truncated")), qPrintable(kinds(report).join(',')));
    }
    void acknowledgedButNeverSentIsFound() {
        const Bound b = boundPaths();
        QByteArray third;
        {
            auto log = openBound(b, 100);
            auto first = log->append(registration(1, kNow + 1));
            QVERIFY(first && log->append(registration(2, kNow + 2)));
            third = log->append(registration(3, kNow + 3))->id;
            // The gateway confirmed record 1, and only that.
            QVERIFY(log->anchorGatewayHead(first->seq, first->chainHash));
            QVERIFY(log->markAcknowledged({first->id}, kNow + 10));
            QVERIFY(log->verify().ok());
        }
        {
            // A head that is not this log's record (the gateway still holds an older log of the same
            // terminal id) is reported, not anchored.
            auto log = openBound(b, 100);
            const auto refused = log->anchorGatewayHead(5, QByteArray(32, 'c'));
            QVERIFY(!refused);
            QVERIFY2(refused.error().code == LogError::GatewayHeadMismatch,
                     qPrintable(refused.error().text()));
            QVERIFY(log->verify().ok());
        }
        // Record 3 marked acknowledged and purged behind the log's back: it would never be sent.
        tamper(b.db, QStringLiteral(
                         "UPDATE records SET acked_ms = %1, purged_ms = %1, personal = NULL WHERE seq = 3")
                         .arg(kNow + 20));
        auto log = openBound(b, 100);
        const LogVerifyReport report = log->verify();
        QVERIFY2(kinds(report).contains(QStringLiteral("acked_unconfirmed")),
                 qPrintable(kinds(report).join(',')));
        QCOMPARE(report.problems.first().seq, 3);
    }
    void missingOrForeignAnchorIsFound() {
        const Bound b = boundPaths();
        {
            auto log = openBound(b);
            QVERIFY(log->append(registration(1)) && log->append(registration(2)));
        }
        QVERIFY(QFile::rename(b.anchor, b.anchor + QStringLiteral(".away")));
        {
            auto log = openBound(b);
            QVERIFY(log);
            QCOMPARE(kinds(log->verify()), QStringList{QStringLiteral("anchor_missing")});
        }
        const Bound other = boundPaths();
        { QVERIFY(openBound(other)); }
        QVERIFY(QFile::copy(other.anchor, b.anchor));
        auto log = openBound(b);
        QCOMPARE(kinds(log->verify()), QStringList{QStringLiteral("anchor_mismatch")});
    }
    void aLogFromBeforeBindingIsBoundAtItsFirstStart() {
        const Bound b = boundPaths();
        {
            // As an older terminal made them: a key file with no log line, no anchor.
            auto keys = FieldKeys::openOrCreate(b.keys);
            auto log = RegistrationLog::open(b.db, std::move(*keys), m_key, QStringLiteral("T1"), {});
            QVERIFY(log);
            QVERIFY((*log)->append(registration(1)));
        }
        tamper(b.db, QStringLiteral("DELETE FROM meta WHERE key = 'log_id' OR key LIKE 'field_key:%'"));
        QFile keyFile(b.keys);
        QVERIFY(keyFile.open(QIODevice::ReadOnly));
        QString text = QString::fromLatin1(keyFile.readAll());
        keyFile.close();
        text.remove(QRegularExpression(QStringLiteral("log [0-9a-f]+\n")));
        QVERIFY(writeFileDurably(b.keys, text.toLatin1()).hasValue());
        {
            auto log = openBound(b);
            QVERIFY(log);
            QVERIFY(log->verify().ok());
            QCOMPARE(FieldKeys::openOrCreate(b.keys)->logId(), log->logId());
        }
        auto again = openBound(b);
        QVERIFY(again && again->verify().ok());
    }
    void rotationKeepsTheBinding() {
        const Bound b = boundPaths();
        auto log = openBound(b);
        QVERIFY(log->append(registration(1)));
        QVERIFY(log->rotateFieldKey());
        QVERIFY(log->append(registration(2)));
        log.reset();
        auto reopened = openBound(b);
        QVERIFY(reopened);
        QCOMPARE(reopened->listCreated(0, kNow * 2)->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRegistrationLog)
#include "tst_registrationlog.moc"
