#include "icao/PaceSession.h"

#include "icao/Pace.h"
#include "icao/Tlv.h"

namespace lz::icao {

using nfc::CommandApdu;
using nfc::nfcError;
using nfc::ResponseApdu;

namespace {
const QByteArray kPaceEcdhGmAes128 = QByteArray::fromHex("04007F00070202040202");

QByteArray object(quint8 tag, const QByteArray& value) {
    QByteArray out(1, char(tag));
    if (value.size() >= 0x80)
        out += char(0x81);
    out += char(value.size());
    return out + value;
}

QByteArray dynamicData(quint8 tag, const QByteArray& value) { // 7C { tag value }
    const QByteArray inner = value.isNull() ? QByteArray() : object(tag, value);
    return QByteArray::fromHex("7C") + (inner.size() >= 0x80 ? QByteArray(1, char(0x81)) : QByteArray()) +
           char(inner.size()) + inner;
}

// The value of `tag` inside a 7C dynamic authentication data object; null if absent/malformed.
QByteArray fromDynamicData(const QByteArray& data, quint8 tag) {
    auto top = Tlv::parse(data);
    if (!top || top->tag != 0x7C)
        return {};
    auto items = Tlv::children(top->value);
    if (!items)
        return {};
    for (const Tlv& t : *items)
        if (t.tag == tag)
            return t.value.isNull() ? QByteArray("") : t.value;
    return {};
}

// A random scalar in [1, order) for the curve (a few tries: 32 random bytes may exceed the order).
QByteArray scalar(const PaceCurve& curve, const std::function<QByteArray(int)>& random) {
    for (int i = 0; i < 16; ++i) {
        const QByteArray k = random(curve.byteSize());
        if (!curve.publicKey(curve.generator(), k).isEmpty())
            return k;
    }
    return {};
}
} // namespace

std::optional<PaceInfo> supportedPace(const QByteArray& cardAccess) {
    auto set = Tlv::parse(cardAccess);
    if (!set || set->tag != 0x31)
        return std::nullopt;
    auto infos = Tlv::children(set->value);
    if (!infos)
        return std::nullopt;
    for (const Tlv& info : *infos) {
        if (info.tag != 0x30)
            continue;
        auto fields = Tlv::children(info.value);
        if (!fields || fields->size() < 3 || fields->at(0).tag != 0x06 || fields->at(2).tag != 0x02)
            continue;
        const QByteArray& param = fields->at(2).value;
        if (fields->at(0).value == kPaceEcdhGmAes128 && param.size() == 1 &&
            (param[0] == 12 || param[0] == 13))
            return PaceInfo{fields->at(0).value, param[0]};
    }
    return std::nullopt;
}

QByteArray encodeCardAccess(const PaceInfo& info) {
    const QByteArray body = object(0x06, info.oid) + QByteArray::fromHex("020102") +
                            object(0x02, QByteArray(1, char(info.parameterId)));
    return object(0x31, object(0x30, body));
}

nfc::NfcExpected<SessionKeys> runPace(const PlainExchange& exchange, const MrzKey& key, const PaceInfo& info,
                                      const std::function<QByteArray(int)>& random) {
    auto curve = PaceCurve::forParameterId(info.parameterId);
    if (!curve)
        return nfcError(nfc::NfcCode::PaceMalformed,
                        QStringLiteral("domain parameters %1 not supported").arg(info.parameterId));
    auto step = [&](const CommandApdu& c, const char* what) -> nfc::NfcExpected<ResponseApdu> {
        auto r = exchange(c);
        if (r && !r->ok())
            return nfcError(nfc::NfcCode::PaceRefused,
                            QStringLiteral("%1: %2").arg(QLatin1String(what), nfc::swText(r->sw)));
        return r;
    };
    // MSE:Set AT — the protocol, and the MRZ as the password (83 01 01)
    auto set = step({0x00, 0x22, 0xC1, 0xA4, object(0x80, info.oid) + QByteArray::fromHex("830101"), -1},
                    "MSE:Set AT");
    if (!set)
        return unexpected(set.error());
    // 1: the encrypted nonce
    auto r1 = step({0x10, 0x86, 0x00, 0x00, QByteArray::fromHex("7C00"), 256}, "GENERAL AUTHENTICATE 1");
    if (!r1)
        return unexpected(r1.error());
    const QByteArray z = fromDynamicData(r1->data, 0x80);
    const QByteArray s = aes128CbcDecrypt(pacePasswordKey(key), z);
    if (s.isEmpty())
        return nfcError(nfc::NfcCode::PaceMalformed, QStringLiteral("encrypted nonce"));
    // 2: mapping
    const QByteArray mapSecret = scalar(*curve, random);
    auto r2 = step(
        {0x10, 0x86, 0x00, 0x00, dynamicData(0x81, curve->publicKey(curve->generator(), mapSecret)), 256},
        "GENERAL AUTHENTICATE 2");
    if (!r2)
        return unexpected(r2.error());
    const QByteArray mapped = curve->mapGenerator(s, mapSecret, fromDynamicData(r2->data, 0x82));
    if (mapped.isEmpty())
        return nfcError(nfc::NfcCode::PaceMalformed, QStringLiteral("chip's mapping key"));
    // 3: key agreement on the mapped generator
    const QByteArray dhSecret = [&] {
        for (int i = 0; i < 16; ++i)
            if (QByteArray k = random(curve->byteSize()); !curve->publicKey(mapped, k).isEmpty())
                return k;
        return QByteArray();
    }();
    const QByteArray dhPublic = curve->publicKey(mapped, dhSecret);
    auto r3 = step({0x10, 0x86, 0x00, 0x00, dynamicData(0x83, dhPublic), 256}, "GENERAL AUTHENTICATE 3");
    if (!r3)
        return unexpected(r3.error());
    const QByteArray chipPublic = fromDynamicData(r3->data, 0x84);
    if (chipPublic == dhPublic) // 9303-11: the chip's key must differ from ours
        return nfcError(nfc::NfcCode::PaceMalformed, QStringLiteral("chip echoed the terminal's key"));
    const QByteArray shared = curve->sharedSecret(dhSecret, chipPublic);
    if (shared.isEmpty())
        return nfcError(nfc::NfcCode::PaceMalformed, QStringLiteral("chip's ephemeral key"));
    SessionKeys keys{paceKdfAes128(shared, 1), paceKdfAes128(shared, 2), QByteArray(16, '\0')};
    // 4: mutual authentication by tokens over each other's ephemeral key
    auto r4 =
        step({0x00, 0x86, 0x00, 0x00, dynamicData(0x85, paceAuthToken(keys.mac, info.oid, chipPublic)), 256},
             "GENERAL AUTHENTICATE 4");
    if (!r4)
        return unexpected(r4.error());
    if (fromDynamicData(r4->data, 0x86) != paceAuthToken(keys.mac, info.oid, dhPublic))
        return nfcError(nfc::NfcCode::PaceTokenMismatch, QStringLiteral("the chip's token does not verify"));
    return keys;
}

PaceChip::PaceChip(MrzKey key, PaceInfo info, std::function<QByteArray(int)> random)
    : m_key(std::move(key))
    , m_info(std::move(info))
    , m_random(std::move(random)) {}

ResponseApdu PaceChip::handle(const CommandApdu& c) {
    auto curve = PaceCurve::forParameterId(m_info.parameterId);
    if (c.ins == 0x22) { // MSE:Set AT
        m_step = fromDynamicData(QByteArray::fromHex("7C") + char(c.data.size()) + c.data, 0x80) == m_info.oid
                     ? 1
                     : 0;
        m_keys.reset();
        m_dhPublic.clear();
        return {{}, quint16(m_step ? 0x9000 : 0x6A80)};
    }
    if (c.ins != 0x86 || !curve || m_step == 0)
        return {{}, 0x6985};
    const auto fail = [this] {
        m_step = 0;
        return ResponseApdu{{}, 0x6300};
    };
    switch (m_step) {
    case 1: {
        m_nonce = m_random(16);
        m_step = 2;
        return {dynamicData(0x80, aesCbc(pacePasswordKey(m_key), QByteArray(16, '\0'), m_nonce, true)),
                0x9000};
    }
    case 2: {
        m_mapSecret = scalar(*curve, m_random);
        m_mapped = curve->mapGenerator(m_nonce, m_mapSecret, fromDynamicData(c.data, 0x81));
        if (m_mapped.isEmpty())
            return fail();
        m_step = 3;
        return {dynamicData(0x82, curve->publicKey(curve->generator(), m_mapSecret)), 0x9000};
    }
    case 3: {
        m_otherDh = fromDynamicData(c.data, 0x83);
        for (int i = 0; i < 16 && m_dhPublic.isEmpty(); ++i) {
            m_dhSecret = m_random(curve->byteSize());
            m_dhPublic = curve->publicKey(m_mapped, m_dhSecret);
        }
        if (m_dhPublic.isEmpty() || m_dhPublic == m_otherDh ||
            curve->sharedSecret(m_dhSecret, m_otherDh).isEmpty())
            return fail();
        m_step = 4;
        return {dynamicData(0x84, m_dhPublic), 0x9000};
    }
    case 4: {
        const QByteArray shared = curve->sharedSecret(m_dhSecret, m_otherDh);
        SessionKeys keys{paceKdfAes128(shared, 1), paceKdfAes128(shared, 2), QByteArray(16, '\0')};
        // A terminal with another password (a mistyped MRZ) derived other keys: its token fails.
        if (fromDynamicData(c.data, 0x85) != paceAuthToken(keys.mac, m_info.oid, m_dhPublic))
            return fail();
        m_step = 0;
        m_keys = keys;
        return {dynamicData(0x86, paceAuthToken(keys.mac, m_info.oid, m_otherDh)), 0x9000};
    }
    default:
        return fail();
    }
}

} // namespace lz::icao
