#pragma once
// Strict CBOR decoding for outside bytes: one complete item, nothing after it, and maps
// without duplicate keys (a duplicate could make two parsers disagree on a signed claim).
#include "util/Expected.h"

#include <QCborMap>
#include <QCborStreamReader>
#include <QCborValue>

namespace lz::cbor {

// Every CBOR structure of the formats (claims, headers, NFC messages, trust lists) must be in
// preferred serialization (RFC 8949 4.2.1 without map-key ordering, docs/credential-format.md
// "Encoding"): definite lengths only, every head in its shortest form, integers within int64, no
// floating point, no simple values but false/true/null, no tags (but COSE_Sign1's own tag 18 at
// the top when allowCoseTag), nesting at most kMaxDepth, valid UTF-8, nothing after the item.
// Qt's reader takes all of these (and turns -2^64 into 0), so they are checked here first.
// Byte strings are skipped without reading them: an 80 MB trust list costs a few microseconds.
inline constexpr int kMaxDepth = 16;
Expected<void> checkStrict(QByteArrayView bytes, bool allowCoseTag = false);

// One strictly encoded item (checkStrict), decoded.
Expected<QCborValue> decode(const QByteArray& bytes);
bool hasDuplicateKeys(const QCborMap& map);

// Typed readers for claims: each returns nullopt when the value has another type or range.
std::optional<qint64> integer(const QCborValue& v, qint64 min, qint64 max);
std::optional<QByteArray> bytes(const QCborValue& v, qsizetype minSize, qsizetype maxSize);
// maxSize in Unicode code points (what a person counts as characters; a name from CJK
// extension B is one character, not two UTF-16 units).
std::optional<QString> text(const QCborValue& v, qsizetype maxSize);

// Streaming helpers for large inputs (trust lists with millions of revocations):
// the head of a definite-length item of major type 0..7 and the given length (RFC 8949 3.1),
QByteArray head(quint8 majorType, quint64 length);
// and a view of the definite-length byte string at the reader's position, inside `input`
// (which the reader reads), advancing past it. No copy is made.
std::optional<QByteArrayView> byteStringView(QCborStreamReader& reader, const QByteArray& input);

} // namespace lz::cbor
