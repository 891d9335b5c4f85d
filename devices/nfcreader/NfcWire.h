#pragma once
// Messages between the terminal and its reader helper process (lz-nfc-reader): a 4-byte
// big-endian length, then one CBOR map. The helper hosts libnfc, which can abort() or crash on
// a misbehaving reader's bytes (docs/nfc-emulator.md); whatever it sends is outside input here.
//   terminal → helper: {"op": "apdu", "data": bytes, "timeout": ms} | {"op": "release"}
//   helper → terminal: {"ev": "ready", "device": text, "connstring": text, "firmware": text}
//                      {"ev": "card", "type": "A"|"B", "uid": bytes, "ats": bytes}
//                      {"ev": "rapdu", "data": bytes} | {"ev": "error", "code": text, "detail": text}
//                      {"ev": "left"} | {"ev": "fatal", "code": text, "detail": text} (then exits)
#include "nfc/NfcError.h"

#include <QByteArray>
#include <QCborMap>
#include <optional>

namespace lz::nfc {

constexpr qsizetype kMaxWireMessage = 64 * 1024;

QByteArray frameMessage(const QCborMap& message);

class WireReader {
public:
    void feed(const QByteArray& bytes) { m_buffer += bytes; }
    // The next complete message; nullopt while incomplete; wire_malformed / wire_oversized for
    // bytes that cannot be a message (the stream is then unusable: the peer is restarted).
    NfcExpected<std::optional<QCborMap>> next();

private:
    QByteArray m_buffer;
};

} // namespace lz::nfc
