#pragma once
// Staff sign-in: the clerk's staff number (blank: the administrator) and PIN, typed on the
// keyboard or on large on-screen keys. The check itself is done by the application (StaffPin:
// salted hash, lockout; StaffRoster: whose PIN); this page only collects and shows.
#include "staff/StaffPin.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace lz::ui {

class PinPad : public QWidget {
    Q_OBJECT
public:
    explicit PinPad(QWidget* parent = nullptr);
    void reset(); // empty field, no message
    void showAttempt(const staff::PinAttempt& a);
    QLineEdit* field() const { return m_field; }
    QLineEdit* staffField() const { return m_staffId; }
    QString message() const;

signals:
    void submitted(const QString& staffId, const QString& pin);
    void cancelled();

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    QLabel* m_title;
    QLineEdit* m_staffId;
    QLineEdit* m_field;
    QLabel* m_message;
    QPushButton* m_ok;
    QPushButton* m_cancel;
    QPushButton* m_back;
};

} // namespace lz::ui
