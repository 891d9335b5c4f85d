#include "ui/StaffManualPage.h"

#include "credential/IdNumber.h"
#include "log/VenueFields.h"
#include "ui/RegistrationForm.h"
#include "ui/Texts.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace lz::ui {

StaffManualPage::StaffManualPage(QWidget* parent)
    : QWidget(parent) {
    auto* v = new QVBoxLayout(this);
    m_explain = new QLabel(this);
    m_explain->setWordWrap(true);
    m_explain->setObjectName(QStringLiteral("key"));
    v->addWidget(m_explain);
    auto* columns = new QHBoxLayout;
    auto* person = new QFormLayout;
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("manualKind"));
    m_number = new QLineEdit(this);
    m_number->setObjectName(QStringLiteral("manualNumber"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("manualName"));
    m_ethnicity = new QComboBox(this);
    m_ethnicity->setObjectName(QStringLiteral("manualEthnicity"));
    for (int code = 1; code <= 56; ++code)
        m_ethnicity->addItem(ethnicityName(code), code);
    m_nationality = new QLineEdit(this);
    m_nationality->setObjectName(QStringLiteral("manualNationality"));
    m_nationality->setMaxLength(3);
    m_sex = new QComboBox(this);
    m_sex->setObjectName(QStringLiteral("manualSex"));
    m_birth = new QDateEdit(this);
    m_birth->setObjectName(QStringLiteral("manualBirth"));
    m_birth->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_birth->setCalendarPopup(true);
    // Empty until typed: no made-up date on the screen (nor in the record).
    m_birth->setMinimumDate(QDate(1900, 1, 1));
    m_birth->setSpecialValueText(QStringLiteral("—"));
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("manualReason"));
    for (QWidget* w :
         {static_cast<QWidget*>(m_kind), static_cast<QWidget*>(m_number), static_cast<QWidget*>(m_name),
          static_cast<QWidget*>(m_ethnicity), static_cast<QWidget*>(m_nationality),
          static_cast<QWidget*>(m_sex), static_cast<QWidget*>(m_birth), static_cast<QWidget*>(m_reason)}) {
        auto* label = new QLabel(this);
        label->setBuddy(w);
        m_labels.append(label);
        person->addRow(label, w);
    }
    m_residentOnly = {m_ethnicity, m_labels[3]};
    m_travelOnly = {m_nationality, m_labels[4], m_sex, m_labels[5], m_birth, m_labels[6]};
    columns->addLayout(person, 1);
    m_form = new RegistrationForm(this);
    columns->addWidget(m_form, 1);
    v->addLayout(columns);
    m_register = new QPushButton(this);
    m_register->setObjectName(QStringLiteral("manualRegister"));
    m_register->setProperty("primary", true);
    v->addWidget(m_register, 0, Qt::AlignRight);
    v->addStretch(1);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &StaffManualPage::kindChanged);
    connect(m_nationality, &QLineEdit::editingFinished, this, &StaffManualPage::refreshForm);
    connect(m_register, &QPushButton::clicked, this, [this] {
        if (m_reason->text().trimmed().isEmpty()) {
            emit message(tr("Say why the document could not be read; it is logged and forwarded."), true);
            m_reason->setFocus();
            return;
        }
        if (const QString missing = m_form->missingField(); !missing.isEmpty()) {
            emit message(tr("Fill in: %1").arg(missing), true);
            return;
        }
        emit manualRegistrationRequested(typed(), m_form->details(), m_reason->text().trimmed());
    });
    retranslate();
    kindChanged();
}

bool StaffManualPage::travel() const {
    return m_kind->currentIndex() == 1;
}

void StaffManualPage::refreshForm() {
    const Identity t = typed();
    const bool foreign = needsForeignGuestFields(m_venue, t);
    if (foreign == m_foreign)
        return;
    m_foreign = foreign;
    m_form->reset(m_venue, m_now, m_windowNo, std::nullopt, &t);
}

void StaffManualPage::kindChanged() {
    refreshForm();
    for (QWidget* w : m_travelOnly)
        w->setVisible(travel());
    // 民族 only where the venue's registration records it.
    for (QWidget* w : m_residentOnly)
        w->setVisible(!travel() && venueRecordsEthnicity(m_venue));
}

void StaffManualPage::open(VenueType venue, const QDateTime& now, const QString& windowNo) {
    clear();
    m_venue = venue;
    m_now = now;
    m_windowNo = windowNo;
    m_foreign = false;
    m_form->reset(venue, now, windowNo);
    kindChanged();
}

void StaffManualPage::clear() {
    for (QLineEdit* e : {m_number, m_name, m_nationality, m_reason})
        e->setText(QString()); // also empties the undo history
    m_kind->setCurrentIndex(0);
    m_ethnicity->setCurrentIndex(0);
    m_birth->setDate(m_birth->minimumDate());
    m_form->clear();
}

Identity StaffManualPage::typed() const {
    Identity id;
    id.name = m_name->text().trimmed();
    id.documentNumber = m_number->text().trimmed().toUpper();
    if (travel()) {
        id.kind = DocumentKind::Passport;
        id.nationality = m_nationality->text().trimmed().toUpper();
        id.issuingState = id.nationality;
        id.sex = m_sex->currentIndex() == 1 ? Sex::Female : Sex::Male;
        id.birthDate = m_birth->date() == m_birth->minimumDate() ? QDate() : m_birth->date();
        return id;
    }
    id.kind = DocumentKind::ResidentId;
    id.ethnicity = venueRecordsEthnicity(m_venue) ? m_ethnicity->currentData().toInt() : 0;
    // The number says the birth date and sex: taken from it, not typed twice.
    if (const auto parsed = idnumber::parse(id.documentNumber)) {
        id.birthDate = parsed->birthDate;
        id.sex = parsed->male ? Sex::Male : Sex::Female;
    }
    return id;
}

void StaffManualPage::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void StaffManualPage::retranslate() {
    m_explain->setText(tr("Only when no reader can read the guest's document: type it from the document in "
                          "your hand. It is recorded as registered by staff, not verified, with your staff "
                          "number and the reason."));
    const int kind = std::max(0, m_kind->currentIndex());
    m_kind->clear();
    m_kind->addItems(
        {Texts::cardKind(DocumentKind::ResidentId), Texts::documentKind(DocumentKind::Passport)});
    m_kind->setCurrentIndex(kind);
    for (int i = 0; i < m_ethnicity->count(); ++i)
        m_ethnicity->setItemText(i, Texts::ethnicity(m_ethnicity->itemData(i).toInt()));
    const int sex = std::max(0, m_sex->currentIndex());
    m_sex->clear();
    m_sex->addItems({Texts::sex(Sex::Male), Texts::sex(Sex::Female)});
    m_sex->setCurrentIndex(sex);
    const QStringList labels = {tr("Document"),
                                tr("Document number"),
                                tr("Name"),
                                tr("Ethnicity"),
                                tr("Nationality (3 letters)"),
                                tr("Sex"),
                                tr("Date of birth"),
                                tr("Why no reader could read it")};
    for (int i = 0; i < m_labels.size(); ++i) {
        m_labels[i]->setText(labels.value(i));
        m_labels[i]->buddy()->setAccessibleName(labels.value(i));
    }
    m_reason->setPlaceholderText(tr("e.g. ID card reader broken, card checked by eye"));
    m_register->setText(tr("Register by hand"));
}

} // namespace lz::ui
