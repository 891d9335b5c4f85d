#pragma once
// Store-and-forward from the registration log to the police gateway (docs/sync-api.md): the
// outbox in log order, in batches over HTTPS with mutual TLS (the terminal's client certificate;
// only the configured CA is trusted for the gateway). The gateway acknowledges each record; an
// acknowledged record is marked and never sent again; one the gateway calls invalid is set aside
// with its reason and does not block the rest. Failures back off exponentially with jitter.
// Everything lives in the log, so a restart loses nothing and resumes where it stopped.
#include "log/RegistrationLog.h"
#include "sync/RecordWire.h"
#include "verify/Clock.h"

#include "sync/SyncError.h"

#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace lz {

class TrustStore;

struct SyncConfig {
    // https://host:port of each gateway instance, tried in this order when one fails (issue 20);
    // the one that last answered is tried first. Empty: forwarding is not configured.
    QList<QUrl> gateways;
    bool configured() const { return !gateways.isEmpty(); }
    QString clientCert, clientKey; // PEM; the certificate's CN is the terminal id
    QString caFile;                // the gateway's CA (pinned: the system store is not used)
    int batchSize = 500;
    int timeoutMs = 15000;  // per request, connection to last byte
    int intervalMs = 30000; // between rounds when all is well
    int maxBackoffMs = 300000;
    int retentionDays = 30; // after a good round, personal fields acknowledged this long ago are purged
    QString statusFile;     // the last round's outcome, kept across restarts (JSON); empty: memory only
};

struct SyncStatus {
    qint64 queue = 0, setAside = 0;
    qint64 oldestUnsentMs = 0; // created time of the oldest unsent record; 0 if none
    qint64 lastSuccessMs = 0, lastAttemptMs = 0, nextTryMs = 0;
    std::optional<SyncFailure> lastError; // none after a success
    qint64 clockOffsetMs = 0;             // gateway Date minus terminal clock, from the last answer
    bool clockWarning = false;            // |offset| > 2 min
    qint64 sentTotal = 0;                 // records acknowledged in this process
    // Trust-list refresh: the sequence of the list last installed from the gateway, and why the
    // last fetched list was refused (empty when it was not).
    quint64 trustListSequence = 0;
    QString trustListError;
    QByteArray trustListTag; // ETag of the list last fetched, for a conditional fetch after a restart
    // Records found changed after they were written when they were sent (kept until staff look:
    // the gateway flags them too). "log_tampered: records 5, 7 …"; empty when none was seen.
    QString logTampered;
    QString anchorWarning; // the gateway's head could not be anchored (gateway_head_mismatch: …)
    QString gateway;       // the address that answered last (kept across restarts), tried first
};

class SyncClient : public QObject {
    Q_OBJECT
public:
    static Expected<QSslConfiguration> clientTls(const SyncConfig& config);

    // clock: acknowledgement times, retention purges and the gateway clock's offset.
    SyncClient(RegistrationLog& log, SyncConfig config, QSslConfiguration tls, const Clock& clock,
               QObject* parent = nullptr);
    ~SyncClient() override;

    void start();   // rounds every intervalMs, backing off on failure
    void syncNow(); // a round now (if none is running): batches until the outbox is empty or an error
                    // With a trust store, each round first fetches the gateway's trust list (If-None-Match):
    // a new list is verified by the store (anchor signature, no rollback) before it atomically
    // replaces the cached one; a bad one is refused and reported, the old one stays.
    void setTrustStore(TrustStore* store) { m_trust = store; }
    // Staff changed the retention period: the next purge uses it.
    void setRetentionDays(int days) { m_config.retentionDays = days; }
    SyncStatus status() const;
    static QJsonObject statusToJson(const SyncStatus& s);
    // The outcome of the last round as the status file kept it (another process's rounds too).
    static SyncStatus readStatusFile(const QString& path);

signals:
    void roundFinished(bool ok);

private:
    void fetchTrustList();
    void sendBatch();
    void handleReply(QNetworkReply* reply, const QList<QByteArray>& ids);
    void noteGatewayClock(QNetworkReply* reply, qint64 now);
    // gatewayFault: the gateway could not be reached or failed itself (transport, TLS, 5xx, an
    // answer that is not one): the round goes on at the next address not yet tried in it.
    void finishRound(bool ok, std::optional<SyncFailure> error, bool gatewayFault = false);
    QUrl gatewayUrl(const char* path) const;

    RegistrationLog& m_log;
    const Clock& m_clock;
    SyncConfig m_config;
    QSslConfiguration m_tls;
    QNetworkAccessManager* m_net;
    QTimer m_timer;
    TrustStore* m_trust = nullptr;
    bool m_running = false;
    int m_failures = 0;
    int m_current = 0;        // index into m_config.gateways
    int m_triedThisRound = 0; // addresses tried in the running round
    SyncStatus m_status;
    QHash<QByteArray, wire::Head>
        m_inFlight; // the batch on its way: id → seq and chain hash (no personal data)
};

} // namespace lz
