#include "GatewayServer.h"

#include "log/RecordId.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace lz::gateway {
namespace {

// RFC 9110 IMF-fixdate: the terminal reads its clock offset from it.
QByteArray httpDate(qint64 offsetS) {
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc().addSecs(offsetS),
                  QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

QJsonObject error(const QString& code, const QString& text) {
    return {{QStringLiteral("error"), code}, {QStringLiteral("detail"), text}};
}

HttpResponse jsonResponse(int status, const QJsonObject& body, qint64 dateOffsetS) {
    HttpResponse r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json"}, {"Date", httpDate(dateOffsetS)}};
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

enum S {
    Ok = 200,
    NotModified = 304,
    BadRequest = 400,
    Forbidden = 403,
    NotFound = 404,
    InternalServerError = 500,
    ServiceUnavailable = 503
};

} // namespace

GatewayServer::GatewayServer(GatewayStore& store, GatewayOptions options)
    : m_store(store)
    , m_options(std::move(options)) {
    if (!m_options.trustList.isEmpty())
        m_trustListTag =
            '"' + QCryptographicHash::hash(m_options.trustList, QCryptographicHash::Sha256).toHex().left(32) +
            '"';
}

HttpResponse GatewayServer::handle(const HttpRequest& request) {
    auto json = [this](int status, const QJsonObject& body) {
        return jsonResponse(status, body, m_options.dateOffsetS);
    };
    const QByteArray& path = request.path;
    if (path == "/healthz" && request.method == "GET") {
        const bool db = m_store.healthy();
        return json(db ? Ok : ServiceUnavailable,
                    {{QStringLiteral("status"), db ? QStringLiteral("ok") : QStringLiteral("degraded")},
                     {QStringLiteral("database"), db}});
    }
    if (path == "/v1/records" && request.method == "POST") {
        if (m_options.fault == QLatin1String("status500"))
            return json(InternalServerError, error(QStringLiteral("fault"), QStringLiteral("injected")));
        if (m_options.fault == QLatin1String("hang")) {
            HttpResponse never; // never answer: the terminal's timeout must fire
            never.delivery = HttpResponse::Delivery::Never;
            return never;
        }
        return postRecords(request);
    }
    if (path == "/v1/trust-list" && request.method == "GET") {
        if (m_options.trustList.isEmpty())
            return json(NotFound, error(QStringLiteral("no_trust_list"), QStringLiteral("none configured")));
        HttpResponse r;
        r.headers = {{"ETag", m_trustListTag}, {"Date", httpDate(m_options.dateOffsetS)}};
        if (request.header("if-none-match") == m_trustListTag) {
            r.status = NotModified;
        } else {
            r.headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/cose")));
            r.body = m_options.trustList;
        }
        return r;
    }
    return json(NotFound, error(QStringLiteral("not_found"), QString::fromUtf8(path)));
}

HttpResponse GatewayServer::postRecords(const HttpRequest& request) {
    auto json = [this](int status, const QJsonObject& body) {
        return jsonResponse(status, body, m_options.dateOffsetS);
    };
    if (request.clientCommonName.isEmpty())
        return json(Forbidden, error(QStringLiteral("no_client_certificate"), QString()));
    const QString terminalId = request.clientCommonName;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    const QJsonObject batch = doc.object();
    if (!doc.isObject() || !batch.value(QLatin1String("records")).isArray()) {
        return json(BadRequest, error(QStringLiteral("bad_request"),
                                      QStringLiteral("not a batch: %1").arg(parseError.errorString())));
    }
    if (batch.value(QLatin1String("terminal_id")).toString() != terminalId) {
        return json(Forbidden,
                    error(QStringLiteral("terminal_mismatch"),
                          QStringLiteral("certificate is for %1, batch says %2")
                              .arg(terminalId, batch.value(QLatin1String("terminal_id")).toString())));
    }
    const QString checkpointKey = batch.value(QLatin1String("checkpoint_key")).toString();
    if (!PublicKey::fromPem(checkpointKey.toUtf8())) {
        return json(BadRequest, error(QStringLiteral("bad_request"),
                                      QStringLiteral("checkpoint_key is not a PEM public key")));
    }
    auto outcome = m_store.storeBatch(terminalId, checkpointKey, batch);
    if (!outcome) {
        const bool bad = outcome.error().kind == StoreFailure::Kind::BadRequest;
        return json(bad ? BadRequest : ServiceUnavailable,
                    error(bad ? QStringLiteral("bad_request") : QStringLiteral("unavailable"),
                          outcome.error().detail));
    }
    for (const QString& f : outcome->flags)
        qWarning("flag: %s", qPrintable(f)); // terminal ids and numbers only, no personal data
    if (m_options.fault == QLatin1String("close")) {
        HttpResponse drop; // stored, but the terminal never hears it
        drop.delivery = HttpResponse::Delivery::Drop;
        return drop;
    }
    QJsonArray results;
    for (const wire::Ack& a : outcome->acks) {
        QJsonObject o{{QStringLiteral("id"), recordIdText(a.id)},
                      {QStringLiteral("status"), wire::ackStatusName(a.status)}};
        if (!a.reason.isEmpty())
            o.insert(QStringLiteral("reason"), a.reason);
        results.append(o);
    }
    QJsonObject answer{{QStringLiteral("results"), results}};
    if (outcome->head.seq > 0) // the terminal keeps it outside its log (docs/sync-api.md)
        answer.insert(QStringLiteral("head"), wire::headToJson(outcome->head));
    return json(Ok, answer);
}

} // namespace lz::gateway
