#include "log/LogSchema.h"

namespace lz::logschema {

// Schema history: each entry moves the database from version i to i + 1. Never edit an entry
// that has shipped; append a new one (tests/core/log/tst_registrationlog opens a log created at
// every earlier version and checks it migrates intact).
const QList<QStringList>& migrations() {
    static const QList<QStringList> steps = {
        // 1: the chained records and the log's identity.
        {QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL)"),
         QStringLiteral("CREATE TABLE records ("
                        " seq INTEGER PRIMARY KEY,"
                        " id BLOB NOT NULL UNIQUE,"
                        " created_ms INTEGER NOT NULL, utc_offset_s INTEGER NOT NULL,"
                        " kind TEXT NOT NULL, method TEXT NOT NULL,"
                        " valid INTEGER NOT NULL, reason TEXT NOT NULL,"
                        " document_kind TEXT NOT NULL, issuer TEXT NOT NULL, credential_id BLOB NOT NULL,"
                        " trust_seq INTEGER NOT NULL,"
                        " venue_id TEXT NOT NULL, venue_type TEXT NOT NULL, terminal_id TEXT NOT NULL,"
                        " operator TEXT NOT NULL,"
                        " personal BLOB, personal_hash BLOB,"
                        " content_hash BLOB NOT NULL, chain_hash BLOB NOT NULL)"),
         QStringLiteral("CREATE INDEX records_created ON records(created_ms)")},
        // 2: signed checkpoints of the chain head.
        {QStringLiteral("CREATE TABLE checkpoints (seq INTEGER PRIMARY KEY, chain_hash BLOB NOT NULL,"
                        " created_ms INTEGER NOT NULL, signature BLOB NOT NULL)")},
        // 3: forwarding state for the sync client, and purging after retention.
        {QStringLiteral("ALTER TABLE records ADD COLUMN acked_ms INTEGER"),
         QStringLiteral("ALTER TABLE records ADD COLUMN set_aside TEXT"),
         QStringLiteral("ALTER TABLE records ADD COLUMN purged_ms INTEGER"),
         QStringLiteral(
             "CREATE INDEX records_outbox ON records(seq) WHERE acked_ms IS NULL AND set_aside IS NULL"),
         QStringLiteral("CREATE INDEX records_acked ON records(acked_ms) WHERE acked_ms IS NOT NULL AND "
                        "purged_ms IS NULL"),
         QStringLiteral("CREATE INDEX records_set_aside ON records(seq) WHERE set_aside IS NOT NULL")},
        // 4: staff access to personal fields (an unmasked record on screen), with the reason given.
        {QStringLiteral("CREATE TABLE access (at_ms INTEGER NOT NULL, record_id BLOB NOT NULL,"
                        " operator TEXT NOT NULL, reason TEXT NOT NULL)"),
         QStringLiteral("CREATE INDEX access_at ON access(at_ms)")},
    };
    return steps;
}

} // namespace lz::logschema
