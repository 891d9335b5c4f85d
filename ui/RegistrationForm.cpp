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

// "visa_type" → "visaType": the widget's object name (tests and accessibility tools find it so).
QString objectNameFor(const char* key) {
    const QStringList parts = QString::fromLatin1(key).split(QLatin1Char('_'));
    QString out = parts.first();
    for (qsizetype i = 1; i < parts.size(); ++i)
        out += parts[i].left(1).toUpper() + parts[i].mid(1);
    return out;
}

// Two fields that share a row (presentation only: nine rows would push the Register button off
// an 800-pixel screen): the second is shown beside the first.
bool besidePrevious(const QString& key) {
    return key == QLatin1String("visa_number") || key == QLatin1String("entry_port");
}

} // namespace

RegistrationForm::RegistrationForm(QWidget* parent)
    : QWidget(parent) {
    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);              // the panel around it has its own
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows); // wrapped rows cost height large text lacks
    // Every venue's widgets are made now, hidden: a verdict on screen costs no new widgets.
    for (VenueType t :
         {VenueType::Hotel, VenueType::InternetCafe, VenueType::GovernmentWindow, VenueType::ParcelCounter})
        for (const VenueField& f : venueFields(t))
            if (f.source != FieldSource::Desk)
                field(f)->hide();
    m_visaPair = new QWidget(this);
    m_entryPair = new QWidget(this);
    for (const auto& [pair, first, second] : {std::tuple{m_visaPair, "visa_type", "visa_number"},
                                              std::tuple{m_entryPair, "entry_date", "entry_port"}}) {
        auto* h = new QHBoxLayout(pair);
        h->setContentsMargins(0, 0, 0, 0);
        for (const auto& [key, stretch] : {std::pair{first, 3}, std::pair{second, 2}}) {
            QWidget* w = m_fields.value(QLatin1String(key));
            w->setParent(pair);
            w->show();
            h->addWidget(w, stretch);
        }
        pair->hide();
    }
    retranslate();
}

QWidget* RegistrationForm::field(const VenueField& f) {
    const QString key = QLatin1String(f.key);
    if (QWidget* w = m_fields.value(key))
        return w;
    auto edited = [this] {
        m_edited = true;
        emit changed();
    };
    QWidget* w = nullptr;
    switch (f.type) {
    case FieldType::Text: {
        auto* e = new QLineEdit(this);
        connect(e, &QLineEdit::textEdited, this, edited);
        w = e;
        break;
    }
    case FieldType::Count: {
        auto* s = new QSpinBox(this);
        s->setRange(f.minimum, f.maximum);
        connect(s, &QSpinBox::valueChanged, this, edited);
        w = s;
        break;
    }
    case FieldType::DateTime:
        if (f.source == FieldSource::Terminal) {
            w = new QLabel(this); // the terminal's own time: shown, not typed
        } else {
            auto* d = new QDateTimeEdit(this);
            d->setCalendarPopup(true);
            d->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
            connect(d, &QDateTimeEdit::dateTimeChanged, this, [this] { emit changed(); });
            w = d;
        }
        break;
    case FieldType::Date: {
        auto* d = new QDateEdit(this);
        d->setCalendarPopup(true);
        d->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        // Empty until the clerk sets it from the stamp or the visa: never a guess (issue 18).
        d->setMinimumDate(QDate(1900, 1, 1));
        d->setSpecialValueText(QStringLiteral("—"));
        connect(d, &QDateEdit::dateChanged, this, [this] { emit changed(); });
        w = d;
        break;
    }
    case FieldType::Choice: {
        auto* c = new QComboBox(this);
        // A closed list is chosen from; an open one is typed, with suggestions (retranslate).
        c->setEditable(f.choices.isEmpty());
        // Sized by a few characters, not by its longest entry: large text must not widen the screen.
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(6);
        connect(c, &QComboBox::currentIndexChanged, this, edited);
        connect(c, &QComboBox::currentTextChanged, this, [this] { emit changed(); });
        w = c;
        break;
    }
    }
    w->setObjectName(objectNameFor(f.key));
    m_fields.insert(key, w);
    return w;
}

QList<VenueField> RegistrationForm::shownFields() const {
    QList<VenueField> out;
    for (const VenueField& f : venueFields(m_type)) {
        if (f.source == FieldSource::Desk)
            continue;
        const bool foreignField =
            f.need == FieldNeed::ForeignGuest || f.need == FieldNeed::ForeignGuestOptional;
        if (foreignField && !m_foreign)
            continue;
        out.append(f);
    }
    return out;
}

void RegistrationForm::reset(VenueType type, const QDateTime& now, const QString& windowNo,
                             const std::optional<desk::PartyView>& party, const Identity* identity) {
    clear();
    m_type = type;
    m_now = now;
    m_windowNo = windowNo;
    m_party = party;
    if (identity)
        m_identity = *identity;
    m_foreign = identity && needsForeignGuestFields(type, *identity);
    setDefaults();
    m_edited = false;
    retranslate();
}

void RegistrationForm::load(VenueType type, const QJsonObject& details, const Identity* identity) {
    const QString startKey =
        type == VenueType::InternetCafe ? QStringLiteral("session_start") : QStringLiteral("check_in");
    QDateTime start = QDateTime::fromString(details.value(startKey).toString(), Qt::ISODate);
    reset(type, start.isValid() ? start : QDateTime::currentDateTime(),
          details.value(QLatin1String("window_no")).toString(), std::nullopt, identity);
    for (const VenueField& f : shownFields()) {
        const QJsonValue v = details.value(QLatin1String(f.key));
        QWidget* w = m_fields.value(QLatin1String(f.key));
        if (v.isUndefined() || f.source != FieldSource::Clerk)
            continue;
        if (auto* e = qobject_cast<QLineEdit*>(w))
            e->setText(v.toString());
        else if (auto* n = qobject_cast<QSpinBox*>(w))
            n->setValue(v.toInt());
        else if (auto* d = qobject_cast<QDateEdit*>(w))
            d->setDate(QDate::fromString(v.toString(), Qt::ISODate));
        else if (auto* t = qobject_cast<QDateTimeEdit*>(w))
            t->setDateTime(QDateTime::fromString(v.toString(), Qt::ISODate));
        else if (auto* c = qobject_cast<QComboBox*>(w)) {
            const int i = f.choices.isEmpty() ? c->findText(v.toString()) : c->findData(v.toString());
            if (i >= 0)
                c->setCurrentIndex(i);
            else if (c->isEditable())
                c->setEditText(v.toString());
        }
    }
    m_edited = false;
}

void RegistrationForm::setDefaults() {
    const QDate today = m_now.date();
    // Tomorrow at noon, the usual hotel check-out (the clerk corrects it from the booking). The
    // entry date and the stay permitted are the stamp's and the visa's: left empty, never guessed.
    if (auto* d = qobject_cast<QDateTimeEdit*>(m_fields.value(QStringLiteral("expected_checkout"))))
        d->setDateTime(QDateTime(today.addDays(1), QTime(12, 0)));
    for (const char* key : {"entry_date", "stay_until"})
        if (auto* d = qobject_cast<QDateEdit*>(m_fields.value(QLatin1String(key))))
            d->setDate(d->minimumDate());
    if (auto* e = qobject_cast<QLineEdit*>(m_fields.value(QStringLiteral("window_no"))))
        e->setText(m_windowNo);
    // A party's room, dates and size are the desk's: shown, not editable.
    for (const char* key : {"room", "expected_checkout", "guests"})
        m_fields.value(QLatin1String(key))->setEnabled(!m_party);
    if (m_party) {
        qobject_cast<QLineEdit*>(m_fields.value(QStringLiteral("room")))->setText(m_party->room);
        qobject_cast<QSpinBox*>(m_fields.value(QStringLiteral("guests")))->setValue(m_party->guests);
        qobject_cast<QDateTimeEdit*>(m_fields.value(QStringLiteral("expected_checkout")))
            ->setDateTime(QDateTime::fromString(m_party->expectedCheckout, Qt::ISODate));
    }
}

void RegistrationForm::clear() {
    // setText() also empties the undo history: Ctrl+Z must not bring back the last guest's room.
    for (QWidget* w : std::as_const(m_fields)) {
        if (auto* e = qobject_cast<QLineEdit*>(w))
            e->setText(QString());
        else if (auto* c = qobject_cast<QComboBox*>(w))
            c->setCurrentIndex(0);
        else if (auto* s = qobject_cast<QSpinBox*>(w))
            s->setValue(s->minimum());
        else if (auto* l = qobject_cast<QLabel*>(w))
            l->clear();
    }
    m_party.reset();
    m_identity.reset();
    m_foreign = false;
    m_edited = false;
}

QWidget* RegistrationForm::firstField() const {
    for (const VenueField& f : shownFields()) {
        QWidget* w = m_fields.value(QLatin1String(f.key));
        if (f.source == FieldSource::Clerk && w->isEnabled())
            return w;
    }
    return nullptr;
}

QJsonValue RegistrationForm::valueOf(const VenueField& f) const {
    const QString key = QLatin1String(f.key);
    QWidget* w = m_fields.value(key);
    if (f.source == FieldSource::Terminal)
        return key == QLatin1String("check_in") && m_party ? m_party->checkIn : isoLocal(m_now);
    const bool optional = f.need == FieldNeed::Optional || f.need == FieldNeed::ForeignGuestOptional;
    switch (f.type) {
    case FieldType::Text: {
        const QString text = qobject_cast<QLineEdit*>(w)->text().trimmed();
        return optional && text.isEmpty() ? QJsonValue() : QJsonValue(text);
    }
    case FieldType::Count:
        return qobject_cast<QSpinBox*>(w)->value();
    case FieldType::DateTime:
        return isoLocal(qobject_cast<QDateTimeEdit*>(w)->dateTime());
    case FieldType::Date: {
        const auto* d = qobject_cast<QDateEdit*>(w);
        return d->date() == d->minimumDate() ? QJsonValue() : QJsonValue(d->date().toString(Qt::ISODate));
    }
    case FieldType::Choice: {
        auto* c = qobject_cast<QComboBox*>(w);
        return f.choices.isEmpty() ? c->currentText().trimmed() : c->currentData().toString();
    }
    }
    return {};
}

QJsonObject RegistrationForm::details() const {
    QJsonObject o;
    for (const VenueField& f : shownFields())
        if (const QJsonValue v = valueOf(f); !v.isUndefined() && !v.isNull())
            o.insert(QLatin1String(f.key), v);
    return o;
}

QString RegistrationForm::missingField() const {
    const auto problem = checkDetails(m_type, details(), m_identity ? &*m_identity : nullptr);
    return problem ? labelFor(problem->key) : QString();
}

void RegistrationForm::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

QString RegistrationForm::labelFor(const QString& key) const {
    static const QHash<QString, const char*> labels{
        {QStringLiteral("room"), QT_TR_NOOP("Room number")},
        {QStringLiteral("check_in"), QT_TR_NOOP("Check-in")},
        {QStringLiteral("expected_checkout"), QT_TR_NOOP("Expected check-out")},
        {QStringLiteral("guests"), QT_TR_NOOP("Guests in the party")},
        {QStringLiteral("visa_type"), QT_TR_NOOP("Visa or residence type")},
        {QStringLiteral("visa_number"), QT_TR_NOOP("Visa or permit number")},
        {QStringLiteral("entry_date"), QT_TR_NOOP("Date of entry")},
        {QStringLiteral("entry_port"), QT_TR_NOOP("Port of entry")},
        {QStringLiteral("stay_until"), QT_TR_NOOP("Stay permitted until")},
        {QStringLiteral("seat"), QT_TR_NOOP("Seat number")},
        {QStringLiteral("session_start"), QT_TR_NOOP("Session starts")},
        {QStringLiteral("service_item"), QT_TR_NOOP("Service item")},
        {QStringLiteral("window_no"), QT_TR_NOOP("Window number")},
        {QStringLiteral("waybill"), QT_TR_NOOP("Waybill number")}};
    const char* label = labels.value(key);
    return label ? tr(label) : key;
}

void RegistrationForm::retranslate() {
    // Rows are taken out and put back only when the venue or the foreign rows changed: a verdict
    // on screen costs no new widgets and, usually, no new layout.
    const bool sameRows = m_builtType == m_type && m_builtForeign == m_foreign && m_form->rowCount() > 0;
    m_builtType = m_type;
    m_builtForeign = m_foreign;
    while (!sameRows && m_form->rowCount() > 0) {
        const QFormLayout::TakeRowResult row = m_form->takeRow(0);
        delete row.labelItem; // the layout items are ours now; the widgets stay
        delete row.fieldItem;
    }
    if (!sameRows)
        for (QWidget* w : findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
            w->hide();
    auto row = [&](const QString& label, QWidget* w) {
        QLabel*& l = m_labels[w];
        if (!l)
            l = new QLabel(this);
        l->setText(label);
        w->setAccessibleName(label);
        if (sameRows)
            return;
        l->setBuddy(w);
        l->show();
        w->show();
        m_form->addRow(l, w);
    };
    for (const VenueField& f : shownFields()) {
        const QString key = QLatin1String(f.key);
        QWidget* w = m_fields.value(key);
        w->setAccessibleName(labelFor(key));
        if (f.source == FieldSource::Terminal) {
            const QDateTime at = key == QLatin1String("check_in") && m_party
                                     ? QDateTime::fromString(m_party->checkIn, Qt::ISODate)
                                     : m_now;
            qobject_cast<QLabel*>(w)->setText(at.isValid() ? at.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                                           : QString());
        }
        if (auto* c = qobject_cast<QComboBox*>(w); c && f.type == FieldType::Choice) {
            // Entries in the current language; the choice (or the typed text) is kept.
            const QString chosen = c->currentData().toString(), typed = c->currentText();
            c->clear();
            if (!f.choices.isEmpty()) {
                c->addItem(tr("— choose —"), QString());
                for (const QString& code : f.choices)
                    c->addItem(key == QLatin1String("visa_type") ? Texts::visaType(code) : code, code);
                c->setCurrentIndex(qMax(0, c->findData(chosen)));
            } else {
                c->addItems({tr("Household registration"), tr("Social security"), tr("Business licence"),
                             tr("Tax"), tr("Other")});
                if (!typed.isEmpty() && c->findText(typed) < 0)
                    c->setEditText(typed);
            }
        }
        if (besidePrevious(key))
            continue; // in its partner's row
        if (key == QLatin1String("visa_type")) {
            qobject_cast<QLineEdit*>(m_fields.value(QStringLiteral("visa_number")))
                ->setPlaceholderText(tr("number"));
            row(tr("Visa or residence type"), m_visaPair);
            w->setAccessibleName(labelFor(key));
        } else if (key == QLatin1String("entry_date")) {
            qobject_cast<QLineEdit*>(m_fields.value(QStringLiteral("entry_port")))
                ->setPlaceholderText(tr("port"));
            row(tr("Entry (date, port)"), m_entryPair);
            w->setAccessibleName(labelFor(key));
        } else {
            row(labelFor(key), w);
        }
    }
}

} // namespace lz::ui
