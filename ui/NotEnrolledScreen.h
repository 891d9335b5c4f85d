#pragma once
// What a terminal installed from the package shows until it is enrolled (docs/configuration.md
// "Enrolment"): that it verifies nobody yet and why — each enrolment step, done or not — and how
// staff finish it: here, in staff mode (ui/EnrolmentScreen), or with `liangzheng-cli enrol`. The steps and
// whether they are done come from app/common/Enrolment; this screen only shows them. It is never empty and
// never a crash loop.
#include <QList>
#include <QWidget>

class QLabel;
class QPushButton;

namespace lz::ui {

struct EnrolStepView {
    QString key; // pin, venue, terminal, trust, gateway, certificate, self_test
    bool done = false;
    bool required = true;
    bool operator==(const EnrolStepView&) const = default;
};

class NotEnrolledScreen : public QWidget {
    Q_OBJECT
public:
    explicit NotEnrolledScreen(QWidget* parent = nullptr);
    void setSteps(const QList<EnrolStepView>& steps);
    QString stepsText() const;
    // A step's name in the screen's language (the enrolment screens use the same words).
    static QString stepName(const QString& key);
    QPushButton* enrolButton() const { return m_enrol; }

signals:
    void enrolRequested(); // staff: the enrolment screens (behind the PIN once one is set)

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();

    QList<EnrolStepView> m_steps;
    QLabel* m_title;
    QLabel* m_why;
    QLabel* m_list;
    QLabel* m_how;
    QPushButton* m_enrol;
};

} // namespace lz::ui
