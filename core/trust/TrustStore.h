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
    // cachePath empty: memory only (tests, one-shot CLI use).
    TrustStore(QList<TrustAnchor> anchors, QString cachePath);

    // Loads and verifies the cached list, if there is one. No cache is not an error.
    Expected<bool> loadCached();
    // Verifies `cose`; refuses a sequence lower than the current one (rollback) or the same
    // sequence with different content; then writes the cache atomically and switches to it.
    // Returns the installed sequence number.
    Expected<quint64> install(const QByteArray& cose);

    std::shared_ptr<const TrustList> current() const;
    const QList<TrustAnchor>& anchors() const { return m_anchors; }

private:
    QList<TrustAnchor> m_anchors;
    QString m_cachePath;
    QMutex m_installMutex; // one install at a time: check, write and switch as one step
    mutable QMutex m_mutex;
    std::shared_ptr<const TrustList> m_current;
    QByteArray m_currentDigest; // SHA-256 of the installed list's bytes
};

} // namespace lz
