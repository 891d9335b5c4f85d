#pragma once
// The QR text: "LZ1:" then base45 (RFC 9285) of zlib (RFC 1950) of the presentation's
// COSE_Sign1. Every character is in the QR alphanumeric set, so the code stays small.
#include "util/Expected.h"

#include <QByteArray>
#include <QString>

namespace lz::qr {

inline constexpr char kPrefix[] = "LZ1:";
inline constexpr qsizetype kMaxTextLength = 4296;   // QR version 40-L alphanumeric capacity
inline constexpr qsizetype kMaxInflated = 8 * 1024; // a presentation is ~0.5 KiB; cap zip bombs

enum class DecodeProblem {
    Malformed,          // not our prefix, bad base45, bad zlib, too long
    UnsupportedVersion, // a well-formed "LZn:" prefix with n we do not speak
};

struct DecodeError {
    DecodeProblem problem = DecodeProblem::Malformed;
    QString detail;
};

QString encode(const QByteArray& cose);
// Trailing CR/LF from scanners is ignored.
Expected<QByteArray, DecodeError> decode(QStringView text);

} // namespace lz::qr
