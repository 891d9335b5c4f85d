#pragma once
// Every NFC failure (the reader, the APDU layer, the wallet, a travel document's chip) is one of a
// closed set of codes with a technical detail. Never personal data in either. nfcCodeName() is
// the one place the stable names are written (logs, tests, the helper process's wire, and
// docs/nfc-credential.md, which lists what each means to the clerk).
#include "util/Expected.h"

#include <QString>
#include <optional>

namespace lz::nfc {

enum class NfcCode {
    // transport
    CardLeft,
    CardTimeout,
    CardUnsupported, // a card this reader cannot read
    ResidentIdCard,  // an ISO 14443-B card with no ICAO application: a resident ID card, which
                     // only a SAM ID-card reader can read (docs/id-card-reader.md)
    ReaderIo,
    ReaderHung,
    ReaderCrashed,
    ReaderOpenFailed,
    ReaderStopped,
    WireMalformed,
    WireOversized,
    // APDU level
    ApduTruncated,
    ApduTooLong,
    // the e-ID wallet
    NotWallet,
    WalletVersion,
    WalletRefused,
    WalletBadResponse,
    ResponseTooLarge,
    PortraitTooLarge, // the wallet's portrait is over 16 KiB
    PortraitBroken,   // the portrait's read failed or its bytes are not what was announced
    // a travel document's chip (ICAO 9303)
    NotEmrtd,
    BacMalformed,
    BacRefused,
    BacMacMismatch,
    BacNonceMismatch,
    PaceMalformed,
    PaceRefused,
    PaceTokenMismatch,
    SmError,
    SmMalformed,
    SmMissingObjects,
    SmMacMismatch,
    TlvTruncated,
    LdsMalformed,
    LdsFileMissing,
    LdsReadFailed,
    LdsFileTooLarge,
};

QString nfcCodeName(NfcCode code); // "card_left", ...
// The helper process sends codes by name; an unknown name is nullopt (the caller names it
// wire_malformed).
std::optional<NfcCode> nfcCodeFromName(const QString& name);
// What a failure means for the person at the reader: the few cases the screens tell apart. The one
// exhaustive mapping from codes; screens switch on the kind (a switch the compiler checks).
enum class NfcFailureKind {
    CardMoved,       // the card or phone left the field: hold it still and try again
    ReaderFault,     // the reader or its helper failed: staff
    CardUnsupported, // a card this reader cannot read
    IdCard,          // a resident ID card: it belongs on the ID-card reader
    NoApplication,   // no e-ID wallet / no travel-document application answered, or a newer one
    HolderDeclined,  // the holder declined on the phone
    KeyRefused,      // the chip refused the MRZ key (BAC / PACE): check what was typed
    Protocol,        // anything else the card said that cannot be used
};
NfcFailureKind nfcFailureKind(NfcCode code);
// The reader or the card's presence failed (read again), rather than what the card said.
inline bool isTransportFailure(NfcCode code) {
    const NfcFailureKind kind = nfcFailureKind(code);
    return kind == NfcFailureKind::CardMoved || kind == NfcFailureKind::ReaderFault;
}

struct NfcError {
    NfcCode code = NfcCode::ReaderIo;
    QString detail; // technical, English

    QString name() const { return nfcCodeName(code); }
    QString toString() const { return detail.isEmpty() ? name() : name() + QStringLiteral(": ") + detail; }
};

template <typename T> using NfcExpected = Expected<T, NfcError>;

inline Unexpected<NfcError> nfcError(NfcCode code, QString detail = {}) {
    return unexpected(NfcError{code, std::move(detail)});
}

} // namespace lz::nfc
