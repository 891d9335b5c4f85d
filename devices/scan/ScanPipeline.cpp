#include "scan/ScanPipeline.h"

#include <opencv2/imgproc.hpp>

namespace lz {

ScanPipeline::ScanPipeline(FrameGrabber& grabber, ScanOptions options, QObject* parent)
    : QObject(parent)
    , m_grabber(grabber)
    , m_options(options) {
    qRegisterMetaType<lz::PreviewFrame>("lz::PreviewFrame");
    qRegisterMetaType<lz::ScanHint>("lz::ScanHint");
}

ScanPipeline::~ScanPipeline() {
    stop();
}

void ScanPipeline::start() {
    if (m_thread)
        return;
    m_stop = false;
    m_thread.reset(QThread::create([this] { run(); }));
    m_thread->setObjectName(QStringLiteral("qr-decode"));
    m_thread->start();
}

void ScanPipeline::stop() {
    m_stop = true;
    if (m_thread) {
        m_thread->wait();
        m_thread.reset();
    }
}

ScanStats ScanPipeline::stats() const {
    return {m_frames.load(), m_payloads.load(), m_repeats.load(), m_decodeNs.load()};
}

bool ScanPipeline::isRepeat(const QString& text, qint64 nowNs) {
    const qint64 window = qint64(m_options.repeatWindowSeconds) * 1'000'000'000;
    m_recent.removeIf(
        [&](const QHash<QString, qint64>::iterator& it) { return nowNs - it.value() > window; });
    if (auto it = m_recent.find(text); it != m_recent.end()) {
        if (m_options.repeatFromLastSighting)
            it.value() = nowNs;
        return true;
    }
    m_recent.insert(text, nowNs);
    return false;
}

void ScanPipeline::run() {
    Frame frame;
    while (!m_stop) {
        if (!m_grabber.takeNewest(frame, 100)) {
            if (m_grabber.state() == SourceState::Finished) {
                m_finished = true;
                break;
            }
            continue;
        }
        for (const auto& tap : m_taps)
            tap->post(frame);
        const qint64 t0 = steadyNowNs();
        const FrameDecodeResult r = m_decoder.decode(frame.image);
        const qint64 t1 = steadyNowNs();
        ++m_frames;
        m_decodeNs += t1 - t0;
        if (r.text) {
            if (isRepeat(*r.text, t1)) {
                ++m_repeats;
            } else {
                ++m_payloads;
                emit payload(*r.text, frame.capturedNs);
            }
        }
        if (r.hint != m_hint) {
            m_hint = r.hint;
            emit hintChanged(r.hint);
        }
        if (m_options.previewFps > 0 && t1 - m_lastPreviewNs >= 1'000'000'000 / m_options.previewFps) {
            m_lastPreviewNs = t1;
            PreviewFrame p;
            const double scale = double(m_options.previewWidth) / frame.image.cols;
            cv::resize(frame.image, p.image, cv::Size(), scale, scale, cv::INTER_AREA);
            if (r.text)
                p.codeRegion = cv::Rect(int(r.region.x * scale), int(r.region.y * scale),
                                        int(r.region.width * scale), int(r.region.height * scale));
            emit preview(p);
        }
    }
}

} // namespace lz
