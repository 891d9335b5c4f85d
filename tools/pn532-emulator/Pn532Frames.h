#pragma once
// The PN532's host-interface frames (PN532 User Manual §6.2; what libnfc's pn532_uart driver
// sends and expects: docs/nfc-emulator.md): normal `00 00 FF LEN LCS TFI data DCS 00`, extended
// `00 00 FF FF FF LENm LENl LCS TFI data DCS 00`, ACK `00 00 FF 00 FF 00`, error frame. Written by
// hand because no library implements the device side of this protocol.
#include <QByteArray>
#include <QString>
#include <optional>

namespace lz::pn532 {

constexpr quint8 kHostToPn532 = 0xD4;
constexpr quint8 kPn532ToHost = 0xD5;

QByteArray ackFrame();
QByteArray errorFrame(); // "syntax error" application-level error frame
// A frame carrying TFI + payload; extended when the payload needs it (> 254 bytes with the TFI).
QByteArray encodeFrame(quint8 tfi, const QByteArray& payload);

struct HostFrame {
    enum class Kind { Command, Ack, Nack, Bad } kind = Kind::Bad;
    QByteArray payload; // command code and parameters (TFI removed); Command only
    QString error;      // Bad: what was wrong ("lcs_mismatch", "dcs_mismatch", "tfi_not_host")
};

// Takes the bytes the host writes, in any pieces, and yields whole frames. Bytes before a start
// code (libnfc's wake-up `55 55 00 …`) are skipped; a frame with a bad checksum is reported as
// Bad and skipped.
class FrameParser {
public:
    void feed(const QByteArray& bytes) { m_buffer += bytes; }
    std::optional<HostFrame> next();
    qsizetype pending() const { return m_buffer.size(); }

private:
    QByteArray m_buffer;
};

} // namespace lz::pn532
