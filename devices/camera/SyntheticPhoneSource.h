#pragma once
// The demo's camera: "a phone held to the camera" rendered frame by frame with
// PhoneScreenRenderer, the code supplied by a callback (a wallet rotating its presentation),
// the hand wobbling a little (position, angle, focus) as a real one does.
#include "camera/FrameSource.h"
#include "camera/PhoneScreenRenderer.h"

#include <functional>

namespace lz {

class SyntheticPhoneSource final : public FrameSource {
public:
    // textAt(seconds since start) gives the QR text the phone shows then ("" for none).
    // frames = 0: endless. paced: deliver at fps in real time (a live camera) or as fast as drawn.
    SyntheticPhoneSource(std::function<QString(double seconds)> textAt, PhoneScene scene, double fps,
                         bool paced, qint64 frames = 0);

    QString description() const override { return QStringLiteral("synthetic phone camera"); }
    Expected<void> open() override;
    ReadStatus read(Frame& frame) override;
    void close() override {}

private:
    std::function<QString(double)> m_textAt;
    PhoneScene m_scene;
    bool m_paced;
    qint64 m_frames;
    qint64 m_startNs = 0;
};

} // namespace lz
