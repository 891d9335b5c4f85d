#pragma once
// Presentation ids (jti) seen inside their validity window. A jti seen again before it expires
// is a replay. Kept in memory and appended to a journal file so that a restart of the terminal
// does not forget them. The journal is written with write(2) but not fsync'ed per entry: it
// survives a crash of the process; a power cut may lose the last few seconds of entries (the
// kernel's writeback), an accepted trade so that a verification never waits for the disk.
//
// The journal fails closed (issue 14, finding 5). Every entry carries a CRC; what cannot be
// read back — a damaged byte, a torn tail after a power cut — might have held any presentation
// accepted before the journal's last write, so every presentation issued up to that moment is
// refused until all of them have expired (at most the presentation lifetime plus the skew), and
// that window is kept in the journal across restarts. Damage (not a torn tail) is also kept as
// <journal>.corrupt and reported on every start until staff acknowledge it. Expired entries are
// dropped against the trusted time (the clock's high-water mark), never against a clock that
// may be wrong at start-up.
#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QString>

namespace lz {

class ReplayCache {
public:
    // Empty path: memory only. trustedNow: the latest trusted time (high-water mark; 0 if none)
    // against which expired entries are dropped. clockNow: this start's clock reading, only ever
    // used to widen the fail-closed window.
    // ReadOnly (`--at` runs): the journal is consulted, never written, compacted or copied.
    enum class Mode { ReadWrite, ReadOnly };
    // expectJournal: this terminal has verified before (it has a clock mark), so a journal that
    // is gone or empty was deleted or truncated and fails closed.
    explicit ReplayCache(QString journalPath = {}, qint64 trustedNow = 0, qint64 clockNow = 0,
                         Mode mode = Mode::ReadWrite, bool expectJournal = false);
    ~ReplayCache();
    ReplayCache(const ReplayCache&) = delete;
    ReplayCache& operator=(const ReplayCache&) = delete;

    // True if jti was already recorded and has not expired at `now`. Otherwise records it
    // until expiresAt and returns false.
    bool checkAndRecord(const QByteArray& jti, qint64 expiresAt, qint64 now);
    bool contains(const QByteArray& jti, qint64 now) const;
    // True when a presentation issued at issuedAt may be in a part of the journal that could not
    // be read back: it must be refused as a possible replay.
    bool mayHaveSeen(qint64 issuedAt) const;
    qint64 unreadableUpTo() const; // issue times at or before this are refused (0: none)
    qsizetype size() const;
    // Non-empty when the journal was found damaged or cannot be written: the operator must know.
    QString warning() const;

    // Staff have looked at <journal>.corrupt: it is renamed <journal>.corrupt-acknowledged-<t> and
    // the start-up warning stops (the fail-closed window stays until it runs out by itself).
    static bool acknowledgeDamage(const QString& journalPath, qint64 now);
    static constexpr qint64 kMaxSkew = 60; // widest clock skew a terminal may be configured with

private:
    void prune(qint64 now);
    void rewriteJournal(qint64 trustedNow);
    void load(const QByteArray& data, qint64 trustedNow, qint64 lastWrite);

    QString m_path;
    bool m_readOnly = false;
    int m_fd = -1;
    mutable QMutex m_mutex;
    QHash<QByteArray, qint64> m_seen;
    qint64 m_blindUpTo = 0;
    qsizetype m_journalEntries = 0;
    QString m_warning;
};

} // namespace lz
