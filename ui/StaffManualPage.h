#pragma once
// 补录 (issue 18): when every reader fails, staff register the person from the document in their
// hand — the document's kind, number, name (resident ID: birth date and sex follow from the
// number; a travel document: nationality, sex, birth date), the venue's fields, and why. The
// desk checks the typed identity and the venue's rules and records it as a manual registration,
// never as verified, with the staff member signed in. This page only collects and shows.
#include "credential/Identity.h"
#include "log/Registration.h"

#include <QDateTime>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace lz::ui {
class RegistrationForm;

class StaffManualPage : public QWidget {
    Q_OBJECT
public:
    explicit StaffManualPage(QWidget* parent = nullptr);
    void open(VenueType venue, const QDateTime& now, const QString& windowNo);
    void clear(); // nothing typed stays
    // The identity as typed (a resident ID's birth date and sex taken from its number).
    Identity typed() const;
    RegistrationForm* form() const { return m_form; }

signals:
    void manualRegistrationRequested(const lz::Identity& typed, const QJsonObject& details,
                                     const QString& reason);
    void message(const QString& text, bool error);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void kindChanged();
    bool travel() const;

    // A foreign passport at a hotel adds the visa and entry rows: the form follows what is typed.
    void refreshForm();
    VenueType m_venue = VenueType::Hotel;
    QDateTime m_now;
    QString m_windowNo;
    bool m_foreign = false;
    QLabel* m_explain;
    QComboBox* m_kind;
    QLineEdit* m_number;
    QLineEdit* m_name;
    QComboBox* m_ethnicity;
    QLineEdit* m_nationality;
    QComboBox* m_sex;
    QDateEdit* m_birth;
    QLineEdit* m_reason;
    RegistrationForm* m_form;
    QPushButton* m_register;
    QList<QLabel*> m_labels;
    QList<QWidget*> m_travelOnly, m_residentOnly;
};

} // namespace lz::ui
