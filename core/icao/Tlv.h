#pragma once
// BER-TLV as the LDS uses it (ICAO 9303-10 §4.4, ISO/IEC 7816-4 5.2): tags of one to three
// bytes (5F1F, 7F61), definite lengths of one to four bytes. Outside bytes: every read is bounded
// and a malformed object is an error, never a guess.
#include "util/Expected.h"

#include <QByteArray>
#include <QList>

namespace lz::icao {

struct Tlv {
    quint32 tag = 0;    // as the bytes read: 0x5F1F, 0x7F61, 0x61
    QByteArray value;   // the contents
    qsizetype size = 0; // tag + length + value bytes, as encoded

    bool constructed() const; // bit 6 of the tag's first byte
    // The next object in bytes at pos (advanced past it). Errors: tlv_truncated, tlv_bad_length.
    static Expected<Tlv> read(const QByteArray& bytes, qsizetype& pos);
    // Exactly one object filling bytes.
    static Expected<Tlv> parse(const QByteArray& bytes);
    // The objects inside a constructed value, all of it.
    static Expected<QList<Tlv>> children(const QByteArray& value);
    // The full encoded length of the object the first bytes announce (for reading a file whose
    // size only its header says); 0 when those bytes do not yet say it.
    static qsizetype announcedSize(const QByteArray& head);
};

} // namespace lz::icao
