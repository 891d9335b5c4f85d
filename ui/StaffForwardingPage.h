#pragma once
// Staff mode: forwarding to the police gateway — the queue, the last success and error, the
// next try, the clock's offset, "sync now", and today's records the gateway set aside.
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

signals:
    void syncNowRequested();

private:
    void render() override;
    QList<Registration> m_records;
    QLabel* m_text;
    QPushButton* m_syncNow;
    QListWidget* m_setAside;
};

} // namespace lz::ui
