#include "ui/StaffSettingsPage.h"

#include "staff/StaffPin.h"
#include "ui/Language.h"
#include "ui/Texts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace lz::ui {

StaffSettingsPage::StaffSettingsPage(QWidget* parent)
    : QWidget(parent) {
    auto* form = new QFormLayout(this);
    m_venueType = new QComboBox(this);
    m_venueId = new QLineEdit(this);
    m_terminalId = new QLineEdit(this);
    m_terminalId->setReadOnly(true); // bound to the log's key and the client certificate
    m_operator = new QLineEdit(this);
    m_operator->setReadOnly(true); // the clerk on duty is whoever signed in last
    m_windowNo = new QLineEdit(this);
    m_camera = new QLineEdit(this);
    m_resolution = new QComboBox(this);
    m_resolution->addItems(
        {QStringLiteral("1280×720"), QStringLiteral("1920×1080"), QStringLiteral("640×480")});
    m_sounds = new QCheckBox(this);
    m_language = new QComboBox(this);
    for (const QString& code : supportedLanguages())
        m_language->addItem(Texts::languageName(code), code);
    m_largeText = new QCheckBox(this);
    m_highContrast = new QCheckBox(this);
    m_autoReturn = new QSpinBox(this);
    m_autoReturn->setRange(5, 120);
    m_retention = new QSpinBox(this);
    m_retention->setRange(1, 3650);
    m_newPin = new QLineEdit(this);
    m_newPin->setEchoMode(QLineEdit::Password);
    m_save = new QPushButton(this);
    m_save->setProperty("primary", true);
    const QList<std::pair<QWidget*, const char*>> fields = {
        {m_venueType, "venueType"},       {m_venueId, "venueId"},
        {m_terminalId, "terminalId"},     {m_operator, "operator"},
        {m_windowNo, "windowNo"},         {m_camera, "camera"},
        {m_resolution, "resolution"},     {m_sounds, "sounds"},
        {m_language, "language"},         {m_largeText, "largeText"},
        {m_highContrast, "highContrast"}, {m_autoReturn, "autoReturn"},
        {m_retention, "retention"},       {m_newPin, "newPin"}};
    for (const auto& [field, name] : fields) {
        field->setObjectName(QLatin1String(name));
        auto* label = new QLabel(this);
        label->setBuddy(field);
        m_labels.append(label);
        form->addRow(label, field);
    }
    m_save->setObjectName(QStringLiteral("saveSettings"));
    form->addRow(m_save);
    // The clerks: each with their own staff number and PIN (issue 18).
    m_clerkBox = new QWidget(this);
    auto* clerks = new QFormLayout(m_clerkBox);
    clerks->setContentsMargins(0, 12, 0, 0);
    m_clerkList = new QLabel(m_clerkBox);
    m_clerkList->setObjectName(QStringLiteral("clerkList"));
    m_clerkList->setWordWrap(true);
    m_clerkId = new QLineEdit(m_clerkBox);
    m_clerkId->setObjectName(QStringLiteral("clerkId"));
    m_clerkName = new QLineEdit(m_clerkBox);
    m_clerkName->setObjectName(QStringLiteral("clerkName"));
    m_clerkPin = new QLineEdit(m_clerkBox);
    m_clerkPin->setObjectName(QStringLiteral("clerkPin"));
    m_clerkPin->setEchoMode(QLineEdit::Password);
    m_putClerk = new QPushButton(m_clerkBox);
    m_putClerk->setObjectName(QStringLiteral("putClerk"));
    m_removeClerk = new QPushButton(m_clerkBox);
    m_removeClerk->setObjectName(QStringLiteral("removeClerk"));
    for (QWidget* w : {static_cast<QWidget*>(m_clerkList), static_cast<QWidget*>(m_clerkId),
                       static_cast<QWidget*>(m_clerkName), static_cast<QWidget*>(m_clerkPin)}) {
        auto* label = new QLabel(m_clerkBox);
        label->setBuddy(w);
        m_clerkLabels.append(label);
        clerks->addRow(label, w);
    }
    auto* clerkButtons = new QHBoxLayout;
    clerkButtons->addWidget(m_putClerk);
    clerkButtons->addWidget(m_removeClerk);
    clerks->addRow(clerkButtons);
    form->addRow(m_clerkBox);
    connect(m_putClerk, &QPushButton::clicked, this, [this] {
        const QString id = m_clerkId->text().trimmed();
        if (!staff::acceptableStaffId(id) || id.compare(staff::kAdministratorId, Qt::CaseInsensitive) == 0) {
            emit message(tr("A staff number is 1 to 16 letters, digits, - or _ (not \"admin\")."), true);
            return;
        }
        if (!staff::acceptablePin(m_clerkPin->text())) {
            emit message(tr("A PIN is 4 to 12 digits."), true);
            return;
        }
        emit clerkPutRequested(id, m_clerkName->text().trimmed(), m_clerkPin->text());
        m_clerkPin->clear();
    });
    connect(m_removeClerk, &QPushButton::clicked, this, [this] {
        if (!m_settings.clerks.find(m_clerkId->text().trimmed())) {
            emit message(tr("No clerk has that staff number."), true);
            return;
        }
        emit clerkRemoveRequested(m_clerkId->text().trimmed());
    });
    connect(m_save, &QPushButton::clicked, this, &StaffSettingsPage::save);
    retranslate();
}

void StaffSettingsPage::open(const KioskSettings& settings, bool administrator) {
    m_settings = settings;
    m_clerkBox->setVisible(administrator);
    setClerks(settings.clerks);
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
}

void StaffSettingsPage::clear() {
    m_newPin->clear();
    m_clerkId->clear();
    m_clerkName->clear();
    m_clerkPin->clear();
}

void StaffSettingsPage::setClerks(const staff::StaffRoster& clerks) {
    m_settings.clerks = clerks;
    QStringList lines;
    for (const staff::StaffMember& m : clerks.members())
        lines << (m.name.isEmpty() ? m.id : QStringLiteral("%1 %2").arg(m.id, m.name));
    m_clerkList->setText(lines.isEmpty() ? tr("None yet: add each clerk with their own PIN.")
                                         : lines.join(QStringLiteral(" · ")));
}

void StaffSettingsPage::save() {
    KioskSettings s = m_settings;
    s.venue.type = VenueType(m_venueType->currentIndex());
    s.venue.venueId = m_venueId->text().trimmed();
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
        emit message(tr("A PIN is 4 to 12 digits."), true);
        return;
    }
    if (s.venue.venueId.isEmpty()) {
        emit message(tr("The venue code may not be empty."), true);
        return;
    }
    m_newPin->clear();
    m_settings = s;
    emit settingsSaved(s, pin);
}

void StaffSettingsPage::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void StaffSettingsPage::retranslate() {
    m_venueType->clear();
    for (VenueType t :
         {VenueType::Hotel, VenueType::InternetCafe, VenueType::GovernmentWindow, VenueType::ParcelCounter})
        m_venueType->addItem(Texts::venueType(t));
    m_venueType->setCurrentIndex(int(m_settings.venue.type));
    const QStringList labels = {tr("Venue type"),
                                tr("Venue code"),
                                tr("Terminal"),
                                tr("Clerk on duty (last signed in)"),
                                tr("Window number"),
                                tr("Camera"),
                                tr("Resolution"),
                                tr("Sounds"),
                                tr("Language"),
                                tr("Large text"),
                                tr("High contrast"),
                                tr("Return to start after (s)"),
                                tr("Keep records after forwarding (days)"),
                                tr("New administrator PIN (blank: unchanged)")};
    for (int i = 0; i < m_labels.size(); ++i) {
        m_labels[i]->setText(labels.value(i));
        if (QWidget* buddy = m_labels[i]->buddy())
            buddy->setAccessibleName(labels.value(i));
    }
    m_camera->setPlaceholderText(tr("0, /dev/video0 or a video file; blank: default"));
    m_save->setText(tr("Save settings"));
    const QStringList clerkLabels = {tr("Clerks"), tr("Staff number"), tr("Name (staff only)"),
                                     tr("Their PIN")};
    for (int i = 0; i < m_clerkLabels.size(); ++i) {
        m_clerkLabels[i]->setText(clerkLabels.value(i));
        m_clerkLabels[i]->buddy()->setAccessibleName(clerkLabels.value(i));
    }
    m_putClerk->setText(tr("Add clerk / set PIN"));
    m_removeClerk->setText(tr("Remove clerk"));
}

} // namespace lz::ui
