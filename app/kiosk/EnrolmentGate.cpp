#include "kiosk/EnrolmentGate.h"

#include "common/Enrolment.h"
#include "common/SettingsLayers.h"
#include "common/TerminalConfig.h"
#include "kiosk/EnrolmentDesk.h"
#include "kiosk/ServiceWatchdog.h"
#include "ui/Language.h"
#include "ui/Theme.h"
#include "util/Logging.h"

#include <QApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QScreen>
#include <QStackedWidget>
#include <QTimer>

namespace lz {

bool readyToVerify(const QString& configPath, QString* why, EnrolmentStatus* status) {
    auto config = TerminalConfig::fromFile(configPath);
    const EnrolmentStatus st = enrolmentStatus(configPath, QDateTime::currentSecsSinceEpoch());
    // A configuration a roll-out wrote whole (no enrolment begun) runs as it is; one being enrolled
    // runs once every required step is done.
    // Once enrolment was completed (its self-test passed), a later start is gated only by the
    // configuration: an expired TLS certificate must not stop offline verification (sync says it).
    const bool ready = config && (!st.started || st.completed || st.complete());
    if (!ready && why)
        *why = !st.complete() ? st.reason() : config.error();
    if (status)
        *status = st;
    return ready;
}

GateOutcome waitForEnrolment(const QString& configPath, bool windowed, ServiceWatchdog& watchdog) {
    QString why;
    EnrolmentStatus status;
    if (readyToVerify(configPath, &why, &status))
        return GateOutcome::Enrolled;
    qCInfo(lcKiosk, "not enrolled: %s", qPrintable(why)); // step names only: nothing personal
    // A configuration that cannot be read says why in the journal, not only "not enrolled".
    if (auto config = TerminalConfig::fromFile(configPath); !config)
        qCWarning(lcKiosk, "configuration: %s", qPrintable(config.error()));
    const SettingsLayers settings(configPath, TerminalConfig::settingsPathFor(configPath));
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
        ui::applyTheme(*app, {});
    ui::applyLanguage(settings.value(QStringLiteral("kiosk/language"), QStringLiteral("zh_CN")).toString());
    // The notice, and behind it the enrolment in staff mode (app/kiosk/EnrolmentDesk).
    EnrolmentDesk desk(configPath);
    QWidget& screen = *desk.window();
    desk.show(status);
    if (windowed) {
        screen.resize(1280, 800);
        screen.show();
    } else {
        screen.setWindowFlags(Qt::Window | Qt::FramelessWindowHint);
        if (QScreen* s = QGuiApplication::primaryScreen())
            screen.setGeometry(s->geometry());
        screen.showFullScreen();
    }
    watchdog.readyAfterFirstPaint(&screen);
    watchdog.setStatus(why);
    // A loop of its own: leaving the application's loop would emit aboutToQuit, and the watchdog
    // would tell systemd STOPPING=1 — which then kills the kiosk that carries on after enrolment.
    // QCoreApplication::quit() (--quit-after, SIGTERM) still ends this loop.
    bool enrolled = false;
    QEventLoop loop;
    QObject::connect(qApp, &QCoreApplication::aboutToQuit, &loop, &QEventLoop::quit);
    QTimer poll;
    const auto check = [&] {
        QString stillWhy;
        if (readyToVerify(configPath, &stillWhy, &status)) {
            enrolled = true;
            loop.quit();
            return;
        }
        desk.show(status);
        watchdog.setStatus(stillWhy);
    };
    QObject::connect(&poll, &QTimer::timeout, &screen, check);
    // Enrolled at the desk: start at once rather than at the next poll (after the result is seen).
    QObject::connect(&desk, &EnrolmentDesk::selfTestPassed, &screen,
                     [&] { QTimer::singleShot(1500, &screen, check); });
    poll.start(2000);
    loop.exec();
    if (!enrolled)
        return GateOutcome::Quit;
    qCInfo(lcKiosk, "enrolment complete: starting the kiosk");
    watchdog.setStatus(QStringLiteral("enrolled: starting the kiosk"));
    return GateOutcome::Enrolled;
}

} // namespace lz
