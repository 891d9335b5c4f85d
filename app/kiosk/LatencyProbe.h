#pragma once
// Measures how long the UI thread's event loop is kept from running: a precise 5 ms timer
// notes how late each tick arrives. A tick late by more than 16 ms means a frame was missed.
// For the kiosk's benchmark (--metrics); costs a few microseconds per tick.
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace lz {

struct LatencyWindow {
    double maxLagMs = 0;
    qint64 ticks = 0;
    qint64 over16 = 0;     // ticks late by more than 16 ms
    QList<double> lateAtS; // when (seconds since the probe started) the first few late ticks came
};

class LatencyProbe : public QObject {
    Q_OBJECT
public:
    explicit LatencyProbe(QObject* parent = nullptr);
    LatencyWindow take(); // the figures since the last take, and a fresh window

private:
    void tick();
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    LatencyWindow m_window;
};

qint64 residentKb(); // this process's resident set size (/proc/self/statm)
// Bytes malloc has handed out and not had back (glibc mallinfo2), in KiB: tells a leak (this
// grows) from memory the allocator keeps for reuse (only the resident size grows).
qint64 heapInUseKb();

} // namespace lz
