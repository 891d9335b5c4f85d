#pragma once
// The kiosk under systemd (packaging/systemd/liangzheng-kiosk.service): READY=1 once the window
// is up, then WATCHDOG=1 from the UI thread every half watchdog interval. A frozen UI thread sends
// nothing, so systemd kills the session and starts it again (the unit's WatchdogSec, Restart).
// Run by hand (no NOTIFY_SOCKET) it does nothing.
#include <QObject>
#include <QTimer>

class QSocketNotifier;
class QWidget;

namespace lz {

class ServiceWatchdog : public QObject {
    Q_OBJECT
public:
    explicit ServiceWatchdog(QObject* parent = nullptr);
    ~ServiceWatchdog() override;

    // READY=1 once `window` has painted for the first time (what the guest sees is on the screen),
    // and then the watchdog's pings.
    void readyAfterFirstPaint(QWidget* window);
    // READY=1 now (with the status set last), and the pings.
    void ready();
    // What `systemctl status` shows for the unit (no personal data): sent now and with READY=1.
    void setStatus(const QString& status);
    // Tests of the watchdog only: SIGUSR2 freezes the UI thread for good (after a last STATUS
    // message, so a test knows the freeze has begun).
    void freezeOnSigusr2();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_ping;
    QWidget* m_window = nullptr;
    QByteArray m_status = "kiosk window shown";
    QSocketNotifier* m_freeze = nullptr;
};

} // namespace lz
