#pragma once
// The passport's MRZ read by the desk camera (docs/passports.md "Reading the MRZ with the
// camera") on a thread of its own: while the clerk's passport screen waits for a key, the
// scanner posts its frames to a FrameMailbox and this reads the newest one (devices/mrz). A key
// is handed on when two frames in a row agree on it — the check digits decide each frame, the
// second frame guards against a one-off. Only the key leaves this class, as plain strings; no
// frame or MRZ text is kept or logged.
#include "camera/FrameMailbox.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <QWaitCondition>
#include <atomic>
#include <memory>

namespace lz {

class MrzFeed : public QObject {
    Q_OBJECT
public:
    explicit MrzFeed(std::shared_ptr<FrameMailbox> frames, QObject* parent = nullptr);
    ~MrzFeed() override;
    void start();
    void stop();
    // Thread-safe: read frames (the passport screen waits for a key) or not. Each activation is
    // a new session: nothing read before it is handed on after it.
    void setActive(bool active);

signals:
    // From the reader's thread: a key two frames agreed on (once per key while active).
    void keyRead(const QString& documentNumber, const QString& birthDate, const QString& expiryDate);
    // What the frames show when they give no key: an MrzHint's name ("no_mrz", "too_small",
    // "glare", "unreadable", "ambiguous") or "read"; emitted when it changes.
    void hint(const QString& name);
    // The OCR-B font could not be loaded (a FontError's name and detail): no camera reading.
    void unavailable(const QString& problem);

private:
    void run();
    void readFrames();

    std::shared_ptr<FrameMailbox> m_frames;
    std::unique_ptr<QThread> m_thread; // docs/architecture.md "Threads"
    std::atomic<bool> m_stopping{false};
    std::atomic<quint64> m_session{0};      // bumped each time reading starts or stops: forget the last key
    std::atomic<bool> m_unavailable{false}; // the font did not load: frames are not even posted
};

} // namespace lz
