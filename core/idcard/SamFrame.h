#pragma once
// The serial protocol of the resident ID card readers' security module (SAM), both directions
// (docs/id-card-reader.md has the sources): a preamble AA AA AA 96 69, a 2-byte big-endian length
// counting everything after it up to and including the checksum, the body, and a checksum that
// is the XOR of every byte from the length to the body's last byte.
//   request body: CMD PARA [data]        answer body: SW1 SW2 SW3 [data]
// Outside bytes: the parser takes them in any pieces (USB-serial bridges split frames), skips
// noise before a preamble, and names what is wrong with a frame instead of guessing.
#include <QByteArray>
#include <QString>
#include <optional>

namespace lz::idcard {

inline constexpr char kPreamble[] = "\xAA\xAA\xAA\x96\x69";
inline constexpr int kPreambleSize = 5;
// The largest answer the protocol has: text, photo and fingerprint (30 10): 3 + 6 + 256 + 1024
// + 1024 + 1 = 2314. Anything claiming more is not a SAM answer.
inline constexpr int kMaxBodyLength = 2400;

// The commands the terminal sends (CMD, PARA).
enum class SamCommand : quint16 {
    ResetSam = 0x10FF,
    SamStatus = 0x11FF,
    SamId = 0x12FF,
    FindCard = 0x2001,
    SelectCard = 0x2002,
    ReadText = 0x3001,            // text + photo
    ReadTextFingerprint = 0x3010, // text + photo + fingerprint
    ReadNewAddress = 0x3003,      // the latest address endorsed on the card
};

QByteArray encodeRequest(SamCommand command, const QByteArray& data = {});
// An answer frame (the emulator's side, and the tests').
QByteArray encodeAnswer(quint8 sw3, const QByteArray& data = {}, quint8 sw1 = 0, quint8 sw2 = 0);
// A request frame as the emulator reads it (the same framing, CMD PARA instead of SW1..3).
QByteArray encodeFrame(const QByteArray& body);

struct SamFrame {
    QByteArray body; // without preamble, length and checksum
};

enum class FrameProblem {
    BadChecksum, // the XOR does not match: a line error or a forged frame
    BadLength,   // shorter than the smallest body, or longer than any SAM answer
};
QString frameProblemName(FrameProblem p); // "frame_checksum", "frame_length"

// Incremental: feed() what the port gave, then next() until it returns nothing. A frame with a
// problem is returned as the problem (once) and the parser resynchronises on the next preamble.
class SamFrameParser {
public:
    struct Item {
        std::optional<SamFrame> frame;
        std::optional<FrameProblem> problem;
    };
    void feed(const QByteArray& bytes);
    std::optional<Item> next();
    void clear() { m_buffer.clear(); }
    qsizetype buffered() const { return m_buffer.size(); }

private:
    QByteArray m_buffer;
};

} // namespace lz::idcard
