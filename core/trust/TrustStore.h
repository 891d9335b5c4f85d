#pragma once
// The terminal's cached trust list: verified before use, never rolled back, replaced
// atomically on disk (an update that fails verification leaves the cache untouched).
#include "trust/TrustList.h"

#include <QMutex>
#include <QString>
#include <memory>

namespace lz {

// Why a trust list was not installed or loaded (closed; text() is the named error shown).
enum class TrustError {
    Invalid,         // not a trust list signed by a pinned anchor (detail: the list's own check)
    Rollback,        // an older sequence than one installed before
    Conflict,        // the installed sequence again, with other content
    CacheUnreadable, // the cached list cannot be read or verified
    CacheRolledBack, // the cached list is older than one installed before (a restored file?)
    CacheUnwritable, // the new list could not be written (a full disk): the old one stays
};

struct TrustFailure {
    TrustError code = TrustError::Invalid;
    QString detail;
    QString text() const;
};

class TrustStore {
public:
    // cachePath empty: memory only (tests, one-shot CLI use). sequencePath, when given, keeps
    // the highest sequence ever installed apart from the cache, so that losing or corrupting
    // the cache does not reopen the door to an older (validly signed) list.
    TrustStore(QList<TrustAnchor> anchors, QString cachePath, QString sequencePath = {});

    // Loads and verifies the cached list, if there is one. No cache is not an error.
    Expected<bool, TrustFailure> loadCached();
    // Verifies `cose`; refuses a sequence lower than the current one (rollback) or the same
    // sequence with different content; then writes the cache atomically and switches to it.
    // Returns the installed sequence number.
    Expected<quint64, TrustFailure> install(const QByteArray& cose);

    std::shared_ptr<const TrustList> current() const;
    quint64 highestSequence() const; // the rollback floor: max(installed, persisted)
    const QList<TrustAnchor>& anchors() const { return m_anchors; }

private:
    QList<TrustAnchor> m_anchors;
    QString m_cachePath;
    QString m_sequencePath;
    quint64 m_sequenceFloor = 0; // highest sequence installed, as persisted
    QMutex m_installMutex;       // one install at a time: check, write and switch as one step
    mutable QMutex m_mutex;
    std::shared_ptr<const TrustList> m_current;
};

} // namespace lz
