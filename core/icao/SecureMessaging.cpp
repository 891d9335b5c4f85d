#include "icao/SecureMessaging.h"

#include "icao/Pace.h"

namespace lz::icao {

using nfc::nfcError;

namespace {
// BER-TLV length of a data object (short form below 128, else 81 xx; DOs here are < 256).
QByteArray tlv(quint8 tag, const QByteArray& value) {
    QByteArray out(1, char(tag));
    if (value.size() < 128) {
        out += char(value.size());
    } else {
        out += char(0x81);
        out += char(value.size());
    }
    return out + value;
}

struct DataObject {
    quint8 tag = 0;
    QByteArray value, raw; // raw: tag, length and value as received (the MAC covers them)
};

// Reads one BER-TLV with a one-byte tag; false if truncated or the length form is not 1–3 bytes.
bool readObject(const QByteArray& in, qsizetype& pos, DataObject& out) {
    if (pos + 2 > in.size())
        return false;
    const qsizetype start = pos;
    out.tag = quint8(in[pos++]);
    qsizetype len = quint8(in[pos++]);
    if (len == 0x81 || len == 0x82) {
        const int n = int(len & 0x7F);
        if (pos + n > in.size())
            return false;
        len = 0;
        for (int i = 0; i < n; ++i)
            len = (len << 8) | quint8(in[pos++]);
    } else if (len > 0x7F) {
        return false;
    }
    if (pos + len > in.size())
        return false;
    out.value = in.mid(pos, len);
    pos += len;
    out.raw = in.mid(start, pos - start);
    return true;
}
struct ProtectedObjects {
    DataObject data, second, mac; // DO'87', DO'97' (command) or DO'99' (response), DO'8E'
};

// The data objects of a protected APDU, in the order 87, `second`, 8E, each at most once.
nfc::NfcExpected<ProtectedObjects> readProtectedObjects(const QByteArray& in, quint8 second) {
    ProtectedObjects p;
    DataObject o;
    qsizetype pos = 0;
    while (pos < in.size()) {
        if (!readObject(in, pos, o))
            return nfcError(nfc::NfcCode::SmMalformed, QStringLiteral("truncated data object"));
        if (o.tag == 0x87 && p.data.raw.isEmpty() && p.second.raw.isEmpty() && p.mac.raw.isEmpty())
            p.data = o;
        else if (o.tag == second && p.second.raw.isEmpty() && p.mac.raw.isEmpty())
            p.second = o;
        else if (o.tag == 0x8E && p.mac.raw.isEmpty())
            p.mac = o;
        else
            return nfcError(nfc::NfcCode::SmMalformed,
                            QStringLiteral("unexpected or repeated object %1").arg(o.tag, 2, 16));
    }
    return p;
}
} // namespace

nfc::NfcExpected<QByteArray> SecureMessaging::decryptData(const QByteArray& value) const {
    if (value.size() < 1 + block() || value[0] != '\x01' || (value.size() - 1) % block())
        return nfcError(nfc::NfcCode::SmMalformed, QStringLiteral("DO'87' is not padded cipher blocks"));
    const auto data = unpadIso9797(decrypt(value.mid(1)));
    if (!data)
        return nfcError(nfc::NfcCode::SmMalformed, QStringLiteral("bad padding in DO'87'"));
    return *data;
}

SecureMessaging::SecureMessaging(SessionKeys keys)
    : m_keys(std::move(keys)) {}

QByteArray SecureMessaging::encrypt(const QByteArray& padded) const {
    if (!aes())
        return tdesCbc(m_keys.enc, padded, true);
    return aesCbc(m_keys.enc, aesEcbBlock(m_keys.enc, m_keys.ssc), padded, true);
}

QByteArray SecureMessaging::decrypt(const QByteArray& data) const {
    if (!aes())
        return tdesCbc(m_keys.enc, data, false);
    return aesCbc(m_keys.enc, aesEcbBlock(m_keys.enc, m_keys.ssc), data, false);
}

QByteArray SecureMessaging::mac(const QByteArray& data) const {
    const QByteArray padded = padIso9797(data, block());
    return aes() ? aesCmac(m_keys.mac, padded).left(8) : retailMac(m_keys.mac, padded);
}

void SecureMessaging::increment() {
    for (qsizetype i = m_keys.ssc.size() - 1; i >= 0; --i) {
        m_keys.ssc[i] = char(quint8(m_keys.ssc[i]) + 1);
        if (m_keys.ssc[i] != '\0')
            break;
    }
}

nfc::NfcExpected<QByteArray> SecureMessaging::protect(const nfc::CommandApdu& c) {
    QByteArray header;
    header += char(c.cla | 0x0C);
    header += char(c.ins);
    header += char(c.p1);
    header += char(c.p2);
    QByteArray objects;
    increment();
    if (!c.data.isEmpty())
        objects += tlv(0x87, QByteArray(1, '\x01') + encrypt(padIso9797(c.data, block())));
    if (c.le > 0)
        objects += tlv(0x97, QByteArray(1, char(c.le & 0xFF)));
    objects += tlv(0x8E, mac(m_keys.ssc + padIso9797(header, block()) + objects));
    if (objects.size() > 255)
        return nfcError(nfc::NfcCode::ApduTooLong,
                        QStringLiteral("%1 bytes of protected data").arg(objects.size()));
    return header + char(objects.size()) + objects + '\0';
}

nfc::NfcExpected<nfc::ResponseApdu> SecureMessaging::unprotect(const QByteArray& bytes) {
    auto r = nfc::ResponseApdu::parse(bytes);
    if (!r)
        return unexpected(r.error());
    increment(); // the response's counter value, whatever it brings
    if (r->data.isEmpty())
        return nfcError(nfc::NfcCode::SmError, QStringLiteral("plain status %1").arg(nfc::swText(r->sw)));
    auto objects = readProtectedObjects(r->data, 0x99);
    if (!objects)
        return unexpected(objects.error());
    const DataObject &d87 = objects->data, &d99 = objects->second, &d8e = objects->mac;
    if (d99.raw.isEmpty() || d8e.raw.isEmpty() || d99.value.size() != 2 || d8e.value.size() != 8)
        return nfcError(nfc::NfcCode::SmMissingObjects,
                        QStringLiteral("DO'99' and an 8-byte DO'8E' are required"));
    if (mac(m_keys.ssc + d87.raw + d99.raw) != d8e.value)
        return nfcError(nfc::NfcCode::SmMacMismatch, QStringLiteral("response MAC does not verify"));
    nfc::ResponseApdu plain;
    plain.sw = quint16(quint8(d99.value[0]) << 8 | quint8(d99.value[1]));
    if (!d87.raw.isEmpty()) {
        auto data = decryptData(d87.value);
        if (!data)
            return unexpected(data.error());
        plain.data = *data;
    }
    return plain;
}

nfc::NfcExpected<nfc::CommandApdu> SecureMessaging::unprotectCommand(const QByteArray& bytes) {
    auto c = nfc::CommandApdu::parse(bytes);
    if (!c)
        return unexpected(c.error());
    increment();
    if ((c->cla & 0x0C) != 0x0C)
        return nfcError(nfc::NfcCode::SmMissingObjects, QStringLiteral("command without secure messaging"));
    auto objects = readProtectedObjects(c->data, 0x97);
    if (!objects)
        return unexpected(objects.error());
    const DataObject &d87 = objects->data, &d97 = objects->second, &d8e = objects->mac;
    if (d8e.value.size() != 8)
        return nfcError(nfc::NfcCode::SmMissingObjects, QStringLiteral("no 8-byte DO'8E'"));
    QByteArray header;
    header += char(c->cla);
    header += char(c->ins);
    header += char(c->p1);
    header += char(c->p2);
    if (mac(m_keys.ssc + padIso9797(header, block()) + d87.raw + d97.raw) != d8e.value)
        return nfcError(nfc::NfcCode::SmMacMismatch, QStringLiteral("command MAC does not verify"));
    nfc::CommandApdu plain{quint8(c->cla & ~0x0C), c->ins, c->p1, c->p2, {}, -1};
    if (!d87.raw.isEmpty()) {
        auto data = decryptData(d87.value);
        if (!data)
            return unexpected(data.error());
        plain.data = *data;
    }
    if (!d97.raw.isEmpty()) {
        if (d97.value.size() != 1)
            return nfcError(nfc::NfcCode::SmMalformed,
                            QStringLiteral("DO'97' of %1 bytes").arg(d97.value.size()));
        plain.le = quint8(d97.value[0]) == 0 ? 256 : quint8(d97.value[0]);
    }
    return plain;
}

QByteArray SecureMessaging::protectResponse(const nfc::ResponseApdu& r) {
    increment();
    QByteArray objects;
    if (!r.data.isEmpty())
        objects += tlv(0x87, QByteArray(1, '\x01') + encrypt(padIso9797(r.data, block())));
    objects += tlv(0x99, QByteArray(1, char(r.sw >> 8)) + char(r.sw & 0xFF));
    objects += tlv(0x8E, mac(m_keys.ssc + objects));
    return nfc::ResponseApdu{objects, 0x9000}.encode();
}

} // namespace lz::icao
