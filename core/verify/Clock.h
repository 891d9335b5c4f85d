#pragma once
// Time for the verifier, injectable so that validity windows are testable, plus the
// clock-rollback guard: the latest trusted time the terminal has seen, persisted.
#include <QMutex>
#include <QString>
#include <atomic>

namespace lz {

class Clock {
public:
    virtual ~Clock() = default;
    // Seconds since the Unix epoch, UTC.
    virtual qint64 now() const = 0;
    // Milliseconds since the Unix epoch, UTC (acknowledgement times, clock offsets).
    virtual qint64 nowMs() const { return now() * 1000; }
};

class SystemClock final : public Clock {
public:
    qint64 now() const override;
    qint64 nowMs() const override;
};

// A clock that says what it is told (tests, `--at`, benchmarks).
class FixedClock final : public Clock {
public:
    explicit FixedClock(qint64 t)
        : m_t(t) {}
    qint64 now() const override { return m_t.load(); }
    void set(qint64 t) { m_t.store(t); }
    void advance(qint64 seconds) { m_t.fetch_add(seconds); }

private:
    std::atomic<qint64> m_t;
};

// Remembers the latest trusted time (trust-list issue times and the terminal's own clock
// readings) in a small file. Writes only when the mark moves by kPersistStep or more, so a
// verification does not cost a disk write; a crash loses at most that much.
class TimeGuard {
public:
    static constexpr qint64 kPersistStep = 60;
    // Empty path: memory only. readOnly: the mark is read from path but never written (`--at`).
    explicit TimeGuard(QString path = {}, bool readOnly = false);
    qint64 highWater() const;
    void observe(qint64 trustedTime);
    // Set when the file exists but is unreadable, or when the mark could not be saved.
    QString warning() const {
        QMutexLocker lock(&m_mutex);
        return m_warning;
    }

private:
    QString m_path;
    bool m_readOnly = false;
    mutable QMutex m_mutex;
    qint64 m_highWater = 0;
    qint64 m_persisted = 0;
    QString m_warning;
};

} // namespace lz
