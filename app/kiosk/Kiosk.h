#pragma once
// The kiosk assembled: settings → the window (ui/), the backend thread (terminal, log, sync),
// the camera feed and the 2D scanners, wired together. main() makes one; the ui tests make one
// with the offscreen platform and drive its real widgets.
#include "camera/FrameSource.h"
#include "kiosk/CameraFeed.h"
#include "kiosk/FaceFeed.h"
#include "kiosk/IdCardFeed.h"
#include "kiosk/KioskBackend.h"
#include "kiosk/MrzFeed.h"
#include "kiosk/NfcFeed.h"
#include "ui/KioskWindow.h"

#include <QObject>
#include <functional>
#include <memory>

namespace lz {

class DemoStage;
class KeyboardWedgeFilter;
class SerialScanner;

struct KioskOptions {
    bool demo = false;
    QString configPath; // ignored in demo mode
    QString stateDir;   // demo: the throwaway data directory ("" = a fresh temporary one)
    QString camera;     // overrides the settings' camera: index, /dev/videoN or a video file
    // Tests: make the camera source here instead of from the settings.
    std::function<std::unique_ptr<FrameSource>()> cameraFactory;
    bool installWedge = true; // listen for keyboard-wedge scanners application-wide
    // NFC reader: a libnfc connstring, "demo" (lz-pn532-emu with a demo phone laid on it every
    // 15 s), "none"; empty: the settings' [kiosk] nfc_reader (none in demo mode).
    QString nfcReader;
    // ID-card reader: a serial port, "auto", "demo" (lz-sam-emu with a demo card laid on it every
    // 20 s), "none"; empty: the configuration's [idcard] port (none in demo mode).
    QString idCardReader;
    QString
        toolDir; // where lz-nfc-reader, lz-wlt-decode and the emulators are; empty: next to the executable
};

class Kiosk : public QObject {
    Q_OBJECT
public:
    static Expected<std::unique_ptr<Kiosk>> create(KioskOptions options);
    ~Kiosk() override;

    ui::KioskWindow& window() { return *m_window; }
    KioskBackend& backend() { return *m_backend; }
    CameraFeed* camera() { return m_camera.get(); }
    NfcFeed* nfc() { return m_nfc.get(); }
    IdCardFeed* idCard() { return m_idCard.get(); }
    FaceFeed* faceFeed() { return m_face.get(); }
    const TerminalConfig& config() const { return m_config; }
    QString settingsPath() const { return m_config.settingsPath; }
    void restartCamera();

signals:
    void leaveRequested();
    void backendOpened(bool ok, const QString& error);

private:
    Kiosk() = default;
    void wire();
    std::unique_ptr<FrameSource> makeCameraSource();
    void onSettingsSaved(const ui::KioskSettings& s, const QString& newPin);
    void onPinHashed(const QString& hash, const QString& error);
    void saveSettings(const QStringList& keys, bool quiet = false);
    void onClerkPinHashed(const QString& id, const QString& name, const QString& hash, const QString& error);
    void publishStatus();
    void runSelfTest();
    void startNfc();
    void startIdCard();
    void startFace();
    bool faceOffered() const; // the venue offers the face check ([face] offer, its profile)
    QString toolDir() const;
    QString helperDir() const;

    KioskOptions m_options;
    std::unique_ptr<DemoStage> m_demo; // demo mode only (DemoStage.h): the one seam to the demo
    TerminalConfig m_config;
    ui::KioskSettings m_settings;
    std::unique_ptr<ui::KioskWindow> m_window;
    std::unique_ptr<KioskBackend> m_backend;
    std::unique_ptr<CameraFeed> m_camera;
    std::unique_ptr<SerialScanner> m_serial;
    std::unique_ptr<KeyboardWedgeFilter> m_wedge;
    std::unique_ptr<NfcFeed> m_nfc;
    std::unique_ptr<IdCardFeed> m_idCard;
    std::shared_ptr<FrameMailbox> m_faceFrames = std::make_shared<FrameMailbox>();
    std::unique_ptr<FaceFeed> m_face;
    std::shared_ptr<FrameMailbox> m_mrzFrames = std::make_shared<FrameMailbox>();
    std::unique_ptr<MrzFeed> m_mrz;
    ui::KioskStatus m_backendStatus;
    ui::DeviceView m_serialView;
    SystemClock m_clock;
};

} // namespace lz
