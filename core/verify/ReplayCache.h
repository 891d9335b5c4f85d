#pragma once
// Presentation ids (jti) seen inside their validity window. A jti seen again before it expires
// is a replay. Kept in memory and appended to a journal file so that a restart of the terminal
// does not forget them. The journal is written with write(2) but not fsync'ed per entry: it
// survives a crash of the process; a power cut may lose the last few seconds of entries (the
// kernel's writeback), an accepted trade so that a verification never waits for the disk.
#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QString>

namespace lz {

class ReplayCache {
public:
    explicit ReplayCache(QString journalPath = {}, qint64 now = 0); // empty path: memory only
    // True if jti was already recorded and has not expired at `now`. Otherwise records it
    // until expiresAt and returns false.
    bool checkAndRecord(const QByteArray& jti, qint64 expiresAt, qint64 now);
    bool contains(const QByteArray& jti, qint64 now) const;
    qsizetype size() const;
    // Non-empty when the journal was found corrupt (kept aside as <path>.corrupt) or cannot be
    // written: the operator must know that replays across a restart may go unnoticed.
    QString warning() const;

private:
    void prune(qint64 now);
    void rewriteJournal();

    QString m_path;
    QFile m_journal;
    mutable QMutex m_mutex;
    QHash<QByteArray, qint64> m_seen;
    qsizetype m_journalEntries = 0;
    QString m_warning;
};

} // namespace lz
