#include "camera/SyntheticPhoneSource.h"

#include <QThread>
#include <cmath>

namespace lz {

SyntheticPhoneSource::SyntheticPhoneSource(std::function<QString(double)> textAt, PhoneScene scene,
                                           double fps, bool paced, qint64 frames)
    : m_textAt(std::move(textAt))
    , m_scene(scene)
    , m_paced(paced)
    , m_frames(frames) {
    m_fps = fps;
}

Expected<void> SyntheticPhoneSource::open() {
    m_startNs = steadyNowNs();
    return {};
}

ReadStatus SyntheticPhoneSource::read(Frame& frame) {
    if (m_frames > 0 && m_sequence >= m_frames)
        return ReadStatus::EndOfStream;
    const double t = double(m_sequence) / m_fps;
    if (m_paced) {
        const qint64 due = m_startNs + qint64(t * 1e9), wait = due - steadyNowNs();
        if (wait > 0)
            QThread::usleep(quint64(wait / 1000));
    }
    PhoneScene s = m_scene; // a hand: slow drift, a little rotation, focus breathing
    s.centerX += 0.03 * std::sin(t * 0.9);
    s.centerY += 0.02 * std::sin(t * 1.3 + 1);
    s.rotationDeg += 4 * std::sin(t * 0.7);
    s.blurSigma = std::max(0.0, m_scene.blurSigma + 0.4 * std::sin(t * 2.1));
    s.noiseSeed = unsigned(m_scene.seed + m_sequence + 1); // the desk stays, the noise changes
    frame.image = renderPhoneFrame(m_textAt(t), s);
    frame.sequence = m_sequence++;
    frame.capturedNs = steadyNowNs();
    return ReadStatus::Ok;
}

} // namespace lz
