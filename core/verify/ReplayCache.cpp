#include "verify/ReplayCache.h"

#include <QSaveFile>
#include <QtEndian>

namespace lz {
namespace {

// Journal entry: 1-byte jti length, the jti, 8-byte big-endian expiry.
QByteArray entry(const QByteArray& jti, qint64 expiresAt) {
    QByteArray e;
    e.reserve(jti.size() + 9);
    e.append(char(jti.size()));
    e.append(jti);
    char exp[8];
    qToBigEndian(expiresAt, exp);
    e.append(exp, 8);
    return e;
}

constexpr qsizetype kPruneThreshold = 4096;
constexpr qsizetype kMinJti = 8, kMaxJti = 32; // the presentation's jti bounds

} // namespace

ReplayCache::ReplayCache(QString journalPath, qint64 now)
    : m_path(std::move(journalPath)) {
    if (m_path.isEmpty())
        return;
    QFile in(m_path);
    if (in.open(QIODevice::ReadOnly)) {
        const QByteArray data = in.readAll();
        qsizetype i = 0;
        while (i < data.size()) {
            const qsizetype len = quint8(data[i]);
            if (len < kMinJti || len > kMaxJti) {
                // Not a torn tail but damage: keep the evidence and say so.
                QFile::remove(m_path + QStringLiteral(".corrupt"));
                QFile::copy(m_path, m_path + QStringLiteral(".corrupt"));
                m_warning = QStringLiteral("replay journal corrupt at offset %1; kept as %2.corrupt")
                                .arg(i)
                                .arg(m_path);
                break;
            }
            if (i + 1 + len + 8 > data.size())
                break; // a torn last entry after a crash: expected, ignore it
            const QByteArray jti = data.mid(i + 1, len);
            const qint64 exp = qFromBigEndian<qint64>(data.constData() + i + 1 + len);
            if (exp >= now)
                m_seen.insert(jti, exp);
            i += 1 + len + 8;
        }
    }
    rewriteJournal(); // compact: drop expired and torn entries
}

bool ReplayCache::checkAndRecord(const QByteArray& jti, qint64 expiresAt, qint64 now) {
    QMutexLocker lock(&m_mutex);
    const auto it = m_seen.constFind(jti);
    if (it != m_seen.cend() && *it >= now)
        return true;
    if (m_seen.size() >= kPruneThreshold && m_seen.size() % kPruneThreshold == 0)
        prune(now);
    m_seen.insert(jti, expiresAt);
    if (m_journal.isOpen()) {
        const QByteArray e = entry(jti, expiresAt);
        if (m_journal.write(e) != e.size())
            m_warning = QStringLiteral("replay journal cannot be written: %1").arg(m_journal.errorString());
        if (++m_journalEntries > 2 * m_seen.size() + kPruneThreshold)
            rewriteJournal();
    }
    return false;
}

bool ReplayCache::contains(const QByteArray& jti, qint64 now) const {
    QMutexLocker lock(&m_mutex);
    const auto it = m_seen.constFind(jti);
    return it != m_seen.cend() && *it >= now;
}

QString ReplayCache::warning() const {
    QMutexLocker lock(&m_mutex);
    return m_warning;
}

qsizetype ReplayCache::size() const {
    QMutexLocker lock(&m_mutex);
    return m_seen.size();
}

void ReplayCache::prune(qint64 now) {
    m_seen.removeIf([now](const QHash<QByteArray, qint64>::iterator& it) { return it.value() < now; });
}

void ReplayCache::rewriteJournal() {
    if (m_path.isEmpty())
        return;
    m_journal.close();
    QSaveFile out(m_path);
    bool ok = out.open(QIODevice::WriteOnly);
    for (auto it = m_seen.cbegin(); ok && it != m_seen.cend(); ++it)
        ok = out.write(entry(it.key(), it.value())) > 0;
    ok = ok && out.commit();
    m_journalEntries = m_seen.size();
    m_journal.setFileName(m_path);
    if (!ok || !m_journal.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        m_warning = QStringLiteral("replay journal %1 cannot be written").arg(m_path);
}

} // namespace lz
