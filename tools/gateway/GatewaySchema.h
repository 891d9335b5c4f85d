#pragma once
// The gateway database's schema (docs/sync-api.md, docs/scaling.md): `records` range-partitioned
// on its id — a UUIDv7, whose first 48 bits are the record's Unix millisecond time and whose byte
// order is time order — one partition per UTC day, created ahead by the gateway itself. The
// primary key is the id alone and the id is the partition key, so the idempotency key stays unique
// across all partitions: a retried record lands in the same partition as the first copy.
//
// Why not pg_partman (Debian's 4.7): it partitions by time or integer columns, not by a uuid.
// Why the id and not created_ms: the id is the key PostgreSQL must keep unique, and a unique
// index on a partitioned table must contain the partition key.
#include "util/Expected.h"

#include <QSqlDatabase>
#include <QStringList>

namespace lz::gateway {

struct PartitionPolicy {
    int aheadDays = 7;     // partitions exist up to this many days after today
    int backfillDays = 7;  // and from this many days before today (a terminal's offline week)
    int retentionDays = 0; // partitions wholly older than this are dropped; 0: keep everything
};

struct PartitionReport {
    QStringList created, dropped;
    qint64 movedFromDefault = 0; // rows moved out of records_other into a partition made for them
    bool skipped = false;        // another gateway holds the maintenance lock right now
    QStringList errors;          // partitions that could not be made or dropped (tried again next run)
};

// The UUID at the start of millisecond `unixMs` (the lowest UUIDv7 of that millisecond).
QString uuidAtMs(qint64 unixMs);

// Creates the tables, or brings an older database up to date: a `records` table made by a
// gateway from before issue 20 becomes the partition records_legacy of the partitioned table,
// every row kept (rows with an id after tomorrow go to records_other).
Expected<void> applySchema(QSqlDatabase& db, qint64 nowMs, const PartitionPolicy& policy);

// One gateway at a time (an advisory lock): creates the missing daily partitions of the window,
// moving rows that had landed in the default partition records_other into them, and drops those
// past retention.
Expected<PartitionReport> maintainPartitions(QSqlDatabase& db, qint64 nowMs, const PartitionPolicy& policy);

} // namespace lz::gateway
