#pragma once
// ECDSA (and SM2) signatures in their plain form r||s (COSE, RFC 9053 §2.1; BSI TR-03111
// §5.2.1 for ICAO active authentication) and OpenSSL's DER form, for a given coordinate size
// (32 bytes on P-256, 48 on P-384 …).
#include <QByteArray>
#include <QByteArrayView>

namespace lz::ecdsa {

QByteArray plainToDer(QByteArrayView plain, int coordinateSize); // empty if not 2 × size bytes
QByteArray derToPlain(QByteArrayView der, int coordinateSize);   // empty if not DER or too large

} // namespace lz::ecdsa
