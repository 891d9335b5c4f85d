#pragma once
// The enrolment steps themselves (docs/configuration.md "Enrolment"): what `liangzheng-cli enrol …`
// and the kiosk's enrolment screens in staff mode both call, so that the desk and a scripted
// roll-out write the same settings in the same way. Each step works on a terminal whose
// configuration is not complete yet: it needs only the defaults' [state]. Everything is written
// to the settings (SettingsLayers) and the state directory, never to the defaults.
// Steps take what staff typed or chose and check it; none prints or shows anything.
#include "common/Enrolment.h"
#include "crypto/TerminalCertificate.h"
#include "util/Expected.h"

#include <QDir>
#include <QList>
#include <QString>
#include <functional>

namespace lz::enrol {

// What went wrong, for the screens to say in words (the text carries the same name for logs,
// the CLI and the supplier's hotline).
enum class EnrolError {
    Io,                  // the state or settings could not be read or written
    DiskFull,            // ... because the disk is full (nothing was changed)
    StepOrder,           // an earlier step is missing (no terminal id, no key yet)
    PinUnacceptable,     // not 4 to 12 digits
    VenueInvalid,        // an unknown venue type, or no venue code
    TerminalIdInvalid,   // not 1 to 64 letters, digits, . _ -
    StickMissing,        // the directory (a USB stick) is not there
    TrustFilesMissing,   // the stick lacks trust-list.cose or exactly one anchor
    TrustRejected,       // the list or the anchor was refused (a forged or older list, a bad key)
    TrustNoAnchor,       // fetching from the gateway needs an anchor in the defaults
    GatewayUrlInvalid,   // not https://HOST[:PORT]
    GatewayCaInvalid,    // not a PEM certificate
    KeyFailed,           // the key pair or the request could not be made
    CertificateRejected, // not for this terminal or key, not valid now, not for client auth
};

struct Failure {
    EnrolError code = EnrolError::Io;
    QString text; // "name: what is wrong", no secret and no personal data
    // The input was refused on its merits (a forged list, another's certificate, a bad value),
    // rather than the terminal failing.
    bool rejected() const {
        switch (code) {
        case EnrolError::Io:
        case EnrolError::DiskFull:
        case EnrolError::StepOrder:
        case EnrolError::StickMissing:
        case EnrolError::TrustFilesMissing:
        case EnrolError::KeyFailed:
            return false;
        default:
            return true;
        }
    }
};
template <typename T> using Result = Expected<T, Failure>;

// Where a terminal's enrolment lives: its defaults, its settings, its state directory.
struct Paths {
    QString config, settings;
    QDir state;
    static Paths of(const QString& configPath);
};

// The state directory, made 0700 when missing.
Result<Paths> open(const QString& configPath);

// The administrator PIN (4-12 digits), as a salted hash.
Result<void> setPin(const Paths& p, const QString& pin);
// type: hotel | internet_cafe | government_window | parcel_counter; id: the venue code.
Result<void> setVenue(const Paths& p, const QString& type, const QString& id, const QString& name);
Result<void> setTerminalId(const Paths& p, const QString& id);

struct TrustImported {
    quint64 sequence = 0;
    QString anchorFingerprint; // when the stick brought the anchor: staff compare it with the letter
};
// `dir` (a USB stick) holds trust-list.cose and, when the defaults name no anchor, exactly one
// anchor-KID.pub.pem.
Result<TrustImported> importTrust(const Paths& p, const QString& dir);
// When the defaults name the anchor, the list may instead come from the gateway: the self-test's
// sync round fetches it (and fails when it cannot).
Result<void> trustFromGateway(const Paths& p);

struct GatewayRequest {
    QString terminalId;
    QByteArray csrPem;
    QString csrPath; // on the stick; empty when no directory was given (the QR only)
};
// The gateway's address (https://HOST[:PORT]) and CA certificate; makes the terminal's P-256 key
// here and its certificate signing request. The new key stays pending (client-ID.key.pem.pending,
// ID from the request) until its certificate is imported: a key and certificate already in use
// keep working, and an earlier request's certificate can still be imported.
Result<GatewayRequest> setGateway(const Paths& p, const QString& url, const QByteArray& caPem,
                                  const QString& requestDir);

// The keys made for requests whose certificates have not come back yet (names in the state
// directory, newest first).
QStringList pendingKeys(const Paths& p);

// The certificate the police's terminal CA signed: for this terminal and a pending key (or the key
// in use: a renewal), within its validity, for client authentication. The settings switch to the
// new pair in one write.
Result<CertificateInfo> importCertificate(const Paths& p, const QByteArray& certPem);

struct SelfTestCheck {
    QString name; // configuration, terminal, clock, trust_list, log, gateway, camera, id_card_reader, scanner
    bool ok = false;
    bool required = true;
    QString detail;
};
struct SelfTestReport {
    QList<SelfTestCheck> checks;
    bool passed = false;
};
// Clock, trust list, log, one real sync round with the gateway (a local event loop: call from a
// thread with an event loop), camera and readers. When all required checks pass, enrolment is
// complete. `progress` hears each check as it finishes.
SelfTestReport selfTest(const Paths& p, const std::function<void(const SelfTestCheck&)>& progress = {});

// Files a staff member may pick on a stick for a step (names only, sorted): certificates to import.
QStringList certificateCandidates(const QString& dir);
// Mounted removable media (USB sticks): mount points under /media, /run/media and /mnt.
QStringList removableMedia();

} // namespace lz::enrol
