#include "verify/Clock.h"

#include "util/DurableFile.h"
#include <QDateTime>
#include <QFile>

namespace lz {

qint64 SystemClock::now() const {
    return QDateTime::currentSecsSinceEpoch();
}

qint64 SystemClock::nowMs() const {
    return QDateTime::currentMSecsSinceEpoch();
}

TimeGuard::TimeGuard(QString path, bool readOnly)
    : m_path(std::move(path))
    , m_readOnly(readOnly) {
    if (m_path.isEmpty())
        return;
    QFile f(m_path);
    if (f.open(QIODevice::ReadOnly)) {
        bool ok = false;
        const qint64 t = f.readAll().trimmed().toLongLong(&ok);
        if (ok && t > 0)
            m_highWater = m_persisted = t;
        else
            m_warning =
                QStringLiteral("clock high-water file %1 is unreadable; clock rollback goes unnoticed "
                               "until the next trusted time")
                    .arg(m_path);
    }
}

qint64 TimeGuard::highWater() const {
    QMutexLocker lock(&m_mutex);
    return m_highWater;
}

void TimeGuard::observe(qint64 trustedTime) {
    QMutexLocker lock(&m_mutex);
    if (trustedTime <= m_highWater)
        return;
    m_highWater = trustedTime;
    if (m_path.isEmpty() || m_readOnly || trustedTime - m_persisted < kPersistStep)
        return;
    if (auto saved = writeFileDurably(m_path, QByteArray::number(trustedTime), 0600); saved) {
        m_persisted = trustedTime;
        m_warning.clear();
    } else {
        // Held in memory: this run still refuses a clock set back; a restart falls back to the
        // last mark that reached the disk. Said, never silent.
        m_warning = QStringLiteral("clock high-water mark not saved: %1").arg(saved.error().text());
    }
}

} // namespace lz
