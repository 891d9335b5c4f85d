// lz-nfc-reader: the one process that links libnfc. The terminal starts it with a connstring
// ("pn532_uart:/dev/ttyUSB0", "acr122_usb", or "auto" for libnfc's discovery) and talks to it on
// stdin/stdout (devices/nfcreader/NfcWire.h). Why a separate process: libnfc 1.8 calls abort() on a
// status byte with the NAD bit set and can crash on some malformed ATS or chained frames
// (docs/nfc-emulator.md); a reader's bytes must never take the kiosk down with them. When this
// process dies, the terminal names the failure and starts it again.
//
// It polls for ISO 14443-A then -B targets; for a target it sends "card", exchanges the APDUs
// it is asked for (each with the terminal's timeout) and, between them, checks that the card is
// still there; when the card has left it sends "left" and polls again. A card that stays after
// its session is not reported twice. Any reader-level error ends the process ("fatal").
#include "nfcreader/NfcWire.h"
#include "version/Version.h"

#include <QCborArray>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <cerrno>
#include <csignal>
#include <nfc/nfc.h>
#include <poll.h>
#include <sys/prctl.h>
#include <unistd.h>

using namespace lz::nfc;

namespace {

constexpr int kPollPauseMs = 8;         // between two empty polling rounds: a tap is seen within ~10 ms
constexpr int kPresenceEveryMs = 100;   // presence check while a card lies on the reader
constexpr int kAliveEveryMs = 500;      // "alive" while nothing else is said: the terminal's watchdog
constexpr int kSelectTimeoutsFatal = 3; // consecutive select timeouts: the reader has stopped answering

QElapsedTimer sinceSent;

void send(const QCborMap& m) {
    const QByteArray f = frameMessage(m);
    qsizetype done = 0;
    while (done < f.size()) {
        const ssize_t n = write(STDOUT_FILENO, f.constData() + done, size_t(f.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            _exit(0); // the terminal is gone
        done += n;
    }
    sinceSent.restart();
}

void keepAlive() {
    if (sinceSent.elapsed() >= kAliveEveryMs) {
        QCborMap m;
        m.insert(QStringLiteral("ev"), QLatin1String("alive"));
        send(m);
    }
}

// Replies carry the sequence number of the APDU they answer, so that a late reply can never be
// taken for the answer to a later command.
QCborMap reply(const char* name, const QCborMap& request) {
    QCborMap m;
    m.insert(QStringLiteral("ev"), QLatin1String(name));
    m.insert(QStringLiteral("seq"), request.value(QStringLiteral("seq")));
    return m;
}

QCborMap event(const char* name) {
    QCborMap m;
    m.insert(QStringLiteral("ev"), QLatin1String(name));
    return m;
}

[[noreturn]] void fatal(nfc_context* ctx, nfc_device* dev, const char* code, const QString& detail) {
    QCborMap m = event("fatal");
    m.insert(QStringLiteral("code"), QLatin1String(code));
    m.insert(QStringLiteral("detail"), detail);
    send(m);
    // No nfc_close: on a dead or misbehaving reader its PowerDown can itself abort (NAD bit).
    (void)dev;
    (void)ctx;
    _exit(3);
}

QString libnfcError(nfc_device* dev, int rc) {
    return QStringLiteral("%1 (%2)").arg(QString::fromLocal8Bit(nfc_strerror(dev))).arg(rc);
}

// Waits up to timeoutMs for the terminal's next message; EOF on stdin ends the process.
std::optional<QCborMap> receive(WireReader& wire, int timeoutMs, nfc_context* ctx, nfc_device* dev) {
    for (;;) {
        auto m = wire.next();
        if (!m)
            fatal(ctx, dev, "wire_malformed", m.error().detail);
        if (*m)
            return **m;
        pollfd p{STDIN_FILENO, POLLIN, 0};
        const int r = poll(&p, 1, timeoutMs);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return std::nullopt;
        char buf[4096];
        const ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n <= 0) { // the terminal closed us: leave the reader idle and go
            if (dev)
                nfc_close(dev);
            if (ctx)
                nfc_exit(ctx);
            _exit(0);
        }
        wire.feed(QByteArray(buf, int(n)));
        timeoutMs = 0;
    }
}

bool isCardGone(int rc) {
    return rc == NFC_ERFTRANS || rc == NFC_ETGRELEASED || rc == NFC_ETIMEOUT;
}

// Serves one card until it leaves the field.
void serveCard(nfc_context* ctx, nfc_device* dev, const nfc_target& target, WireReader& wire) {
    bool gone = false, released = false;
    while (!gone) {
        keepAlive();
        auto m = receive(wire, kPresenceEveryMs, ctx, dev);
        if (!m) {
            gone = nfc_initiator_target_is_present(dev, &target) != NFC_SUCCESS;
            continue;
        }
        const QString op = m->value(QStringLiteral("op")).toString();
        if (op == QLatin1String("release")) {
            released = true; // the session is over; keep watching until the card is taken away
            continue;
        }
        if (op != QLatin1String("apdu"))
            fatal(ctx, dev, "wire_malformed", QStringLiteral("unknown op"));
        if (released) { // a command meant for an earlier session: this card's session has ended
            QCborMap e = reply("error", *m);
            e.insert(QStringLiteral("code"), QLatin1String("card_left"));
            send(e);
            continue;
        }
        const QByteArray tx = m->value(QStringLiteral("data")).toByteArray();
        const int timeout =
            int(qBound(qint64(10), m->value(QStringLiteral("timeout")).toInteger(1000), qint64(10000)));
        uint8_t rx[264]; // PN532 + libnfc: at most 263 response bytes (docs/nfc-emulator.md)
        const int n = nfc_initiator_transceive_bytes(dev, reinterpret_cast<const uint8_t*>(tx.constData()),
                                                     size_t(tx.size()), rx, sizeof rx, timeout);
        if (n >= 0) {
            QCborMap r = reply("rapdu", *m);
            r.insert(QStringLiteral("data"), QByteArray(reinterpret_cast<const char*>(rx), n));
            send(r);
            continue;
        }
        QCborMap e = reply("error", *m);
        if (isCardGone(n)) {
            e.insert(QStringLiteral("code"), QLatin1String(n == NFC_ETIMEOUT ? "card_timeout" : "card_left"));
            e.insert(QStringLiteral("detail"), libnfcError(dev, n));
            send(e);
            gone = nfc_initiator_target_is_present(dev, &target) != NFC_SUCCESS;
            continue;
        }
        fatal(ctx, dev, "reader_io", libnfcError(dev, n));
    }
    send(event("left"));
}

} // namespace

int main(int argc, char** argv) {
    if (lz::printVersionIfAsked(argc, argv, "lz-nfc-reader"))
        return 0;
    // Dies with the terminal: a helper left behind would hold the reader's port.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() == 1)
        return 0;
    QCoreApplication app(argc, argv); // QtCore for CBOR only; no event loop
    sinceSent.start();
    const QByteArray connstring = argc > 1 ? QByteArray(argv[1]) : QByteArray("auto");
    nfc_context* ctx = nullptr;
    nfc_init(&ctx);
    if (!ctx)
        fatal(nullptr, nullptr, "reader_open_failed", QStringLiteral("libnfc could not start"));
    nfc_device* dev = nullptr;
    if (connstring == "auto") {
        nfc_connstring found[4];
        if (nfc_list_devices(ctx, found, 4) == 0)
            fatal(ctx, nullptr, "reader_open_failed", QStringLiteral("no reader found"));
        dev = nfc_open(ctx, found[0]);
    } else {
        dev = nfc_open(ctx, connstring.constData());
    }
    if (!dev)
        fatal(ctx, nullptr, "reader_open_failed",
              QStringLiteral("cannot open %1").arg(QString::fromLocal8Bit(connstring)));
    if (const int rc = nfc_initiator_init(dev); rc < 0)
        fatal(ctx, dev, "reader_io", libnfcError(dev, rc));
    // One activation attempt per poll instead of the PN532 retrying forever.
    if (const int rc = nfc_device_set_property_bool(dev, NP_INFINITE_SELECT, false); rc < 0)
        fatal(ctx, dev, "reader_io", libnfcError(dev, rc));
    QCborMap ready = event("ready");
    ready.insert(QStringLiteral("device"), QString::fromLocal8Bit(nfc_device_get_name(dev)));
    ready.insert(QStringLiteral("connstring"), QString::fromLocal8Bit(nfc_device_get_connstring(dev)));
    char* about = nullptr; // "chip: PN532 v1.6" is one of its lines
    if (nfc_device_get_information_about(dev, &about) >= 0 && about) {
        for (const QByteArray& line : QByteArray(about).split('\n'))
            if (line.startsWith("chip: "))
                ready.insert(QStringLiteral("firmware"), QString::fromLatin1(line.mid(6).trimmed()));
        nfc_free(about);
    }
    send(ready);

    const nfc_modulation kinds[] = {{NMT_ISO14443A, NBR_106}, {NMT_ISO14443B, NBR_106}};
    WireReader wire;
    int selectTimeouts = 0;
    for (;;) {
        keepAlive();
        for (const nfc_modulation& kind : kinds) {
            nfc_target target{};
            const int rc = nfc_initiator_select_passive_target(dev, kind, nullptr, 0, &target);
            // A card moved during activation is no target yet; a reader that stops answering is
            // fatal after a few tries; anything else at once.
            if (rc == NFC_ERFTRANS)
                continue;
            if (rc == NFC_ETIMEOUT && ++selectTimeouts < kSelectTimeoutsFatal)
                continue;
            if (rc < 0)
                fatal(ctx, dev, "reader_io", libnfcError(dev, rc));
            selectTimeouts = 0;
            if (rc == 0)
                continue;
            QCborMap card = event("card");
            if (kind.nmt == NMT_ISO14443A) {
                const nfc_iso14443a_info& a = target.nti.nai;
                // libnfc packs its structs: copy the lengths before taking references to them.
                const size_t uidLen = a.szUidLen, atsLen = a.szAtsLen;
                card.insert(QStringLiteral("type"), QLatin1String("A"));
                card.insert(QStringLiteral("uid"), QByteArray(reinterpret_cast<const char*>(a.abtUid),
                                                              int(qMin<size_t>(uidLen, 10))));
                card.insert(QStringLiteral("ats"), QByteArray(reinterpret_cast<const char*>(a.abtAts),
                                                              int(qMin<size_t>(atsLen, 254))));
            } else {
                const nfc_iso14443b_info& b = target.nti.nbi;
                card.insert(QStringLiteral("type"), QLatin1String("B"));
                card.insert(QStringLiteral("uid"), QByteArray(reinterpret_cast<const char*>(b.abtPupi), 4));
            }
            send(card);
            serveCard(ctx, dev, target, wire);
            break;
        }
        // Between rounds, answer anything the terminal sends (an APDU with no card: card_left).
        while (auto m = receive(wire, kPollPauseMs, ctx, dev)) {
            if (m->value(QStringLiteral("op")).toString() == QLatin1String("apdu")) {
                QCborMap e = reply("error", *m);
                e.insert(QStringLiteral("code"), QLatin1String("card_left"));
                e.insert(QStringLiteral("detail"), QStringLiteral("no card in the field"));
                send(e);
            }
        }
    }
}
