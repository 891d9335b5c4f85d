#pragma once
// What the kiosk window shows: plain values filled by the application (app/kiosk), which owns
// the verifier, the log, the camera and the network. The window displays them and asks for
// work through its signals; it never decides whether a credential is valid.
#include "desk/Desk.h"
#include "face/DocumentPortrait.h"
#include "face/FaceOutcome.h"
#include "icao/Mrz.h"
#include "log/Registration.h"
#include "nfc/NfcError.h"
#include "sync/SyncClient.h"
#include "verify/VerificationResult.h"

#include <QImage>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace lz::ui {

// What the guest should do to be read (the scanner's hint, in the window's terms).
enum class GuestHint {
    None,
    NoCode,
    MoveCloser,
    MoveBack,
    HoldStill,
    TiltForGlare,
    // NFC taps that gave nothing to verify (app/kiosk/NfcFeed: nfcHint). Keep them last:
    // KioskWindow tells them from the camera's hints by their order.
    NfcHoldStill,       // the phone left the reader too soon
    NfcUnsupportedCard, // e.g. a resident ID card on a plain reader
    NfcNoWallet,        // no e-ID wallet answered
    NfcDeclined,        // the holder declined on the phone
    NfcFailed,          // anything else
    NfcIdCard,          // a resident ID card on the NFC reader: it belongs on the ID-card reader
    // The ID-card reader (app/kiosk/IdCardFeed: idCardHint).
    IdCardLayAgain,    // the card moved, or the read was disturbed
    IdCardUnreadable,  // the card could not be read (damaged, unknown kind)
    IdCardReaderFault, // the reader or its SAM is not working
};

// How a travel document's chip was read and checked (method "passport").
struct ChipView {
    QString access; // "PACE" / "BAC"
    int apdus = 0, minimumApdus = 0;
    qint64 bytes = 0, readMs = 0;
    QString signerCountry;            // the document signer certificate's C=
    QList<int> checkedDataGroups;     // hashes that matched the signed security object
    bool activeAuthenticated = false; // the chip proved it is the original (DG15 key)
    QString photoFormat;              // "jpeg", "jpeg2000", "unknown"
    QString photoProblem;             // "", "photo_format_unsupported", "photo_undecodable"
};

// One verification, as the window shows it.
// What the desk decided (core/desk): the window shows it; registering names the decision.
// How an ID card was read (method "id_card"): the reader's SAM, and why there is no photo.
struct CardView {
    QString samId;
    QString photoProblem; // "" (decoded), wlt_not_configured, wlt_crashed, ...
};

struct Verdict {
    VerificationResult result;
    QString method;         // "qr", "scanner", ...
    quint64 decisionId = 0; // the desk's decision to register (0: nothing to register)
    QString eligibility; // empty, or why a valid person may not be registered here ("under_18", "stay_open")
    QString stayRoom;    // the identity's open stay (refused, or flagged for the clerk)
    bool needsOverride = false;           // flagged: the clerk registers only with a reason
    std::optional<desk::PartyView> party; // the hotel party this guest joins
    QImage photo;                         // the source's photo, when it has one (QR credentials carry none)
    bool repeatOfLast = false;            // "replayed" only because the guest just verified showed it again
    std::optional<ChipView> chip;         // travel documents
    std::optional<CardView> card;         // ID cards read through the SAM reader
    // The face check (issue 17): offered for this decision (the venue offers it, the document's
    // photo is usable), or why not (nullopt where the venue does not offer it at all).
    bool faceOffered = false;
    std::optional<face::FaceUnavailable> faceUnavailable;
};

// The face check while it runs (app/kiosk/FaceFeed), for the result screen.
struct FaceProgressView {
    quint64 decisionId = 0;
    QString challenge;   // "turn_left", "turn_right", "blink"
    bool moving = false; // past "look at the camera": the movement is asked for now
    double progress = 0; // 0..1
    bool faceVisible = false;
};

// How it ended: the outcome the desk records, or why it could not run, which leaves the clerk's
// own check.
struct FaceResultView {
    quint64 decisionId = 0;
    face::FaceOutcome outcome;
    std::optional<face::FaceCheckProblem> problem;
};

struct DeviceView {
    enum class State { Present, Absent, Starting, NotConfigured };
    QString id; // "camera", "scanner"
    State state = State::NotConfigured;
    QString detail; // what it is ("synthetic phone camera", "/dev/ttyACM0") or the named error
    double fps = 0; // frames per second measured (cameras)
};

struct KioskStatus {
    // Trust list
    bool trustPresent = false;
    quint64 trustSequence = 0;
    qint64 trustAgeSeconds = -1;
    qint64 trustNextUpdate = 0; // unix seconds
    bool trustStale = false;
    QStringList issuers; // "name (kid)"
    bool demo = false;
    // Registration log
    bool logReady = false;
    QString logError;
    qint64 records = 0;
    // Forwarding
    bool syncConfigured = false;
    SyncStatus sync;
    QList<DeviceView> devices;
    std::optional<desk::PartyView> party; // a hotel party being registered (the desk's)
    QStringList warnings; // start-up problems the operator must see (technical, no personal data)
};

} // namespace lz::ui

Q_DECLARE_METATYPE(lz::ui::Verdict)
Q_DECLARE_METATYPE(lz::ui::FaceProgressView)
Q_DECLARE_METATYPE(lz::ui::FaceResultView)
Q_DECLARE_METATYPE(lz::icao::MrzKey)
Q_DECLARE_METATYPE(lz::ui::KioskStatus)
Q_DECLARE_METATYPE(lz::Registration)
Q_DECLARE_METATYPE(lz::Identity)
