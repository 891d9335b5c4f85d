#pragma once
// zlib (RFC 1950) compression of the credential CBOR, with a hard cap on inflated size so
// that a "zip bomb" QR code cannot make the terminal allocate without bound.
#include "util/Expected.h"
#include <QByteArray>

namespace lz::zlib {

QByteArray deflate(const QByteArray& data, int level = 9);
// Fails when the stream is not a complete zlib stream, has trailing bytes, or would
// inflate to more than maxOutput bytes.
Expected<QByteArray> inflate(const QByteArray& data, qsizetype maxOutput);

} // namespace lz::zlib
