#pragma once
// Staff mode, behind the PIN: today's registrations (searchable, masked; one record unmasked
// with a reason that is itself logged), CSV export, forwarding status with "sync now" and the
// set-aside records, the trust list, device diagnostics with a self-test, and the settings.
#include "ui/KioskSettings.h"
#include "ui/KioskTypes.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace lz::ui {
class PreviewView;
}

namespace lz::ui {

class StaffScreen : public QWidget {
    Q_OBJECT
public:
    explicit StaffScreen(QWidget* parent = nullptr);
    void open(const KioskSettings& settings); // fresh: masked list, no unmasked record left over
    void close();                             // forget everything shown
    void setRecords(const QList<Registration>& records);
    void showUnmasked(const Registration& r);
    void setMessage(const QString& text, bool error = false);
    void setStatus(const KioskStatus& s);
    void setSelfTest(const QString& report);
    QTabWidget* tabs() const { return m_tabs; }
    QTableWidget* table() const { return m_table; }
    // The devices page shows the camera's live picture while it is open (the self-test's eye).
    PreviewView* devicePreview() const { return m_devicePreview; }
    bool showingDevices() const;

signals:
    void recordsRequested(const QString& query);
    void unmaskRequested(const QByteArray& id, const QString& reason);
    void checkoutRequested(const QByteArray& stayRecordId); // the guest of that registration left
    void exportRequested(const QString& path);
    void syncNowRequested();
    void selfTestRequested();
    void settingsSaved(const lz::ui::KioskSettings& settings, const QString& newPin);
    void leaveKioskRequested();
    void closed();

protected:
    void changeEvent(QEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildRecords();
    QWidget* buildSync();
    QWidget* buildTrust();
    QWidget* buildDevices();
    QWidget* buildSettings();
    void retranslate();
    void renderRecords();
    void renderStatus();
    void saveSettings();

    KioskSettings m_settings;
    bool m_open = false; // lists that arrive after staff mode closed are dropped
    KioskStatus m_status;
    QList<Registration> m_records;
    QByteArray m_unmaskedId; // shown unmasked until the timer or a new list
    QTimer m_unmaskTimer, m_idleTimer;
    QTabWidget* m_tabs;
    QLabel* m_message;
    QPushButton* m_back;
    QPushButton* m_leave;
    // records
    QLineEdit* m_search;
    QPushButton* m_searchButton;
    QTableWidget* m_table;
    QLineEdit* m_reason;
    QPushButton* m_unmask;
    QPushButton* m_checkout;
    QLineEdit* m_exportPath;
    QPushButton* m_export;
    // sync, trust, devices
    QLabel* m_syncText;
    QPushButton* m_syncNow;
    QListWidget* m_setAside;
    QLabel* m_trustText;
    QListWidget* m_issuers;
    QLabel* m_devicesText;
    QPushButton* m_selfTest;
    QLabel* m_selfTestText;
    PreviewView* m_devicePreview;
    // settings
    QComboBox* m_venueType;
    QLineEdit* m_venueId;
    QLineEdit* m_terminalId;
    QLineEdit* m_operator;
    QLineEdit* m_windowNo;
    QLineEdit* m_camera;
    QComboBox* m_resolution;
    QCheckBox* m_sounds;
    QComboBox* m_language;
    QCheckBox* m_largeText;
    QCheckBox* m_highContrast;
    QSpinBox* m_autoReturn;
    QSpinBox* m_retention;
    QLineEdit* m_newPin;
    QPushButton* m_save;
    QList<QLabel*> m_settingLabels;
};

} // namespace lz::ui
