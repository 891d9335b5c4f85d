#pragma once
// The reference police gateway's HTTP API (docs/sync-api.md), behind HttpsFront:
//   POST /v1/records   a terminal's batch; per-record acknowledgements and the terminal's head
//   GET  /v1/trust-list the current trust list (ETag / If-None-Match)
//   GET  /healthz
// Mutual TLS: the handshake requires a client certificate from the configured CA; the
// certificate's CN is the terminal's id, and a batch may only carry that terminal's records.
#include "GatewayStore.h"
#include "HttpsFront.h"

namespace lz::gateway {

struct GatewayOptions {
    QByteArray trustList; // served as is; empty: 404
    // Fault injection for tests of the terminal (never in production): on POST /v1/records
    // "status500" answers 500 without storing, "hang" never answers, "close" stores the batch
    // and drops the connection before answering (the acknowledgement is lost).
    QString fault;
    qint64 dateOffsetS = 0; // shifts the Date header, to test the terminal's clock warning
};

class GatewayServer {
public:
    GatewayServer(GatewayStore& store, GatewayOptions options);
    HttpResponse handle(const HttpRequest& request);

private:
    HttpResponse postRecords(const HttpRequest& request);
    GatewayStore& m_store;
    GatewayOptions m_options;
    QByteArray m_trustListTag;
};

} // namespace lz::gateway
