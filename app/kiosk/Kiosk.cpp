#include "kiosk/Kiosk.h"

#include "common/EnrolmentSteps.h"

#include "ui/PassportScreen.h"

#include "facenet/FaceModels.h"

#include "util/Logging.h"

#include "camera/CameraSource.h"
#include "camera/VideoFileSource.h"
#include "kiosk/DemoStage.h"
#include "kiosk/KioskSettingsFile.h"
#include "scanner/KeyboardWedgeFilter.h"
#include "scanner/SerialScanner.h"
#include "ui/Texts.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QTimer>

namespace lz {

Expected<std::unique_ptr<Kiosk>> Kiosk::create(KioskOptions options) {
    std::unique_ptr<Kiosk> k(new Kiosk());
    k->m_options = options;
    // The one seam between the product and its demo: chosen here, once.
    if (options.demo) {
        auto stage = DemoStage::create(options.stateDir);
        if (!stage)
            return unexpected(stage.error());
        k->m_demo = std::move(*stage);
        k->m_config = k->m_demo->config();
    } else {
        auto config = TerminalConfig::fromFile(options.configPath);
        if (!config)
            return unexpected(config.error());
        k->m_config = *config;
    }
    k->m_config.idCard.wltHelper = QDir(k->helperDir()).filePath(QStringLiteral("lz-wlt-decode"));
    k->m_settings = loadKioskSettings(k->m_config);
    if (k->m_demo)
        k->m_demo->applyDefaults(k->m_settings);
    if (!options.camera.isEmpty())
        k->m_settings.camera = options.camera;
    applyVenueSettings(k->m_config, k->m_settings);
    k->wire();
    return k;
}

Kiosk::~Kiosk() {
    m_face.reset(); // its thread reports to the window and the backend
    m_mrz.reset();
    if (m_camera)
        m_camera->stop();
    m_nfc.reset(); // stops its thread and the reader helper
    m_idCard.reset();
    if (m_wedge)
        qApp->removeEventFilter(m_wedge.get());
    m_camera.reset(); // before the demo stage: its camera calls into it
    m_backend.reset();
    m_demo.reset();
}

std::unique_ptr<FrameSource> Kiosk::makeCameraSource() {
    if (m_options.cameraFactory)
        return m_options.cameraFactory();
    const QString spec = m_settings.camera;
    if (spec.isEmpty() && m_demo)
        return m_demo->camera();
    if (!spec.isEmpty() && QFileInfo(spec).isFile() && !spec.startsWith(QLatin1String("/dev/")))
        return std::make_unique<VideoFileSource>(spec, VideoFileSource::Options{true, true});
    CameraSettings cs;
    cs.device = spec.isEmpty() ? QStringLiteral("0") : spec;
    cs.width = m_settings.cameraWidth;
    cs.height = m_settings.cameraHeight;
    return std::make_unique<CameraSource>(cs);
}

void Kiosk::restartCamera() {
    if (m_camera)
        m_camera->stop();
    m_camera = std::make_unique<CameraFeed>(
        makeCameraSource(), std::vector<std::shared_ptr<FrameMailbox>>{m_faceFrames, m_mrzFrames});
    ui::KioskWindow* w = m_window.get();
    connect(m_camera.get(), &CameraFeed::preview, w, &ui::KioskWindow::showPreview);
    connect(m_camera.get(), &CameraFeed::hint, w, &ui::KioskWindow::showHint);
    KioskBackend* b = m_backend.get();
    // The backend's context: the lambda runs on its thread, queued in arrival order.
    connect(m_camera.get(), &CameraFeed::payload, b, [b](const QString& text, qint64 capturedNs) {
        b->verify(text, capturedNs, QStringLiteral("qr"));
    });
    connect(m_camera.get(), &CameraFeed::stateChanged, this, [this, w](const ui::DeviceView& v) {
        if (v.state == ui::DeviceView::State::Absent)
            w->showCameraUnavailable(v.detail);
        publishStatus();
    });
    m_camera->start();
}

void Kiosk::wire() {
    m_window = std::make_unique<ui::KioskWindow>(m_settings, m_clock);
    m_backend = std::make_unique<KioskBackend>(
        m_config, QDir(m_config.stateDir).filePath(QStringLiteral("staff-pin.state")));
    ui::KioskWindow* w = m_window.get();
    KioskBackend* b = m_backend.get();

    connect(b, &KioskBackend::opened, this, &Kiosk::backendOpened);
    connect(b, &KioskBackend::verified, w, [w](const ui::Verdict& v, qint64) { w->showVerdict(v); });
    connect(b, &KioskBackend::registered, w, &ui::KioskWindow::registrationDone);
    connect(b, &KioskBackend::registrationFailed, w, &ui::KioskWindow::registrationFailed);
    connect(b, &KioskBackend::records, w, &ui::KioskWindow::showStaffRecords);
    connect(b, &KioskBackend::unmasked, w, &ui::KioskWindow::showUnmasked);
    connect(b, &KioskBackend::staffMessage, w, &ui::KioskWindow::showStaffMessage);
    connect(b, &KioskBackend::pinChecked, w, &ui::KioskWindow::pinChecked);
    connect(b, &KioskBackend::pinHashed, this, &Kiosk::onPinHashed);
    connect(b, &KioskBackend::status, this, [this](const ui::KioskStatus& s) {
        m_backendStatus = s;
        publishStatus();
    });

    connect(w, &ui::KioskWindow::registerRequested, b, &KioskBackend::registerGuest);
    startFace();
    connect(w, &ui::KioskWindow::partyCancelRequested, b, &KioskBackend::cancelParty);
    connect(w, &ui::KioskWindow::checkoutRequested, b, &KioskBackend::checkOut);
    connect(w, &ui::KioskWindow::voidRequested, b, &KioskBackend::voidRecord);
    connect(w, &ui::KioskWindow::correctionRequested, b, &KioskBackend::correctRecord);
    connect(w, &ui::KioskWindow::recordsRequested, b, &KioskBackend::listToday);
    connect(w, &ui::KioskWindow::unmaskRequested, b, &KioskBackend::unmask);
    connect(w, &ui::KioskWindow::exportRequested, b, &KioskBackend::exportCsv);
    connect(w, &ui::KioskWindow::syncNowRequested, b, &KioskBackend::syncNow);
    connect(w, &ui::KioskWindow::backupRequested, this, [this, w, b] {
        // Where the backup goes: [backup] dir, else the USB stick mounted at the desk
        // (61-liangzheng-usb-stick.rules mounts it under /media/liangzheng).
        QString dir = m_config.backup.dir;
        if (dir.isEmpty())
            dir = enrol::removableMedia().value(0);
        if (dir.isEmpty()) {
            w->showStaffMessage(tr("No USB stick found. Insert one, wait a moment and try again."), true);
            return;
        }
        w->showStaffMessage(tr("Backing up to %1…").arg(dir), false);
        QMetaObject::invokeMethod(
            b, [b, dir] { b->backupTo(dir); }, Qt::QueuedConnection);
    });
    connect(w, &ui::KioskWindow::pinEntered, this, [this](const QString& staffId, const QString& pin) {
        // The hash as it is now, copied: the backend thread never reads the kiosk's settings. The
        // administrator's PIN, or the clerk's; an unknown staff number is a wrong PIN.
        // The roster as the file has it now: a clerk removed by `liangzheng-cli staff
        // remove-clerk` while the kiosk runs cannot sign in any more.
        m_settings.clerks = readClerks(m_config);
        const auto clerk = m_settings.clerks.find(staffId);
        const bool admin = staffId == staff::kAdministratorId;
        const QString hash = admin ? m_settings.pinHash : clerk ? clerk->pinHash : QString();
        const bool known = admin || clerk;
        KioskBackend* backend = m_backend.get();
        QMetaObject::invokeMethod(
            backend, [backend, pin, hash, known, staffId] { backend->checkPin(pin, hash, known, staffId); },
            Qt::QueuedConnection);
    });
    connect(w, &ui::KioskWindow::clerkOnDuty, this, [this](const QString& staffId) {
        m_settings.operatorId = staffId;
        saveSettings({QStringLiteral("kiosk/operator")}, true);
    });
    connect(w, &ui::KioskWindow::clerkPutRequested, this,
            [this](const QString& id, const QString& name, const QString& pin) {
                KioskBackend* backend = m_backend.get();
                QMetaObject::invokeMethod(
                    backend, [backend, id, name, pin] { backend->hashClerkPin(id, name, pin); },
                    Qt::QueuedConnection);
            });
    connect(b, &KioskBackend::clerkPinHashed, this, &Kiosk::onClerkPinHashed);
    connect(w, &ui::KioskWindow::manualRegistrationRequested, b, &KioskBackend::manualRegister);
    connect(b, &KioskBackend::manuallyRegistered, w, &ui::KioskWindow::manualRegistrationDone);
    connect(w, &ui::KioskWindow::clerkRemoveRequested, this, [this](const QString& id) {
        auto changed = changeClerks(m_config, [&](staff::StaffRoster& r) { return r.remove(id); });
        if (!changed) {
            m_window->showStaffMessage(changed.error(), true);
            return;
        }
        m_settings.clerks = *changed;
        m_window->setClerks(m_settings.clerks);
        m_window->showStaffMessage(tr("Settings saved."), false);
    });
    connect(w, &ui::KioskWindow::settingsSaved, this, &Kiosk::onSettingsSaved);
    connect(w, &ui::KioskWindow::selfTestRequested, this, &Kiosk::runSelfTest);
    connect(w, &ui::KioskWindow::leaveKioskRequested, this, &Kiosk::leaveRequested);

    // 2D scanners: one typing as a keyboard (always listened for) and one on a serial port
    // ([kiosk] scanner_port), both into the same verifier as the camera.
    auto verifyScanned = [this](const QString& text) {
        KioskBackend* backend = m_backend.get();
        QMetaObject::invokeMethod(
            backend, [backend, text] { backend->verify(text, 0, QStringLiteral("scanner")); },
            Qt::QueuedConnection);
    };
    if (m_options.installWedge) {
        m_wedge = std::make_unique<KeyboardWedgeFilter>();
        connect(m_wedge.get(), &KeyboardWedgeFilter::scanned, this, verifyScanned);
        qApp->installEventFilter(m_wedge.get());
    }
    const QString port = m_demo ? QString()
                                : SettingsLayers(m_config.configPath, m_config.settingsPath)
                                      .value(QStringLiteral("kiosk/scanner_port"))
                                      .toString();
    m_serialView.id = QStringLiteral("scanner");
    if (!port.isEmpty()) {
        SerialScannerSettings ss;
        ss.port = port;
        m_serial = std::make_unique<SerialScanner>(ss);
        connect(m_serial.get(), &SerialScanner::scanned, this, verifyScanned);
        connect(m_serial.get(), &SerialScanner::presenceChanged, this,
                [this, port](bool present, const QString& e) {
                    m_serialView.state =
                        present ? ui::DeviceView::State::Present : ui::DeviceView::State::Absent;
                    m_serialView.detail = present ? port : e;
                    publishStatus();
                });
        m_serialView.state = ui::DeviceView::State::Starting;
        m_serialView.detail = port;
        m_serial->start();
    }
    restartCamera();
    startNfc();
    startIdCard();
    QMetaObject::invokeMethod(b, &KioskBackend::open, Qt::QueuedConnection);
}

bool Kiosk::faceOffered() const {
    return face::faceCheckOffered(m_config.face.offer, venueTypeName(m_settings.venue.type));
}

void Kiosk::startFace() {
    // The face check (docs/face-match.md): its models load on its own thread at start; the
    // backend offers it only once they have.
    qRegisterMetaType<ui::FaceProgressView>();
    qRegisterMetaType<ui::FaceResultView>();
    qRegisterMetaType<face::FaceOutcome>();
    m_face = std::make_unique<FaceFeed>(m_config.face.models, m_config.face.timeLimitS, m_faceFrames);
    KioskBackend* b = m_backend.get();
    ui::KioskWindow* w = m_window.get();
    connect(m_face.get(), &FaceFeed::loaded, b, [b](bool ok, const QString&) { b->setFaceAvailable(ok); });
    connect(m_face.get(), &FaceFeed::progress, w, &ui::KioskWindow::showFaceProgress);
    connect(m_face.get(), &FaceFeed::finished, w, &ui::KioskWindow::showFaceResult);
    connect(m_face.get(), &FaceFeed::finished, b, [b](const ui::FaceResultView& r) {
        face::FaceOutcome outcome = r.outcome;
        if (r.problem) // it could not run: the clerk checks, as for a failed live check
            outcome.liveness = face::faceCheckProblemName(*r.problem);
        b->recordFaceCheck(r.decisionId, outcome);
    });
    connect(w, &ui::KioskWindow::faceCheckRequested, this,
            [this](quint64 decisionId, const QImage& photo) { m_face->check(decisionId, photo); });
    connect(w, &ui::KioskWindow::faceCheckCancelled, this, [this] { m_face->cancel(); });
    connect(w, &ui::KioskWindow::faceCheckDeclined, b, [b](quint64 decisionId) {
        b->recordFaceCheck(
            decisionId,
            face::FaceOutcome{
                false, std::nullopt, std::nullopt, {}, QString::fromLatin1(face::kFaceModelVersion)});
    });
    m_face->start();
}

void Kiosk::startNfc() {
    QString reader = m_options.nfcReader;
    if (reader.isEmpty() && !m_demo)
        reader = SettingsLayers(m_config.configPath, m_config.settingsPath)
                     .value(QStringLiteral("kiosk/nfc_reader"))
                     .toString();
    if (reader.isEmpty() || reader == QLatin1String("none"))
        return;
    if (m_config.venue.terminalId.isEmpty()) { // the challenge names this terminal: no id, no NFC
        qCWarning(lcKiosk, "NFC reader not started: [venue] terminal_id is not set");
        return;
    }
    const QString dir = toolDir();
    if (reader == QLatin1String("demo")) {
        reader = m_demo ? m_demo->startReader(dir) : QString();
        if (reader.isEmpty())
            return;
    }
    nfc::NfcReaderOptions o;
    o.helperPath = QDir(helperDir()).filePath(QStringLiteral("lz-nfc-reader"));
    o.connstring = reader;
    m_nfc = std::make_unique<NfcFeed>(o, m_config.venue.terminalId);
    KioskBackend* b = m_backend.get();
    ui::KioskWindow* w = m_window.get();
    connect(m_nfc.get(), &NfcFeed::presented, b,
            [b](const QByteArray& presentation, const QByteArray& nonce, const QString& audience,
                qint64 tapNs, const QByteArray& portrait, bool portraitFailed) {
                b->verifyTap(presentation, nonce, audience, tapNs, portrait, portraitFailed);
            });
    m_nfc->setWantPortrait(faceOffered());
    connect(m_nfc.get(), &NfcFeed::tapFailed, w, [w](nfc::NfcCode code) { w->showHint(nfcHint(code)); });
    connect(m_nfc.get(), &NfcFeed::stateChanged, this, [this] { publishStatus(); });
    // Passports: the clerk's key to the reader, the chip's progress and problems to the screen,
    // the files read to the backend's verifier.
    connect(w, &ui::KioskWindow::passportReadRequested, this, [this](const icao::MrzKey& key) {
        m_nfc->expectPassport(key);
        if (m_demo)
            m_demo->layPassport(true); // from under the camera onto the reader
    });
    // The desk camera reads the MRZ while the passport screen waits for a key (its own thread;
    // the key comes back as three strings for the clerk to confirm).
    m_mrz = std::make_unique<MrzFeed>(m_mrzFrames);
    connect(w, &ui::KioskWindow::passportKeyWanted, this, [this](bool wanted) {
        m_mrz->setActive(wanted);
        if (m_demo)
            m_demo->showPassportPage(wanted);
    });
    connect(m_mrz.get(), &MrzFeed::keyRead, w->passport(), &ui::PassportScreen::offerCameraKey);
    connect(m_mrz.get(), &MrzFeed::hint, w->passport(), &ui::PassportScreen::showCameraHint);
    connect(m_mrz.get(), &MrzFeed::unavailable, this, [](const QString& problem) {
        qWarning("MRZ reading by the camera is off: %s", qPrintable(problem));
    });
    m_mrz->start();
    connect(w, &ui::KioskWindow::passportCancelled, this, [this] {
        m_mrz->setActive(false);
        m_nfc->cancelPassport();
        if (m_demo)
            m_demo->showPassportPage(false);
        if (m_demo)
            m_demo->layPassport(false);
    });
    connect(m_nfc.get(), &NfcFeed::passportProgress, w, &ui::KioskWindow::passportProgress);
    connect(m_nfc.get(), &NfcFeed::passportFailed, w, &ui::KioskWindow::passportProblem);
    connect(m_nfc.get(), &NfcFeed::passportRead, w, [this, w, b](const PassportTap& tap, qint64 tapNs) {
        w->passportChecking();
        if (m_demo)
            m_demo->layPassport(false);
        QMetaObject::invokeMethod(b, [b, tap, tapNs] { b->verifyPassport(tap, tapNs); });
    });
    m_nfc->start();
}

QString Kiosk::toolDir() const {
    return m_options.toolDir.isEmpty() ? QCoreApplication::applicationDirPath() : m_options.toolDir;
}

// The reader helpers: beside the kiosk in a build tree, in ../libexec/liangzheng when installed
// (the package keeps programs nobody runs by hand out of /usr/bin).
QString Kiosk::helperDir() const {
    const QDir tools(toolDir());
    if (!m_options.toolDir.isEmpty() || tools.exists(QStringLiteral("lz-nfc-reader")))
        return tools.path();
    return QDir::cleanPath(tools.filePath(QStringLiteral("../libexec/liangzheng")));
}

void Kiosk::startIdCard() {
    QString port =
        m_options.idCardReader.isEmpty() && !m_demo ? m_config.idCard.port : m_options.idCardReader;
    if (port.isEmpty() || port == QLatin1String("none"))
        return;
    idcard::SamReaderOptions o;
    o.baudRate = m_config.idCard.baud;
    if (port == QLatin1String("demo")) {
        port = m_demo ? m_demo->startIdCardReader(toolDir()) : QString();
        if (port.isEmpty())
            return;
    }
    o.port = port;
    m_idCard = std::make_unique<IdCardFeed>(o);
    KioskBackend* b = m_backend.get();
    ui::KioskWindow* w = m_window.get();
    connect(m_idCard.get(), &IdCardFeed::cardRead, b,
            [b](const IdCardTap& tap, qint64 tapNs) { b->verifyIdCard(tap, tapNs); });
    connect(m_idCard.get(), &IdCardFeed::cardRefused, b,
            [b](const QString& error, const QString& samId, qint64 tapNs) {
                b->refuseIdCard(error, samId, tapNs);
            });
    connect(m_idCard.get(), &IdCardFeed::cardFailed, w,
            [w](idcard::SamError code) { w->showHint(idCardHint(code)); });
    connect(m_idCard.get(), &IdCardFeed::stateChanged, this, [this] { publishStatus(); });
    m_idCard->start();
}

void Kiosk::publishStatus() {
    ui::KioskStatus s = m_backendStatus;
    s.demo = m_demo != nullptr;
    s.devices.clear();
    if (m_camera)
        s.devices.append(m_camera->view());
    s.devices.append(m_serialView);
    if (m_nfc)
        s.devices.append(m_nfc->view());
    if (m_idCard)
        s.devices.append(m_idCard->view());
    m_window->setStatus(s);
}

void Kiosk::onSettingsSaved(const ui::KioskSettings& saved, const QString& newPin) {
    const bool cameraChanged = saved.camera != m_settings.camera ||
                               saved.cameraWidth != m_settings.cameraWidth ||
                               saved.cameraHeight != m_settings.cameraHeight;
    // The PIN hash is the kiosk's, not the settings page's (its copy is from when it opened).
    // So are the clerks and the clerk on duty (changed by sign-ins and the roster's own buttons).
    const QString pinHash = m_settings.pinHash;
    const staff::StaffRoster clerks = m_settings.clerks;
    const QString onDuty = m_settings.operatorId;
    const QStringList changed = changedSettings(m_settings, saved);
    m_settings = saved;
    m_settings.pinHash = pinHash;
    m_settings.clerks = clerks;
    m_settings.operatorId = onDuty;
    if (m_nfc) // the venue may have changed: the portrait is read only where the face check is offered
        m_nfc->setWantPortrait(faceOffered());
    KioskBackend* backend = m_backend.get();
    QMetaObject::invokeMethod(
        backend, [backend, settings = m_settings] { backend->applySettings(settings); },
        Qt::QueuedConnection);
    if (!newPin.isEmpty()) {
        saveSettings(changed, true);
        // The KDF takes tens of milliseconds: the backend thread does it; saved when it answers.
        QMetaObject::invokeMethod(
            backend, [backend, newPin] { backend->hashPin(newPin); }, Qt::QueuedConnection);
    } else {
        saveSettings(changed);
    }
    if (cameraChanged)
        restartCamera();
}

void Kiosk::onPinHashed(const QString& hash, const QString& error) {
    if (!error.isEmpty()) {
        m_window->showStaffMessage(error, true); // the other settings are saved; the PIN stays as it was
        return;
    }
    m_settings.pinHash = hash;
    m_window->applySettings(m_settings);
    saveSettings({QStringLiteral("kiosk/pin_hash")});
}

void Kiosk::saveSettings(const QStringList& keys, bool quiet) {
    if (auto ok = saveKioskSettings(m_config, m_settings, keys); !ok)
        m_window->showStaffMessage(ok.error(), true);
    else if (!quiet)
        m_window->showStaffMessage(tr("Settings saved."), false);
}

void Kiosk::onClerkPinHashed(const QString& id, const QString& name, const QString& hash,
                             const QString& error) {
    if (!error.isEmpty()) {
        m_window->showStaffMessage(error, true);
        return;
    }
    auto changed = changeClerks(m_config, [&](staff::StaffRoster& r) { return r.put({id, name, hash}); });
    if (!changed) {
        m_window->showStaffMessage(changed.error(), true);
        return;
    }
    m_settings.clerks = *changed;
    m_window->setClerks(m_settings.clerks);
    m_window->showStaffMessage(tr("Settings saved."), false);
}

void Kiosk::runSelfTest() {
    // The camera: its state and the frame rate measured over the last second; the scanners:
    // present or not. What cannot be tested here is said so.
    QStringList lines;
    const ui::DeviceView cam = m_camera ? m_camera->view() : ui::DeviceView{};
    lines << (cam.state == ui::DeviceView::State::Present
                  ? tr("Camera: OK, %1 frames/s (%2)").arg(cam.fps, 0, 'f', 1).arg(cam.detail)
                  : tr("Camera: FAILED (%1)").arg(cam.detail));
    if (m_serial)
        lines << (m_serial->isOpen() ? tr("Serial scanner: OK (%1)").arg(m_serialView.detail)
                                     : tr("Serial scanner: FAILED (%1)").arg(m_serial->lastError()));
    else
        lines << tr("Serial scanner: not configured");
    lines << tr("Keyboard scanner: listening (scan any code to test)");
    if (m_nfc) {
        const ui::DeviceView v = m_nfc->view();
        lines << (v.state == ui::DeviceView::State::Present ? tr("NFC reader: OK (%1)").arg(v.detail)
                                                            : tr("NFC reader: FAILED (%1)").arg(v.detail));
    } else {
        lines << tr("NFC reader: not configured");
    }
    if (m_idCard) {
        const ui::DeviceView v = m_idCard->view();
        lines << (v.state == ui::DeviceView::State::Present
                      ? tr("ID card reader: OK (%1)").arg(v.detail)
                      : tr("ID card reader: FAILED (%1)").arg(v.detail));
        if (m_config.idCard.wltLibrary.isEmpty())
            lines << tr(
                "ID card photos: the card reader vendor's decoder library is needed (not configured)");
    } else {
        lines << tr("ID card reader: not configured");
    }
    lines << (m_backendStatus.logReady ? tr("Registration log: OK")
                                       : tr("Registration log: FAILED (%1)").arg(m_backendStatus.logError));
    m_window->showSelfTest(lines.join(QLatin1Char('\n')));
}

} // namespace lz
