#pragma once
// A backup of a terminal's state onto a USB stick or a path (docs/registration-log.md "Backup and
// restore"): two files, the data (the state without its secret keys; the log as one consistent
// snapshot, its personal fields still sealed) and the keys sealed to an escrow certificate,
// never in one file. `liangzheng-cli backup` and the kiosk's staff mode both write it here.
#include "common/Terminal.h"
#include "util/Expected.h"

#include <QStringList>

namespace lz {

struct BackupWritten {
    QString dataPath, keysPath;
    qint64 records = 0, unsent = 0;
    int files = 0;
    qint64 bytes = 0;
    QStringList notBackedUp; // files in the state directory with names no backup carries
};

enum class BackupWriteError {
    DiskFull, // the destination (a stick) is full: nothing on the terminal changed
    Failed,   // anything else; the text names it
};
struct BackupWriteFailure {
    BackupWriteError code = BackupWriteError::Failed;
    QString text; // "backup_…: …", "disk_full: …"
};

// Writes the pair into `destination` (a directory). The terminal stays open (the kiosk's own,
// or the CLI's); the log is read through one VACUUM INTO snapshot.
Expected<BackupWritten, BackupWriteFailure> writeBackup(Terminal& terminal, const QString& destination,
                                                        const QByteArray& escrowCertPem);

} // namespace lz
