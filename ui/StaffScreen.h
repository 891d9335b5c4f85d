#pragma once
// Staff mode, behind the PIN: a tab per page — today's records (StaffRecordsPage), forwarding
// (StaffForwardingPage), the trust list (StaffTrustPage), devices (StaffDevicesPage), settings
// (StaffSettingsPage) — a line for messages, and the way back. Closes itself when left alone.
#include "ui/KioskSettings.h"
#include "ui/KioskTypes.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;
class QTableWidget;

namespace lz::ui {
class PreviewView;
class StaffDevicesPage;
class StaffManualPage;
class StaffForwardingPage;
class StaffRecordsPage;
class StaffSettingsPage;
class StaffTrustPage;

class StaffScreen : public QWidget {
    Q_OBJECT
public:
    explicit StaffScreen(QWidget* parent = nullptr);
    // Fresh: masked list, no unmasked record left over. staffId: who signed in; the administrator's
    // session may change settings, manage the clerks and leave the kiosk, a clerk's may not.
    void open(const KioskSettings& settings, const QString& staffId = QStringLiteral("admin"),
              const QDateTime& now = QDateTime::currentDateTime());
    // After a manual registration the page starts afresh for the next person, at `now`.
    void manualRegistrationDone(const KioskSettings& settings, const QDateTime& now);
    void setClerks(const staff::StaffRoster& clerks);
    void close(); // forget everything shown
    void setRecords(const QList<Registration>& records);
    void showUnmasked(const Registration& r);
    void setMessage(const QString& text, bool error = false);
    void setStatus(const KioskStatus& s);
    void setSelfTest(const QString& report);
    QTabWidget* tabs() const { return m_tabs; }
    QTableWidget* table() const;
    // The devices page shows the camera's live picture while it is open (the self-test's eye).
    PreviewView* devicePreview() const;
    bool showingDevices() const;

signals:
    void recordsRequested(const QString& query);
    void unmaskRequested(const QByteArray& id, const QString& reason);
    void checkoutRequested(const QByteArray& stayRecordId); // the guest of that registration left
    void voidRequested(const QByteArray& recordId, const QString& reason);
    void correctionRequested(const QByteArray& recordId, const QJsonObject& details, const QString& reason);
    void exportRequested(const QString& path);
    void syncNowRequested();
    void backupRequested();
    void selfTestRequested();
    void settingsSaved(const lz::ui::KioskSettings& settings, const QString& newPin);
    void clerkPutRequested(const QString& id, const QString& name, const QString& pin);
    void clerkRemoveRequested(const QString& id);
    void manualRegistrationRequested(const lz::Identity& typed, const QJsonObject& details,
                                     const QString& reason);
    void leaveKioskRequested();
    void closed();

protected:
    void changeEvent(QEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();

    bool m_open = false; // lists that arrive after staff mode closed are dropped
    QTimer m_idleTimer;
    QTabWidget* m_tabs;
    StaffRecordsPage* m_records;
    StaffForwardingPage* m_forwarding;
    StaffTrustPage* m_trust;
    StaffDevicesPage* m_devices;
    QWidget* m_devicesTab; // the devices page in its scroll area (the tab's widget)
    StaffSettingsPage* m_settings;
    QWidget* m_settingsTab;
    StaffManualPage* m_manual;
    QLabel* m_message;
    QPushButton* m_back;
    QPushButton* m_leave;
};

} // namespace lz::ui
