// lz-issuer conformance-vectors: docs/test-vectors/conformance.json, the vectors a second party (a
// province's verifier, a wallet vendor) tests against, one per verdict and per strictness rule of
// docs/credential-format.md. Each negative vector breaks exactly one rule and is otherwise valid:
// whatever is changed is signed again, so the verdict can only come from the rule it names.
// The keys are made fresh each time it runs; the committed file is the fact, not this program.
#include "ConformanceVectors.h"

#include "codec/Cbor.h"
#include "cose/CoseSign1.h"
#include "credential/Claims.h"
#include "credential/Credential.h"
#include "credential/IdNumber.h"
#include "credential/Presentation.h"
#include "credential/QrPayload.h"
#include "samples/Samples.h"
#include "sync/RecordWire.h"
#include "trust/TrustList.h"
#include "util/DurableFile.h"

#include <QCborArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace lz::issuer {
namespace {

constexpr qint64 kT = 1'790'000'000; // the vectors' "now" (2026-09-21T14:13:20Z)
constexpr qint64 kDay = 86'400;

struct World {
    PrivateKey anchor = PrivateKey::generate(Algorithm::ES256);
    std::map<QString, PrivateKey> issuers; // kid → key
    PrivateKey device = PrivateKey::generate(Algorithm::EdDSA);

    World() {
        issuers.emplace(QStringLiteral("tv-es256"), PrivateKey::generate(Algorithm::ES256));
        issuers.emplace(QStringLiteral("tv-eddsa"), PrivateKey::generate(Algorithm::EdDSA));
        issuers.emplace(QStringLiteral("tv-sm2"), PrivateKey::generate(Algorithm::SM2));
        issuers.emplace(QStringLiteral("tv-retired"), PrivateKey::generate(Algorithm::EdDSA));
    }

    QByteArray trustList(qint64 issuedAt, qint64 nextUpdate, quint64 seq) const {
        TrustList l;
        l.sequence = seq;
        l.issuedAt = issuedAt;
        l.nextUpdate = nextUpdate;
        for (const auto& [kid, key] : issuers) {
            const bool retired = kid == QLatin1String("tv-retired");
            l.issuers.append({kid.toUtf8(), QStringLiteral("TV-CTID"), QStringLiteral("Test vectors"),
                              key.publicKey(), kT - 5 * 365 * kDay,
                              retired ? kT - kDay : kT + 10 * 365 * kDay});
        }
        l.revokedSerials.insert(QStringLiteral("TV-CTID"), QByteArray::fromHex("dead000000000001"));
        return l.sign(anchor, "tv-anchor");
    }
};

Identity identity() {
    return samples::residentIdentity();
}

Credential credential(const World& w) {
    Credential c;
    c.issuer = QStringLiteral("TV-CTID");
    c.id = QByteArray::fromHex("0102030405060708");
    c.issuedAt = c.notBefore = kT - 30 * kDay;
    c.expiresAt = kT + 365 * kDay;
    c.holderKey = w.device.publicKey();
    c.identity = identity();
    return c;
}

// A COSE_Sign1 over payload with the given headers, signed (again) so the signature is good.
struct Envelope {
    QCborMap protectedHeader;
    QCborMap unprotected;
    bool tagged = true;
    int signatureDelta = 0;     // bytes added to (or removed from) the signature after signing
    bool flipSignature = false; // a wrong signature of the right length
    QByteArray protectedBytes;  // when set: exactly these bytes (non-preferred encodings)
};

QByteArray seal(const PrivateKey& key, const QByteArray& payload, const Envelope& e) {
    CoseSign1 s;
    s.protectedBytes =
        e.protectedBytes.isEmpty() ? e.protectedHeader.toCborValue().toCbor() : e.protectedBytes;
    s.payload = payload;
    s.signature = key.sign(s.toBeSigned());
    if (e.flipSignature)
        s.signature[10] = char(s.signature[10] ^ 0x01);
    if (e.signatureDelta > 0)
        s.signature.append(QByteArray(e.signatureDelta, '\0'));
    if (e.signatureDelta < 0)
        s.signature.chop(-e.signatureDelta);
    const QByteArray body =
        QCborArray{s.protectedBytes, e.unprotected, s.payload, s.signature}.toCborValue().toCbor();
    return e.tagged ? QByteArray::fromHex("d2") + body : body;
}

Envelope standard(const PrivateKey& key, const QByteArray& kid) {
    Envelope e;
    e.protectedHeader.insert(CoseSign1::kHeaderAlg, coseAlgorithmId(key.algorithm()));
    if (!kid.isEmpty())
        e.protectedHeader.insert(CoseSign1::kHeaderKid, kid);
    return e;
}

QByteArray presentationClaims(const QByteArray& cred, qint64 iat, qint64 exp, const QCborMap& extra = {}) {
    QCborMap m;
    m.insert(claims::kIat, iat);
    m.insert(claims::kExp, exp);
    m.insert(claims::kCti, QByteArray::fromHex("000102030405060708090a0b0c0d0e0f"));
    m.insert(claims::kCredential, cred);
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        m.insert(it.key(), it.value());
    return m.toCborValue().toCbor();
}

} // namespace

int conformanceVectors(const cli::Options& o) {
    const QString out = o.value(QStringLiteral("--out"));
    if (out.isEmpty())
        return cli::fail(QStringLiteral("usage: lz-issuer conformance-vectors --out FILE.json"));
    World w;
    const QByteArray mainList = w.trustList(kT - 3600, kT + kDay, 1);
    QJsonArray vectors;
    int jti = 0;
    // A whole presentation from credential bytes, as QR text, with a fresh jti each time.
    auto present = [&](const QByteArray& cred, qint64 iat = kT - 10, qint64 exp = kT + 290,
                       const QCborMap& extra = {}, const Envelope* env = nullptr) {
        QCborMap x = extra;
        QByteArray claimsBytes = presentationClaims(cred, iat, exp, x);
        // a distinct jti per vector (replay state is per vector anyway, but ids should not repeat)
        const QByteArray id =
            QByteArray::fromHex("0001020304050607") + QByteArray::number(++jti).rightJustified(8, '0');
        QCborMap m = cbor::decode(claimsBytes)->toMap();
        m.insert(claims::kCti, id);
        claimsBytes = m.toCborValue().toCbor();
        const Envelope e = env ? *env : standard(w.device, {});
        return qr::encode(seal(w.device, claimsBytes, e));
    };
    auto issue = [&](const QByteArray& claimsBytes, const QString& kid = QStringLiteral("tv-eddsa"),
                     const Envelope* env = nullptr) {
        const PrivateKey& key = w.issuers.at(kid);
        const Envelope e = env ? *env : standard(key, kid.toUtf8());
        return seal(key, claimsBytes, e);
    };
    auto add = [&](const QString& name, const QString& rule, const QString& qrText, const QString& expect,
                   QJsonObject extra = {}) {
        QJsonObject v{
            {QStringLiteral("name"), name},    {QStringLiteral("rule"), rule},
            {QStringLiteral("qr"), qrText},    {QStringLiteral("trust_list"), QStringLiteral("main")},
            {QStringLiteral("verify_at"), kT}, {QStringLiteral("expect"), expect}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            v.insert(it.key(), it.value());
        vectors.append(v);
    };
    const Credential base = credential(w);
    const QByteArray goodClaims = base.toClaims();
    auto claimsWith = [&](const std::function<void(QCborMap&)>& change) {
        QCborMap m = cbor::decode(goodClaims)->toMap();
        change(m);
        return m.toCborValue().toCbor();
    };
    auto docWith = [&](const std::function<void(QCborMap&)>& change) {
        return claimsWith([&](QCborMap& m) {
            QCborMap d = m.value(claims::kDocument).toMap();
            change(d);
            m.insert(claims::kDocument, d);
        });
    };

    // --- valid, one per algorithm, and with what may grow ---
    for (const char* kid : {"tv-es256", "tv-eddsa", "tv-sm2"})
        add(QStringLiteral("valid-%1").arg(QLatin1String(kid).mid(3)), QStringLiteral("§3 algorithms"),
            present(issue(goodClaims, QLatin1String(kid))), QStringLiteral("valid"));
    add(QStringLiteral("valid-extension-claims"), QStringLiteral("§4a extension range, ignored"),
        present(issue(claimsWith([](QCborMap& m) { m.insert(-66500, QStringLiteral("later")); })), kT - 10,
                kT + 290, QCborMap{{-66001, 1}}),
        QStringLiteral("valid"));
    add(QStringLiteral("valid-portrait-hash"), QStringLiteral("§4a reserved -65540"),
        present(issue(claimsWith([](QCborMap& m) { m.insert(claims::kPortraitHash, QByteArray(32, 'p')); }))),
        QStringLiteral("valid"));
    add(QStringLiteral("stale-list-refused"),
        QStringLiteral("§6 step 3, next_update passed, trust/reject_stale=true"), present(issue(goodClaims)),
        QStringLiteral("trust_list_stale"),
        {{QStringLiteral("trust_list"), QStringLiteral("stale")}, {QStringLiteral("reject_stale"), true}});
    add(QStringLiteral("valid-stale-list"), QStringLiteral("§6 step 3, next_update passed: a warning"),
        present(issue(goodClaims)), QStringLiteral("valid"),
        {{QStringLiteral("trust_list"), QStringLiteral("stale")},
         {QStringLiteral("warnings"), QJsonArray{QStringLiteral("trust_list_stale")}}});

    // --- the QR text ---
    const QString good = present(issue(goodClaims));
    add(QStringLiteral("qr-wrong-prefix"), QStringLiteral("§2 prefix"), QStringLiteral("XX1:") + good.mid(4),
        QStringLiteral("malformed"));
    add(QStringLiteral("qr-version-2"), QStringLiteral("§2 another version"),
        QStringLiteral("LZ2:") + good.mid(4), QStringLiteral("unsupported_version"));
    add(QStringLiteral("qr-bad-base45"), QStringLiteral("§2 base45"),
        good.left(good.size() - 1) + QLatin1Char('a'), QStringLiteral("malformed"));

    // --- the envelope (§2a), on the credential and on the presentation ---
    const PrivateKey& ed = w.issuers.at(QStringLiteral("tv-eddsa"));
    auto credEnv = [&](const std::function<void(Envelope&)>& change) {
        Envelope e = standard(ed, "tv-eddsa");
        change(e);
        return present(issue(goodClaims, QStringLiteral("tv-eddsa"), &e));
    };
    auto presEnv = [&](const std::function<void(Envelope&)>& change) {
        Envelope e = standard(w.device, {});
        change(e);
        return present(issue(goodClaims), kT - 10, kT + 290, {}, &e);
    };
    const QString malformed = QStringLiteral("malformed");
    add(QStringLiteral("credential-untagged"), QStringLiteral("§2a tag 18"),
        credEnv([](Envelope& e) { e.tagged = false; }), malformed);
    add(QStringLiteral("presentation-untagged"), QStringLiteral("§2a tag 18"),
        presEnv([](Envelope& e) { e.tagged = false; }), malformed);
    add(QStringLiteral("credential-unprotected-junk"), QStringLiteral("§2a unprotected empty"),
        credEnv([](Envelope& e) { e.unprotected.insert(99, QStringLiteral("junk")); }), malformed);
    add(QStringLiteral("presentation-unprotected-kid"), QStringLiteral("§2a unprotected empty"),
        presEnv([](Envelope& e) { e.unprotected.insert(4, QByteArray("k")); }), malformed);
    add(QStringLiteral("credential-crit"), QStringLiteral("§2a crit refused"), credEnv([](Envelope& e) {
            e.protectedHeader.insert(2, QCborArray{77});
            e.protectedHeader.insert(77, 1);
        }),
        malformed);
    add(QStringLiteral("credential-content-type"), QStringLiteral("§2a only alg and kid"),
        credEnv([](Envelope& e) { e.protectedHeader.insert(3, 60); }), malformed);
    add(QStringLiteral("presentation-extra-header"), QStringLiteral("§2a only alg"),
        presEnv([](Envelope& e) { e.protectedHeader.insert(99, 1); }), malformed);
    add(QStringLiteral("credential-alg-missing"), QStringLiteral("§2a alg"),
        credEnv([](Envelope& e) { e.protectedHeader.remove(CoseSign1::kHeaderAlg); }), malformed);
    add(QStringLiteral("credential-alg-unsupported"), QStringLiteral("§2a alg (ES384)"),
        credEnv([](Envelope& e) { e.protectedHeader.insert(CoseSign1::kHeaderAlg, -35); }), malformed);
    add(QStringLiteral("credential-alg-unprotected"), QStringLiteral("§2a alg protected only"),
        credEnv([](Envelope& e) {
            e.protectedHeader.remove(CoseSign1::kHeaderAlg);
            e.unprotected.insert(1, -8);
        }),
        malformed);
    add(QStringLiteral("credential-alg-mismatch"), QStringLiteral("§3 alg must match the key"),
        credEnv([](Envelope& e) { e.protectedHeader.insert(CoseSign1::kHeaderAlg, -7); }),
        QStringLiteral("bad_issuer_signature"));
    add(QStringLiteral("credential-kid-missing"), QStringLiteral("§2a kid required"),
        credEnv([](Envelope& e) { e.protectedHeader.remove(CoseSign1::kHeaderKid); }), malformed);
    add(QStringLiteral("credential-kid-text"), QStringLiteral("§2a kid a byte string"),
        credEnv(
            [](Envelope& e) { e.protectedHeader.insert(CoseSign1::kHeaderKid, QStringLiteral("tv-eddsa")); }),
        malformed);
    add(QStringLiteral("credential-kid-33-bytes"), QStringLiteral("§2a kid 1..32 bytes"),
        credEnv([](Envelope& e) { e.protectedHeader.insert(CoseSign1::kHeaderKid, QByteArray(33, 'k')); }),
        malformed);
    add(QStringLiteral("presentation-kid"), QStringLiteral("§2a no kid on the presentation"),
        presEnv([](Envelope& e) { e.protectedHeader.insert(CoseSign1::kHeaderKid, QByteArray("k")); }),
        malformed);
    add(QStringLiteral("credential-signature-63-bytes"), QStringLiteral("§2a 64-byte signature"),
        credEnv([](Envelope& e) { e.signatureDelta = -1; }), malformed);
    add(QStringLiteral("presentation-signature-65-bytes"), QStringLiteral("§2a 64-byte signature"),
        presEnv([](Envelope& e) { e.signatureDelta = 1; }), malformed);
    add(QStringLiteral("credential-protected-non-preferred"), QStringLiteral("§2a preferred serialization"),
        credEnv([](Envelope& e) {
            e.protectedBytes = QByteArray::fromHex("a2013807044874762d6564647361") /* -8 as 38 07 */;
        }),
        malformed);

    // --- the claims' encoding (§2a) ---
    auto rawClaims = [&](QByteArray bytes) { return present(issue(bytes)); };
    {
        QByteArray longHead = goodClaims;
        const QByteArray exp =
            QByteArray::fromHex("041a") +
            QByteArray::fromHex(QByteArray::number(base.expiresAt, 16).rightJustified(8, '0'));
        if (longHead.contains(exp))
            add(QStringLiteral("claims-non-preferred-integer"), QStringLiteral("§2a shortest heads"),
                rawClaims(longHead.replace(exp, QByteArray::fromHex("041b00000000") + exp.mid(2))),
                malformed);
        QByteArray indefinite = goodClaims;
        indefinite[0] = char(0xbf);
        add(QStringLiteral("claims-indefinite-map"), QStringLiteral("§2a definite lengths"),
            rawClaims(indefinite + char(0xff)), malformed);
        QByteArray nbf = goodClaims;
        const QByteArray nbfEnc =
            QByteArray::fromHex("051a") +
            QByteArray::fromHex(QByteArray::number(base.notBefore, 16).rightJustified(8, '0'));
        if (nbf.contains(nbfEnc))
            add(QStringLiteral("claims-nbf-minus-2-64"), QStringLiteral("§2a integers within int64"),
                rawClaims(nbf.replace(nbfEnc, QByteArray::fromHex("053bffffffffffffffff"))), malformed);
        QByteArray dup = goodClaims;
        dup[0] = char(quint8(dup[0]) + 1);
        add(QStringLiteral("claims-duplicate-key"), QStringLiteral("§2a no duplicate keys"),
            rawClaims(dup + QByteArray::fromHex("01") + QCborValue(QStringLiteral("TV-CTID")).toCbor()),
            malformed);
        add(QStringLiteral("claims-float"), QStringLiteral("§2a no floating point"),
            rawClaims(claimsWith([&](QCborMap& m) { m.insert(claims::kExp, double(base.expiresAt) + 0.5); })),
            malformed);
    }
    // --- the claims (§4, §4a, §5) ---
    add(QStringLiteral("claims-unknown"), QStringLiteral("§4a unknown claims refused"),
        rawClaims(claimsWith([](QCborMap& m) { m.insert(99, 1); })), malformed);
    add(QStringLiteral("claims-unknown-document-claim"), QStringLiteral("§4 no other document keys"),
        rawClaims(docWith([](QCborMap& d) { d.insert(42, 1); })), malformed);
    add(QStringLiteral("claims-cnf-extra"), QStringLiteral("§4a cnf holds the key only"),
        rawClaims(claimsWith([](QCborMap& m) {
            QCborMap c = m.value(claims::kCnf).toMap();
            c.insert(3, QByteArray("kid"));
            m.insert(claims::kCnf, c);
        })),
        malformed);
    add(QStringLiteral("claims-portrait-hash-31-bytes"), QStringLiteral("§4a reserved -65540: 32 bytes"),
        rawClaims(claimsWith([](QCborMap& m) { m.insert(claims::kPortraitHash, QByteArray(31, 'p')); })),
        malformed);
    add(QStringLiteral("claims-name-65-characters"), QStringLiteral("§4a limits in code points"),
        rawClaims(docWith([](QCborMap& d) {
            d.insert(claims::doc::kName, QString::fromUcs4(std::u32string(65, U'\U00020000').data(), 65));
        })),
        malformed);
    add(QStringLiteral("claims-permit-kind-province-number"), QStringLiteral("§4a number agrees with kind"),
        rawClaims(docWith([](QCborMap& d) {
            d.insert(claims::doc::kKind, 2);
            d.remove(claims::doc::kEthnicity);
        })),
        malformed);
    add(QStringLiteral("claims-check-character"), QStringLiteral("§4 GB 11643 check character"),
        rawClaims(docWith(
            [](QCborMap& d) { d.insert(claims::doc::kNumber, QStringLiteral("110105194912310012")); })),
        malformed);
    add(QStringLiteral("claims-unknown-province"), QStringLiteral("§4 known province code"),
        rawClaims(docWith([](QCborMap& d) {
            const QString first17 = QStringLiteral("10010519491231001");
            d.insert(claims::doc::kNumber, first17 + idnumber::checkCharacter(first17));
        })),
        malformed);
    add(QStringLiteral("claims-exp-not-after-nbf"), QStringLiteral("§4 exp > nbf"),
        rawClaims(claimsWith([&](QCborMap& m) { m.insert(claims::kExp, base.notBefore); })), malformed);
    add(QStringLiteral("presentation-lifetime-301"), QStringLiteral("§5 exp <= iat + 300"),
        present(issue(goodClaims), kT - 10, kT + 291), malformed);
    add(QStringLiteral("presentation-exp-not-after-iat"), QStringLiteral("§5 iat < exp"),
        present(issue(goodClaims), kT, kT), malformed);
    add(QStringLiteral("presentation-unknown-claim"), QStringLiteral("§4a unknown claims refused"),
        present(issue(goodClaims), kT - 10, kT + 290, QCborMap{{1, QStringLiteral("iss")}}), malformed);

    // --- verdicts (§6) ---
    const Envelope nobody = standard(ed, "tv-nobody");
    add(QStringLiteral("unknown-kid"), QStringLiteral("§6 step 4"),
        present(issue(goodClaims, QStringLiteral("tv-eddsa"), &nobody)), QStringLiteral("unknown_issuer"));
    add(QStringLiteral("iss-mismatch"), QStringLiteral("§6 step 4"),
        rawClaims(claimsWith([](QCborMap& m) { m.insert(claims::kIss, QStringLiteral("OTHER")); })),
        QStringLiteral("unknown_issuer"));
    add(QStringLiteral("iat-before-key"), QStringLiteral("§6 step 4 iat in the key's window"),
        rawClaims(claimsWith([](QCborMap& m) {
            m.insert(claims::kIat, kT - 6 * 365 * kDay);
            m.insert(claims::kNbf, kT - 6 * 365 * kDay);
        })),
        QStringLiteral("unknown_issuer"));
    {
        Credential c = credential(w);
        c.issuedAt = c.notBefore = kT - 2 * kDay; // back-dated under a key retired yesterday
        add(QStringLiteral("retired-key-back-dated"), QStringLiteral("§6 step 4 shell model"),
            present(issue(c.toClaims(), QStringLiteral("tv-retired"))), QStringLiteral("unknown_issuer"));
        c = credential(w);
        c.expiresAt = kT + 11 * 365 * kDay; // outlives its key
        add(QStringLiteral("credential-outlives-key"), QStringLiteral("§6 step 4 shell model"),
            present(issue(c.toClaims())), QStringLiteral("unknown_issuer"));
    }
    add(QStringLiteral("bad-issuer-signature"), QStringLiteral("§6 step 5"),
        credEnv([](Envelope& e) { e.flipSignature = true; }), QStringLiteral("bad_issuer_signature"));
    add(QStringLiteral("bad-holder-signature"), QStringLiteral("§6 step 5"),
        presEnv([](Envelope& e) { e.flipSignature = true; }), QStringLiteral("bad_holder_signature"));
    add(QStringLiteral("credential-not-yet-valid"), QStringLiteral("§6 step 6"),
        rawClaims(claimsWith([](QCborMap& m) { m.insert(claims::kNbf, kT + kDay); })),
        QStringLiteral("credential_not_yet_valid"));
    add(QStringLiteral("credential-expired"), QStringLiteral("§6 step 6"),
        rawClaims(claimsWith([](QCborMap& m) { m.insert(claims::kExp, kT - 60); })),
        QStringLiteral("credential_expired"));
    add(QStringLiteral("presentation-expired"), QStringLiteral("§6 step 7"),
        present(issue(goodClaims), kT - 400, kT - 100), QStringLiteral("presentation_expired"));
    add(QStringLiteral("presentation-from-future"), QStringLiteral("§6 step 7"),
        present(issue(goodClaims), kT + 100, kT + 300), QStringLiteral("presentation_from_future"));
    add(QStringLiteral("nfc-answer-shown-as-qr"), QStringLiteral("§6 step 8"),
        present(issue(goodClaims), kT - 10, kT + 290, QCborMap{{claims::kNonce, QByteArray(16, 'n')}}),
        QStringLiteral("replayed"));
    add(QStringLiteral("revoked"), QStringLiteral("§6 step 9"), rawClaims(claimsWith([](QCborMap& m) {
            m.insert(claims::kCti, QByteArray::fromHex("dead000000000001"));
        })),
        QStringLiteral("revoked"));
    {
        const QString once = present(issue(goodClaims));
        add(QStringLiteral("replayed"), QStringLiteral("§6 step 10: the same presentation seen before"), once,
            QStringLiteral("replayed"), {{QStringLiteral("seen_before"), QJsonArray{once}}});
    }
    add(QStringLiteral("trust-list-expired"), QStringLiteral("§6 step 3 max offline age"), good,
        QStringLiteral("trust_list_expired"), {{QStringLiteral("trust_list"), QStringLiteral("expired")}});
    add(QStringLiteral("no-trust-list"), QStringLiteral("§6 step 3"), good,
        QStringLiteral("trust_list_expired"), {{QStringLiteral("trust_list"), QStringLiteral("none")}});
    add(QStringLiteral("clock-untrusted"), QStringLiteral("§6 step 2 high-water mark"), good,
        QStringLiteral("clock_untrusted"), {{QStringLiteral("high_water"), kT + 3600}});

    // --- trust lists: installed, or refused with the rule named (docs/trust-list.md) ---
    QJsonArray listVectors;
    const QCborMap mainPayload = cbor::decode(CoseSign1::decode(mainList)->payload)->toMap();
    auto listWith = [&](const std::function<void(QCborMap&)>& change, const Envelope* env = nullptr) {
        QCborMap m = mainPayload;
        change(m);
        const Envelope e = env ? *env : standard(w.anchor, "tv-anchor");
        return seal(w.anchor, m.toCborValue().toCbor(), e);
    };
    auto addList = [&](const QString& name, const QString& rule, const QByteArray& list,
                       const QString& expect) {
        listVectors.append(QJsonObject{{QStringLiteral("name"), name},
                                       {QStringLiteral("rule"), rule},
                                       {QStringLiteral("list"), QString::fromLatin1(list.toHex())},
                                       {QStringLiteral("expect"), expect}});
    };
    auto issuerEntry = [](QCborMap& m, const std::function<void(QCborMap&)>& change) {
        QCborArray a = m.value(5).toArray();
        QCborMap e = a[0].toMap();
        change(e);
        a[0] = e;
        m.insert(5, a);
    };
    addList(QStringLiteral("list-valid"), QStringLiteral("trust-list.md Format"), mainList,
            QStringLiteral("installed"));
    addList(QStringLiteral("list-extension-keys"), QStringLiteral("Strictness: extension range ignored"),
            listWith([&](QCborMap& m) {
                m.insert(-66500, 1);
                issuerEntry(m, [](QCborMap& e) { e.insert(-66001, 1); });
            }),
            QStringLiteral("installed"));
    addList(QStringLiteral("list-unknown-key"), QStringLiteral("Strictness: unknown payload key"),
            listWith([](QCborMap& m) { m.insert(10, 1); }), QStringLiteral("unknown payload key"));
    addList(QStringLiteral("list-unknown-issuer-key"), QStringLiteral("Strictness: unknown issuer entry key"),
            listWith([&](QCborMap& m) { issuerEntry(m, [](QCborMap& e) { e.insert(7, 1); }); }),
            QStringLiteral("unknown key"));
    addList(QStringLiteral("list-no-sequence"), QStringLiteral("Format: key 2 required"),
            listWith([](QCborMap& m) { m.remove(2); }), QStringLiteral("sequence"));
    addList(QStringLiteral("list-next-update-before-issue"),
            QStringLiteral("Format: next_update >= issued_at"),
            listWith([](QCborMap& m) { m.insert(4, m.value(3).toInteger() - 1); }),
            QStringLiteral("inconsistent"));
    addList(QStringLiteral("list-version-2"), QStringLiteral("Format: version 1"),
            listWith([](QCborMap& m) { m.insert(1, 2); }), QStringLiteral("version"));
    addList(QStringLiteral("list-duplicate-kid"), QStringLiteral("Format: duplicate kids"),
            listWith([](QCborMap& m) {
                QCborArray a = m.value(5).toArray();
                a.append(a[0]);
                m.insert(5, a);
            }),
            QStringLiteral("duplicate issuer kid"));
    addList(
        QStringLiteral("list-kid-33-bytes"), QStringLiteral("Format: kid 1..32 bytes"),
        listWith([&](QCborMap& m) { issuerEntry(m, [](QCborMap& e) { e.insert(1, QByteArray(33, 'k')); }); }),
        QStringLiteral("issuer entry"));
    {
        Envelope untagged = standard(w.anchor, "tv-anchor");
        untagged.tagged = false;
        addList(QStringLiteral("list-untagged"), QStringLiteral("credential-format §2a tag 18"),
                listWith([](QCborMap&) {}, &untagged), QStringLiteral("tag 18"));
        Envelope otherAnchor = standard(w.anchor, "tv-other-anchor");
        addList(QStringLiteral("list-unknown-anchor"), QStringLiteral("signed by a pinned anchor"),
                listWith([](QCborMap&) {}, &otherAnchor), QStringLiteral("unknown trust anchor"));
        Envelope forged = standard(w.anchor, "tv-anchor");
        forged.flipSignature = true;
        addList(QStringLiteral("list-bad-signature"), QStringLiteral("signed by a pinned anchor"),
                listWith([](QCborMap&) {}, &forged), QStringLiteral("signature does not verify"));
        QByteArray payload = mainPayload.toCborValue().toCbor();
        payload[0] = char(0xbf);
        addList(QStringLiteral("list-indefinite-payload"),
                QStringLiteral("Strictness: preferred serialization"),
                seal(w.anchor, payload + char(0xff), standard(w.anchor, "tv-anchor")),
                QStringLiteral("indefinite"));
    }

    // --- sync records: what a gateway accepts, and what it refuses by name (docs/sync-api.md) ---
    QJsonArray recordVectors;
    {
        Registration r = samples::qrRegistration(kT * 1000, QStringLiteral("TV-CTID"),
                                                 QByteArray::fromHex("0102030405060708"),
                                                 {QStringLiteral("V-TV"), VenueType::InternetCafe,
                                                  QStringLiteral("T-TV"), QStringLiteral("op-1")});
        r.id = QByteArray::fromHex("0190f1b2c3d47e5f8a9b0c1d2e3f4a5b");
        r.seq = 1;
        r.trustListSequence = 1;
        r.details = {{QStringLiteral("seat"), QStringLiteral("A-17")}};
        Identity id = identity();
        id.level = CredentialLevel::Light;
        id.address.clear();
        r.identity = id;
        r.personalHash =
            QByteArray::fromHex("5f3b1c0f7e8d9a2b4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d");
        r.contentHash = contentHash(r, r.personalHash);
        r.chainHash = chainHash(QByteArray(32, '\0'), r.seq, r.contentHash);
        const QJsonObject goodRecord = wire::recordToJson(r);
        auto addRecord = [&](const QString& name, const QString& rule, const QJsonObject& record,
                             const QString& expect) {
            recordVectors.append(QJsonObject{{QStringLiteral("name"), name},
                                             {QStringLiteral("rule"), rule},
                                             {QStringLiteral("record"), record},
                                             {QStringLiteral("expect"), expect}});
        };
        auto with = [&](const std::function<void(QJsonObject&)>& change) {
            QJsonObject rec = goodRecord;
            change(rec);
            return rec;
        };
        addRecord(QStringLiteral("record-valid"),
                  QStringLiteral("the content hash recomputes from the fields"), goodRecord,
                  QStringLiteral("content_hash_matches"));
        addRecord(QStringLiteral("record-without-v"), QStringLiteral("Versions: absent v is 1"),
                  with([](QJsonObject& j) { j.remove(QStringLiteral("v")); }),
                  QStringLiteral("content_hash_matches"));
        addRecord(QStringLiteral("record-of-an-older-terminal"),
                  QStringLiteral("no personal_hash: not recomputable"), with([](QJsonObject& j) {
                      j.remove(QStringLiteral("personal_hash"));
                      j.remove(QStringLiteral("terminal_check"));
                      j.remove(QStringLiteral("v"));
                  }),
                  QStringLiteral("content_unverifiable"));
        addRecord(QStringLiteral("record-back-dated"),
                  QStringLiteral("an edited field changes the content hash"), with([](QJsonObject& j) {
                      j.insert(QStringLiteral("created_ms"), double(kT * 1000 - 86'400'000));
                  }),
                  QStringLiteral("content_mismatch"));
        addRecord(QStringLiteral("record-other-operator"),
                  QStringLiteral("an edited field changes the content hash"), with([](QJsonObject& j) {
                      j.insert(QStringLiteral("operator"), QStringLiteral("nobody"));
                  }),
                  QStringLiteral("content_mismatch"));
        addRecord(QStringLiteral("record-version-2"),
                  QStringLiteral("Versions: a newer v is refused by name"),
                  with([](QJsonObject& j) { j.insert(QStringLiteral("v"), 2); }),
                  QStringLiteral("unsupported_record_version"));
        // Issue 18: staff's void and correction, once reserved, are kinds of version 1.
        Registration voided = r;
        voided.kind = RecordKind::Void;
        voided.id = QByteArray::fromHex("0190f1b2c3d47e5f8a9b0c1d2e3f4a5c");
        voided.seq = 2;
        voided.identity.reset();
        voided.details = {{QStringLiteral("target"), QStringLiteral("0190f1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")},
                          {QStringLiteral("amend_reason"), QStringLiteral("registered by mistake")}};
        voided.personalHash =
            QByteArray::fromHex("8e1f0c6a2b3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7");
        voided.contentHash = contentHash(voided, voided.personalHash);
        voided.chainHash = chainHash(r.chainHash, voided.seq, voided.contentHash);
        const QJsonObject voidRecord = wire::recordToJson(voided);
        addRecord(QStringLiteral("record-void"),
                  QStringLiteral("a void names its registration in details.target, with amend_reason"),
                  voidRecord, QStringLiteral("content_hash_matches"));
        addRecord(
            QStringLiteral("record-void-with-identity"),
            QStringLiteral("a void carries no identity (its target names the person)"),
            [&] {
                QJsonObject j = voidRecord;
                j.insert(QStringLiteral("identity"), goodRecord.value(QStringLiteral("identity")));
                return j;
            }(),
            QStringLiteral("a void carries no identity"));
        addRecord(QStringLiteral("record-correction-without-target"),
                  QStringLiteral("a correction names the record it corrects"), with([](QJsonObject& j) {
                      j.insert(QStringLiteral("kind"), QStringLiteral("correction"));
                  }),
                  QStringLiteral("details_missing: target"));
        addRecord(QStringLiteral("record-unknown-kind"),
                  QStringLiteral(
                      "kind is registration, attempt, checkout, manual_registration, void or correction"),
                  with([](QJsonObject& j) { j.insert(QStringLiteral("kind"), QStringLiteral("party")); }),
                  QStringLiteral("field kind"));
        addRecord(QStringLiteral("record-registration-not-valid"), QStringLiteral("a registration is valid"),
                  with([](QJsonObject& j) { j.insert(QStringLiteral("valid"), false); }),
                  QStringLiteral("a registration or checkout must be valid"));
        addRecord(
            QStringLiteral("record-short-personal-hash"), QStringLiteral("personal_hash is 32 bytes or null"),
            with([](QJsonObject& j) { j.insert(QStringLiteral("personal_hash"), QStringLiteral("abcd")); }),
            QStringLiteral("personal_hash"));
        addRecord(QStringLiteral("record-details-of-another-venue"),
                  QStringLiteral("details per venue profile"), with([](QJsonObject& j) {
                      j.insert(QStringLiteral("details"),
                               QJsonObject{{QStringLiteral("room"), QStringLiteral("1203")}});
                  }),
                  QStringLiteral("details"));
        addRecord(QStringLiteral("record-seq-0"), QStringLiteral("seq >= 1"),
                  with([](QJsonObject& j) { j.insert(QStringLiteral("seq"), 0); }), QStringLiteral("seq"));
    }

    // --- NFC messages (docs/nfc-credential.md): the application info and the challenge ---
    QJsonArray nfcVectors;
    {
        auto addNfc = [&](const QString& name, const QString& message, const QByteArray& bytes,
                          const QString& expect) {
            nfcVectors.append(QJsonObject{{QStringLiteral("name"), name},
                                          {QStringLiteral("message"), message},
                                          {QStringLiteral("bytes"), QString::fromLatin1(bytes.toHex())},
                                          {QStringLiteral("expect"), expect}});
        };
        auto map = [](const QCborMap& m) { return m.toCborValue().toCbor(); };
        const QByteArray nonce(16, 'n');
        const QCborMap challenge{{1, nonce}, {2, QStringLiteral("T-TV")}, {3, kT}};
        addNfc(QStringLiteral("app-info-v1"), QStringLiteral("app_info"), map({{1, 1}}),
               QStringLiteral("ok"));
        addNfc(QStringLiteral("app-info-extension"), QStringLiteral("app_info"), map({{1, 1}, {-66001, 1}}),
               QStringLiteral("ok"));
        addNfc(QStringLiteral("app-info-v2"), QStringLiteral("app_info"), map({{1, 2}}),
               QStringLiteral("wallet_version"));
        addNfc(QStringLiteral("app-info-unknown-key"), QStringLiteral("app_info"), map({{1, 1}, {2, 1}}),
               QStringLiteral("wallet_bad_response"));
        addNfc(QStringLiteral("app-info-no-version"), QStringLiteral("app_info"), map({}),
               QStringLiteral("wallet_bad_response"));
        addNfc(QStringLiteral("app-info-indefinite"), QStringLiteral("app_info"),
               QByteArray::fromHex("bf0101ff"), QStringLiteral("wallet_bad_response"));
        addNfc(QStringLiteral("challenge"), QStringLiteral("challenge"), map(challenge),
               QStringLiteral("ok"));
        QCborMap extended = challenge;
        extended.insert(-66002, QStringLiteral("later"));
        addNfc(QStringLiteral("challenge-extension"), QStringLiteral("challenge"), map(extended),
               QStringLiteral("ok"));
        QCborMap unknown = challenge;
        unknown.insert(4, 1);
        addNfc(QStringLiteral("challenge-unknown-key"), QStringLiteral("challenge"), map(unknown),
               QStringLiteral("wallet_bad_response"));
        QCborMap shortNonce = challenge;
        shortNonce.insert(1, QByteArray(15, 'n'));
        addNfc(QStringLiteral("challenge-short-nonce"), QStringLiteral("challenge"), map(shortNonce),
               QStringLiteral("wallet_bad_response"));
        QCborMap noTime = challenge;
        noTime.remove(3);
        addNfc(QStringLiteral("challenge-no-time"), QStringLiteral("challenge"), map(noTime),
               QStringLiteral("wallet_bad_response"));
    }

    QJsonObject doc{
        {QStringLiteral("_comment"),
         QStringLiteral(
             "Conformance vectors of docs/credential-format.md (made by `lz-issuer conformance-vectors`): "
             "each vector is a QR text, the trust list it is judged against, the time, the state "
             "(presentations seen before, the clock's high-water mark, reject_stale) and the expected "
             "verdict "
             "(and warnings). Skew 30 s, maximum offline age 7 days. Every negative vector breaks one rule "
             "only; "
             "what it changes is signed again. The keys are TEST keys, made for this file.")},
        {QStringLiteral("anchor"),
         QJsonObject{{QStringLiteral("kid"), QStringLiteral("tv-anchor")},
                     {QStringLiteral("public_key_pem"), QString::fromLatin1(w.anchor.publicKey().toPem())}}},
        {QStringLiteral("trust_lists"),
         QJsonObject{
             {QStringLiteral("main"), QString::fromLatin1(mainList.toHex())},
             {QStringLiteral("stale"), QString::fromLatin1(w.trustList(kT - 2 * kDay, kT - kDay, 1).toHex())},
             {QStringLiteral("expired"),
              QString::fromLatin1(w.trustList(kT - 8 * kDay, kT - 7 * kDay, 1).toHex())}}},
        {QStringLiteral("vectors"), vectors},
        {QStringLiteral("trust_list_vectors"), listVectors},
        {QStringLiteral("sync_record_vectors"), recordVectors},
        {QStringLiteral("nfc_vectors"), nfcVectors}};
    if (auto saved = writeFileDurably(out, QJsonDocument(doc).toJson(QJsonDocument::Indented), 0644); !saved)
        return cli::fail(saved.error().text());
    cli::printJson({{QStringLiteral("vectors"), vectors.size()},
                    {QStringLiteral("trust_list_vectors"), listVectors.size()},
                    {QStringLiteral("sync_record_vectors"), recordVectors.size()},
                    {QStringLiteral("nfc_vectors"), nfcVectors.size()}});
    return cli::kExitOk;
}

} // namespace lz::issuer
