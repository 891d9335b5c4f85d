#include "kiosk/LatencyProbe.h"

#include <QFile>
#include <malloc.h>
#include <unistd.h>

namespace lz {
namespace {
constexpr int kIntervalMs = 5;
}

LatencyProbe::LatencyProbe(QObject* parent)
    : QObject(parent) {
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LatencyProbe::tick);
    m_clock.start();
    m_lastNs = m_clock.nsecsElapsed();
    m_timer.start();
}

void LatencyProbe::tick() {
    const qint64 now = m_clock.nsecsElapsed();
    const double lag = double(now - m_lastNs) / 1e6 - kIntervalMs;
    m_lastNs = now;
    ++m_window.ticks;
    m_window.maxLagMs = std::max(m_window.maxLagMs, lag);
    if (lag > 16) {
        ++m_window.over16;
        if (m_window.lateAtS.size() < 8)
            m_window.lateAtS.append(double(now) / 1e9);
    }
}

LatencyWindow LatencyProbe::take() {
    LatencyWindow w = m_window;
    m_window = {};
    return w;
}

qint64 residentKb() {
    QFile f(QStringLiteral("/proc/self/statm"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> parts = f.readAll().split(' ');
    return parts.size() > 1 ? parts[1].toLongLong() * (sysconf(_SC_PAGESIZE) / 1024) : -1;
}

qint64 heapInUseKb() {
    const struct mallinfo2 m = mallinfo2();
    return qint64((m.uordblks + m.hblkhd) / 1024);
}

} // namespace lz
