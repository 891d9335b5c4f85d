#pragma once
// The terminal's cached trust list: verified before use, never rolled back, replaced
// atomically on disk (an update that fails verification leaves the cache untouched).
#include "trust/TrustList.h"

#include <QMutex>
#include <QString>
#include <memory>

namespace lz {

class TrustStore {
public:
    // cachePath empty: memory only (tests, one-shot CLI use). sequencePath, when given, keeps
    // the highest sequence ever installed apart from the cache, so that losing or corrupting
    // the cache does not reopen the door to an older (validly signed) list.
    TrustStore(QList<TrustAnchor> anchors, QString cachePath, QString sequencePath = {});

    // Loads and verifies the cached list, if there is one. No cache is not an error.
    Expected<bool> loadCached();
    // Verifies `cose`; refuses a sequence lower than the current one (rollback) or the same
    // sequence with different content; then writes the cache atomically and switches to it.
    // Returns the installed sequence number.
    Expected<quint64> install(const QByteArray& cose);

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
