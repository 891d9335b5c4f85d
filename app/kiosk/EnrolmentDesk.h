#pragma once
// The enrolment at the desk behind the not-enrolled notice (docs/configuration.md "Enrolment"):
// the notice (ui/NotEnrolledScreen), the administrator's sign-in (ui/PinPad; none on a terminal
// with no PIN yet — choosing it is the first step) and the staff-mode enrolment screens
// (ui/EnrolmentScreen). Each step the screens ask for runs here through app/common/EnrolmentSteps,
// the same code as `liangzheng-cli enrol`; the screens only show what came back.
#include "common/Enrolment.h"
#include "common/EnrolmentSteps.h"
#include "staff/StaffPin.h"
#include "ui/NotEnrolledScreen.h"

#include <QObject>
#include <QString>

class QStackedWidget;

namespace lz {
namespace ui {
class EnrolmentScreen;
class NotEnrolledScreen;
class PinPad;
} // namespace ui

class EnrolmentDesk : public QObject {
    Q_OBJECT
public:
    explicit EnrolmentDesk(const QString& configPath, QObject* parent = nullptr);
    ~EnrolmentDesk() override;
    QStackedWidget* window() const { return m_frame; } // the top-level widget to show
    ui::NotEnrolledScreen* notice() const { return m_notice; }
    ui::PinPad* pinPad() const { return m_pinPad; }
    ui::EnrolmentScreen* screen() const { return m_screen; }
    // The enrolment read again (the gate's poll): the notice's list and the screens' marks.
    void show(const EnrolmentStatus& status);

signals:
    void selfTestPassed(); // enrolment is complete: the gate may start the kiosk now

private:
    void startEnrolment(); // from the notice: sign in first when a PIN is set
    void openScreens();
    void signIn(const QString& staffId, const QString& pin);
    void showPinNotSet();
    void sayFailure(const enrol::Failure& f); // in words, with its named error
    void refresh(bool advance = true);        // the enrolment read again after a step; on to the next one
    void runSelfTest();

    QString m_config;
    staff::PinGuard m_guard;
    QStackedWidget* m_frame;
    ui::NotEnrolledScreen* m_notice;
    ui::PinPad* m_pinPad;
    ui::EnrolmentScreen* m_screen;
    QList<ui::EnrolStepView> m_shown;
    QString m_nobodysHash; // what a clerk's number is checked against (never matches)
    bool m_selfTestRunning = false;
};

} // namespace lz
