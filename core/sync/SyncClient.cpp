#include "sync/SyncClient.h"

#include "util/Logging.h"

#include "sync/MutualTls.h"
#include "sync/RecordWire.h"
#include "trust/TrustStore.h"

#include "util/DurableFile.h"
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace lz {

Expected<QSslConfiguration> SyncClient::clientTls(const SyncConfig& config) {
    auto tls = mutualTls(config.clientCert, config.clientKey, config.caFile);
    if (!tls)
        return unexpected(QStringLiteral("sync_tls: %1").arg(tls.error()));
    return tls;
}

SyncClient::SyncClient(RegistrationLog& log, SyncConfig config, QSslConfiguration tls, const Clock& clock,
                       QObject* parent)
    : QObject(parent)
    , m_log(log)
    , m_clock(clock)
    , m_config(std::move(config))
    , m_tls(std::move(tls))
    , m_net(new QNetworkAccessManager(this)) {
    m_timer.setSingleShot(true);
    if (!m_config.statusFile.isEmpty()) // carry the last outcome and the list's ETag over a restart
        m_status = readStatusFile(m_config.statusFile);
    // The address that answered last is tried first, if it is still one of ours.
    m_current = std::max(0, int(m_config.gateways.indexOf(QUrl(m_status.gateway))));
    connect(&m_timer, &QTimer::timeout, this, &SyncClient::syncNow);
}

SyncClient::~SyncClient() = default;

QJsonObject SyncClient::statusToJson(const SyncStatus& s) {
    return {{QStringLiteral("queue"), s.queue},
            {QStringLiteral("set_aside"), s.setAside},
            {QStringLiteral("oldest_unsent_ms"), s.oldestUnsentMs},
            {QStringLiteral("last_success_ms"), s.lastSuccessMs},
            {QStringLiteral("last_attempt_ms"), s.lastAttemptMs},
            {QStringLiteral("next_try_ms"), s.nextTryMs},
            {QStringLiteral("last_error"), s.lastError ? s.lastError->text() : QString()},
            {QStringLiteral("last_error_code"), s.lastError ? syncErrorName(s.lastError->code) : QString()},
            {QStringLiteral("last_error_detail"), s.lastError ? s.lastError->detail : QString()},
            {QStringLiteral("clock_offset_ms"), s.clockOffsetMs},
            {QStringLiteral("clock_warning"), s.clockWarning},
            {QStringLiteral("sent"), s.sentTotal},
            {QStringLiteral("trust_list_sequence"), qint64(s.trustListSequence)},
            {QStringLiteral("trust_list_error"), s.trustListError},
            {QStringLiteral("trust_list_etag"), QString::fromLatin1(s.trustListTag)},
            {QStringLiteral("log_tampered"), s.logTampered},
            {QStringLiteral("anchor_warning"), s.anchorWarning},
            {QStringLiteral("gateway"), s.gateway}};
}

SyncStatus SyncClient::readStatusFile(const QString& path) {
    SyncStatus s;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return s;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    auto ms = [&](const char* key) { // a damaged file must not make an out-of-range cast
        const double d = o.value(QLatin1String(key)).toDouble();
        return d >= 0 && d < 9e15 ? qint64(d) : qint64(0);
    };
    s.lastSuccessMs = ms("last_success_ms");
    s.lastAttemptMs = ms("last_attempt_ms");
    s.nextTryMs = ms("next_try_ms");
    if (const auto code = syncErrorFromName(o.value(QLatin1String("last_error_code")).toString()))
        s.lastError = SyncFailure{*code, o.value(QLatin1String("last_error_detail")).toString()};
    const double offset = o.value(QLatin1String("clock_offset_ms")).toDouble();
    s.clockOffsetMs = std::abs(offset) < 9e15 ? qint64(offset) : 0;
    s.clockWarning = o.value(QLatin1String("clock_warning")).toBool();
    s.trustListError = o.value(QLatin1String("trust_list_error")).toString();
    s.trustListTag = o.value(QLatin1String("trust_list_etag")).toString().toLatin1();
    s.logTampered = o.value(QLatin1String("log_tampered")).toString();
    s.anchorWarning = o.value(QLatin1String("anchor_warning")).toString();
    s.gateway = o.value(QLatin1String("gateway")).toString();
    const double sequence = o.value(QLatin1String("trust_list_sequence")).toDouble();
    s.trustListSequence = sequence >= 0 && sequence < 9e15 ? quint64(sequence) : 0;
    return s;
}

void SyncClient::start() {
    syncNow();
}

SyncStatus SyncClient::status() const {
    SyncStatus s = m_status;
    if (auto log = m_log.status()) {
        s.queue = log->unsent;
        s.setAside = log->setAside;
        s.oldestUnsentMs = log->oldestUnsentMs;
    }
    return s;
}

void SyncClient::syncNow() {
    if (m_running)
        return;
    m_running = true;
    m_triedThisRound = 1;
    m_timer.stop();
    m_status.lastAttemptMs = m_clock.nowMs();
    if (m_trust)
        fetchTrustList();
    else
        sendBatch();
}

void SyncClient::fetchTrustList() {
    QNetworkRequest request(gatewayUrl("/v1/trust-list"));
    request.setSslConfiguration(m_tls);
    request.setTransferTimeout(m_config.timeoutMs);
    // Conditional only while the list that tag names is the one in force (a lost or replaced
    // cache must be fetched again in full).
    const auto current = m_trust->current();
    if (!m_status.trustListTag.isEmpty() && current && current->sequence == m_status.trustListSequence)
        request.setRawHeader("If-None-Match", m_status.trustListTag);
    QNetworkReply* reply = m_net->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        noteGatewayClock(reply, m_clock.nowMs());
        const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // The gateway at this address is gone or failing: the next one is asked (a terminal with
        // nothing to send would otherwise stay on a dead address and never refresh its list).
        if ((http == 0 || http >= 500) && m_triedThisRound < m_config.gateways.size()) {
            m_current = (m_current + 1) % m_config.gateways.size();
            ++m_triedThisRound;
            return fetchTrustList();
        }
        if (http == 200) {
            const QByteArray list = reply->readAll();
            auto installed = m_trust->install(list);
            if (installed) {
                m_status.trustListTag = reply->rawHeader("ETag");
                m_status.trustListSequence = *installed;
                m_status.trustListError.clear();
            } else {
                // Refused (bad signature, rollback, malformed): the cached list stays in force.
                m_status.trustListError =
                    QStringLiteral("trust_list_rejected: %1").arg(installed.error().text());
            }
        } else if (http == 304) {
            m_status.trustListError.clear(); // the gateway's list is the one in force
        } else if (http != 404) {
            m_status.trustListError = QStringLiteral("trust_list_fetch: %1").arg(reply->errorString());
        }
        sendBatch(); // records go regardless of the list's fate
    });
}

void SyncClient::sendBatch() {
    auto unsent = m_log.unsent(m_config.batchSize);
    if (!unsent)
        return finishRound(false, SyncFailure{SyncError::Log, unsent.error().text()});
    if (unsent->isEmpty())
        return finishRound(true, {});
    QJsonArray records;
    QList<QByteArray> ids;
    QStringList tampered;
    m_inFlight.clear();
    for (const Registration& r : *unsent) {
        m_inFlight.insert(r.id, wire::Head{r.seq, r.chainHash});
        // Re-checked as it leaves: a changed record goes anyway (withholding it would hide the
        // change from the police) and the gateway, recomputing its content hash, flags it.
        if (r.contentMismatch)
            tampered.append(QString::number(r.seq));
        records.append(wire::recordToJson(r));
        ids.append(r.id);
    }
    if (!tampered.isEmpty())
        m_status.logTampered =
            QStringLiteral("log_tampered: records %1 were changed after they were written; "
                           "forwarded for the gateway to flag (run `log verify`)")
                .arg(tampered.join(QStringLiteral(", ")));
    QJsonObject batch{
        {QStringLiteral("terminal_id"), m_log.terminalId()},
        {QStringLiteral("checkpoint_key"), QString::fromLatin1(m_log.terminalPublicKey().toPem())},
        {QStringLiteral("records"), records}};
    if (auto cp = m_log.latestCheckpoint(); cp && cp->seq > 0)
        batch.insert(QStringLiteral("checkpoint"), wire::checkpointToJson(*cp));
    QNetworkRequest request(gatewayUrl("/v1/records"));
    request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setTransferTimeout(m_config.timeoutMs);
    QNetworkReply* reply = m_net->post(request, QJsonDocument(batch).toJson(QJsonDocument::Compact));
    connect(reply, &QNetworkReply::finished, this, [this, reply, ids] { handleReply(reply, ids); });
}

QUrl SyncClient::gatewayUrl(const char* path) const {
    if (m_config.gateways.isEmpty())
        return {};
    return m_config.gateways.at(m_current % m_config.gateways.size()).resolved(QUrl(QLatin1String(path)));
}

void SyncClient::noteGatewayClock(QNetworkReply* reply, qint64 now) {
    // The gateway's clock, from its Date header (RFC 9110 IMF-fixdate).
    const QByteArray date = reply->rawHeader("Date");
    if (!date.isEmpty()) {
        const QDateTime at = QLocale::c().toDateTime(QString::fromLatin1(date).chopped(4),
                                                     QStringLiteral("ddd, dd MMM yyyy HH:mm:ss"));
        if (at.isValid()) {
            QDateTime utc = at;
            utc.setTimeSpec(Qt::UTC);
            m_status.clockOffsetMs = utc.toMSecsSinceEpoch() - now;
            m_status.clockWarning = std::abs(m_status.clockOffsetMs) > 120000;
        }
    }
}

void SyncClient::handleReply(QNetworkReply* reply, const QList<QByteArray>& ids) {
    reply->deleteLater();
    const qint64 now = m_clock.nowMs();
    noteGatewayClock(reply, now);
    const int http = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError && http == 0) {
        // Transport: refused, reset, timed out, TLS (certificate mismatch) — nothing was acknowledged.
        const SyncError kind = reply->error() == QNetworkReply::OperationCanceledError ? SyncError::Timeout
                               : reply->error() == QNetworkReply::SslHandshakeFailedError
                                   ? SyncError::Tls
                                   : SyncError::Network;
        return finishRound(false, SyncFailure{kind, reply->errorString()}, true);
    }
    const QByteArray body = reply->readAll();
    if (http != 200)
        return finishRound(false,
                           SyncFailure{SyncError::Http, QStringLiteral("%1: %2").arg(http).arg(
                                                            QString::fromUtf8(body.left(300)))},
                           http >= 500);
    auto acks = wire::acksFromJson(QJsonDocument::fromJson(body).object());
    if (!acks)
        return finishRound(false, SyncFailure{SyncError::BadAnswer, acks.error()}, true);
    // The gateway's confirmed head goes outside the log first (log/LogAnchor.h): records marked
    // acknowledged beyond it would be `log verify`'s finding. A gateway that names no head: the
    // newest record of this batch it acknowledged, as the terminal knows it.
    std::optional<wire::Head> head = wire::headFromJson(QJsonDocument::fromJson(body).object());
    QList<QByteArray> done;
    for (const wire::Ack& a : *acks) {
        if (!ids.contains(a.id))
            continue; // not ours to mark
        if (a.status == wire::AckStatus::Invalid) {
            if (auto e = m_log.setAside(a.id, a.reason); !e)
                return finishRound(false, SyncFailure{SyncError::Log, e.error().text()});
        } else {
            done.append(a.id);
        }
    }
    if (!head)
        for (const QByteArray& id : done)
            if (const auto it = m_inFlight.constFind(id);
                it != m_inFlight.cend() && (!head || it->seq > head->seq))
                head = *it;
    if (head) {
        // A head that is not this log's is said (e.g. the gateway still holds a log moved aside);
        // the acknowledgements stand: the gateway has the records.
        auto a = m_log.anchorGatewayHead(head->seq, head->chainHash);
        m_status.anchorWarning = a ? QString() : a.error().text();
    }
    if (auto e = m_log.markAcknowledged(done, now); !e)
        return finishRound(false, SyncFailure{SyncError::Log, e.error().text()});
    m_status.sentTotal += done.size();
    m_status.gateway = m_config.gateways.at(m_current).toString();
    m_triedThisRound = 1; // this address works: a later failure in the round may try every other again
    if (done.isEmpty() && acks->isEmpty())
        return finishRound(
            false, SyncFailure{SyncError::BadAnswer, QStringLiteral("the gateway acknowledged nothing")});
    sendBatch(); // the next batch, until the outbox is empty
}

void SyncClient::finishRound(bool ok, std::optional<SyncFailure> error, bool gatewayFault) {
    if (!ok && gatewayFault && m_triedThisRound < m_config.gateways.size()) {
        // Another instance may take the batch now: a batch the failed one stored after all is
        // acknowledged there as a duplicate (the gateways share one database).
        m_current = (m_current + 1) % m_config.gateways.size();
        ++m_triedThisRound;
        qCInfo(lcSync, "gateway failed (%s); trying the next address",
               qPrintable(error ? error->text() : QString()));
        return sendBatch();
    }
    m_running = false;
    const qint64 now = m_clock.nowMs();
    int delay = m_config.intervalMs;
    if (ok) {
        m_failures = 0;
        m_status.lastSuccessMs = now;
        m_status.lastError.reset();
        // Retention runs here: only acknowledged records can be purged, and this is when
        // records become acknowledged. A purge error is reported, never fatal.
        if (auto purged = m_log.purge(now, m_config.retentionDays); !purged)
            m_status.lastError = SyncFailure{SyncError::Purge, purged.error().text()};
    } else {
        // Exponential backoff with full jitter (1 s, 2 s, 4 s … up to maxBackoffMs): terminals
        // that lost the gateway together do not come back in step.
        m_failures = std::min(m_failures + 1, 20);
        m_status.lastError = error;
        const qint64 cap = std::min<qint64>(m_config.maxBackoffMs, 1000LL << std::min(m_failures - 1, 18));
        delay = int(cap / 2 + QRandomGenerator::global()->bounded(cap / 2 + 1));
    }
    m_status.nextTryMs = now + delay;
    if (ok)
        qCDebug(lcSync, "round done; next in %d ms", delay);
    else
        qCInfo(lcSync, "round failed (%s); next in %d ms", qPrintable(error ? error->text() : QString()),
               delay);
    m_timer.start(delay);
    if (!m_config.statusFile.isEmpty()) {
        // What `sync status` shows from another process; the records themselves are in the log.
        // A status file that cannot be written is said in the status kept in memory.
        if (auto saved = writeFileDurably(
                m_config.statusFile, QJsonDocument(statusToJson(m_status)).toJson(QJsonDocument::Compact));
            !saved && !m_status.lastError)
            m_status.lastError = SyncFailure{SyncError::StatusUnsaved, saved.error().text()};
    }
    emit roundFinished(ok);
}

} // namespace lz
