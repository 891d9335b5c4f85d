#pragma once
// The kiosk's window: the status strip on top and one screen at a time below (Ready, Result,
// staff PIN, Staff). It shows what the application tells it and asks for work through its
// signals; the flow between screens (a verdict → Result → Register → back to Ready; a hotel
// party's further guests) lives here because it is about what the people at the desk see.
#include "staff/StaffPin.h"
#include "ui/KioskSettings.h"
#include "ui/KioskTypes.h"
#include "ui/RegistrationForm.h"

#include <QWidget>
#include <optional>

class QStackedWidget;
class QTimer;

namespace lz::ui {

class PassportScreen;
class PinPad;
class ReadyScreen;
class ResultScreen;
class Sounds;
class SpokenPrompts;
class StaffScreen;
class StatusStrip;

class KioskWindow : public QWidget {
    Q_OBJECT
public:
    // clock: the check-in and session times the registration form starts from.
    KioskWindow(KioskSettings settings, const Clock& clock, QWidget* parent = nullptr);
    ~KioskWindow() override;

    const KioskSettings& settings() const { return m_settings; }
    void applySettings(const KioskSettings& s); // language, theme, sounds, auto-return, venue

    // For tests and the screenshot script.
    ReadyScreen* ready() const { return m_ready; }
    ResultScreen* result() const { return m_result; }
    PinPad* pinPad() const { return m_pin; }
    PassportScreen* passport() const { return m_passport; }
    StaffScreen* staff() const { return m_staff; }
    StatusStrip* statusStrip() const { return m_strip; }
    Sounds* sounds() const { return m_sounds; }
    SpokenPrompts* voice() const { return m_voice; }
    QWidget* currentScreen() const;

public slots:
    void showPreview(const QImage& frame, const QRect& codeRegion);
    void showCameraUnavailable(const QString& why);
    void showHint(lz::ui::GuestHint hint);
    void showVerdict(const lz::ui::Verdict& verdict);
    void setStatus(const lz::ui::KioskStatus& status);
    void registrationDone(quint64 request, const lz::Registration& r);
    void registrationFailed(quint64 request, const lz::desk::DeskFailure& failure);
    void pinChecked(const lz::staff::PinAttempt& attempt);
    void showStaffRecords(const QList<lz::Registration>& records);
    void showUnmasked(const lz::Registration& r);
    void showStaffMessage(const QString& text, bool error);
    void manualRegistrationDone(const lz::Registration& r);
    void showSelfTest(const QString& report);
    void openStaff();                                     // to the PIN page
    void setClerks(const lz::staff::StaffRoster& clerks); // the roster after the administrator changed it
    QString staffSession() const { return m_session; }    // who is signed in to staff mode ("": nobody)
    bool elderMode() const { return m_elder; }
    void openPassport(); // the clerk's passport / travel permit read
    // From the NFC reader in passport mode.
    void passportProgress(quint16 fid, qint64 done, qint64 total);
    void passportProblem(lz::nfc::NfcCode code);
    void passportChecking();
    void backToReady();
    // The face check (app/kiosk/FaceFeed) while it runs and when it ends.
    void showFaceProgress(const lz::ui::FaceProgressView& p);
    void showFaceResult(const lz::ui::FaceResultView& r);

signals:
    // The desk's decision, the venue's fields, the clerk on duty; overrideReason for a flagged one.
    // faceReason: the clerk's own check of the photo where the face check did not confirm the guest.
    void registerRequested(quint64 decisionId, const QJsonObject& details, const QString& operatorId,
                           const QString& overrideReason, const QString& faceReason, quint64 request);
    void faceCheckRequested(quint64 decisionId, const QImage& documentPhoto);
    void faceCheckDeclined(quint64 decisionId);
    void faceCheckCancelled();
    void partyCancelRequested();
    void checkoutRequested(const QByteArray& stayRecordId, const QString& operatorId);
    // Staff void or correct a registration: a new record, with the reason and who did it.
    void voidRequested(const QByteArray& recordId, const QString& reason, const QString& operatorId);
    void correctionRequested(const QByteArray& recordId, const QJsonObject& details, const QString& reason,
                             const QString& operatorId);
    // Sign-in: the staff number (the administrator's when none was typed) and the PIN.
    void pinEntered(const QString& staffId, const QString& pin);
    void clerkOnDuty(const QString& staffId); // a clerk signed in: their registrations from now on
    void clerkPutRequested(const QString& id, const QString& name, const QString& pin);
    void clerkRemoveRequested(const QString& id);
    // 补录 by the staff member signed in.
    void manualRegistrationRequested(const lz::Identity& typed, const QJsonObject& details,
                                     const QString& reason, const QString& staffId);
    void recordsRequested(const QString& query);
    void unmaskRequested(const QByteArray& id, const QString& reason, const QString& operatorId);
    void exportRequested(const QString& path);
    void syncNowRequested();
    void backupRequested();
    void selfTestRequested();
    void settingsSaved(const lz::ui::KioskSettings& settings, const QString& newPin);
    void leaveKioskRequested();
    void verdictShown(); // a verdict reached the screen (latency measurements)
    void passportReadRequested(const lz::icao::MrzKey& key);
    void passportCancelled();
    // The passport screen waits for a key (true): the camera may read the MRZ; or no longer.
    void passportKeyWanted(bool wanted);

protected:
    void changeEvent(QEvent* e) override;

private:
    bool deviceWorks(const QString& id) const; // in the last status: "camera", "scanner", "nfc"
    void updateParty();
    void leavePassport(); // the passport screen goes away: the reader stops waiting for a document

    KioskSettings m_settings;
    const Clock& m_clock;
    KioskStatus m_status;
    StatusStrip* m_strip;
    QStackedWidget* m_stack;
    ReadyScreen* m_ready;
    ResultScreen* m_result;
    PinPad* m_pin;
    PassportScreen* m_passport;
    StaffScreen* m_staff;
    Sounds* m_sounds;
    SpokenPrompts* m_voice;
    QTimer* m_pinIdle;             // the PIN page goes back to the guests when left alone
    QTimer* m_nfcHint;             // an NFC tap's problem stays readable over the camera's hints
    std::optional<Verdict> m_held; // came while a registration was in flight: shown after it
    bool m_cameraUp = false;
    // 长辈模式, for one guest: larger text, each step spoken, twice the time to read.
    bool m_elder = false;
    void setElderMode(bool on);
    void speakVerdict();
    // The staff numbers whose PINs are being checked, in the order asked (the backend answers in
    // that order); an entry emptied when the PIN page was left, so its late answer opens nothing.
    QList<QString> m_signingIn;
    QString m_session; // the staff member signed in to staff mode: every staff action is theirs
};

} // namespace lz::ui
