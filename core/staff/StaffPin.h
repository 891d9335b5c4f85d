#pragma once
// The staff PIN that guards the kiosk's staff mode: stored only as a salted PBKDF2-HMAC-SHA256
// hash ("pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>"), compared in constant time, and
// guarded against guessing by a lockout that survives a restart (a state file).
#include "util/Expected.h"

#include <QString>

namespace lz::staff {

// 4 to 12 digits: typed on a touch keypad by a clerk.
bool acceptablePin(const QString& pin);
// A fresh salt each time: two terminals with the same PIN store different hashes.
Expected<QString> hashPin(const QString& pin, int iterations = 120000);
// False for a wrong PIN; a named error ("pin_hash_invalid") when `stored` is not a hash we wrote.
Expected<bool> verifyPin(const QString& pin, const QString& stored);

struct PinPolicy {
    int maxFailures = 5;   // consecutive wrong PINs before a lockout
    int lockSeconds = 300; // first lockout; doubles with each further one, up to maxLockSeconds
    int maxLockSeconds = 3600;
};

enum class PinOutcome { Accepted, Wrong, Locked, NotSet };

struct PinAttempt {
    PinOutcome outcome = PinOutcome::Wrong;
    int remaining = 0;      // tries left before the next lockout (Wrong)
    qint64 lockedUntil = 0; // unix seconds (Locked, or Wrong when this try started a lockout)
    // What went wrong beside the PIN itself, and the named error for the log file.
    enum class Problem { None, HashUnusable, StateUnwritable } problem = Problem::None;
    QString error;
};

class PinGuard {
public:
    // stateFile: failure count and lockout end, kept across restarts ("" = memory only).
    explicit PinGuard(QString stateFile, PinPolicy policy = {});
    // Checks `pin` against `stored` unless locked out at `now` (unix seconds). An empty
    // `stored` means no PIN was set: NotSet (the caller decides; the kiosk refuses staff mode).
    PinAttempt attempt(const QString& pin, const QString& stored, qint64 now);
    qint64 lockedUntil() const { return m_lockedUntil; }

private:
    void load();
    QString save() const; // the error when the state file could not be written (a lockout would not persist)

    QString m_file;
    PinPolicy m_policy;
    int m_failures = 0;
    int m_lockouts = 0;
    qint64 m_lockedUntil = 0;
};

} // namespace lz::staff
