#pragma once
// Everything the kiosk does only in demo mode, behind one seam chosen at start (Kiosk holds a
// DemoStage when --demo is given, nothing otherwise): a throwaway state directory with the
// embedded DEMO trust list, the demo staff PIN and faster screens, the synthetic camera showing
// the DEMO holders' rotating codes, and the emulated NFC reader with a demo phone laid on it
// every 15 s and the demo passport when the clerk asks for a read. No production code path asks
// "is this the demo?" beyond holding or not holding this object.
#include "camera/FrameSource.h"
#include "common/TerminalConfig.h"
#include "demo/DemoKit.h"
#include "ui/KioskSettings.h"
#include "verify/Clock.h"

#include <QObject>
#include <QProcess>
#include <QTemporaryDir>
#include <atomic>
#include <memory>

namespace lz {

class DemoPresenter;

class DemoStage : public QObject {
    Q_OBJECT
public:
    // stateDir: where the demo keeps its state ("" = a fresh temporary directory).
    static Expected<std::unique_ptr<DemoStage>> create(const QString& stateDir);
    ~DemoStage() override;

    const TerminalConfig& config() const { return m_config; }
    QString settingsPath() const { return m_settingsPath; }
    // The demo's defaults where the settings file says nothing: PIN 1234, 6 s auto-return.
    void applyDefaults(ui::KioskSettings& settings) const;
    // The synthetic phone camera with the DEMO holders' rotating codes.
    std::unique_ptr<FrameSource> camera();
    // Starts lz-pn532-emu (from toolDir) with the demo phone and passport; its connstring, or ""
    // when the tool cannot start (then the demo has no NFC, said in the log).
    QString startReader(const QString& toolDir);
    // The clerk asked for a passport read (true) or left it (false): the demo passport is laid
    // on the emulated reader a moment later, as a hand would, and taken off after.
    void layPassport(bool on);
    // The clerk's passport screen waits for a key (true): the demo camera shows the demo
    // passport's photo page, as a clerk would lay it under the camera, so its MRZ is read.
    void showPassportPage(bool on);
    // Starts lz-sam-emu (from toolDir) with the demo ID cards; a card is laid on it for 3 s every
    // 20 s, in turn. Its pty, or "" when the tool cannot start (then the demo has no ID-card reader).
    QString startIdCardReader(const QString& toolDir);

private:
    DemoStage() = default;
    void tap();

    std::unique_ptr<QTemporaryDir> m_tempDir;
    TerminalConfig m_config;
    QString m_settingsPath;
    SystemClock m_clock;
    // The demo camera's wallets: their own copy of the demo kit (same DEMO keys as the
    // terminal's), made on the camera's thread so that start-up does not wait for it.
    std::unique_ptr<demo::DemoKit> m_kit;
    std::unique_ptr<DemoPresenter> m_presenter;
    std::unique_ptr<QProcess> m_reader;
    std::unique_ptr<QProcess> m_samReader;
    int m_nextCard = 0;
    bool m_passportOn = false;
    std::shared_ptr<std::atomic<bool>> m_passportPage = std::make_shared<std::atomic<bool>>(false);
};

} // namespace lz
