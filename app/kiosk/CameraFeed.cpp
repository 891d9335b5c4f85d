#include "kiosk/CameraFeed.h"

#include <opencv2/imgproc.hpp>

namespace lz {

ui::GuestHint guestHint(ScanHint h) {
    switch (h) {
    case ScanHint::None:
        return ui::GuestHint::None;
    case ScanHint::NoCode:
        return ui::GuestHint::NoCode;
    case ScanHint::TooSmall:
        return ui::GuestHint::MoveCloser;
    case ScanHint::TooLarge:
        return ui::GuestHint::MoveBack;
    case ScanHint::Blurred:
        return ui::GuestHint::HoldStill;
    case ScanHint::Glare:
        return ui::GuestHint::TiltForGlare;
    }
    return ui::GuestHint::None;
}

CameraFeed::CameraFeed(std::unique_ptr<FrameSource> source, std::vector<std::shared_ptr<FrameMailbox>> taps,
                       QObject* parent)
    : QObject(parent) {
    qRegisterMetaType<ui::DeviceView>();
    qRegisterMetaType<ui::GuestHint>();
    qRegisterMetaType<SourceState>();
    qRegisterMetaType<PreviewFrame>();
    qRegisterMetaType<ScanHint>();
    m_grabber = std::make_unique<FrameGrabber>(std::move(source));
    ScanOptions options;
    options.previewFps = 15;
    options.previewWidth = 640;
    // A code held up stays one payload; one brought back after 3 s is checked again (and then
    // called "already used" by the verifier rather than ignored).
    options.repeatWindowSeconds = 3;
    options.repeatFromLastSighting = true;
    m_pipeline = std::make_unique<ScanPipeline>(*m_grabber, options);
    for (auto& tap : taps)
        m_pipeline->addTap(std::move(tap));
    connect(m_grabber.get(), &FrameGrabber::stateChanged, this, &CameraFeed::onState);
    connect(m_pipeline.get(), &ScanPipeline::payload, this, &CameraFeed::payload);
    connect(m_pipeline.get(), &ScanPipeline::hintChanged, this,
            [this](ScanHint h) { emit hint(guestHint(h)); });
    // On the pipeline's thread: convert there, hand the UI a ready QImage.
    connect(
        m_pipeline.get(), &ScanPipeline::preview, this,
        [this](const PreviewFrame& p) {
            QImage img;
            if (p.image.channels() == 3)
                img =
                    QImage(p.image.data, p.image.cols, p.image.rows, int(p.image.step), QImage::Format_BGR888)
                        .copy();
            else
                img = QImage(p.image.data, p.image.cols, p.image.rows, int(p.image.step),
                             QImage::Format_Grayscale8)
                          .copy();
            const cv::Rect& r = p.codeRegion;
            emit preview(img, QRect(r.x, r.y, r.width, r.height));
        },
        Qt::DirectConnection);
    m_fpsTimer.setInterval(1000);
    connect(&m_fpsTimer, &QTimer::timeout, this, &CameraFeed::measure);
}

CameraFeed::~CameraFeed() {
    stop();
}

void CameraFeed::start() {
    m_grabber->start();
    m_pipeline->start();
    m_sinceMeasure.start();
    m_fpsTimer.start();
}

void CameraFeed::stop() {
    m_fpsTimer.stop();
    if (m_pipeline)
        m_pipeline->stop();
    if (m_grabber)
        m_grabber->stop();
}

QString CameraFeed::description() const {
    return m_grabber->description();
}

ui::DeviceView CameraFeed::view() const {
    ui::DeviceView v;
    v.id = QStringLiteral("camera");
    v.fps = m_fps;
    v.detail = m_error.isEmpty() ? description() : m_error;
    switch (m_state) {
    case SourceState::Running:
        v.state = ui::DeviceView::State::Present;
        break;
    case SourceState::Starting:
        v.state = ui::DeviceView::State::Starting;
        break;
    case SourceState::Absent:
    case SourceState::Finished:
    case SourceState::Stopped:
        v.state = ui::DeviceView::State::Absent;
        break;
    }
    return v;
}

void CameraFeed::onState(SourceState state, const QString& error) {
    m_state = state;
    m_error = error;
    if (state == SourceState::Finished)
        m_error = tr("the video ended");
    emit stateChanged(view());
}

void CameraFeed::measure() {
    const qint64 read = m_grabber->stats().read;
    const double seconds = m_sinceMeasure.restart() / 1000.0;
    m_fps = seconds > 0 ? (read - m_lastRead) / seconds : 0;
    m_lastRead = read;
}

} // namespace lz
