#include "kiosk/EnrolmentDesk.h"

#include "common/EnrolmentSteps.h"
#include "common/SettingsLayers.h"
#include "common/TerminalConfig.h"
#include "qr/QrRender.h"
#include "staff/StaffRoster.h"
#include "ui/EnrolmentScreen.h"
#include "ui/NotEnrolledScreen.h"
#include "ui/PinPad.h"
#include "util/Logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QStackedWidget>

namespace lz {

namespace {
QList<ui::EnrolStepView> stepsOf(const EnrolmentStatus& st) {
    QList<ui::EnrolStepView> views;
    for (const EnrolStepState& s : st.steps)
        views.append({enrolStepName(s.step), s.done, s.required});
    return views;
}

EnrolmentStatus statusOf(const QString& configPath) {
    return enrolmentStatus(configPath, QDateTime::currentSecsSinceEpoch());
}

// The request as a QR code the supplier's phone can scan: the PEM text itself (about 500 bytes,
// a version 15-20 symbol at level M), large enough modules for a phone at arm's length.
QImage requestQr(const QByteArray& csrPem) {
    const QrSymbol symbol = renderQr(QString::fromLatin1(csrPem), 4, 4);
    if (symbol.image.empty())
        return {};
    const QImage gray(symbol.image.data, symbol.image.cols, symbol.image.rows, int(symbol.image.step),
                      QImage::Format_Grayscale8);
    return gray.copy(); // the Mat's buffer goes away with the symbol
}
} // namespace

EnrolmentDesk::EnrolmentDesk(const QString& configPath, QObject* parent)
    : QObject(parent)
    , m_config(configPath)
    , m_guard(QDir(TerminalConfig::stateDirFor(configPath)).filePath(QStringLiteral("staff-pin.state")))
    , m_frame(new QStackedWidget)
    , m_notice(new ui::NotEnrolledScreen(m_frame))
    , m_pinPad(new ui::PinPad(m_frame))
    , m_screen(new ui::EnrolmentScreen(m_frame)) {
    m_frame->setObjectName(QStringLiteral("enrolmentDesk"));
    for (QWidget* w :
         {static_cast<QWidget*>(m_notice), static_cast<QWidget*>(m_pinPad), static_cast<QWidget*>(m_screen)})
        m_frame->addWidget(w);
    connect(m_notice, &ui::NotEnrolledScreen::enrolRequested, this, &EnrolmentDesk::startEnrolment);
    connect(m_pinPad, &ui::PinPad::submitted, this, &EnrolmentDesk::signIn);
    connect(m_pinPad, &ui::PinPad::cancelled, this, [this] { m_frame->setCurrentWidget(m_notice); });
    connect(m_screen, &ui::EnrolmentScreen::leaveRequested, this, [this] {
        m_frame->setCurrentWidget(m_notice);
        m_notice->setSteps(stepsOf(statusOf(m_config)));
    });

    // Each step: run it, say what came back, read the enrolment again, go on to the next step.
    const auto paths = [this] { return enrol::Paths::of(m_config); };
    const auto after = [this](const enrol::Result<void>& done, const QString& what) {
        if (!done) {
            sayFailure(done.error());
            return;
        }
        m_screen->setMessage(what);
        refresh();
    };
    connect(m_screen, &ui::EnrolmentScreen::pinChosen, this, [=, this](const QString& pin) {
        after(enrol::setPin(paths(), pin), tr("The staff PIN is saved."));
        m_screen->pinField()->clear();
        m_screen->pinRepeatField()->clear();
    });
    connect(m_screen, &ui::EnrolmentScreen::venueChosen, this,
            [=, this](const QString& type, const QString& id, const QString& name) {
                after(enrol::setVenue(paths(), type, id, name), tr("The venue is saved."));
            });
    connect(m_screen, &ui::EnrolmentScreen::terminalChosen, this, [=, this](const QString& id) {
        after(enrol::setTerminalId(paths(), id), tr("The terminal ID is saved."));
    });
    connect(m_screen, &ui::EnrolmentScreen::trustImportRequested, this, [this](const QString& dir) {
        auto imported = enrol::importTrust(enrol::Paths::of(m_config), dir);
        if (!imported) {
            sayFailure(imported.error());
            return;
        }
        qCInfo(lcKiosk, "enrolment: trust list %llu installed",
               static_cast<unsigned long long>(imported->sequence));
        m_screen->showTrustImported(imported->sequence, imported->anchorFingerprint);
        m_screen->setMessage(tr("The trust list is installed."));
        refresh();
    });
    connect(m_screen, &ui::EnrolmentScreen::trustFromGatewayRequested, this, [=, this] {
        after(enrol::trustFromGateway(paths()),
              tr("The self-test will fetch the trust list from the gateway."));
    });
    connect(
        m_screen, &ui::EnrolmentScreen::gatewayRequested, this,
        [this](const QString& url, const QString& dir) {
            const QString caPath = QDir(dir).filePath(QStringLiteral("gateway-ca.pem"));
            QFile ca(caPath);
            if (dir.isEmpty() || !QFileInfo(dir).isDir()) {
                sayFailure({enrol::EnrolError::StickMissing, QStringLiteral("stick_missing: %1").arg(dir)});
                return;
            }
            if (ca.size() > (1 << 20) || !ca.open(QIODevice::ReadOnly)) {
                sayFailure({enrol::EnrolError::GatewayCaInvalid,
                            QStringLiteral("gateway_ca_invalid: %1: %2").arg(caPath, ca.errorString())});
                return;
            }
            auto request = enrol::setGateway(enrol::Paths::of(m_config), url, ca.readAll(), dir);
            if (!request) {
                sayFailure(request.error());
                return;
            }
            qCInfo(lcKiosk, "enrolment: key made, request written to the stick");
            m_screen->showRequest(request->csrPath, requestQr(request->csrPem));
            m_screen->setMessage(tr("The key is made and the request written."));
            refresh();
        });
    connect(m_screen, &ui::EnrolmentScreen::certificateListRequested, this, [this](const QString& dir) {
        m_screen->setCertificateCandidates(enrol::certificateCandidates(dir));
    });
    connect(m_screen, &ui::EnrolmentScreen::certificateRequested, this,
            [this](const QString& dir, const QString& file) {
                QFile f(QDir(dir).filePath(file));
                if (file.isEmpty() || f.size() > (1 << 20) || !f.open(QIODevice::ReadOnly)) {
                    sayFailure(
                        {enrol::EnrolError::CertificateRejected,
                         QStringLiteral("enrol_certificate: no certificate file chosen on %1").arg(dir)});
                    return;
                }
                auto info = enrol::importCertificate(enrol::Paths::of(m_config), f.readAll());
                if (!info) {
                    sayFailure(info.error());
                    return;
                }
                m_screen->showCertificate(
                    info->commonName,
                    QDateTime::fromSecsSinceEpoch(info->notAfterS).toString(QStringLiteral("yyyy-MM-dd")),
                    QString::fromLatin1(info->sha256.toHex(':').left(47)) + QStringLiteral("…"));
                m_screen->setMessage(tr("The certificate is imported."));
                refresh();
            });
    connect(m_screen, &ui::EnrolmentScreen::selfTestRequested, this, &EnrolmentDesk::runSelfTest);
    connect(m_screen, &ui::EnrolmentScreen::mediaRefreshRequested, this, [this] {
        m_screen->setMedia(enrol::removableMedia());
        m_screen->setCertificateCandidates(enrol::certificateCandidates(m_screen->stick()));
    });
}

EnrolmentDesk::~EnrolmentDesk() {
    m_screen->disconnect(this); // nothing reaches the desk while its window goes
    m_notice->disconnect(this);
    m_pinPad->disconnect(this);
    delete m_frame;
}

void EnrolmentDesk::sayFailure(const enrol::Failure& f) {
    QString words;
    switch (f.code) {
    case enrol::EnrolError::PinUnacceptable:
        words = tr("The PIN must be 4 to 12 digits.");
        break;
    case enrol::EnrolError::VenueInvalid:
        words = tr("Choose the venue type and type the venue code from the police's registration letter.");
        break;
    case enrol::EnrolError::TerminalIdInvalid:
        words = tr("The terminal ID is 1 to 64 letters, digits, dots, dashes or underscores.");
        break;
    case enrol::EnrolError::StickMissing:
        words = tr("No USB stick there. Insert the supplier's stick, wait a moment and press Refresh.");
        break;
    case enrol::EnrolError::TrustFilesMissing:
    case enrol::EnrolError::TrustRejected:
    case enrol::EnrolError::TrustNoAnchor:
        words = tr("The trust list on the stick could not be installed.");
        break;
    case enrol::EnrolError::GatewayUrlInvalid:
        words = tr("The gateway address must start with https://");
        break;
    case enrol::EnrolError::GatewayCaInvalid:
        words = tr("gateway-ca.pem on the stick is not a certificate.");
        break;
    case enrol::EnrolError::KeyFailed:
        words = tr("The key and request could not be made.");
        break;
    case enrol::EnrolError::CertificateRejected:
        words = tr("This certificate cannot be used for this terminal.");
        break;
    case enrol::EnrolError::DiskFull:
        words = tr("The disk is full: nothing was changed.");
        break;
    case enrol::EnrolError::Io:
    case enrol::EnrolError::StepOrder:
        words = tr("The step failed.");
        break;
    }
    // The named error after the words: the supplier's hotline asks for it.
    m_screen->setMessage(words + QStringLiteral("  (") + f.text.left(200) + QLatin1Char(')'), true);
}

void EnrolmentDesk::show(const EnrolmentStatus& status) {
    const QList<ui::EnrolStepView> steps = stepsOf(status);
    if (steps == m_shown) // the poll every 2 s: nothing redrawn under staff's fingers when unchanged
        return;
    m_shown = steps;
    m_notice->setSteps(steps);
    if (m_frame->currentWidget() == m_screen)
        m_screen->setSteps(steps);
}

void EnrolmentDesk::startEnrolment() {
    const SettingsLayers s(m_config, TerminalConfig::settingsPathFor(m_config));
    const bool pinSet = !s.value(QStringLiteral("kiosk/pin_hash")).toString().isEmpty();
    if (!pinSet && !statusOf(m_config).inUse) {
        // A terminal fresh from the package: whoever starts enrolment chooses the PIN first.
        openScreens();
        return;
    }
    m_pinPad->reset();
    m_frame->setCurrentWidget(m_pinPad);
    m_pinPad->field()->setFocus();
    // A terminal in use whose PIN is gone (a broken configuration shows the notice too) is no
    // way in for whoever walks up: the PIN is set at the console (liangzheng-cli staff set-pin).
    if (!pinSet)
        showPinNotSet();
}

void EnrolmentDesk::showPinNotSet() {
    staff::PinAttempt notSet;
    notSet.outcome = staff::PinOutcome::NotSet;
    m_pinPad->showAttempt(notSet);
}

void EnrolmentDesk::signIn(const QString& staffId, const QString& pin) {
    const SettingsLayers s(m_config, TerminalConfig::settingsPathFor(m_config));
    // Enrolment is the administrator's: a clerk's number is refused like a wrong PIN (and counts).
    const bool administrator = staffId.trimmed().isEmpty() || staffId.trimmed() == staff::kAdministratorId;
    if (!administrator && m_nobodysHash.isEmpty()) {
        // A random 12-digit PIN, hashed like a real one: a clerk's number costs a try like a
        // wrong PIN (and the same time), and can never match.
        QString digits;
        for (int i = 0; i < 12; ++i)
            digits += QChar(u'0' + QRandomGenerator::system()->bounded(10));
        const auto hash = staff::hashPin(digits);
        m_nobodysHash = hash ? *hash : QString();
    }
    const QString stored =
        administrator ? s.value(QStringLiteral("kiosk/pin_hash")).toString() : m_nobodysHash;
    if (stored.isEmpty()) {
        showPinNotSet();
        return;
    }
    staff::PinAttempt attempt = m_guard.attempt(pin, stored, QDateTime::currentSecsSinceEpoch());
    if (!administrator && attempt.outcome == staff::PinOutcome::Accepted)
        attempt.outcome = staff::PinOutcome::Wrong;
    m_pinPad->showAttempt(attempt);
    if (attempt.outcome != staff::PinOutcome::Accepted) {
        qCInfo(lcKiosk, "enrolment: sign-in refused");
        return;
    }
    openScreens();
}

void EnrolmentDesk::openScreens() {
    const SettingsLayers s(m_config, TerminalConfig::settingsPathFor(m_config));
    ui::EnrolmentScreen::Prefill prefill;
    prefill.pinSet = !s.value(QStringLiteral("kiosk/pin_hash")).toString().isEmpty();
    prefill.venueType = s.value(QStringLiteral("venue/type")).toString();
    prefill.venueId = s.value(QStringLiteral("venue/id")).toString();
    prefill.venueName = s.value(QStringLiteral("venue/name")).toString();
    prefill.terminalId = s.value(QStringLiteral("venue/terminal_id")).toString();
    prefill.gatewayUrl = s.value(QStringLiteral("sync/url")).toString();
    QStringList anchors = s.value(QStringLiteral("trust/anchors")).toStringList();
    anchors.removeAll(QString());
    prefill.anchorConfigured = !anchors.isEmpty();
    prefill.trustFromGateway = s.value(QLatin1String(kEnrolTrustFromGatewayKey)).toBool();
    const EnrolmentStatus st = statusOf(m_config);
    m_screen->open(stepsOf(st), prefill, enrol::removableMedia());
    // A request made before and still waiting for its certificate: its QR code again.
    const enrol::Paths p = enrol::Paths::of(m_config);
    QFile request(p.state.filePath(QStringLiteral("client.csr.pem")));
    const bool certificateDone = st.steps.size() > 5 && st.steps.at(5).done;
    if (!certificateDone && !enrol::pendingKeys(p).isEmpty() && request.size() < (1 << 16) &&
        request.open(QIODevice::ReadOnly))
        m_screen->showRequest(QString(), requestQr(request.readAll()));
    m_frame->setCurrentWidget(m_screen);
    qCInfo(lcKiosk, "enrolment: staff mode opened");
}

void EnrolmentDesk::refresh(bool advance) {
    const EnrolmentStatus st = statusOf(m_config);
    m_screen->setSteps(stepsOf(st));
    m_notice->setSteps(stepsOf(st));
    if (!advance)
        return;
    // On to the next step not done after this one (an optional one too: a lab without a gateway
    // may still make its key), else back to the first required one left.
    const QString current = m_screen->currentStep();
    bool after = false;
    for (const EnrolStepState& s : st.steps) {
        if (after && !s.done) {
            m_screen->showStep(enrolStepName(s.step));
            return;
        }
        after = after || enrolStepName(s.step) == current;
    }
    if (const auto next = st.next())
        m_screen->showStep(enrolStepName(*next));
}

void EnrolmentDesk::runSelfTest() {
    if (m_selfTestRunning) // its sync round runs in a local loop: one at a time
        return;
    m_selfTestRunning = true;
    m_screen->setBusy(true);
    m_screen->setMessage(tr("Self-test running…"));
    QList<ui::SelfTestLine> lines;
    // The sync round runs in a local event loop: the screen keeps drawing and the watchdog pinging.
    const enrol::SelfTestReport report =
        enrol::selfTest(enrol::Paths::of(m_config), [&](const enrol::SelfTestCheck& c) {
            lines.append({c.name, c.ok, c.required, c.detail});
            m_screen->setSelfTest(lines, false, false);
        });
    m_selfTestRunning = false;
    m_screen->setBusy(false);
    m_screen->setSelfTest(lines, true, report.passed);
    m_screen->setMessage(report.passed ? tr("Self-test passed.") : tr("Self-test not passed."),
                         !report.passed);
    qCInfo(lcKiosk, "enrolment: self-test %s", report.passed ? "passed" : "not passed");
    refresh(false); // the checks stay in view
    if (report.passed)
        emit selfTestPassed();
}

} // namespace lz
