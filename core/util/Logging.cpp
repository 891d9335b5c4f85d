#include "util/Logging.h"

namespace lz {

Q_LOGGING_CATEGORY(lcDesk, "lz.desk", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLog, "lz.log", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "lz.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNfc, "lz.nfc", QtInfoMsg)
// Device traffic is for an engineer at the reader, never on by default.
Q_LOGGING_CATEGORY(lcNfcTraffic, "lz.nfc.traffic", QtWarningMsg)
Q_LOGGING_CATEGORY(lcIdCard, "lz.idcard", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCamera, "lz.camera", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKiosk, "lz.kiosk", QtInfoMsg)

} // namespace lz
