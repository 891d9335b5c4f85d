#pragma once
// Strict CBOR decoding for outside bytes: one complete item, nothing after it, and maps
// without duplicate keys (a duplicate could make two parsers disagree on a signed claim).
#include "util/Expected.h"

#include <QCborMap>
#include <QCborValue>

namespace lz::cbor {

Expected<QCborValue> decode(const QByteArray& bytes);
bool hasDuplicateKeys(const QCborMap& map);

// Typed readers for claims: each returns nullopt when the value has another type or range.
std::optional<qint64> integer(const QCborValue& v, qint64 min, qint64 max);
std::optional<QByteArray> bytes(const QCborValue& v, qsizetype minSize, qsizetype maxSize);
std::optional<QString> text(const QCborValue& v, qsizetype maxSize);

} // namespace lz::cbor
