// liangzheng-cli register / log: record verifications in the registration log, and look after
// the log (verify the chain, list a day, export CSV, status, checkpoint, purge, rotate the key).
#include "Commands.h"

#include "credential/IdentityJson.h"
#include "log/LogExport.h"
#include "log/RecordId.h"

#include "util/DurableFile.h"
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <QBuffer>

namespace lz::clicmd {
namespace {

QJsonObject recordJson(const Registration& r, bool unmasked) {
    QJsonObject o{{QStringLiteral("record_id"), recordIdText(r.id)},
                  {QStringLiteral("seq"), r.seq},
                  {QStringLiteral("time"),
                   QDateTime::fromMSecsSinceEpoch(r.createdAtMs, Qt::OffsetFromUTC, r.utcOffsetS)
                       .toString(Qt::ISODate)},
                  {QStringLiteral("kind"), recordKindName(r.kind)},
                  {QStringLiteral("verdict"), r.valid ? QStringLiteral("valid") : QStringLiteral("rejected")},
                  {QStringLiteral("method"), r.method}};
    if (!r.reason.isEmpty())
        o.insert(QStringLiteral("reason"), r.reason);
    if (r.identity)
        o.insert(QStringLiteral("identity"),
                 identityToDisplayJson(
                     *r.identity, unmasked,
                     QDateTime::fromMSecsSinceEpoch(r.createdAtMs, Qt::OffsetFromUTC, r.utcOffsetS).date()));
    if (!r.details.isEmpty())
        o.insert(QStringLiteral("details"), r.details);
    o.insert(QStringLiteral("forwarded"), r.ackedAtMs.has_value());
    if (!r.setAsideReason.isEmpty())
        o.insert(QStringLiteral("set_aside"), r.setAsideReason);
    if (r.purgedAtMs)
        o.insert(QStringLiteral("purged"), true);
    return o;
}

// A local calendar day [start, end) in UTC milliseconds; "today" or YYYY-MM-DD.
Expected<std::pair<qint64, qint64>> localDay(const QString& text, qint64 nowS) {
    const QDate day = text.isEmpty() || text == QLatin1String("today")
                          ? QDateTime::fromSecsSinceEpoch(nowS).date()
                          : QDate::fromString(text, Qt::ISODate);
    if (!day.isValid())
        return unexpected(QStringLiteral("'%1' is not a date (YYYY-MM-DD or today)").arg(text));
    return std::pair{day.startOfDay().toMSecsSinceEpoch(), day.addDays(1).startOfDay().toMSecsSinceEpoch()};
}

} // namespace

int registerText(Terminal& terminal, const cli::Options& o) {
    const QStringList words = o.positional();
    if (words.size() != 2)
        return cli::fail(
            QStringLiteral("usage: register TEXT [--details JSON] [--operator ID] [--method M]"));
    QJsonObject details;
    if (o.has(QStringLiteral("--details"))) {
        QJsonParseError error;
        const QJsonDocument doc =
            QJsonDocument::fromJson(o.value(QStringLiteral("--details")).toUtf8(), &error);
        if (!doc.isObject())
            return cli::fail(QStringLiteral("--details is not a JSON object: %1").arg(error.errorString()));
        details = doc.object();
    }
    desk::Desk* desk = terminal.desk();
    if (!terminal.log() || !desk) { // before verifying, so that the guest's code is not spent for nothing
        cli::printJson(
            {{QStringLiteral("registered"), false},
             {QStringLiteral("error"), QStringLiteral("log_unavailable: %1").arg(terminal.logError())}});
        return cli::kExitUsage;
    }
    // The venue's fields first: a refusal then leaves the guest's code unspent (verifying it
    // enters it into the replay cache).
    if (const QString bad = desk->checkDetails(details); !bad.isEmpty()) {
        cli::printJson({{QStringLiteral("registered"), false}, {QStringLiteral("error"), bad}});
        return cli::kExitUsage;
    }
    std::optional<desk::StaffOverride> override;
    if (o.has(QStringLiteral("--override-reason")))
        override = desk::StaffOverride{o.value(QStringLiteral("--operator")),
                                       o.value(QStringLiteral("--override-reason"))};
    const desk::Decision decision = desk->decide(terminal.verifier().verifyQrText(words.at(1)),
                                                 o.value(QStringLiteral("--method"), QStringLiteral("qr")));
    QJsonObject out = decision.result.toJson(false);
    if (!decision.result.valid) { // the desk logged the attempt
        out.insert(QStringLiteral("registered"), false);
        cli::printJson(out);
        return cli::kExitRejected;
    }
    if (!decision.refusal.isEmpty()) {
        out.insert(QStringLiteral("registered"), false);
        out.insert(QStringLiteral("error"),
                   decision.openStay ? QStringLiteral("stay_open: room %1").arg(decision.openStay->room)
                                     : decision.refusal);
        cli::printJson(out);
        return cli::kExitRejected;
    }
    auto recorded =
        desk->registerGuest(decision.id, details, o.value(QStringLiteral("--operator")), override);
    if (!recorded) {
        // Not registered: the clerk must not be told otherwise (nothing was written).
        out.insert(QStringLiteral("registered"), false);
        out.insert(QStringLiteral("error"), recorded.error().text());
        cli::printJson(out);
        return cli::kExitUsage;
    }
    out.insert(QStringLiteral("registered"), true);
    out.insert(QStringLiteral("record_id"), recordIdText(recorded->id));
    out.insert(QStringLiteral("seq"), recorded->seq);
    cli::printJson(out);
    return cli::kExitOk;
}

// liangzheng-cli checkout RECORD_ID | --room ROOM: the guest left (a check-out record, forwarded
// like any other), or every open stay of a room.
int checkout(Terminal& terminal, const cli::Options& o) {
    const QStringList words = o.positional();
    desk::Desk* desk = terminal.desk();
    if (!terminal.log() || !desk)
        return cli::fail(QStringLiteral("log_unavailable: %1").arg(terminal.logError()));
    QList<QByteArray> stays;
    if (o.has(QStringLiteral("--room"))) {
        for (const desk::Stay& s : desk->openStays())
            if (s.room == o.value(QStringLiteral("--room")))
                stays.append(s.recordId);
    } else if (words.size() == 2) {
        stays.append(recordIdFromText(words.at(1)));
        if (stays.first().isEmpty())
            return cli::fail(QStringLiteral("'%1' is not a record id").arg(words.at(1)));
    } else {
        return cli::fail(QStringLiteral("usage: checkout RECORD_ID | --room ROOM [--operator ID]"));
    }
    if (stays.isEmpty())
        return cli::fail(
            QStringLiteral("stay_not_open: no open stay in room %1").arg(o.value(QStringLiteral("--room"))));
    int failures = 0;
    for (const QByteArray& stay : stays) {
        auto written = desk->checkOut(stay, o.value(QStringLiteral("--operator")));
        QJsonObject line{{QStringLiteral("stay"), recordIdText(stay)},
                         {QStringLiteral("checked_out"), bool(written)}};
        if (written)
            line.insert(QStringLiteral("record_id"), recordIdText(written->id));
        else
            line.insert(QStringLiteral("error"), written.error().text());
        failures += written ? 0 : 1;
        cli::printJson(line);
    }
    return failures ? cli::kExitRejected : cli::kExitOk;
}

// liangzheng-cli void RECORD_ID --operator ID --reason R, and
// liangzheng-cli correct RECORD_ID --details JSON --operator ID --reason R: a registration made
// by mistake, or with a wrong room; a new record names it (the registration is never changed).
int amend(Terminal& terminal, const cli::Options& o) {
    const QStringList words = o.positional();
    const bool correcting = words.value(0) == QLatin1String("correct");
    desk::Desk* desk = terminal.desk();
    if (!terminal.log() || !desk)
        return cli::fail(QStringLiteral("log_unavailable: %1").arg(terminal.logError()));
    if (words.size() != 2 || (correcting && !o.has(QStringLiteral("--details"))))
        return cli::fail(QStringLiteral("usage: void RECORD_ID --operator ID --reason R | correct RECORD_ID "
                                        "--details JSON --operator ID --reason R"));
    const QByteArray id = recordIdFromText(words.at(1));
    if (id.isEmpty())
        return cli::fail(QStringLiteral("'%1' is not a record id").arg(words.at(1)));
    const desk::StaffOverride who{o.value(QStringLiteral("--operator")), o.value(QStringLiteral("--reason"))};
    Expected<Registration, desk::DeskFailure> written = unexpected(desk::DeskFailure{});
    if (correcting) {
        const QJsonDocument details = QJsonDocument::fromJson(o.value(QStringLiteral("--details")).toUtf8());
        if (!details.isObject())
            return cli::fail(QStringLiteral("--details is not a JSON object"));
        written = desk->correctRecord(id, details.object(), who);
    } else {
        written = desk->voidRecord(id, who);
    }
    if (!written)
        return cli::fail(written.error().text(), cli::kExitRejected);
    cli::printJson({{correcting ? QStringLiteral("corrected") : QStringLiteral("voided"), recordIdText(id)},
                    {QStringLiteral("record_id"), recordIdText(written->id)},
                    {QStringLiteral("seq"), written->seq}});
    return cli::kExitOk;
}

int log(Terminal& terminal, const cli::Options& o) {
    const QStringList words = o.positional();
    const QString sub = words.value(1);
    RegistrationLog* log = terminal.log();
    if (!log)
        return cli::fail(QStringLiteral("the registration log cannot be used: %1").arg(terminal.logError()));
    const bool unmasked = o.has(QStringLiteral("--unmasked"));
    const qint64 now = terminal.clock().now();

    if (sub == QLatin1String("verify")) {
        const LogVerifyReport report = log->verify();
        QJsonArray problems;
        for (const LogProblem& p : report.problems)
            problems.append(QJsonObject{{QStringLiteral("problem"), logProblemKindName(p.kind)},
                                        {QStringLiteral("seq"), p.seq},
                                        {QStringLiteral("last_seq"), p.lastSeq},
                                        {QStringLiteral("record_id"), p.recordId},
                                        {QStringLiteral("description"), p.description}});
        cli::printJson({{QStringLiteral("intact"), report.ok()},
                        {QStringLiteral("records"), report.records},
                        {QStringLiteral("purged"), report.purged},
                        {QStringLiteral("checkpoints"), report.checkpoints},
                        {QStringLiteral("problems"), problems}});
        return report.ok() ? cli::kExitOk : cli::kExitRejected;
    }
    if (sub == QLatin1String("list") || sub == QLatin1String("export")) {
        auto day = localDay(o.value(QStringLiteral("--date")), now);
        if (!day)
            return cli::fail(day.error());
        auto records = log->listCreated(day->first, day->second);
        if (!records)
            return cli::fail(records.error());
        if (sub == QLatin1String("list")) {
            for (const Registration& r : *records)
                cli::printJson(recordJson(r, unmasked));
            return cli::kExitOk;
        }
        if (words.size() != 3)
            return cli::fail(QStringLiteral("usage: log export FILE [--date D] [--unmasked]"));
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        writeRegistrationsCsv(csv, *records, unmasked);
        if (auto saved = writeFileDurably(words.at(2), csv.data(), 0600); !saved)
            return cli::fail(saved.error());
        cli::printJson(
            {{QStringLiteral("exported"), records->size()}, {QStringLiteral("masked"), !unmasked}});
        return cli::kExitOk;
    }
    if (sub == QLatin1String("status")) {
        auto s = log->status();
        if (!s)
            return cli::fail(s.error());
        cli::printJson({{QStringLiteral("records"), s->headSeq},
                        {QStringLiteral("unsent"), s->unsent},
                        {QStringLiteral("set_aside"), s->setAside},
                        {QStringLiteral("oldest_unsent_age_seconds"),
                         s->oldestUnsentMs ? QJsonValue(now - s->oldestUnsentMs / 1000) : QJsonValue()},
                        {QStringLiteral("last_checkpoint_seq"), s->lastCheckpointSeq}});
        return cli::kExitOk;
    }
    if (sub == QLatin1String("checkpoint")) {
        if (auto c = log->checkpoint(now * 1000); !c)
            return cli::fail(c.error());
        cli::printJson({{QStringLiteral("checkpoint_seq"), log->status()->headSeq}});
        return cli::kExitOk;
    }
    if (sub == QLatin1String("purge")) {
        auto n = log->purge(now * 1000, terminal.config().retentionDays);
        if (!n)
            return cli::fail(n.error());
        cli::printJson({{QStringLiteral("purged"), *n},
                        {QStringLiteral("retention_days"), terminal.config().retentionDays}});
        return cli::kExitOk;
    }
    if (sub == QLatin1String("rotate-key")) {
        auto id = log->rotateFieldKey();
        if (!id)
            return cli::fail(id.error());
        cli::printJson({{QStringLiteral("field_key"), qint64(*id)}});
        return cli::kExitOk;
    }
    return cli::fail(QStringLiteral("usage: log verify | list [--date D] | export FILE [--date D] | status | "
                                    "checkpoint | purge | rotate-key"));
}

} // namespace lz::clicmd
