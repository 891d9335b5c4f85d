#pragma once
// The SAM's status byte (SW3) and the reader's own failures, as one closed set of named errors
// (docs/id-card-reader.md lists the sources of the codes). What each means for the person at the
// desk is samFailureKind(): the screens switch on that, never on a name.
#include <QString>
#include <optional>

namespace lz::idcard {

enum class SamStatus : quint8 {
    Ok = 0x90,
    CardFound = 0x9F,
    FindFailed = 0x80,   // no card on the reader
    SelectFailed = 0x81, // the card was not selected (moved, or not a card the SAM knows)
    NoContent = 0x91,    // the card has no such content (e.g. no newer address)
    ChecksumError = 0x10,
    LengthError = 0x11,
    BadCommand = 0x21,
    NotPermitted = 0x23,
    UnknownError = 0x24,
    CardAuthFailed = 0x31, // the card did not authenticate the SAM
    SamAuthFailed = 0x32,  // the SAM did not authenticate the card
    InfoCheckFailed = 0x33,
    FingerprintFailed = 0x37,
    UnknownCardType = 0x40,
    ReadFailed = 0x41,
    RandomFailed = 0x47,
    SamSelfTestFailed = 0x60,
    SamNotAuthorised = 0x66,
};

// A status byte the SAM may send; nullopt for one it never does (named unknown_status).
std::optional<SamStatus> samStatusFromByte(quint8 sw3);

// Everything the ID-card reader path can fail with: the SAM's statuses that are failures, and
// the terminal's side (the port, the frames, the blocks).
enum class SamError {
    NoCard,            // 80
    SelectFailed,      // 81
    NoContent,         // 91
    SamChecksum,       // 10: the SAM saw a corrupted request
    SamLength,         // 11
    BadCommand,        // 21
    NotPermitted,      // 23
    SamUnknown,        // 24
    CardAuthFailed,    // 31
    SamAuthFailed,     // 32
    InfoCheckFailed,   // 33
    FingerprintFailed, // 37
    UnknownCardType,   // 40
    ReadFailed,        // 41
    RandomFailed,      // 47
    SamSelfTestFailed, // 60
    SamNotAuthorised,  // 66
    UnknownStatus,     // a status byte no SAM sends
    FrameChecksum,     // an answer whose checksum is wrong (line noise, a forged frame)
    FrameLength,       // an answer of impossible length
    AnswerMalformed,   // a well-framed answer whose data is not what the command returns
    NoAnswer,          // the reader said nothing within the time (silent, or the wrong baud rate)
    PortUnavailable,   // the serial port cannot be opened (absent, permissions, in use)
    PortLost,          // the port failed while open (unplugged)
    TextMalformed,     // the text block is not a card's (layout, characters, dates)
};

QString samErrorName(SamError e); // "no_card", "card_auth_failed", ...
std::optional<SamError> samErrorFromName(QStringView name);
// The failure a status byte means (nullopt for Ok and CardFound).
std::optional<SamError> samErrorOf(SamStatus s);
// The failure an answer's status byte means where success was not given: its named error, and
// unknown_status for a byte no SAM sends (or a success status that answers nothing asked).
SamError samErrorOfByte(quint8 sw3);

// What a failure means at the desk: the screens tell these apart.
enum class SamFailureKind {
    CardNotAuthentic, // the SAM refused the card: a refusal, never retried silently
    CardMoved,        // lay the card again and keep it still
    ReaderFault,      // the reader or its SAM is not working: staff
    Unreadable,       // the card could not be read (damaged, unknown type)
};
SamFailureKind samFailureKind(SamError e);

struct SamFailure {
    SamError code = SamError::ReadFailed;
    QString detail; // technical, never personal data
    QString text() const;
};

} // namespace lz::idcard
