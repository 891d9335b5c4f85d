#pragma once
// The kiosk under test (tests/ui): a Rig is the real kiosk — widgets on the offscreen platform,
// backend thread, registration log, the pluggable synthetic camera, optionally an NFC reader — in
// a throwaway state directory, with the DEMO keys to make codes its verifier accepts.
#include "PluggableCamera.h"
#include "credential/Presentation.h"
#include "credential/QrPayload.h"
#include "kiosk/Kiosk.h"
#include "ui/ResultScreen.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

namespace lz::test {

constexpr int kWaitMs = 15000; // a code on the synthetic camera to a verdict: well under a second

// A signal from the backend thread may arrive before QSignalSpy::wait() starts (and wait()
// only counts new ones): poll the count instead.
inline bool arrived(QSignalSpy& spy, int count = 1) {
    QElapsedTimer t;
    t.start();
    while (spy.size() < count && t.elapsed() < kWaitMs)
        QTest::qWait(10);
    return spy.size() >= count;
}

struct Rig {
    QTemporaryDir dir;
    std::shared_ptr<test::CameraControl> camera = std::make_shared<test::CameraControl>();
    std::unique_ptr<Kiosk> kiosk;
    SystemClock clock;
    std::optional<demo::DemoKit> kit; // same DEMO keys as the terminal's: its codes verify

    // cameraFactory: another camera than the pluggable synthetic phone (a video file).
    explicit Rig(const QMap<QString, QVariant>& settings = {}, const QString& nfcReader = {},
                 const QString& idCardReader = {},
                 std::function<std::unique_ptr<FrameSource>()> cameraFactory = {}) {
        QSettings s(dir.filePath(QStringLiteral("kiosk.conf")), QSettings::IniFormat);
        s.setValue(QStringLiteral("kiosk/sounds"), true);
        for (auto it = settings.begin(); it != settings.end(); ++it)
            s.setValue(it.key(), it.value());
        s.sync();
        KioskOptions o;
        o.demo = true;
        o.stateDir = dir.path();
        o.installWedge = false;
        o.nfcReader = nfcReader;
        o.idCardReader = idCardReader;
        o.toolDir = qEnvironmentVariable("LZ_BIN_DIR");
        o.cameraFactory = cameraFactory ? cameraFactory
                                        : [c = camera] { return std::make_unique<test::PluggableCamera>(c); };
        auto k = Kiosk::create(o);
        if (!k)
            qFatal("kiosk: %s", qPrintable(k.error()));
        kiosk = std::move(*k);
        QSignalSpy opened(kiosk.get(), &Kiosk::backendOpened);
        window().resize(1280, 800);
        window().show();
        if (!arrived(opened) || !opened.first().at(0).toBool())
            qFatal("backend did not open");
        // The face models are loaded on their own thread: a verdict before the backend knows it
        // would offer no face check (a race on a loaded machine, not a behaviour to test).
        QTRY_VERIFY_WITH_TIMEOUT(kiosk->faceFeed()->loadReported(), kWaitMs);
        auto loaded = demo::DemoKit::load(clock.now());
        kit.emplace(std::move(*loaded));
    }
    ui::KioskWindow& window() { return kiosk->window(); }
    ui::ResultScreen* result() { return window().result(); }
    QString fresh(int holder) {
        const auto& h = kit->holders().at(holder);
        return qr::encode(Presentation::make(h.credential, clock.now()).sign(h.deviceKey));
    }
    // A text from a 2D scanner: straight into the verifier, as the scanners do.
    void scan(const QString& text) {
        KioskBackend* backend = &kiosk->backend();
        QMetaObject::invokeMethod(
            backend, [backend, text] { backend->verify(text, 0, QStringLiteral("scanner")); },
            Qt::QueuedConnection);
    }
    bool waitVerdict(const std::function<bool(const ui::Verdict&)>& match) {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < kWaitMs) {
            if (window().currentScreen() == result() && match(result()->verdict()))
                return true;
            QTest::qWait(20);
        }
        return false;
    }
};

// Every text a person could read anywhere in the window (labels, fields, buttons, tables,
// accessible names), for the "nothing personal left" check.
inline QStringList visibleTexts(QWidget* root) {
    QStringList out;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        out << w->accessibleName() << w->toolTip();
        if (auto* l = qobject_cast<QLabel*>(w))
            out << l->text();
        if (auto* e = qobject_cast<QLineEdit*>(w))
            out << e->text();
        if (auto* b = qobject_cast<QAbstractButton*>(w))
            out << b->text();
        if (auto* c = qobject_cast<QComboBox*>(w))
            out << c->currentText();
        if (auto* t = qobject_cast<QTableWidget*>(w))
            for (int r = 0; r < t->rowCount(); ++r)
                for (int c = 0; c < t->columnCount(); ++c)
                    if (t->item(r, c))
                        out << t->item(r, c)->text();
    }
    return out;
}

// An emulated PN532 with no card in the field, under a stable name (--link), as a udev rule would
// name a real reader; lines to it move the cards (docs/nfc-emulator.md).
inline std::unique_ptr<QProcess> startEmulator(const QString& link, const QStringList& args) {
    auto p = std::make_unique<QProcess>();
    p->setProgram(qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/lz-pn532-emu"));
    p->setArguments(args + QStringList{QStringLiteral("--start-absent"), QStringLiteral("--link"), link});
    p->start();
    p->waitForReadyRead(5000);
    return p;
}

// An emulated ID-card reader (lz-sam-emu) with the demo cards and no card on it, under a stable
// name; lines to it move the cards (docs/id-card-reader.md).
inline std::unique_ptr<QProcess> startSamEmulator(const QString& link, const QStringList& args) {
    auto p = std::make_unique<QProcess>();
    p->setProgram(qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/lz-sam-emu"));
    p->setArguments(args + QStringList{QStringLiteral("--start-absent"), QStringLiteral("--link"), link});
    p->start();
    p->waitForReadyRead(5000);
    return p;
}

inline void say(QProcess& p, const char* line) {
    p.write(QByteArray(line) + '\n');
    p.waitForBytesWritten(1000);
}

} // namespace lz::test
