#pragma once
// Every NFC failure has a name (stable, English, for logs, tests and the kiosk's messages) and
// a technical detail. Never personal data in either.
#include "util/Expected.h"

#include <QString>

namespace lz::nfc {

struct NfcError {
    QString code;   // one of the names below
    QString detail; // technical, English

    QString toString() const { return detail.isEmpty() ? code : code + QStringLiteral(": ") + detail; }
};

// Names (docs/nfc-credential.md lists what each means to the clerk):
//  transport:  card_left, card_timeout, reader_io, reader_hung, reader_crashed, reader_open_failed,
//              reader_stopped, wire_malformed, wire_oversized
//  APDU level: apdu_truncated, apdu_too_long
//  wallet:     not_wallet, wallet_version, wallet_refused, wallet_bad_response, response_too_large,
//              card_unsupported
template <typename T> using NfcExpected = Expected<T, NfcError>;

inline Unexpected<NfcError> nfcError(const char* code, QString detail = {}) {
    return unexpected(NfcError{QString::fromLatin1(code), std::move(detail)});
}

} // namespace lz::nfc
