#pragma once
// CSV for the venue's own books (opens in Excel/WPS as UTF-8: a byte-order mark leads).
// ID numbers and names masked unless unmasked is asked for explicitly (the kiosk puts that
// behind the staff PIN). Cells that a spreadsheet would run as a formula are neutralised:
// a name on a credential is outside input.
#include "log/Registration.h"

#include <QIODevice>
#include <QList>

namespace lz {

void writeRegistrationsCsv(QIODevice& out, const QList<Registration>& records, bool unmasked);

} // namespace lz
