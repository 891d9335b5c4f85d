#include "ui/KioskWindow.h"

#include "ui/Language.h"
#include "ui/PassportScreen.h"
#include "ui/PinPad.h"
#include "ui/PreviewView.h"
#include "ui/ReadyScreen.h"
#include "ui/ResultScreen.h"
#include "ui/Sounds.h"
#include "ui/SpokenPrompts.h"
#include "ui/StaffScreen.h"
#include "ui/StatusStrip.h"
#include "ui/Theme.h"

#include <QApplication>
#include <QDateTime>
#include <QEvent>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace lz::ui {

KioskWindow::KioskWindow(KioskSettings settings, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_settings(std::move(settings))
    , m_clock(clock) {
    // Theme and language before the screens exist, so they are built in their final look.
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
        applyTheme(*app, {m_settings.largeText, m_settings.highContrast});
    applyLanguage(m_settings.language);
    auto* v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(0);
    m_strip = new StatusStrip(this);
    m_stack = new QStackedWidget(this);
    v->addWidget(m_strip);
    v->addWidget(m_stack, 1);
    m_ready = new ReadyScreen(m_stack);
    m_result = new ResultScreen(m_stack);
    m_pin = new PinPad(m_stack);
    m_staff = new StaffScreen(m_stack);
    m_passport = new PassportScreen(m_stack);
    for (QWidget* w :
         {static_cast<QWidget*>(m_ready), static_cast<QWidget*>(m_result), static_cast<QWidget*>(m_pin),
          static_cast<QWidget*>(m_staff), static_cast<QWidget*>(m_passport)})
        m_stack->addWidget(w);
    m_sounds = new Sounds(this);
    m_voice = new SpokenPrompts(this);

    // A guest's language is for their visit: the default (staff settings) returns after it.
    connect(m_ready, &ReadyScreen::languageChosen, this, [this](const QString& code) {
        applyLanguage(code);
        if (m_elder)
            m_voice->say(m_ready->promptText(), code);
    });
    connect(m_ready, &ReadyScreen::elderModeToggled, this, &KioskWindow::setElderMode);
    connect(m_result, &ResultScreen::languageChosen, this, [](const QString& code) { applyLanguage(code); });
    connect(m_passport, &PassportScreen::languageChosen, this,
            [](const QString& code) { applyLanguage(code); });
    m_nfcHint = new QTimer(this);
    m_nfcHint->setSingleShot(true);
    m_nfcHint->setInterval(6000);
    connect(m_nfcHint, &QTimer::timeout, this, [this] { m_ready->setHint(GuestHint::None); });
    m_pinIdle = new QTimer(this);
    m_pinIdle->setSingleShot(true);
    m_pinIdle->setInterval(60 * 1000);
    connect(m_pinIdle, &QTimer::timeout, this, [this] {
        if (m_stack->currentWidget() == m_pin)
            backToReady();
    });
    connect(m_ready, &ReadyScreen::staffRequested, this, &KioskWindow::openStaff);
    connect(m_ready, &ReadyScreen::passportRequested, this, &KioskWindow::openPassport);
    connect(m_passport, &PassportScreen::readRequested, this, &KioskWindow::passportReadRequested);
    connect(m_passport, &PassportScreen::entryShown, this, &KioskWindow::passportKeyWanted);
    connect(m_passport, &PassportScreen::cancelled, this, [this] {
        emit passportCancelled();
        if (!m_passport->reading())
            backToReady();
    });
    connect(m_ready, &ReadyScreen::partyCancelled, this, &KioskWindow::partyCancelRequested);
    connect(m_result, &ResultScreen::registerRequested, this,
            [this](quint64 decisionId, const QJsonObject& details, const QString& overrideReason,
                   const QString& faceReason, quint64 request) {
                emit registerRequested(decisionId, details, m_settings.operatorId, overrideReason, faceReason,
                                       request);
            });
    connect(m_result, &ResultScreen::faceCheckRequested, this, &KioskWindow::faceCheckRequested);
    connect(m_result, &ResultScreen::faceCheckDeclined, this, &KioskWindow::faceCheckDeclined);
    connect(m_result, &ResultScreen::faceCheckCancelled, this, &KioskWindow::faceCheckCancelled);
    // The face check's steps are spoken too (an elderly guest may not read the small print).
    connect(m_result->facePanel(), &FacePanel::promptChanged, this,
            [this](const QString& text) { m_voice->say(text, currentLanguage()); });
    connect(m_result, &ResultScreen::finished, this, &KioskWindow::backToReady);
    connect(m_pin, &PinPad::submitted, this, [this](const QString& staffId, const QString& pin) {
        m_pinIdle->start();
        const auto clerk = m_settings.clerks.find(staffId);
        // One check at a time: a second Enter while the first is checked would change whose PIN
        // the first answer is taken for.
        if (std::any_of(m_signingIn.cbegin(), m_signingIn.cend(),
                        [](const QString& w) { return !w.isEmpty(); }))
            return;
        const QString who =
            staffId.isEmpty() || staffId.compare(staff::kAdministratorId, Qt::CaseInsensitive) == 0
                ? staff::kAdministratorId
            : clerk ? clerk->id
                    : staffId;
        m_signingIn.append(who);
        emit pinEntered(who, pin);
    });
    connect(m_staff, &StaffScreen::clerkPutRequested, this, &KioskWindow::clerkPutRequested);
    connect(m_staff, &StaffScreen::clerkRemoveRequested, this, &KioskWindow::clerkRemoveRequested);
    connect(m_staff, &StaffScreen::manualRegistrationRequested, this,
            [this](const Identity& typed, const QJsonObject& details, const QString& reason) {
                emit manualRegistrationRequested(typed, details, reason, m_session);
            });
    connect(m_pin, &PinPad::cancelled, this, &KioskWindow::backToReady);
    connect(m_staff, &StaffScreen::closed, this, &KioskWindow::backToReady);
    connect(m_staff, &StaffScreen::recordsRequested, this, &KioskWindow::recordsRequested);
    connect(
        m_staff, &StaffScreen::unmaskRequested, this,
        [this](const QByteArray& id, const QString& reason) { emit unmaskRequested(id, reason, m_session); });
    connect(m_staff, &StaffScreen::checkoutRequested, this,
            [this](const QByteArray& id) { emit checkoutRequested(id, m_session); });
    connect(m_staff, &StaffScreen::voidRequested, this, [this](const QByteArray& id, const QString& reason) {
        emit voidRequested(id, reason, m_session);
    });
    connect(m_staff, &StaffScreen::correctionRequested, this,
            [this](const QByteArray& id, const QJsonObject& details, const QString& reason) {
                emit correctionRequested(id, details, reason, m_session);
            });
    connect(m_staff, &StaffScreen::exportRequested, this, &KioskWindow::exportRequested);
    connect(m_staff, &StaffScreen::syncNowRequested, this, &KioskWindow::syncNowRequested);
    connect(m_staff, &StaffScreen::backupRequested, this, &KioskWindow::backupRequested);
    connect(m_staff, &StaffScreen::selfTestRequested, this, &KioskWindow::selfTestRequested);
    connect(m_staff, &StaffScreen::leaveKioskRequested, this, &KioskWindow::leaveKioskRequested);
    connect(m_staff, &StaffScreen::settingsSaved, this, [this](const KioskSettings& s, const QString& pin) {
        applySettings(s);
        emit settingsSaved(s, pin);
    });
    applySettings(m_settings);
    backToReady();
    // Once the Ready screen is up: style and lay out the other screens and make the sounds,
    // so that the first verdict costs the UI thread no more than any later one.
    QTimer::singleShot(300, this, [this] {
        m_sounds->preload();
        for (QWidget* page : {static_cast<QWidget*>(m_result), static_cast<QWidget*>(m_pin),
                              static_cast<QWidget*>(m_staff), static_cast<QWidget*>(m_passport)}) {
            page->ensurePolished();
            for (QWidget* w : page->findChildren<QWidget*>())
                w->ensurePolished();
            page->resize(m_stack->size());
            if (page->layout())
                page->layout()->activate();
        }
    });
}

KioskWindow::~KioskWindow() = default;

QWidget* KioskWindow::currentScreen() const {
    return m_stack->currentWidget();
}

void KioskWindow::setElderMode(bool on) {
    if (on == m_elder)
        return;
    m_elder = on;
    m_ready->setElderMode(on);
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
        applyTheme(*app, {on || m_settings.largeText, m_settings.highContrast});
    // Asked for by the guest: spoken even where the venue turned the sounds off.
    m_voice->setEnabled(on || m_settings.sounds);
    m_result->setAutoReturnSeconds(on ? 2 * m_settings.autoReturnSeconds : m_settings.autoReturnSeconds);
    if (on)
        m_voice->say(m_ready->promptText() + QLatin1Char('\n') + m_ready->howText(), currentLanguage());
}

void KioskWindow::speakVerdict() {
    QString text = m_result->bannerText().mid(1).trimmed() + QStringLiteral("。") + m_result->reasonText();
    if (!m_result->stepsText().isEmpty())
        text += QStringLiteral("。") +
                QString(m_result->stepsText()).replace(QStringLiteral("→"), QStringLiteral("，"));
    m_voice->say(text, currentLanguage());
}

void KioskWindow::applySettings(const KioskSettings& s) {
    const bool themeChanged =
        s.largeText != m_settings.largeText || s.highContrast != m_settings.highContrast;
    m_settings = s;
    if (currentLanguage() != s.language)
        applyLanguage(s.language);
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()); app && themeChanged)
        applyTheme(*app, {s.largeText, s.highContrast});
    m_sounds->setEnabled(s.sounds);
    m_voice->setEnabled(s.sounds);
    m_result->setAutoReturnSeconds(s.autoReturnSeconds);
    m_strip->setVenue(s.venue);
}

bool KioskWindow::deviceWorks(const QString& id) const {
    for (const DeviceView& d : m_status.devices)
        if (d.id == id)
            return d.state == DeviceView::State::Present;
    return false;
}

void KioskWindow::showFaceProgress(const FaceProgressView& p) {
    m_result->facePanel()->showProgress(p);
    if (m_result->showing())
        m_result->keepWhileFaceCheckRuns();
}

void KioskWindow::showFaceResult(const FaceResultView& r) {
    m_result->facePanel()->showResult(r);
}

void KioskWindow::showPreview(const QImage& frame, const QRect& codeRegion) {
    if (!m_cameraUp) {
        m_cameraUp = true;
        m_ready->setInputs(true, deviceWorks(QStringLiteral("scanner")), deviceWorks(QStringLiteral("nfc")),
                           deviceWorks(QStringLiteral("idcard")));
    }
    m_ready->preview()->setFrame(frame, codeRegion);
    // "Recognised" at once; a code left in view with no verdict is said to be one just checked.
    if (!codeRegion.isEmpty() && m_stack->currentWidget() == m_ready)
        m_ready->codeInView(true);
    m_result->facePanel()->showLive(frame);
    if (m_staff->showingDevices())
        m_staff->devicePreview()->setFrame(frame, codeRegion);
}

void KioskWindow::showCameraUnavailable(const QString& why) {
    m_cameraUp = false;
    // Why (camera_absent: no such device) is for staff: the devices page shows it. The guest
    // is told what to do (issue 18: no raw error code on the guest's screen).
    Q_UNUSED(why);
    m_ready->preview()->setUnavailable(tr("Camera unavailable. Please ask staff for help."));
}

void KioskWindow::showHint(GuestHint hint) {
    // The camera says what it sees many times a second; a tap's problem is said once and must
    // stay long enough to be read.
    const bool nfc = hint >= GuestHint::NfcHoldStill;
    if (nfc)
        m_nfcHint->start();
    else if (m_nfcHint->isActive())
        return;
    m_ready->setHint(hint);
}

void KioskWindow::showVerdict(const Verdict& verdict) {
    // Staff at work are not interrupted by a guest's code; the verdict is not shown (the code
    // was checked, and a valid one is not registered without the clerk).
    if (m_stack->currentWidget() == m_pin || m_stack->currentWidget() == m_staff)
        return;
    // A passport's verdict belongs to the clerk's passport screen; while it is open, a code held
    // up to the camera does not cut in.
    const bool passport = verdict.method == QLatin1String("passport");
    if (passport != (m_stack->currentWidget() == m_passport))
        return;
    if (passport)
        m_passport->clear();
    const bool onResult = m_stack->currentWidget() == m_result && m_result->showing();
    // The guest on screen raised the same phone (or code) again: nothing new to say to them.
    if (onResult && !verdict.result.credentialId.isEmpty() &&
        m_result->verdict().result.credentialId == verdict.result.credentialId &&
        (verdict.repeatOfLast || m_result->serving()))
        return;
    // The guest being served keeps the screen until registered or dismissed, and what the clerk
    // typed stays: the next guest's verdict waits behind a chip (issue 18), as it does behind a
    // registration in flight.
    if (m_result->registering() || (onResult && m_result->serving())) {
        m_held = verdict;
        m_result->setNextWaiting(true);
        return;
    }
    m_result->show(verdict, m_settings.venue.type, QDateTime::fromMSecsSinceEpoch(m_clock.nowMs()),
                   m_settings.windowNo);
    m_stack->setCurrentWidget(m_result);
    m_ready->codeInView(false);
    m_sounds->play(verdict.result.valid && verdict.eligibility.isEmpty() ? Sounds::Cue::Valid
                                                                         : Sounds::Cue::Rejected);
    if (m_elder)
        speakVerdict();
    emit verdictShown();
}

void KioskWindow::registrationDone(quint64 request, const Registration& r) {
    if (!m_result->registrationDone(request, r))
        return; // an answer for a guest no longer on screen
    m_sounds->play(Sounds::Cue::Registered);
}

void KioskWindow::registrationFailed(quint64 request, const desk::DeskFailure& failure) {
    m_result->registrationFailed(request, failure);
}

void KioskWindow::updateParty() {
    PartyProgress p;
    if (const auto& party = m_status.party) {
        p.active = true;
        p.next = party->registered + 1;
        p.total = party->guests;
        p.room = party->room;
    }
    m_ready->setParty(p);
}

void KioskWindow::setStatus(const KioskStatus& status) {
    m_status = status;
    updateParty(); // the desk's party: its progress, or its end (complete, idle, cancelled)
    m_strip->setStatus(status);
    m_staff->setStatus(status);
    m_ready->setInputs(deviceWorks(QStringLiteral("camera")), deviceWorks(QStringLiteral("scanner")),
                       deviceWorks(QStringLiteral("nfc")), deviceWorks(QStringLiteral("idcard")));
}

void KioskWindow::openPassport() {
    m_result->clear();
    m_passport->start(m_status.demo);
    m_stack->setCurrentWidget(m_passport);
}

void KioskWindow::passportProgress(quint16 fid, qint64 done, qint64 total) {
    m_passport->showProgress(fid, done, total);
}

void KioskWindow::passportProblem(nfc::NfcCode code) {
    if (m_stack->currentWidget() == m_passport)
        m_passport->showReadProblem(code);
}

void KioskWindow::passportChecking() {
    m_passport->showChecking();
}

void KioskWindow::leavePassport() {
    if (m_stack->currentWidget() != m_passport)
        return;
    m_passport->clear();
    emit passportCancelled();
}

void KioskWindow::openStaff() {
    leavePassport();
    m_result->clear();
    for (QString& who : m_signingIn)
        who.clear(); // a check from an earlier visit to the PIN page opens nothing now
    m_pin->reset();
    m_stack->setCurrentWidget(m_pin);
    m_pin->field()->setFocus();
    m_pinIdle->start();
}

void KioskWindow::pinChecked(const staff::PinAttempt& attempt) {
    // The answer to the oldest check; one that comes after the clerk left the PIN page (its
    // entry emptied) opens nothing.
    const QString who = m_signingIn.isEmpty() ? QString() : m_signingIn.takeFirst();
    if (who.isEmpty() || m_stack->currentWidget() != m_pin)
        return;
    if (attempt.outcome != staff::PinOutcome::Accepted) {
        m_pin->showAttempt(attempt);
        return;
    }
    m_pin->reset();
    m_session = who;
    if (m_session != staff::kAdministratorId && m_settings.operatorId != m_session) {
        m_settings.operatorId = m_session; // the clerk now at the desk registers the guests
        emit clerkOnDuty(m_session);
    }
    m_staff->open(m_settings, m_session, QDateTime::fromSecsSinceEpoch(m_clock.now()));
    m_staff->setStatus(m_status);
    m_stack->setCurrentWidget(m_staff);
}

void KioskWindow::manualRegistrationDone(const Registration&) {
    m_staff->manualRegistrationDone(m_settings, QDateTime::fromSecsSinceEpoch(m_clock.now()));
}

void KioskWindow::setClerks(const staff::StaffRoster& clerks) {
    m_settings.clerks = clerks;
    m_staff->setClerks(clerks);
}

void KioskWindow::showStaffRecords(const QList<Registration>& records) {
    m_staff->setRecords(records);
}

void KioskWindow::showUnmasked(const Registration& r) {
    m_staff->showUnmasked(r);
}

void KioskWindow::showStaffMessage(const QString& text, bool error) {
    m_staff->setMessage(text, error);
}

void KioskWindow::showSelfTest(const QString& report) {
    m_staff->setSelfTest(report);
}

void KioskWindow::backToReady() {
    const bool fromGuest = m_stack->currentWidget() != m_ready;
    leavePassport();
    m_result->clear();
    m_staff->close();
    m_session.clear();
    for (QString& who : m_signingIn)
        who.clear(); // answers still to come are for nobody
    m_pin->reset();
    m_ready->setHint(GuestHint::None);
    m_stack->setCurrentWidget(m_ready);
    if (fromGuest && currentLanguage() != m_settings.language)
        applyLanguage(m_settings.language);
    if (fromGuest)
        setElderMode(false); // the next guest starts as the venue set the kiosk up
    m_ready->codeInView(false);
    if (m_held) {
        const Verdict held = *m_held;
        m_held.reset();
        showVerdict(held);
    }
}

void KioskWindow::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        setWindowTitle(tr("Liangzheng verification terminal"));
    QWidget::changeEvent(e);
}

} // namespace lz::ui
