#pragma once
// Before the kiosk proper: a terminal that is not enrolled (its configuration cannot run a
// terminal yet, or an enrolment was begun and not finished) shows ui/NotEnrolledScreen — it
// verifies nobody and says why — and waits, re-reading its enrolment every 2 s, until it is
// enrolled; then the kiosk starts in the same process. docs/configuration.md "Enrolment".
#include <QString>

namespace lz {

class ServiceWatchdog;
struct EnrolmentStatus;

// True when the terminal whose defaults are `configPath` may start verifying; `status`, when
// given, receives the enrolment read on the way (the screen shows it: read once per check).
bool readyToVerify(const QString& configPath, QString* why = nullptr, EnrolmentStatus* status = nullptr);

enum class GateOutcome { Enrolled, Quit };
// Shows the screen until enrolled (or the application quits: --quit-after, a signal).
GateOutcome waitForEnrolment(const QString& configPath, bool windowed, ServiceWatchdog& watchdog);

} // namespace lz
