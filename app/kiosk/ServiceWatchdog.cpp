#include "kiosk/ServiceWatchdog.h"

#include "util/Logging.h"
#include "util/SdNotify.h"

#include <QCoreApplication>
#include <QEvent>
#include <QSocketNotifier>
#include <QWidget>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace lz {

namespace {
int g_freezePipe[2] = {-1, -1};

void onSigusr2(int) {
    const char c = 'f';
    [[maybe_unused]] const ssize_t n = ::write(g_freezePipe[1], &c, 1); // async-signal-safe
}
} // namespace

ServiceWatchdog::ServiceWatchdog(QObject* parent)
    : QObject(parent) {
    connect(&m_ping, &QTimer::timeout, this, [] { sdNotify("WATCHDOG=1"); });
    connect(qApp, &QCoreApplication::aboutToQuit, this, [] { sdNotify("STOPPING=1"); });
}

ServiceWatchdog::~ServiceWatchdog() = default;

void ServiceWatchdog::readyAfterFirstPaint(QWidget* window) {
    m_window = window;
    window->installEventFilter(this);
}

bool ServiceWatchdog::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_window && event->type() == QEvent::Paint) {
        m_window->removeEventFilter(this);
        m_window = nullptr;
        // After this paint has been delivered and flushed to the compositor.
        QTimer::singleShot(0, this, &ServiceWatchdog::ready);
    }
    return false;
}

void ServiceWatchdog::ready() {
    if (!sdNotify("READY=1\nSTATUS=" + m_status))
        return; // not run by systemd
    const qint64 intervalMs = sdWatchdogIntervalMs();
    if (intervalMs <= 0)
        return;
    qCInfo(lcKiosk, "systemd watchdog: a ping every %lld ms", static_cast<long long>(intervalMs / 2));
    m_ping.start(int(qMax<qint64>(1, intervalMs / 2)));
}

void ServiceWatchdog::setStatus(const QString& status) {
    m_status = status.toUtf8();
    sdNotify("STATUS=" + m_status);
}

void ServiceWatchdog::freezeOnSigusr2() {
    if (m_freeze || ::pipe2(g_freezePipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return;
    m_freeze = new QSocketNotifier(g_freezePipe[0], QSocketNotifier::Read, this);
    connect(m_freeze, &QSocketNotifier::activated, this, [] {
        sdNotify("STATUS=frozen by SIGUSR2 (watchdog test)");
        for (;;)
            ::pause(); // the UI thread stops here; only the watchdog (SIGKILL) ends the process
    });
    struct sigaction sa {};
    sa.sa_handler = onSigusr2;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    ::sigaction(SIGUSR2, &sa, nullptr);
}

} // namespace lz
