#include "ui/StaffScreen.h"

#include "staff/StaffPin.h"

#include "credential/Masking.h"
#include "ui/KioskSettings.h"
#include "ui/PreviewView.h"
#include "ui/StatusStrip.h"
#include "ui/Texts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lz::ui {
namespace {
constexpr int kUnmaskSeconds = 30; // an unmasked record goes back to masked after this
constexpr int kIdleSeconds = 120;  // staff mode closes itself when nobody touches it

QString detailsText(const QJsonObject& d) {
    QStringList parts;
    for (const char* key : {"room", "seat", "service_item", "window_no", "waybill"})
        if (d.contains(QLatin1String(key)))
            parts.append(d.value(QLatin1String(key)).toString());
    return parts.join(QStringLiteral(" / "));
}

// Pages whose text grows with the status (and with large type) scroll instead of pushing the
// staff screen's buttons off the bottom of the display.
QWidget* scrolled(QWidget* page, QWidget* parent) {
    auto* scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    return scroll;
}

QString timeText(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                  : QString();
}
} // namespace

StaffScreen::StaffScreen(QWidget* parent)
    : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(16, 8, 16, 8);
    m_tabs = new QTabWidget(this);
    m_tabs->addTab(buildRecords(), QString());
    m_tabs->addTab(buildSync(), QString());
    m_tabs->addTab(buildTrust(), QString());
    m_tabs->addTab(buildDevices(), QString());
    m_tabs->addTab(buildSettings(), QString());
    outer->addWidget(m_tabs, 1);
    auto* bottom = new QHBoxLayout;
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_leave = new QPushButton(this);
    m_back = new QPushButton(this);
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
    m_unmaskTimer.setSingleShot(true);
    connect(&m_unmaskTimer, &QTimer::timeout, this, [this] {
        m_unmaskedId.clear();
        renderRecords();
    });
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

QWidget* StaffScreen::buildRecords() {
    auto* page = new QWidget(this);
    auto* v = new QVBoxLayout(page);
    auto* searchRow = new QHBoxLayout;
    m_search = new QLineEdit(page);
    m_searchButton = new QPushButton(page);
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_searchButton);
    v->addLayout(searchRow);
    m_table = new QTableWidget(0, 6, page);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(40);
    m_table->setMinimumHeight(120);
    v->addWidget(m_table, 1);
    // One row for both actions: the table keeps the height.
    auto* actions = new QHBoxLayout;
    m_reason = new QLineEdit(page);
    m_unmask = new QPushButton(page);
    m_checkout = new QPushButton(page);
    m_checkout->setObjectName(QStringLiteral("checkout"));
    m_exportPath = new QLineEdit(page);
    m_export = new QPushButton(page);
    actions->addWidget(m_reason, 3);
    actions->addWidget(m_unmask);
    actions->addWidget(m_checkout);
    actions->addSpacing(16);
    actions->addWidget(m_exportPath, 2);
    actions->addWidget(m_export);
    v->addLayout(actions);
    auto search = [this] { emit recordsRequested(m_search->text().trimmed()); };
    connect(m_searchButton, &QPushButton::clicked, this, search);
    connect(m_search, &QLineEdit::returnPressed, this, search);
    connect(m_unmask, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_records.size()) {
            setMessage(tr("Select a record first."), true);
            return;
        }
        if (m_reason->text().trimmed().isEmpty()) {
            setMessage(tr("Give a reason for showing the full record; it is logged."), true);
            m_reason->setFocus();
            return;
        }
        emit unmaskRequested(m_records.at(row).id, m_reason->text().trimmed());
    });
    connect(m_checkout, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_records.size() || !m_records.at(row).registered() ||
            m_records.at(row).venue.type != VenueType::Hotel) {
            setMessage(tr("Select a guest's hotel registration first."), true);
            return;
        }
        emit checkoutRequested(m_records.at(row).id);
    });
    connect(m_export, &QPushButton::clicked, this,
            [this] { emit exportRequested(m_exportPath->text().trimmed()); });
    return page;
}

QWidget* StaffScreen::buildSync() {
    auto* page = new QWidget(this);
    auto* v = new QVBoxLayout(page);
    m_syncText = new QLabel(page);
    m_syncText->setWordWrap(true);
    m_syncText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_syncNow = new QPushButton(page);
    m_setAside = new QListWidget(page);
    v->addWidget(m_syncText);
    v->addWidget(m_syncNow, 0, Qt::AlignLeft);
    v->addWidget(m_setAside, 1);
    connect(m_syncNow, &QPushButton::clicked, this, &StaffScreen::syncNowRequested);
    return scrolled(page, this);
}

QWidget* StaffScreen::buildTrust() {
    auto* page = new QWidget(this);
    auto* v = new QVBoxLayout(page);
    m_trustText = new QLabel(page);
    m_trustText->setWordWrap(true);
    m_issuers = new QListWidget(page);
    v->addWidget(m_trustText);
    v->addWidget(m_issuers, 1);
    return scrolled(page, this);
}

QWidget* StaffScreen::buildDevices() {
    auto* page = new QWidget(this);
    auto* v = new QVBoxLayout(page);
    m_devicesText = new QLabel(page);
    m_devicesText->setWordWrap(true);
    m_selfTest = new QPushButton(page);
    m_selfTestText = new QLabel(page);
    m_selfTestText->setWordWrap(true);
    v->addWidget(m_devicesText);
    v->addWidget(m_selfTest, 0, Qt::AlignLeft);
    v->addWidget(m_selfTestText);
    m_devicePreview = new PreviewView(page);
    m_devicePreview->setMinimumSize(320, 180);
    m_devicePreview->setMaximumHeight(260);
    v->addWidget(m_devicePreview);
    v->addStretch();
    connect(m_selfTest, &QPushButton::clicked, this, [this] {
        m_selfTestText->setText(tr("Testing the devices…"));
        emit selfTestRequested();
    });
    return scrolled(page, this);
}

QWidget* StaffScreen::buildSettings() {
    // Many rows of touch-sized fields: they scroll, so the screen fits any display.
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_venueType = new QComboBox(page);
    m_venueId = new QLineEdit(page);
    m_terminalId = new QLineEdit(page);
    m_terminalId->setReadOnly(true); // bound to the log's key and the client certificate
    m_operator = new QLineEdit(page);
    m_windowNo = new QLineEdit(page);
    m_camera = new QLineEdit(page);
    m_resolution = new QComboBox(page);
    m_resolution->addItems(
        {QStringLiteral("1280×720"), QStringLiteral("1920×1080"), QStringLiteral("640×480")});
    m_sounds = new QCheckBox(page);
    m_language = new QComboBox(page);
    for (const QString& code : supportedLanguages())
        m_language->addItem(Texts::languageName(code), code);
    m_largeText = new QCheckBox(page);
    m_highContrast = new QCheckBox(page);
    m_autoReturn = new QSpinBox(page);
    m_autoReturn->setRange(5, 120);
    m_retention = new QSpinBox(page);
    m_retention->setRange(1, 3650);
    m_newPin = new QLineEdit(page);
    m_newPin->setEchoMode(QLineEdit::Password);
    m_save = new QPushButton(page);
    m_save->setProperty("primary", true);
    const QList<QWidget*> fields = {m_venueType,    m_venueId,    m_terminalId, m_operator, m_windowNo,
                                    m_camera,       m_resolution, m_sounds,     m_language, m_largeText,
                                    m_highContrast, m_autoReturn, m_retention,  m_newPin};
    for (QWidget* f : fields) {
        auto* label = new QLabel(page);
        label->setBuddy(f);
        m_settingLabels.append(label);
        form->addRow(label, f);
    }
    form->addRow(m_save);
    connect(m_save, &QPushButton::clicked, this, &StaffScreen::saveSettings);
    return scrolled(page, this);
}

void StaffScreen::open(const KioskSettings& settings) {
    m_settings = settings;
    m_open = true;
    m_records.clear();
    m_unmaskedId.clear();
    m_reason->clear();
    m_search->clear();
    m_message->clear();
    m_tabs->setCurrentIndex(0);
    m_exportPath->setText(
        QStringLiteral("registrations-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    m_venueType->setCurrentIndex(int(settings.venue.type));
    m_venueId->setText(settings.venue.venueId);
    m_terminalId->setText(settings.venue.terminalId);
    m_operator->setText(settings.operatorId);
    m_windowNo->setText(settings.windowNo);
    m_camera->setText(settings.camera);
    const QString res = QStringLiteral("%1×%2").arg(settings.cameraWidth).arg(settings.cameraHeight);
    m_resolution->setCurrentIndex(std::max(0, m_resolution->findText(res)));
    m_sounds->setChecked(settings.sounds);
    m_language->setCurrentIndex(std::max(0, m_language->findData(settings.language)));
    m_largeText->setChecked(settings.largeText);
    m_highContrast->setChecked(settings.highContrast);
    m_autoReturn->setValue(settings.autoReturnSeconds);
    m_retention->setValue(settings.retentionDays);
    m_newPin->clear();
    renderRecords();
    m_idleTimer.start();
    emit recordsRequested({});
}

void StaffScreen::close() {
    m_open = false;
    m_idleTimer.stop();
    m_devicePreview->clear();
    m_unmaskTimer.stop();
    m_records.clear();
    m_unmaskedId.clear();
    m_reason->clear();
    m_search->clear();
    m_newPin->clear();
    m_message->clear();
    renderRecords();
}

void StaffScreen::setRecords(const QList<Registration>& records) {
    if (!m_open)
        return;
    m_records = records;
    m_unmaskedId.clear();
    renderRecords();
}

void StaffScreen::showUnmasked(const Registration& r) {
    if (!m_open)
        return;
    for (Registration& mine : m_records)
        if (mine.id == r.id)
            mine = r;
    m_unmaskedId = r.id;
    m_reason->clear();
    m_unmaskTimer.start(kUnmaskSeconds * 1000);
    setMessage(tr("Shown in full for %n s; this access was logged.", nullptr, kUnmaskSeconds));
    renderRecords();
}

void StaffScreen::setMessage(const QString& text, bool error) {
    m_message->setObjectName(error ? QStringLiteral("error") : QString());
    m_message->setText(text);
    m_message->style()->polish(m_message);
}

void StaffScreen::setStatus(const KioskStatus& s) {
    m_status = s;
    renderStatus();
}

bool StaffScreen::showingDevices() const {
    return isVisible() && m_tabs->currentIndex() == 3;
}

void StaffScreen::setSelfTest(const QString& report) {
    m_selfTestText->setText(report);
}

void StaffScreen::saveSettings() {
    KioskSettings s = m_settings;
    s.venue.type = VenueType(m_venueType->currentIndex());
    s.venue.venueId = m_venueId->text().trimmed();
    s.operatorId = m_operator->text().trimmed();
    s.windowNo = m_windowNo->text().trimmed();
    s.camera = m_camera->text().trimmed();
    const QStringList wh = m_resolution->currentText().split(QChar(0x00d7));
    s.cameraWidth = wh.value(0).toInt();
    s.cameraHeight = wh.value(1).toInt();
    s.sounds = m_sounds->isChecked();
    s.language = m_language->currentData().toString();
    s.largeText = m_largeText->isChecked();
    s.highContrast = m_highContrast->isChecked();
    s.autoReturnSeconds = m_autoReturn->value();
    s.retentionDays = m_retention->value();
    const QString pin = m_newPin->text();
    if (!pin.isEmpty() && !staff::acceptablePin(pin)) {
        setMessage(tr("A PIN is 4 to 12 digits."), true);
        return;
    }
    if (s.venue.venueId.isEmpty()) {
        setMessage(tr("The venue code may not be empty."), true);
        return;
    }
    m_newPin->clear();
    m_settings = s;
    emit settingsSaved(s, pin);
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
    m_tabs->setTabText(1, tr("Forwarding"));
    m_tabs->setTabText(2, tr("Trust list"));
    m_tabs->setTabText(3, tr("Devices"));
    m_tabs->setTabText(4, tr("Settings"));
    m_back->setText(tr("Back to guest screen"));
    m_leave->setText(tr("Leave kiosk mode"));
    m_search->setPlaceholderText(tr("Search name, number, room, seat…"));
    m_search->setAccessibleName(tr("Search"));
    m_searchButton->setText(tr("Search"));
    m_reason->setPlaceholderText(tr("Reason for showing the full record (logged)"));
    m_reason->setAccessibleName(tr("Reason"));
    m_unmask->setText(tr("Show in full"));
    m_checkout->setText(tr("Check out"));
    m_checkout->setAccessibleName(tr("Record the guest's departure"));
    m_exportPath->setAccessibleName(tr("Export file"));
    m_export->setText(tr("Export CSV (masked)"));
    m_syncNow->setText(tr("Sync now"));
    m_selfTest->setText(tr("Run self-test"));
    m_table->setHorizontalHeaderLabels(
        {tr("Time"), tr("Name"), tr("Number"), tr("Outcome"), tr("Room / seat / item"), tr("Forwarding")});
    m_venueType->clear();
    for (VenueType t :
         {VenueType::Hotel, VenueType::InternetCafe, VenueType::GovernmentWindow, VenueType::ParcelCounter})
        m_venueType->addItem(Texts::venueType(t));
    m_venueType->setCurrentIndex(int(m_settings.venue.type));
    const QStringList labels = {tr("Venue type"),
                                tr("Venue code"),
                                tr("Terminal"),
                                tr("Clerk on duty"),
                                tr("Window number"),
                                tr("Camera"),
                                tr("Resolution"),
                                tr("Sounds"),
                                tr("Language"),
                                tr("Large text"),
                                tr("High contrast"),
                                tr("Return to start after (s)"),
                                tr("Keep records after forwarding (days)"),
                                tr("New staff PIN (blank: unchanged)")};
    for (int i = 0; i < m_settingLabels.size(); ++i) {
        m_settingLabels[i]->setText(labels.value(i));
        if (QWidget* buddy = m_settingLabels[i]->buddy())
            buddy->setAccessibleName(labels.value(i));
    }
    m_camera->setPlaceholderText(tr("0, /dev/video0 or a video file; blank: default"));
    m_save->setText(tr("Save settings"));
    renderRecords();
    renderStatus();
}

void StaffScreen::renderRecords() {
    m_table->setRowCount(int(m_records.size()));
    for (int i = 0; i < m_records.size(); ++i) {
        const Registration& r = m_records.at(i);
        const bool full = !m_unmaskedId.isEmpty() && r.id == m_unmaskedId;
        QString name, number;
        if (r.identity) {
            name = full ? r.identity->name : masking::name(r.identity->name);
            number = full ? r.identity->documentNumber : masking::documentNumber(r.identity->documentNumber);
        } else if (r.purgedAtMs) {
            name = tr("(removed after retention)");
        }
        const QString outcome =
            r.kind == RecordKind::Checkout ? tr("Checked out")
            : r.registered()               ? tr("Registered")
                         : tr("Refused: %1")
                               .arg(Texts::reasonShort(reasonFromName(r.reason).value_or(Reason::Malformed)));
        QString forwarding = r.ackedAtMs ? tr("Forwarded") : tr("Queued");
        if (!r.setAsideReason.isEmpty())
            forwarding = tr("Set aside: %1").arg(r.setAsideReason);
        const QStringList cells = {timeText(r.createdAtMs), name,      number, outcome,
                                   detailsText(r.details),  forwarding};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    m_table->resizeColumnsToContents();
}

void StaffScreen::renderStatus() {
    const SyncStatus& s = m_status.sync;
    QStringList sync;
    sync << (m_status.syncConfigured ? tr("Gateway configured.")
                                     : tr("No gateway configured: records stay here."));
    sync << tr("Waiting to be forwarded: %1").arg(s.queue)
         << tr("Set aside by the gateway: %1").arg(s.setAside);
    if (s.oldestUnsentMs)
        sync << tr("Oldest waiting: %1").arg(timeText(s.oldestUnsentMs));
    sync << tr("Last success: %1").arg(s.lastSuccessMs ? timeText(s.lastSuccessMs) : tr("never"));
    if (!s.lastError.isEmpty())
        sync << tr("Last error: %1").arg(s.lastError);
    if (s.nextTryMs)
        sync << tr("Next attempt: %1").arg(timeText(s.nextTryMs));
    if (s.clockWarning)
        sync << tr("Warning: this terminal's clock differs from the gateway's by %n s.", nullptr,
                   int(s.clockOffsetMs / 1000));
    if (!m_status.logReady)
        sync << tr("Registration log unavailable: %1").arg(m_status.logError);
    m_syncText->setText(sync.join(QLatin1Char('\n')));
    m_setAside->clear();
    for (const Registration& r : m_records)
        if (!r.setAsideReason.isEmpty())
            m_setAside->addItem(QStringLiteral("%1  %2").arg(timeText(r.createdAtMs), r.setAsideReason));

    QStringList trust;
    if (!m_status.trustPresent)
        trust << tr("No trust list installed: every code is refused until one is.");
    else
        trust << tr("Version (sequence): %1").arg(m_status.trustSequence)
              << tr("Age: %1").arg(ageText(m_status.trustAgeSeconds))
              << tr("Next update due: %1").arg(timeText(m_status.trustNextUpdate * 1000))
              << (m_status.trustStale ? tr("Out of date: update it.") : tr("Current."));
    if (m_status.demo)
        trust << tr("DEMO trust list: demo mode only.");
    for (const QString& w : m_status.warnings)
        trust << tr("Warning: %1").arg(w);
    m_trustText->setText(trust.join(QLatin1Char('\n')));
    m_issuers->clear();
    m_issuers->addItems(m_status.issuers);

    QStringList devices;
    for (const DeviceView& d : m_status.devices) {
        const QString name = d.id == QLatin1String("camera") ? tr("Camera")
                             : d.id == QLatin1String("nfc")  ? tr("NFC reader")
                                                             : tr("Scanner");
        QString state;
        switch (d.state) {
        case DeviceView::State::Present:
            state = d.fps > 0 ? tr("working, %1 frames/s").arg(d.fps, 0, 'f', 1) : tr("working");
            break;
        case DeviceView::State::Starting:
            state = tr("starting");
            break;
        case DeviceView::State::Absent:
            state = tr("unavailable");
            break;
        case DeviceView::State::NotConfigured:
            state = tr("not configured");
            break;
        }
        devices << QStringLiteral("%1: %2 — %3").arg(name, state, d.detail);
    }
    m_devicesText->setText(devices.join(QLatin1Char('\n')));
}

} // namespace lz::ui
