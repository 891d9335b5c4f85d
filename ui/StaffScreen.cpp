#include "ui/StaffScreen.h"

#include "ui/PreviewView.h"
#include "ui/StaffDevicesPage.h"
#include "ui/StaffForwardingPage.h"
#include "ui/StaffManualPage.h"
#include "ui/StaffPage.h"
#include "ui/StaffRecordsPage.h"
#include "ui/StaffSettingsPage.h"
#include "ui/StaffTrustPage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lz::ui {
namespace {
constexpr int kIdleSeconds = 120; // staff mode closes itself when nobody touches it
} // namespace

StaffScreen::StaffScreen(QWidget* parent)
    : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(16, 8, 16, 8);
    m_tabs = new QTabWidget(this);
    m_records = new StaffRecordsPage(this);
    m_forwarding = new StaffForwardingPage(this);
    m_trust = new StaffTrustPage(this);
    m_devices = new StaffDevicesPage(this);
    m_settings = new StaffSettingsPage(this);
    m_manual = new StaffManualPage(this);
    // Pages whose text grows with the status (and with large type) scroll.
    m_tabs->addTab(m_records, QString());
    m_tabs->addTab(staffpage::scrolled(m_manual, this), QString()); // 补录: beside the records
    m_tabs->addTab(staffpage::scrolled(m_forwarding, this), QString());
    m_tabs->addTab(staffpage::scrolled(m_trust, this), QString());
    m_devicesTab = staffpage::scrolled(m_devices, this);
    m_tabs->addTab(m_devicesTab, QString());
    m_settingsTab = staffpage::scrolled(m_settings, this);
    m_tabs->addTab(m_settingsTab, QString());
    outer->addWidget(m_tabs, 1);
    auto* bottom = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_leave = new QPushButton(this);
    m_leave->setObjectName(QStringLiteral("leaveKiosk"));
    m_back = new QPushButton(this);
    m_back->setObjectName(QStringLiteral("backToGuests"));
    m_back->setProperty("primary", true);
    bottom->addWidget(m_message, 1);
    bottom->addWidget(m_leave);
    bottom->addWidget(m_back);
    outer->addLayout(bottom);
    connect(m_back, &QPushButton::clicked, this, [this] {
        close();
        emit closed();
    });
    connect(m_leave, &QPushButton::clicked, this, &StaffScreen::leaveKioskRequested);
    connect(m_records, &StaffRecordsPage::recordsRequested, this, &StaffScreen::recordsRequested);
    connect(m_records, &StaffRecordsPage::unmaskRequested, this, &StaffScreen::unmaskRequested);
    connect(m_records, &StaffRecordsPage::checkoutRequested, this, &StaffScreen::checkoutRequested);
    connect(m_records, &StaffRecordsPage::voidRequested, this, &StaffScreen::voidRequested);
    connect(m_records, &StaffRecordsPage::correctionRequested, this, &StaffScreen::correctionRequested);
    connect(m_records, &StaffRecordsPage::exportRequested, this, &StaffScreen::exportRequested);
    connect(m_records, &StaffRecordsPage::message, this, &StaffScreen::setMessage);
    connect(m_forwarding, &StaffForwardingPage::syncNowRequested, this, &StaffScreen::syncNowRequested);
    connect(m_forwarding, &StaffForwardingPage::backupRequested, this, &StaffScreen::backupRequested);
    connect(m_devices, &StaffDevicesPage::selfTestRequested, this, &StaffScreen::selfTestRequested);
    connect(m_settings, &StaffSettingsPage::settingsSaved, this, &StaffScreen::settingsSaved);
    connect(m_settings, &StaffSettingsPage::message, this, &StaffScreen::setMessage);
    connect(m_settings, &StaffSettingsPage::clerkPutRequested, this, &StaffScreen::clerkPutRequested);
    connect(m_manual, &StaffManualPage::manualRegistrationRequested, this,
            &StaffScreen::manualRegistrationRequested);
    connect(m_manual, &StaffManualPage::message, this, &StaffScreen::setMessage);
    connect(m_settings, &StaffSettingsPage::clerkRemoveRequested, this, &StaffScreen::clerkRemoveRequested);
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(kIdleSeconds * 1000);
    connect(&m_idleTimer, &QTimer::timeout, this, [this] {
        close();
        emit closed();
    });
    for (QWidget* w : findChildren<QWidget*>())
        w->installEventFilter(this);
    retranslate();
}

QTableWidget* StaffScreen::table() const {
    return m_records->table();
}

PreviewView* StaffScreen::devicePreview() const {
    return m_devices->preview();
}

void StaffScreen::open(const KioskSettings& settings, const QString& staffId, const QDateTime& now) {
    m_open = true;
    const bool administrator = staffId == staff::kAdministratorId;
    m_message->setText(tr("Signed in: %1").arg(administrator ? tr("administrator") : staffId));
    m_tabs->setCurrentIndex(0);
    m_tabs->setTabEnabled(m_tabs->indexOf(m_settingsTab), administrator);
    m_manual->open(settings.venue.type, now, settings.windowNo);
    m_leave->setVisible(administrator);
    m_forwarding->setBackupAllowed(administrator);
    m_settings->open(settings, administrator);
    m_idleTimer.start();
    m_records->open();
}

void StaffScreen::manualRegistrationDone(const KioskSettings& settings, const QDateTime& now) {
    m_manual->open(settings.venue.type, now, settings.windowNo);
}

void StaffScreen::setClerks(const staff::StaffRoster& clerks) {
    m_settings->setClerks(clerks);
}

void StaffScreen::close() {
    m_open = false;
    m_idleTimer.stop();
    m_devices->preview()->clear();
    m_records->clear();
    m_forwarding->setRecords({});
    m_settings->clear();
    m_manual->clear();
    m_message->clear();
}

void StaffScreen::setRecords(const QList<Registration>& records) {
    if (!m_open)
        return;
    m_records->setRecords(records);
    m_forwarding->setRecords(records);
}

void StaffScreen::showUnmasked(const Registration& r) {
    if (m_open)
        m_records->showUnmasked(r);
}

void StaffScreen::setMessage(const QString& text, bool error) {
    m_message->setObjectName(error ? QStringLiteral("error") : QString());
    m_message->setText(text);
    m_message->style()->polish(m_message);
}

void StaffScreen::setStatus(const KioskStatus& s) {
    m_forwarding->setStatus(s);
    m_trust->setStatus(s);
    m_devices->setStatus(s);
}

bool StaffScreen::showingDevices() const {
    return isVisible() && m_tabs->currentWidget() == m_devicesTab;
}

void StaffScreen::setSelfTest(const QString& report) {
    m_devices->setSelfTest(report);
}

bool StaffScreen::eventFilter(QObject* watched, QEvent* event) {
    if ((event->type() == QEvent::MouseButtonPress || event->type() == QEvent::KeyPress) &&
        m_idleTimer.isActive())
        m_idleTimer.start();
    return QWidget::eventFilter(watched, event);
}

void StaffScreen::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void StaffScreen::retranslate() {
    m_tabs->setTabText(0, tr("Today's registrations"));
    m_tabs->setTabText(1, tr("Register by hand"));
    m_tabs->setTabText(2, tr("Forwarding"));
    m_tabs->setTabText(3, tr("Trust list"));
    m_tabs->setTabText(4, tr("Devices"));
    m_tabs->setTabText(5, tr("Settings"));
    m_back->setText(tr("Back to guest screen"));
    m_leave->setText(tr("Leave kiosk mode"));
}

} // namespace lz::ui
