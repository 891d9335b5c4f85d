#pragma once
// The kiosk tests' camera: the synthetic phone (the same renderer the demo uses) showing
// whatever code the test puts on it, behind a plug the test can pull — a camera unplugged
// fails its reads and its reopening, as a V4L2 device does, until it is plugged back in.
#include "camera/SyntheticPhoneSource.h"

#include <QMutex>
#include <atomic>
#include <memory>

namespace lz::test {

struct CameraControl {
    QMutex mutex;
    QString text; // what the phone shows now ("" = blank screen)
    std::atomic<bool> plugged{true};

    void show(const QString& t) {
        QMutexLocker lock(&mutex);
        text = t;
    }
    QString shown() {
        QMutexLocker lock(&mutex);
        return text;
    }
};

class PluggableCamera final : public FrameSource {
public:
    explicit PluggableCamera(std::shared_ptr<CameraControl> control)
        : m_control(std::move(control))
        , m_phone([c = m_control](double) { return c->shown(); }, scene(), 15, true) {
        m_fps = 15;
    }

    QString description() const override { return QStringLiteral("test camera"); }
    Expected<void> open() override {
        if (!m_control->plugged)
            return unexpected(m_error = QStringLiteral("camera_absent: no such device (unplugged)"));
        return m_phone.open();
    }
    ReadStatus read(Frame& frame) override {
        if (!m_control->plugged) {
            m_error = QStringLiteral("camera_unplugged: read failed");
            return ReadStatus::Failed;
        }
        return m_phone.read(frame);
    }
    void close() override {}

private:
    static PhoneScene scene() {
        PhoneScene s;
        s.modulePx = 5;
        s.seed = 3;
        return s;
    }
    std::shared_ptr<CameraControl> m_control;
    SyntheticPhoneSource m_phone;
};

} // namespace lz::test
