#pragma once
// Staff mode: forwarding to the police gateway — the queue, the last success and error, the
// next try, the clock's offset, "sync now", today's records the gateway set aside, and a backup
// of the terminal to a USB stick (the administrator's).
#include "ui/StaffPage.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace lz::ui {

class StaffForwardingPage : public StaffStatusPage {
    Q_OBJECT
public:
    explicit StaffForwardingPage(QWidget* parent = nullptr);
    void setRecords(const QList<Registration>& records); // the set-aside ones are listed
    // The administrator's session may back the terminal up to a USB stick (a clerk's may not).
    void setBackupAllowed(bool allowed);

signals:
    void syncNowRequested();
    void backupRequested();

private:
    void render() override;
    QList<Registration> m_records;
    QLabel* m_text;
    QPushButton* m_syncNow;
    QPushButton* m_backup;
    QListWidget* m_setAside;
};

} // namespace lz::ui
