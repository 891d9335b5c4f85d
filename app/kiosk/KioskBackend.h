#pragma once
// Everything slow behind the kiosk, on one worker thread of its own: the terminal (trust store,
// verifier, replay journal, registration log), the sync client, the staff PIN check. The UI
// thread talks to it only through queued signals and slots, so a slow disk, a hanging gateway
// or a signature check never freezes the screen. All its objects are created on that thread
// (the SQLite connection belongs to the thread that opened it).
#include "common/Terminal.h"
#include "idcard/WltDecoder.h"
#include "kiosk/IdCardFeed.h"
#include "kiosk/NfcFeed.h"
#include "staff/StaffPin.h"
#include "ui/KioskSettings.h"
#include "ui/KioskTypes.h"

#include <QObject>
#include <QThread>
#include <QTimer>
#include <map>
#include <memory>

namespace lz {

class KioskBackend : public QObject {
    Q_OBJECT
public:
    // Starts its thread; open() then runs there. pinStateFile keeps the lockout across restarts.
    KioskBackend(TerminalConfig config, QString pinStateFile);
    ~KioskBackend() override; // stops the thread after the objects on it are gone

    // Start-up problems (technical, for the operator and the log file), after opened().
    QStringList warnings() const;

public slots:
    void open();
    void verify(const QString& text, qint64 capturedNs, const QString& method);
    // A phone's answer to the NFC challenge (NfcFeed): it must carry that nonce and audience.
    // `portrait`: the holder's portrait read after the answer (face check venues), used only if
    // it hashes to the credential's signed claim; `portraitFailed`: the phone has one, not read.
    void verifyTap(const QByteArray& presentation, const QByteArray& nonce, const QString& audience,
                   qint64 capturedNs, const QByteArray& portrait = {}, bool portraitFailed = false);
    // A travel document's chip (NfcFeed passport mode): passive authentication, the face decoded.
    void verifyPassport(const lz::PassportTap& tap, qint64 capturedNs);
    // A card read by the ID-card reader's SAM: the text judged by the verifier, the photo decoded
    // by the vendor's decoder when one is configured (and only for a valid card).
    void verifyIdCard(const lz::IdCardTap& tap, qint64 capturedNs);
    // A card the SAM refused: a refusal (card_not_authentic), decided and logged like any other.
    void refuseIdCard(const QString& samError, const QString& samId, qint64 capturedNs);
    // Registers the desk's decision `decisionId` (never a verdict the screen hands back).
    // `request` is echoed in the answer, so the screen applies it to the guest it was for.
    // faceReason: the clerk's reason to register where the face check did not find the live holder.
    void registerGuest(quint64 decisionId, const QJsonObject& details, const QString& operatorId,
                       const QString& overrideReason, const QString& faceReason, quint64 request);
    // The face check (FaceFeed): whether its models loaded, and what came of one guest's check.
    void setFaceAvailable(bool available);
    void recordFaceCheck(quint64 decisionId, const lz::face::FaceOutcome& outcome);
    void checkOut(const QByteArray& stayRecordId, const QString& operatorId);
    void voidRecord(const QByteArray& recordId, const QString& reason, const QString& operatorId);
    void correctRecord(const QByteArray& recordId, const QJsonObject& details, const QString& reason,
                       const QString& operatorId);
    void cancelParty();
    void listToday(const QString& query);
    void unmask(const QByteArray& id, const QString& reason, const QString& operatorId);
    void exportCsv(const QString& path);
    void syncNow();
    // Staff mode (the administrator): a backup of the terminal into `dir` (a USB stick), the keys
    // sealed to [backup] escrow_cert (common/TerminalBackup). Says how it went by staffMessage.
    void backupTo(const QString& dir);
    // known: the staff number exists; an unknown one is checked against a throwaway hash (the same
    // time, the same lockout count) and is a wrong PIN — the screen never says which was wrong.
    // Each staff number has its own count of wrong PINs and lockout (a clerk's own sign-in does
    // not reset the count of guesses at the administrator's PIN).
    void checkPin(const QString& pin, const QString& storedHash, bool known = true,
                  const QString& staffId = QStringLiteral("admin"));
    void hashClerkPin(const QString& id, const QString& name, const QString& pin);
    // 补录: the desk decides on the typed identity and registers it as the staff member's.
    void manualRegister(const lz::Identity& typed, const QJsonObject& details, const QString& reason,
                        const QString& staffId);
    void hashPin(const QString& pin);
    void applySettings(const lz::ui::KioskSettings& settings);
    void publishStatus();

signals:
    void opened(bool ok, const QString& error);
    void verified(const lz::ui::Verdict& verdict, qint64 capturedNs);
    void registered(quint64 request, const lz::Registration& r);
    void registrationFailed(quint64 request, const lz::desk::DeskFailure& failure);
    void records(const QList<lz::Registration>& list);
    void unmasked(const lz::Registration& r);
    void staffMessage(const QString& text, bool error);
    void status(const lz::ui::KioskStatus& status);
    void pinChecked(const lz::staff::PinAttempt& attempt);
    void pinHashed(const QString& hash, const QString& error);
    void manuallyRegistered(const lz::Registration& r);
    void clerkPinHashed(const QString& id, const QString& name, const QString& hash, const QString& error);

private:
    QString amendFailure(const desk::DeskFailure& f) const; // for the staff screen
    void shutdown();
    void decide(ui::Verdict v, qint64 capturedNs);
    // Whether this venue offers the face check ([face] offer, the venue's profile).
    bool venueOffersFace() const;

    TerminalConfig m_config;
    QString m_pinStateFile;
    QString m_unknownStaffHash; // made once: what an unknown staff number's PIN is checked against
    QThread m_thread;
    SystemClock m_clock;
    std::unique_ptr<Terminal> m_terminal;
    std::unique_ptr<SyncClient> m_sync;
    std::unique_ptr<staff::PinGuard> m_pins;                         // the administrator's
    std::map<QString, std::unique_ptr<staff::PinGuard>> m_clerkPins; // each clerk's, and unknown numbers
    staff::PinGuard& guardFor(const QString& staffId, bool known);
    QTimer* m_statusTimer = nullptr;
    std::unique_ptr<idcard::WltDecoder> m_wlt;
    QString m_openError;
    bool m_faceAvailable = false;
    QStringList m_warnings;
};

} // namespace lz

Q_DECLARE_METATYPE(lz::staff::PinAttempt)
Q_DECLARE_METATYPE(lz::face::FaceOutcome)
