#pragma once
// The terminal's log categories, one per module (QLoggingCategory; QT_LOGGING_RULES or
// qtlogging.ini turn them on). No log line carries personal data — no name, no document
// number, no detail a venue typed — only ids, counts, codes and reasons; a test runs the kiosk
// with every category on and looks for the demo holders in what was logged.
#include <QLoggingCategory>

namespace lz {

Q_DECLARE_LOGGING_CATEGORY(lcDesk)       // lz.desk: decisions, registrations, check-outs (ids, reasons)
Q_DECLARE_LOGGING_CATEGORY(lcLog)        // lz.log: the registration log's writes and checks
Q_DECLARE_LOGGING_CATEGORY(lcSync)       // lz.sync: forwarding rounds
Q_DECLARE_LOGGING_CATEGORY(lcNfc)        // lz.nfc: the reader's state and failures
Q_DECLARE_LOGGING_CATEGORY(lcNfcTraffic) // lz.nfc.traffic: every APDU's size and status; off by default
Q_DECLARE_LOGGING_CATEGORY(
    lcIdCard) // lz.idcard: the ID-card reader's state and failures (never a card's contents)
Q_DECLARE_LOGGING_CATEGORY(lcCamera) // lz.camera: the camera's state
Q_DECLARE_LOGGING_CATEGORY(lcKiosk)  // lz.kiosk: start-up, devices, settings

} // namespace lz
