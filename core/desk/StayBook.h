#pragma once
// The hotel's open stays (一证多住: one identity holds at most one open stay). Derived from the
// registration log, never stored beside it: rebuilt from the recent records when the terminal
// starts, then kept by the desk as it registers and checks out. So it cannot disagree with the
// log after a crash — the log is the only truth.
//
// A stay opens with a hotel registration and ends with its check-out record, or, when the clerk
// never recorded the departure, `grace` seconds after the expected check-out.
#include "log/Registration.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <optional>

namespace lz::desk {

struct Stay {
    QByteArray recordId; // the check-in registration
    QString identityKey; // identityKey(): never shown, never stored
    QString room;
    qint64 checkInMs = 0;
    QDateTime expectedCheckout; // local time, as the clerk entered it
    QString method;
};

// The same person across methods: a resident ID number read from a QR code, a phone or the ID
// card is one key; a travel document is its issuing state and number.
QString identityKey(const Identity& identity);

class StayBook {
public:
    explicit StayBook(qint64 graceSeconds = 6 * 3600)
        : m_grace(graceSeconds) {}
    void setGrace(qint64 seconds) { m_grace = seconds; }

    // Feeds one record of the log, in log order: hotel registrations open, check-outs close.
    void apply(const Registration& r);
    void clear() { m_stays.clear(); }

    // The identity's stay open at `nowS` (not checked out, not past the grace).
    std::optional<Stay> openStayOf(const Identity& identity, qint64 nowS) const;
    // A stay not yet checked out (open, or past its grace: a late check-out is still recorded).
    std::optional<Stay> notCheckedOut(const QByteArray& recordId) const;
    QList<Stay> openStays(qint64 nowS) const;
    bool isOpen(const Stay& s, qint64 nowS) const;

private:
    qint64 m_grace;
    QHash<QByteArray, Stay> m_stays; // by check-in record id, until checked out
};

} // namespace lz::desk
