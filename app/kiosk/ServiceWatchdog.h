#pragma once
// The kiosk under systemd (packaging/systemd/liangzheng-kiosk.service): READY=1 once the window
// is up, then WATCHDOG=1 from the UI thread every half watchdog interval. A frozen UI thread sends
// nothing, so systemd kills the session and starts it again (the unit's WatchdogSec, Restart).
// Run by hand (no NOTIFY_SOCKET) it does nothing.
#include <QObject>
#include <QTimer>

class QSocketNotifier;

namespace lz {

class ServiceWatchdog : public QObject {
    Q_OBJECT
public:
    explicit ServiceWatchdog(QObject* parent = nullptr);
    ~ServiceWatchdog() override;

    // The first screen is drawn: READY=1, and the watchdog's pings begin.
    void ready();
    // Tests of the watchdog only: SIGUSR2 freezes the UI thread for good (after a last STATUS
    // message, so a test knows the freeze has begun).
    void freezeOnSigusr2();

private:
    QTimer m_ping;
    QSocketNotifier* m_freeze = nullptr;
};

} // namespace lz
