#include "verify/Clock.h"

#include <QDateTime>
#include <QFile>
#include <QSaveFile>

namespace lz {

qint64 SystemClock::now() const {
    return QDateTime::currentSecsSinceEpoch();
}

TimeGuard::TimeGuard(QString path)
    : m_path(std::move(path)) {
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
    if (m_path.isEmpty() || trustedTime - m_persisted < kPersistStep)
        return;
    QSaveFile f(m_path);
    if (f.open(QIODevice::WriteOnly) && f.write(QByteArray::number(trustedTime)) > 0 && f.commit())
        m_persisted = trustedTime;
}

} // namespace lz
