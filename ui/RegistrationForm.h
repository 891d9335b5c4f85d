#pragma once
// The venue profile's registration fields (core/log/Registration.h names them): hotel room,
// check-in, expected check-out and party size; internet café seat and session start;
// government window service item and window; parcel counter waybill.
#include "desk/Desk.h"
#include "log/Registration.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace lz::ui {

class RegistrationForm : public QWidget {
    Q_OBJECT
public:
    explicit RegistrationForm(QWidget* parent = nullptr);
    // Empties every field and sets up the profile's fields for a new guest at `now`.
    // identity: the verified guest; a foreign travel document at a hotel adds the visa / entry
    // rows (needsForeignGuestFields).
    void reset(VenueType type, const QDateTime& now, const QString& windowNo,
               const std::optional<desk::PartyView>& party = std::nullopt, const Identity* identity = nullptr);
    void clear(); // nothing personal stays in any field
    QJsonObject details() const;
    QString missingField() const; // the first required field left empty (its label), else ""
    bool edited() const { return m_edited; }
    QWidget* firstField() const;

signals:
    void changed();

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    VenueType m_type = VenueType::Hotel;
    QDateTime m_now;
    std::optional<desk::PartyView> m_party;
    bool m_edited = false;
    QFormLayout* m_form;
    QLineEdit* m_room;
    QLabel* m_checkIn;
    QDateTimeEdit* m_checkout;
    QSpinBox* m_guests;
    QLineEdit* m_seat;
    QLabel* m_sessionStart;
    QComboBox* m_service;
    QLineEdit* m_window;
    QLineEdit* m_waybill;
    // A foreign guest at a hotel (境外人员住宿登记).
    bool m_foreign = false;
    QComboBox* m_visaType;
    QLineEdit* m_visaNumber;
    QDateEdit* m_entryDate;
    QLineEdit* m_entryPort;
    QDateEdit* m_stayUntil;
    QWidget* m_visaPair;                  // type + number
    QWidget* m_entryPair;                 // date + port
    QHash<QWidget*, QLabel*> m_labels;    // each field's row label, made once
    std::optional<VenueType> m_builtType; // the rows in the layout now
    bool m_builtParty = false, m_builtForeign = false;
};

} // namespace lz::ui
