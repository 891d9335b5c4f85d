#pragma once
// Base45 (RFC 9285): the QR alphanumeric-mode friendly encoding of the credential bytes.
#include "util/Expected.h"
#include <QByteArray>

namespace lz::base45 {

QByteArray encode(const QByteArray& data);
// Rejects characters outside the 45-symbol alphabet, a dangling single character and
// triples whose value exceeds 0xFFFF (RFC 9285 section 4.2 says such input is invalid).
Expected<QByteArray> decode(QByteArrayView text);

} // namespace lz::base45
