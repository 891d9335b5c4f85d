#include "PoliceApi.h"

#include "log/RecordId.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrlQuery>

namespace lz::gateway {
namespace {

constexpr int kMaxLimit = 500;
constexpr qint64 kMaxTimeOnlySpanMs = 31LL * 86'400'000; // a query by time alone: a month at most

HttpResponse answer(int status, const QJsonObject& body) {
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json"}, {"Cache-Control", "no-store"}};
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse error(int status, const QString& code, const QString& detail = {}) {
    return answer(status, {{QStringLiteral("error"), code}, {QStringLiteral("detail"), detail}});
}

// RFC 3339 ("2026-12-05T08:00:00+08:00", "…Z"), or a date alone: its midnight in China Standard
// Time (UTC+8), which is what a police officer means by a day. -1: not a time.
qint64 parseTime(const QString& text) {
    if (text.size() == 10) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        return d.isValid() ? QDateTime(d, QTime(0, 0), QTimeZone(8 * 3600)).toMSecsSinceEpoch() : -1;
    }
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    return t.isValid() && t.timeSpec() != Qt::LocalTime ? t.toMSecsSinceEpoch() : -1;
}

// One page: its items under `key`, and the cursor of the next page (null on the last).
QJsonObject pageJson(const RecordPage& page, const char* key) {
    QJsonArray list;
    for (const QJsonObject& r : page.records)
        list.append(r);
    return {{QLatin1String(key), list},
            {QStringLiteral("next"), page.next.isEmpty() ? QJsonValue() : QJsonValue(page.next)}};
}

struct Params {
    QUrlQuery query;
    QJsonObject audited; // as given, for the audit trail
    QString bad;         // the first unusable parameter, said to the caller
    QString text(const char* key) {
        const QString v = query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded);
        if (!v.isEmpty())
            audited.insert(QLatin1String(key), v);
        return v;
    }
    qint64 time(const char* key) {
        const QString v = text(key);
        if (v.isEmpty())
            return 0;
        const qint64 t = parseTime(v);
        if (t < 0 && bad.isEmpty())
            bad = QStringLiteral("%1 is not an RFC 3339 time or a date").arg(QLatin1String(key));
        return std::max<qint64>(t, 0);
    }
    int limit() {
        const QString v = text("limit");
        if (v.isEmpty())
            return 100;
        bool ok = false;
        const int n = v.toInt(&ok);
        if ((!ok || n < 1 || n > kMaxLimit) && bad.isEmpty())
            bad = QStringLiteral("limit is 1..%1").arg(kMaxLimit);
        return ok ? std::clamp(n, 1, kMaxLimit) : 100;
    }
};

} // namespace

HttpResponse PoliceApi::handle(const HttpRequest& request) {
    if (request.path == "/healthz" && request.method == "GET")
        return answer(200, {{QStringLiteral("status"), QStringLiteral("ok")}});
    if (request.clientCommonName.isEmpty())
        return error(403, QStringLiteral("no_client_certificate"));
    if (request.method != "GET")
        return error(405, QStringLiteral("method_not_allowed"));
    if (request.path == "/v1/police/records")
        return records(request, request.clientCommonName);
    if (request.path == "/v1/police/audit")
        return auditTrail(request, request.clientCommonName);
    return error(404, QStringLiteral("not_found"), QString::fromUtf8(request.path));
}

HttpResponse PoliceApi::records(const HttpRequest& request, const QString& officer) {
    Params p{QUrlQuery(QString::fromUtf8(request.query)), {}, {}};
    RecordQuery q;
    q.idNumber = p.text("id_number").toUpper();
    q.venueId = p.text("venue");
    q.fromMs = p.time("from");
    q.toMs = p.time("to");
    q.before = p.text("before");
    q.limit = p.limit();
    if (!q.before.isEmpty() && recordIdFromText(q.before).isEmpty() && p.bad.isEmpty())
        p.bad = QStringLiteral("before is a record id (the previous page's next)");
    if (p.bad.isEmpty() && q.idNumber.isEmpty() && q.venueId.isEmpty() &&
        (q.fromMs == 0 || q.toMs == 0 || q.toMs - q.fromMs > kMaxTimeOnlySpanMs))
        p.bad = QStringLiteral("give id_number, venue, or from and to at most 31 days apart");
    if (p.bad.isEmpty() && q.fromMs && q.toMs && q.toMs <= q.fromMs)
        p.bad = QStringLiteral("to must be after from");
    const QString action = !q.idNumber.isEmpty()  ? QStringLiteral("records_by_id_number")
                           : !q.venueId.isEmpty() ? QStringLiteral("records_by_venue")
                                                  : QStringLiteral("records_by_time");

    auto role = m_store.roleOf(officer);
    if (!role)
        return error(503, QStringLiteral("unavailable"), role.error());
    const QString roleName = *role ? officerRoleName(**role) : QString();
    // Who may: investigators anything; analysts not a person (and without personal fields).
    QString refusal;
    if (!*role)
        refusal = QStringLiteral("unknown_officer");
    else if (**role == OfficerRole::Auditor || (**role == OfficerRole::Analyst && !q.idNumber.isEmpty()))
        refusal = QStringLiteral("role_forbidden");
    else if (!p.bad.isEmpty())
        refusal = QStringLiteral("bad_parameter");
    if (auto written = m_store.audit(officer, roleName, action, p.audited,
                                     refusal.isEmpty() ? QStringLiteral("allowed") : refusal);
        !written)
        return error(503, QStringLiteral("audit_unavailable"), written.error());
    if (refusal == QLatin1String("bad_parameter"))
        return error(400, refusal, p.bad);
    if (!refusal.isEmpty())
        return error(403, refusal,
                     !*role ? QStringLiteral("the certificate's officer is not registered or not active")
                            : QStringLiteral("the role %1 may not %2").arg(roleName, action));

    const bool personal = **role == OfficerRole::Investigator;
    auto page = m_store.records(q, personal);
    if (!page)
        return error(503, QStringLiteral("unavailable"), page.error());
    QJsonObject body = pageJson(*page, "records");
    body.insert(QStringLiteral("personal_fields"), personal);
    return answer(200, body);
}

HttpResponse PoliceApi::auditTrail(const HttpRequest& request, const QString& officer) {
    Params p{QUrlQuery(QString::fromUtf8(request.query)), {}, {}};
    const qint64 from = p.time("from"), to = p.time("to");
    const QString before = p.text("before");
    const int limit = p.limit();
    bool cursorOk = true;
    if (!before.isEmpty())
        before.toLongLong(&cursorOk);
    if (!cursorOk && p.bad.isEmpty())
        p.bad = QStringLiteral("before is an audit entry's id (the previous page's next)");
    auto role = m_store.roleOf(officer);
    if (!role)
        return error(503, QStringLiteral("unavailable"), role.error());
    const QString roleName = *role ? officerRoleName(**role) : QString();
    const QString refusal = !*role                           ? QStringLiteral("unknown_officer")
                            : **role != OfficerRole::Auditor ? QStringLiteral("role_forbidden")
                            : !p.bad.isEmpty()               ? QStringLiteral("bad_parameter")
                                                             : QString();
    if (auto written = m_store.audit(officer, roleName, QStringLiteral("audit_trail"), p.audited,
                                     refusal.isEmpty() ? QStringLiteral("allowed") : refusal);
        !written)
        return error(503, QStringLiteral("audit_unavailable"), written.error());
    if (refusal == QLatin1String("bad_parameter"))
        return error(400, refusal, p.bad);
    if (!refusal.isEmpty())
        return error(403, refusal);
    auto page = m_store.auditTrail(from, to, before, limit);
    if (!page)
        return error(503, QStringLiteral("unavailable"), page.error());
    return answer(200, pageJson(*page, "entries"));
}

} // namespace lz::gateway
