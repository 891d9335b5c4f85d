#pragma once
// systemd's service notification (sd_notify(3)) without libsystemd: one datagram of KEY=VALUE lines
// to $NOTIFY_SOCKET. Written by hand because libsystemd's sd_watchdog_enabled() checks
// WATCHDOG_PID against the caller, and under cage the kiosk is not the unit's main process (cage
// is); the protocol itself is one sendto().
#include <QByteArray>

namespace lz {

// Sends `state` (e.g. "READY=1", "WATCHDOG=1", "STATUS=…"); false when no manager listens
// (no NOTIFY_SOCKET: run by hand) or the send failed. Never blocks.
bool sdNotify(const QByteArray& state);

// WATCHDOG_USEC in milliseconds, 0 when the service has no watchdog. WATCHDOG_PID is ignored on
// purpose (see above); the unit says NotifyAccess=all.
qint64 sdWatchdogIntervalMs();

} // namespace lz
