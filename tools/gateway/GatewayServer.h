#pragma once
// The reference police gateway's HTTPS front (docs/sync-api.md), on Qt HTTP Server 6.4:
//   POST /v1/records   a terminal's batch; per-record acknowledgements
//   GET  /v1/trust-list the current trust list (ETag / If-None-Match)
//   GET  /healthz
// Mutual TLS: the handshake requires a client certificate from the configured CA; the
// certificate's CN is the terminal's id, and a batch may only carry that terminal's records.
#include "GatewayStore.h"

#include <QAbstractHttpServer>
#include <QSslConfiguration>

namespace lz::gateway {

struct GatewayOptions {
    QByteArray trustList; // served as is; empty: 404
    qint64 maxBodyBytes = 16 * 1024 * 1024;
    // Fault injection for tests of the terminal (never in production): on POST /v1/records
    // "status500" answers 500 without storing, "hang" never answers, "close" stores the batch
    // and drops the connection before answering (the acknowledgement is lost).
    QString fault;
    qint64 dateOffsetS = 0; // shifts the Date header, to test the terminal's clock warning
};

class GatewayServer : public QAbstractHttpServer {
public:
    GatewayServer(GatewayStore& store, GatewayOptions options, QObject* parent = nullptr);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    void postRecords(const QHttpServerRequest& request, QTcpSocket* socket);
    GatewayStore& m_store;
    GatewayOptions m_options;
    QByteArray m_trustListTag;
};

// Server side of mutual TLS: our certificate and key, and the CA whose client certificates we accept.
Expected<QSslConfiguration> serverTls(const QString& certFile, const QString& keyFile,
                                      const QString& clientCaFile);

} // namespace lz::gateway
