#pragma once
// The police side's reads (issue 20; docs/sync-api.md "Police queries"): records by identity
// number, by venue or by time, newest first and paged, from a replica so that reads never slow
// the terminals' writes; and the officers' roles and the audit trail, on the primary, because
// every query is written there before it runs (no audit, no answer).
#include "util/Expected.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace lz::gateway {

// What an officer may do: investigators read records with their personal fields; analysts read
// records by venue or time without them (no identity, credential id or visa number) and may not
// look a person up; auditors read the audit trail and no records.
enum class OfficerRole { Investigator, Analyst, Auditor };
QString officerRoleName(OfficerRole role);
std::optional<OfficerRole> officerRoleFromName(const QString& name);

struct RecordQuery {
    QString idNumber; // exact, as on the document (upper-case X)
    QString venueId;
    qint64 fromMs = 0, toMs = 0; // the records' time (their id's): [from, to); 0: open
    QString before;              // the page cursor: only records older than this id
    int limit = 100;
};

struct RecordPage {
    QList<QJsonObject> records; // newest first
    QString next;               // the cursor of the next page; empty: this was the last
};

class PoliceStore {
public:
    // replicaDsn: where records are read (target_session_attrs=prefer-standby, or standby);
    // primaryDsn: the officers and the audit trail.
    static Expected<std::unique_ptr<PoliceStore>> open(const QString& replicaDsn, const QString& primaryDsn);
    ~PoliceStore();

    // The officer's role; nullopt: not registered or no longer active.
    Expected<std::optional<OfficerRole>> roleOf(const QString& officer);
    // One row of the audit trail, committed before the query it records runs.
    Expected<void> audit(const QString& officer, const QString& role, const QString& action,
                         const QJsonObject& parameters, const QString& outcome);
    Expected<RecordPage> records(const RecordQuery& query, bool withPersonalFields);
    Expected<RecordPage> auditTrail(qint64 fromMs, qint64 toMs, const QString& before, int limit);

private:
    PoliceStore(QString replica, QString primary)
        : m_replica(std::move(replica))
        , m_primary(std::move(primary)) {}
    QString m_replica, m_primary; // connection names
};

} // namespace lz::gateway
