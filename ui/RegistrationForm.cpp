#include "ui/RegistrationForm.h"

#include "ui/Texts.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <tuple>

namespace lz::ui {
namespace {
QString isoLocal(const QDateTime& t) {
    return t.toString(Qt::ISODate);
}
} // namespace

RegistrationForm::RegistrationForm(QWidget* parent)
    : QWidget(parent) {
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);              // the panel around it has its own
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows); // wrapped rows cost height large text lacks
    m_room = new QLineEdit(this);
    m_room->setObjectName(QStringLiteral("room"));
    m_checkIn = new QLabel(this);
    m_checkout = new QDateTimeEdit(this);
    m_checkout->setCalendarPopup(true);
    m_checkout->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_guests = new QSpinBox(this);
    m_guests->setObjectName(QStringLiteral("guests"));
    m_guests->setRange(1, 20);
    m_seat = new QLineEdit(this);
    m_seat->setObjectName(QStringLiteral("seat"));
    m_sessionStart = new QLabel(this);
    m_service = new QComboBox(this);
    m_service->setEditable(true);
    m_window = new QLineEdit(this);
    m_waybill = new QLineEdit(this);
    m_waybill->setObjectName(QStringLiteral("waybill"));
    m_visaType = new QComboBox(this);
    m_visaType->setObjectName(QStringLiteral("visaType"));
    // Sized by a few characters, not by its longest entry: large text must not widen the screen.
    m_visaType->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_visaType->setMinimumContentsLength(6);
    m_visaNumber = new QLineEdit(this);
    m_visaNumber->setObjectName(QStringLiteral("visaNumber"));
    m_entryPort = new QLineEdit(this);
    m_entryDate = new QDateEdit(this);
    m_stayUntil = new QDateEdit(this);
    for (QDateEdit* d : {m_entryDate, m_stayUntil}) {
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(d, &QDateEdit::dateChanged, this, [this] { emit changed(); });
    }
    m_visaPair = new QWidget(this);
    m_entryPair = new QWidget(this);
    for (const auto& [pair, first, second] :
         {std::tuple{m_visaPair, static_cast<QWidget*>(m_visaType), static_cast<QWidget*>(m_visaNumber)},
          std::tuple{m_entryPair, static_cast<QWidget*>(m_entryDate), static_cast<QWidget*>(m_entryPort)}}) {
        auto* h = new QHBoxLayout(pair);
        h->setContentsMargins(0, 0, 0, 0);
        first->setParent(pair);
        second->setParent(pair);
        h->addWidget(first, 3);
        h->addWidget(second, 2);
    }
    connect(m_visaType, &QComboBox::currentIndexChanged, this, [this] {
        m_edited = true;
        emit changed();
    });
    for (QLineEdit* e : {m_room, m_seat, m_window, m_waybill, m_visaNumber, m_entryPort})
        connect(e, &QLineEdit::textEdited, this, [this] {
            m_edited = true;
            emit changed();
        });
    connect(m_guests, &QSpinBox::valueChanged, this, [this] {
        m_edited = true;
        emit changed();
    });
    connect(m_checkout, &QDateTimeEdit::dateTimeChanged, this, [this] { emit changed(); });
    connect(m_service, &QComboBox::currentTextChanged, this, [this] { emit changed(); });
    retranslate();
}

void RegistrationForm::reset(VenueType type, const QDateTime& now, const QString& windowNo,
                             const std::optional<desk::PartyView>& party, const Identity* identity) {
    clear();
    m_type = type;
    m_now = now;
    m_party = party;
    m_foreign = identity && needsForeignGuestFields(type, *identity);
    // Entry today and a stay to the expected check-out: the clerk corrects them from the stamp
    // and the visa.
    m_entryDate->setDate(now.date());
    m_stayUntil->setDate(now.date().addDays(1));
    // Tomorrow at noon: the usual hotel check-out.
    m_checkout->setDateTime(QDateTime(now.date().addDays(1), QTime(12, 0)));
    m_window->setText(windowNo);
    if (party) {
        m_room->setText(party->room);
        m_guests->setValue(party->guests);
        m_checkout->setDateTime(QDateTime::fromString(party->expectedCheckout, Qt::ISODate));
    }
    for (QWidget* w :
         {static_cast<QWidget*>(m_room), static_cast<QWidget*>(m_checkout), static_cast<QWidget*>(m_guests)})
        w->setEnabled(!party);
    m_edited = false;
    retranslate();
}

void RegistrationForm::clear() {
    // setText() also empties the undo history: Ctrl+Z must not bring back the last guest's room.
    for (QLineEdit* e : {m_room, m_seat, m_waybill, m_visaNumber, m_entryPort})
        e->setText(QString());
    m_visaType->setCurrentIndex(0);
    m_foreign = false;
    m_guests->setValue(1);
    m_checkIn->clear();
    m_sessionStart->clear();
    m_service->setCurrentIndex(0);
    m_party.reset();
    m_edited = false;
}

QWidget* RegistrationForm::firstField() const {
    switch (m_type) {
    case VenueType::Hotel:
        return m_party ? nullptr : m_room;
    case VenueType::InternetCafe:
        return m_seat;
    case VenueType::GovernmentWindow:
        return m_service;
    case VenueType::ParcelCounter:
        return m_waybill;
    }
    return nullptr;
}

QJsonObject RegistrationForm::details() const {
    switch (m_type) {
    case VenueType::Hotel: {
        QJsonObject o{{QStringLiteral("room"), m_room->text().trimmed()},
                      {QStringLiteral("check_in"), m_party ? m_party->checkIn : isoLocal(m_now)},
                      {QStringLiteral("expected_checkout"), isoLocal(m_checkout->dateTime())},
                      {QStringLiteral("guests"), m_guests->value()}};
        // A party's room, dates and size are the desk's (it fills them in); shown here only.
        if (m_foreign) {
            o.insert(QStringLiteral("visa_type"), m_visaType->currentData().toString());
            o.insert(QStringLiteral("entry_date"), m_entryDate->date().toString(Qt::ISODate));
            o.insert(QStringLiteral("stay_until"), m_stayUntil->date().toString(Qt::ISODate));
            for (const auto& [key, edit] :
                 {std::pair{"visa_number", m_visaNumber}, {"entry_port", m_entryPort}})
                if (!edit->text().trimmed().isEmpty())
                    o.insert(QLatin1String(key), edit->text().trimmed());
        }
        return o;
    }
    case VenueType::InternetCafe:
        return {{QStringLiteral("seat"), m_seat->text().trimmed()},
                {QStringLiteral("session_start"), isoLocal(m_now)}};
    case VenueType::GovernmentWindow:
        return {{QStringLiteral("service_item"), m_service->currentText().trimmed()},
                {QStringLiteral("window_no"), m_window->text().trimmed()}};
    case VenueType::ParcelCounter:
        return {{QStringLiteral("waybill"), m_waybill->text().trimmed()}};
    }
    return {};
}

QString RegistrationForm::missingField() const {
    auto empty = [](const QString& s) { return s.trimmed().isEmpty(); };
    switch (m_type) {
    case VenueType::Hotel:
        if (empty(m_room->text()))
            return tr("Room number");
        if (m_foreign && m_visaType->currentData().toString().isEmpty())
            return tr("Visa or residence type");
        if (m_foreign && m_visaType->currentData().toString() != QLatin1String("visa_free") &&
            empty(m_visaNumber->text()))
            return tr("Visa or permit number");
        if (m_foreign && m_stayUntil->date() < m_entryDate->date())
            return tr("Stay permitted until");
        return {};
    case VenueType::InternetCafe:
        return empty(m_seat->text()) ? tr("Seat number") : QString();
    case VenueType::GovernmentWindow:
        if (empty(m_service->currentText()))
            return tr("Service item");
        return empty(m_window->text()) ? tr("Window number") : QString();
    case VenueType::ParcelCounter:
        return empty(m_waybill->text()) ? tr("Waybill number") : QString();
    }
    return {};
}

void RegistrationForm::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void RegistrationForm::retranslate() {
    // Rows are taken out and put back only when the profile or party mode changed: a verdict
    // on screen costs no new widgets and, usually, no new layout.
    const bool sameRows = m_builtType == m_type && m_builtParty == m_party.has_value() &&
                          m_builtForeign == m_foreign && m_form->rowCount() > 0;
    m_builtType = m_type;
    m_builtParty = m_party.has_value();
    m_builtForeign = m_foreign;
    while (!sameRows && m_form->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = m_form->takeRow(0);
        delete row.labelItem; // the layout items are ours now; the widgets stay
        delete row.fieldItem;
    }
    if (!sameRows)
        for (QWidget* w : findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
            w->hide();
    auto row = [&](const QString& label, QWidget* field) {
        QLabel*& l = m_labels[field];
        if (!l)
            l = new QLabel(this);
        l->setText(label);
        field->setAccessibleName(label);
        if (sameRows)
            return;
        l->setBuddy(field);
        l->show();
        field->show();
        m_form->addRow(l, field);
    };
    const QString nowText = m_now.isValid() ? m_now.toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
    switch (m_type) {
    case VenueType::Hotel:
        row(tr("Room number"), m_room);
        m_checkIn->setText(m_party ? QDateTime::fromString(m_party->checkIn, Qt::ISODate)
                                         .toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                   : nowText);
        row(tr("Check-in"), m_checkIn);
        row(tr("Expected check-out"), m_checkout);
        row(tr("Guests in the party"), m_guests);
        if (m_foreign) {
            const QString current = m_visaType->currentData().toString();
            m_visaType->clear();
            m_visaType->addItem(tr("— choose —"), QString());
            for (const QString& code : kVisaTypes)
                m_visaType->addItem(Texts::visaType(code), code);
            m_visaType->setCurrentIndex(qMax(0, m_visaType->findData(current)));
            // Two fields a row: nine rows would push the Register button off a 800-pixel screen.
            m_visaNumber->setPlaceholderText(tr("number"));
            m_visaNumber->setAccessibleName(tr("Visa or permit number"));
            m_entryPort->setPlaceholderText(tr("port"));
            m_entryPort->setAccessibleName(tr("Port of entry"));
            row(tr("Visa or residence type"), m_visaPair);
            m_visaType->setAccessibleName(tr("Visa or residence type"));
            row(tr("Entry (date, port)"), m_entryPair);
            m_entryDate->setAccessibleName(tr("Date of entry"));
            row(tr("Stay permitted until"), m_stayUntil);
        }
        break;
    case VenueType::InternetCafe:
        row(tr("Seat number"), m_seat);
        m_sessionStart->setText(nowText);
        row(tr("Session starts"), m_sessionStart);
        break;
    case VenueType::GovernmentWindow: {
        const QString current = m_service->currentText();
        m_service->clear();
        m_service->addItems({tr("Household registration"), tr("Social security"), tr("Business licence"),
                             tr("Tax"), tr("Other")});
        if (!current.isEmpty() && m_service->findText(current) < 0)
            m_service->setEditText(current);
        row(tr("Service item"), m_service);
        row(tr("Window number"), m_window);
        break;
    }
    case VenueType::ParcelCounter:
        row(tr("Waybill number"), m_waybill);
        break;
    }
}

} // namespace lz::ui
