#pragma once
// The venue profile's registration form, rendered from core's list of the venue's fields
// (log/VenueFields.h): a row per field the clerk fills in or the terminal sets, a foreign guest's
// visa and entry rows at a hotel, a party's shared room and dates shown but not editable. What is
// missing or wrong is asked of core (checkDetails); the form holds no field rule of its own.
#include "desk/Desk.h"
#include "log/VenueFields.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QWidget>
#include <optional>

class QFormLayout;
class QLabel;

namespace lz::ui {

class RegistrationForm : public QWidget {
    Q_OBJECT
public:
    explicit RegistrationForm(QWidget* parent = nullptr);
    // Empties every field and sets up the venue's rows for a new guest at `now`. identity: the
    // verified guest (a foreign travel document at a hotel adds the visa / entry rows).
    void reset(VenueType type, const QDateTime& now, const QString& windowNo,
               const std::optional<desk::PartyView>& party = std::nullopt,
               const Identity* identity = nullptr);
    // The fields of a registration as it was recorded (a staff correction starts from them); the
    // terminal's fields (check-in time) stay as recorded.
    void load(VenueType type, const QJsonObject& details, const Identity* identity);
    void clear(); // nothing personal stays in any field
    QJsonObject details() const;
    QString missingField() const; // the label of the first field core finds missing or wrong, else ""
    bool edited() const { return m_edited; }
    QWidget* firstField() const; // the first field the clerk fills in (none: nothing to type)

signals:
    void changed();

protected:
    void changeEvent(QEvent* e) override;

private:
    QList<VenueField> shownFields() const; // the rows' fields, in the list's order
    QWidget* field(const VenueField& f);   // its widget, made once
    QJsonValue valueOf(const VenueField& f) const;
    QString labelFor(const QString& key) const;
    void setDefaults();
    void retranslate();

    VenueType m_type = VenueType::Hotel;
    QDateTime m_now;
    QString m_windowNo;
    std::optional<desk::PartyView> m_party;
    std::optional<Identity> m_identity;
    bool m_foreign = false;
    bool m_edited = false;
    QFormLayout* m_form;
    QHash<QString, QWidget*> m_fields;    // by key
    QHash<QWidget*, QLabel*> m_labels;    // each row's label, made once
    QWidget* m_visaPair = nullptr;        // visa type + number on one row
    QWidget* m_entryPair = nullptr;       // entry date + port on one row
    std::optional<VenueType> m_builtType; // the rows in the layout now
    bool m_builtForeign = false;
};

} // namespace lz::ui
