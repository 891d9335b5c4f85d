#pragma once
// The kiosk's camera: a frame source under a FrameGrabber (newest frame only, reopen with
// backoff after an unplug) and a ScanPipeline (decode, hints, previews), all off the UI thread.
// Previews become QImages on the pipeline's thread; the UI thread only paints them.
#include "camera/FrameSource.h"
#include "scan/ScanPipeline.h"
#include "ui/KioskTypes.h"

#include <QElapsedTimer>
#include <QImage>
#include <QObject>
#include <QTimer>
#include <memory>

namespace lz {

class CameraFeed : public QObject {
    Q_OBJECT
public:
    // taps: where the face check and the MRZ reader take the frames while they run.
    CameraFeed(std::unique_ptr<FrameSource> source, std::vector<std::shared_ptr<FrameMailbox>> taps = {},
               QObject* parent = nullptr);
    ~CameraFeed() override;
    void start();
    void stop();
    ui::DeviceView view() const;
    double measuredFps() const { return m_fps; }
    QString description() const;

signals:
    void preview(const QImage& frame, const QRect& codeRegion);
    void payload(const QString& text, qint64 capturedNs);
    void hint(lz::ui::GuestHint hint);
    void stateChanged(const lz::ui::DeviceView& view);

private:
    void onState(SourceState state, const QString& error);
    void measure();

    std::unique_ptr<FrameGrabber> m_grabber;
    std::unique_ptr<ScanPipeline> m_pipeline;
    SourceState m_state = SourceState::Starting;
    QString m_error;
    QTimer m_fpsTimer;
    qint64 m_lastRead = 0;
    QElapsedTimer m_sinceMeasure;
    double m_fps = 0;
};

ui::GuestHint guestHint(ScanHint hint);

} // namespace lz

Q_DECLARE_METATYPE(lz::ui::DeviceView)
Q_DECLARE_METATYPE(lz::ui::GuestHint)
