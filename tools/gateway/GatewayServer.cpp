#include "GatewayServer.h"

#include "log/RecordId.h"
#include "sync/MutualTls.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSslSocket>

namespace lz::gateway {
namespace {

qint64 g_dateOffsetS = 0;

// RFC 9110 IMF-fixdate: the terminal reads its clock offset from it.
QByteArray httpDate() {
    return QLocale::c()
        .toString(QDateTime::currentDateTimeUtc().addSecs(g_dateOffsetS),
                  QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"))
        .toLatin1();
}

// QAbstractHttpServer::makeResponder is protected; this exposes it to the helper below.
struct Responders : QAbstractHttpServer {
    using QAbstractHttpServer::makeResponder;
};

void reply(const QHttpServerRequest& request, QTcpSocket* socket, QHttpServerResponder::StatusCode status,
           const QJsonObject& body, QHttpServerResponder::HeaderList extra = {}) {
    QHttpServerResponder responder = Responders::makeResponder(request, socket);
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    responder.writeStatusLine(status);
    responder.writeHeader("Content-Type", "application/json");
    responder.writeHeader("Content-Length", QByteArray::number(bytes.size()));
    responder.writeHeader("Date", httpDate());
    for (const auto& [k, v] : extra)
        responder.writeHeader(k, v);
    responder.writeBody(bytes);
}

QJsonObject error(const QString& code, const QString& text) {
    return {{QStringLiteral("error"), code}, {QStringLiteral("detail"), text}};
}

} // namespace

GatewayServer::GatewayServer(GatewayStore& store, GatewayOptions options, QObject* parent)
    : QAbstractHttpServer(parent)
    , m_store(store)
    , m_options(std::move(options)) {
    g_dateOffsetS = m_options.dateOffsetS;
    if (!m_options.trustList.isEmpty())
        m_trustListTag =
            '"' + QCryptographicHash::hash(m_options.trustList, QCryptographicHash::Sha256).toHex().left(32) +
            '"';
}

bool GatewayServer::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) {
    const QString path = request.url().path();
    using S = QHttpServerResponder::StatusCode;
    if (path == QLatin1String("/healthz") && request.method() == QHttpServerRequest::Method::Get) {
        const bool db = m_store.healthy();
        reply(request, socket, db ? S::Ok : S::ServiceUnavailable,
              {{QStringLiteral("status"), db ? QStringLiteral("ok") : QStringLiteral("degraded")},
               {QStringLiteral("database"), db}});
        return true;
    }
    if (path == QLatin1String("/v1/records") && request.method() == QHttpServerRequest::Method::Post) {
        if (m_options.fault == QLatin1String("status500")) {
            reply(request, socket, S::InternalServerError,
                  error(QStringLiteral("fault"), QStringLiteral("injected")));
            return true;
        }
        if (m_options.fault == QLatin1String("hang"))
            return true; // never answer: the terminal's timeout must fire
        postRecords(request, socket);
        return true;
    }
    if (path == QLatin1String("/v1/trust-list") && request.method() == QHttpServerRequest::Method::Get) {
        if (m_options.trustList.isEmpty()) {
            reply(request, socket, S::NotFound,
                  error(QStringLiteral("no_trust_list"), QStringLiteral("none configured")));
            return true;
        }
        QHttpServerResponder responder = makeResponder(request, socket);
        if (request.value("If-None-Match") == m_trustListTag) {
            responder.write({{"ETag", m_trustListTag}, {"Date", httpDate()}}, S::NotModified);
        } else {
            responder.write(
                m_options.trustList,
                {{"Content-Type", "application/cose"}, {"ETag", m_trustListTag}, {"Date", httpDate()}});
        }
        return true;
    }
    return false;
}

void GatewayServer::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) {
    reply(request, socket, QHttpServerResponder::StatusCode::NotFound,
          error(QStringLiteral("not_found"), request.url().path()));
}

void GatewayServer::postRecords(const QHttpServerRequest& request, QTcpSocket* socket) {
    using S = QHttpServerResponder::StatusCode;
    auto* tls = qobject_cast<QSslSocket*>(socket);
    const QStringList cn =
        tls ? tls->peerCertificate().subjectInfo(QSslCertificate::CommonName) : QStringList();
    if (cn.size() != 1 || cn.first().isEmpty()) {
        reply(request, socket, S::Forbidden, error(QStringLiteral("no_client_certificate"), QString()));
        return;
    }
    const QString terminalId = cn.first();
    if (request.body().size() > m_options.maxBodyBytes) {
        reply(request, socket, S::PayloadTooLarge, error(QStringLiteral("too_large"), QString()));
        return;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body(), &parseError);
    const QJsonObject batch = doc.object();
    if (!doc.isObject() || !batch.value(QLatin1String("records")).isArray()) {
        reply(request, socket, S::BadRequest,
              error(QStringLiteral("bad_request"),
                    QStringLiteral("not a batch: %1").arg(parseError.errorString())));
        return;
    }
    if (batch.value(QLatin1String("terminal_id")).toString() != terminalId) {
        reply(request, socket, S::Forbidden,
              error(QStringLiteral("terminal_mismatch"),
                    QStringLiteral("certificate is for %1, batch says %2")
                        .arg(terminalId, batch.value(QLatin1String("terminal_id")).toString())));
        return;
    }
    const QString checkpointKey = batch.value(QLatin1String("checkpoint_key")).toString();
    if (!PublicKey::fromPem(checkpointKey.toUtf8())) {
        reply(request, socket, S::BadRequest,
              error(QStringLiteral("bad_request"), QStringLiteral("checkpoint_key is not a PEM public key")));
        return;
    }
    auto outcome = m_store.storeBatch(terminalId, checkpointKey, batch);
    if (!outcome) {
        const bool bad = outcome.error().startsWith(QLatin1String("bad_request"));
        reply(request, socket, bad ? S::BadRequest : S::ServiceUnavailable,
              error(bad ? QStringLiteral("bad_request") : QStringLiteral("unavailable"), outcome.error()));
        return;
    }
    for (const QString& f : outcome->flags)
        qWarning("flag: %s", qPrintable(f)); // terminal ids and numbers only, no personal data
    if (m_options.fault == QLatin1String("close")) {
        socket->abort(); // stored, but the terminal never hears it
        return;
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
    reply(request, socket, S::Ok, answer);
}

Expected<QSslConfiguration> serverTls(const QString& certFile, const QString& keyFile,
                                      const QString& clientCaFile) {
    auto tls = mutualTls(certFile, keyFile, clientCaFile);
    if (!tls)
        return unexpected(QStringLiteral("tls: %1").arg(tls.error()));
    return tls;
}

} // namespace lz::gateway
