#include "trust/TrustStore.h"

#include "util/DurableFile.h"
#include <QFile>

namespace lz {

TrustStore::TrustStore(QList<TrustAnchor> anchors, QString cachePath, QString sequencePath)
    : m_anchors(std::move(anchors))
    , m_cachePath(std::move(cachePath))
    , m_sequencePath(std::move(sequencePath)) {
    QFile f(m_sequencePath);
    if (!m_sequencePath.isEmpty() && f.open(QIODevice::ReadOnly))
        m_sequenceFloor = f.readAll().trimmed().toULongLong(); // unreadable: 0, the cache still guards
}

quint64 TrustStore::highestSequence() const {
    QMutexLocker lock(&m_mutex);
    return std::max(m_sequenceFloor, m_current ? m_current->sequence : 0);
}

QString TrustFailure::text() const {
    switch (code) {
    case TrustError::Invalid:
        return detail; // already "trust list: …"
    case TrustError::Rollback:
        return QStringLiteral("trust list: rollback refused (%1)").arg(detail);
    case TrustError::Conflict:
        return QStringLiteral("trust list: %1").arg(detail);
    case TrustError::CacheUnreadable:
    case TrustError::CacheRolledBack:
        return QStringLiteral("trust cache: %1").arg(detail);
    case TrustError::CacheUnwritable:
        return QStringLiteral("trust cache: cannot write: %1").arg(detail);
    }
    return detail;
}

Expected<bool, TrustFailure> TrustStore::loadCached() {
    if (m_cachePath.isEmpty() || !QFile::exists(m_cachePath))
        return false;
    QFile f(m_cachePath);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(
            TrustFailure{TrustError::CacheUnreadable, QStringLiteral("cannot read %1").arg(m_cachePath)});
    // Map rather than read: a national revocation list is ~80 MB and is only parsed once.
    uchar* mapped = f.size() > 0 ? f.map(0, f.size()) : nullptr;
    const QByteArray bytes =
        mapped ? QByteArray::fromRawData(reinterpret_cast<const char*>(mapped), f.size()) : f.readAll();
    auto list = TrustList::parse(bytes, m_anchors);
    if (!list)
        return unexpected(TrustFailure{TrustError::CacheUnreadable, list.error()});
    if (list->sequence < m_sequenceFloor)
        return unexpected(
            TrustFailure{TrustError::CacheRolledBack,
                         QStringLiteral("sequence %1 is older than the %2 already installed once "
                                        "(rolled-back cache file?)")
                             .arg(list->sequence)
                             .arg(m_sequenceFloor)});
    QMutexLocker lock(&m_mutex);
    m_current = std::make_shared<const TrustList>(std::move(*list));
    return true;
}

Expected<quint64, TrustFailure> TrustStore::install(const QByteArray& cose) {
    QMutexLocker installing(&m_installMutex);
    auto list = TrustList::parse(cose, m_anchors);
    if (!list)
        return unexpected(TrustFailure{TrustError::Invalid, list.error()});
    {
        QMutexLocker lock(&m_mutex);
        if (list->sequence < m_sequenceFloor)
            return unexpected(
                TrustFailure{TrustError::Rollback, QStringLiteral("sequence %1 < %2 installed before")
                                                       .arg(list->sequence)
                                                       .arg(m_sequenceFloor)});
        if (m_current) {
            if (list->sequence < m_current->sequence)
                return unexpected(
                    TrustFailure{TrustError::Rollback, QStringLiteral("sequence %1 < installed %2")
                                                           .arg(list->sequence)
                                                           .arg(m_current->sequence)});
            if (list->sequence == m_current->sequence) {
                // Both verified under a pinned anchor: equal signatures mean the same signed content
                // (no need to hash an 80 MB list on every start to recognise it).
                if (list->signature == m_current->signature)
                    return list->sequence;
                return unexpected(TrustFailure{
                    TrustError::Conflict,
                    QStringLiteral("sequence %1 already installed with other content").arg(list->sequence)});
            }
        }
    }
    if (!m_cachePath.isEmpty()) {
        // A temporary, fsync, rename: the old cache is intact on any failure, a full disk included.
        if (auto saved = writeFileDurably(m_cachePath, cose, 0644); !saved)
            return unexpected(TrustFailure{TrustError::CacheUnwritable, saved.error().text()});
    }
    const quint64 seq = list->sequence;
    if (!m_sequencePath.isEmpty() && seq > m_sequenceFloor) {
        if (auto saved = writeFileDurably(m_sequencePath, QByteArray::number(seq), 0644); !saved)
            return unexpected(TrustFailure{TrustError::CacheUnwritable, saved.error().text()});
    }
    QMutexLocker lock(&m_mutex);
    m_sequenceFloor = std::max(m_sequenceFloor, seq);
    m_current = std::make_shared<const TrustList>(std::move(*list));
    return seq;
}

std::shared_ptr<const TrustList> TrustStore::current() const {
    QMutexLocker lock(&m_mutex);
    return m_current;
}

} // namespace lz
