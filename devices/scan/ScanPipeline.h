#pragma once
// Camera frames to payloads for the verifier, on its own thread: always the newest frame
// (FrameGrabber drops the rest), each QR payload handed on once however many frames show it,
// the guest's hint when it changes, and scaled preview frames for the kiosk at a capped rate
// (made on this thread, so previews never slow the decoder's caller or the UI).
#include "camera/FrameGrabber.h"
#include "camera/FrameMailbox.h"
#include "qr/QrFrameDecoder.h"

#include <QHash>
#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>
#include <vector>

namespace lz {

struct PreviewFrame {
    cv::Mat image;       // BGR, scaled to ScanOptions::previewWidth
    cv::Rect codeRegion; // in preview pixels; empty if no code seen in this frame
};

struct ScanOptions {
    int previewFps = 15; // at most this many previews per second (0: none)
    int previewWidth = 640;
    int repeatWindowSeconds = 330; // a payload seen again within this is not handed on again
    // Count the window from the payload's last sighting instead of its first: a code held in
    // view stays one payload however long it is held, and one shown again after a gap is handed
    // on again (so the kiosk says "already used" to a code brought back, instead of nothing).
    bool repeatFromLastSighting = false;
};

struct ScanStats {
    qint64 frames = 0;   // frames decoded
    qint64 payloads = 0; // new payloads handed on
    qint64 repeats = 0;  // frames whose payload had already been handed on
    qint64 decodeNsTotal = 0;
};

class ScanPipeline : public QObject {
    Q_OBJECT
public:
    ScanPipeline(FrameGrabber& grabber, ScanOptions options = {}, QObject* parent = nullptr);
    ~ScanPipeline() override;
    void start();
    void stop();
    ScanStats stats() const;
    bool finished() const { return m_finished; } // the source ended and every frame was decoded
    // Every frame taken is also posted to each of these while it is open (the face check, the
    // passport's MRZ). Add before start().
    void addTap(std::shared_ptr<FrameMailbox> tap) {
        if (tap)
            m_taps.push_back(std::move(tap));
    }

signals:
    // A payload not seen in the repeat window; capturedNs is the steady-clock time of the
    // frame it was first read from (for frame-to-verdict latency).
    void payload(const QString& text, qint64 capturedNs);
    void hintChanged(lz::ScanHint hint);
    void preview(const lz::PreviewFrame& frame);

private:
    void run();
    bool isRepeat(const QString& text, qint64 nowNs);

    FrameGrabber& m_grabber;
    std::vector<std::shared_ptr<FrameMailbox>> m_taps;
    ScanOptions m_options;
    QrFrameDecoder m_decoder;
    std::unique_ptr<QThread> m_thread; // the decode loop (docs/architecture.md "Threads")
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_finished{false};
    QHash<QString, qint64> m_recent; // payload → steady time first handed on (this thread only)
    ScanHint m_hint = ScanHint::None;
    qint64 m_lastPreviewNs = 0;
    mutable std::atomic<qint64> m_frames{0}, m_payloads{0}, m_repeats{0}, m_decodeNs{0};
};

} // namespace lz

Q_DECLARE_METATYPE(lz::PreviewFrame)
Q_DECLARE_METATYPE(lz::ScanHint)
