#pragma once
// What a terminal installed from the package shows until it is enrolled (docs/configuration.md
// "Enrolment"): that it verifies nobody yet and why — each enrolment step, done or not — and how
// staff finish it. The steps and whether they are done come from app/common/Enrolment; this screen
// only shows them. It is never empty and never a crash loop.
#include <QList>
#include <QWidget>

class QLabel;

namespace lz::ui {

struct EnrolStepView {
    QString key; // pin, venue, terminal, trust, gateway, certificate, self_test
    bool done = false;
    bool required = true;
};

class NotEnrolledScreen : public QWidget {
    Q_OBJECT
public:
    explicit NotEnrolledScreen(QWidget* parent = nullptr);
    void setSteps(const QList<EnrolStepView>& steps);
    QString stepsText() const;

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    QString stepName(const QString& key) const;
    QList<EnrolStepView> m_steps;
    QLabel* m_title;
    QLabel* m_why;
    QLabel* m_list;
    QLabel* m_how;
};

} // namespace lz::ui
