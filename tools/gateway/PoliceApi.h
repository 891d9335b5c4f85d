#pragma once
// The police side's HTTP API (issue 20; docs/sync-api.md "Police queries"), served by
// `lz-gateway --police-api` on its own address behind its own CA: an officer's client certificate
// (CN = the officer's id in the officers table) never reaches the terminals' API, a terminal's
// never reaches this one.
//   GET /v1/police/records?id_number=…|venue=…|from=…&to=… [&before=CURSOR] [&limit=N]
//   GET /v1/police/audit?[from=…][&to=…][&before=CURSOR][&limit=N]   (auditors)
//   GET /healthz
// Every request for data is written to the audit trail before it runs, allowed or refused; if
// the audit cannot be written the answer is 503 and no data.
#include "HttpsFront.h"
#include "PoliceStore.h"

namespace lz::gateway {

class PoliceApi {
public:
    explicit PoliceApi(PoliceStore& store)
        : m_store(store) {}
    HttpResponse handle(const HttpRequest& request);

private:
    HttpResponse records(const HttpRequest& request, const QString& officer);
    HttpResponse auditTrail(const HttpRequest& request, const QString& officer);
    PoliceStore& m_store;
};

} // namespace lz::gateway
