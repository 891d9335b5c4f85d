// Passive authentication (core/icao/PassiveAuth, CscaStore) and the Verifier's passport path,
// against passports signed by tools/passport/PassportIssuer with real OpenSSL certificates and
// CMS: a genuine one, and one broken passport per named failure.
#include "TestWorld.h"
#include "icao/Dg2.h"
#include "icao/IssuingState.h"
#include "icao/Lds.h"
#include "icao/PassiveAuth.h"
#include "passport/DemoPassport.h"
#include "passport/PassportChip.h"
#include "passport/PassportIssuer.h"
#include "verify/Verifier.h"

#include <QCryptographicHash>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;
using namespace lz::test;
using passport::CertificateSpec;
using passport::Signer;

namespace {

constexpr qint64 kYear = 365 * kDay;
const QByteArray kMrz = passport::kSpecimenMrz; // ERIKSSON, expires 940623: too old for "now"
// The specimen with an expiry in 2031 (check digits recomputed: tst_bac checks the rule).
QByteArray currentMrz() {
    QByteArray m = kMrz;
    const QByteArray line2 = "L898902C<3UTO6908061F3106235ZE184226B<<<<<16";
    m.replace(44, 44, line2.leftJustified(44, '<'));
    return m;
}

CertificateSpec spec(const char* cn, qint64 from, qint64 to, qint64 serial = 1) {
    CertificateSpec s;
    s.commonName = QString::fromLatin1(cn);
    s.notBefore = from;
    s.notAfter = to;
    s.serial = serial;
    return s;
}

// A terminal whose trust list carries these CSCA certificates, its clock at kNow.
struct Terminal {
    TestWorld world;
    TrustStore store{QList<TrustAnchor>{world.anchor()}, QString()};
    FixedClock clock{kNow};
    Verifier verifier{store, clock, nullptr, nullptr};

    explicit Terminal(const QList<QByteArray>& cscas) { install(cscas, 1); }
    bool install(const QList<QByteArray>& cscas, quint64 sequence) {
        TrustList list = world.trustList(kNow - 3600, sequence);
        list.cscaCertificates = cscas;
        return store.install(world.signedList(list)).hasValue();
    }
};

QByteArray fakeJpeg(int size) {
    QByteArray b = QByteArray::fromHex("ffd8ffe0");
    b += QByteArray(size - 4, 'j');
    return b;
}

} // namespace

class TestPassiveAuth : public QObject {
    Q_OBJECT
    Signer m_csca = passport::makeCsca(spec("CSCA UTO", kNow - 5 * kYear, kNow + 10 * kYear));
    Signer m_ds = passport::makeDocumentSigner(m_csca, spec("DS UTO", kNow - kYear, kNow + 5 * kYear, 7));
    std::shared_ptr<const icao::CscaStore> m_store;

    QMap<int, QByteArray> groups(const passport::PassportFiles& p) {
        return {{1, p.files.value(icao::kEfDg1)}, {2, p.files.value(icao::kEfDg2)}};
    }
    passport::PassportFiles make(const Signer& ds, const QString& tamper = {}) {
        passport::PassportSpec s;
        s.mrz = currentMrz();
        s.photo = fakeJpeg(20000);
        s.photoWidth = 480;
        s.photoHeight = 600;
        s.tamper = tamper;
        auto p = passport::makePassport(s, ds);
        if (!p)
            qFatal("%s", qPrintable(p.error()));
        return *p;
    }
    icao::PassiveAuthResult check(const passport::PassportFiles& p, const icao::CscaStore* store = nullptr,
                                  qint64 at = kNow) {
        return icao::passiveAuthenticate(p.files.value(icao::kEfSod), groups(p), store ? *store : *m_store,
                                         at);
    }

private slots:
    void initTestCase() {
        auto store = icao::CscaStore::build({m_csca.certificateDer()});
        QVERIFY(store.hasValue());
        m_store = *store;
        QCOMPARE(m_store->certificateCount(), 1);
        QVERIFY(icao::parseMrz(QString::fromLatin1(currentMrz())).hasValue());
    }

    void genuinePassport() {
        const auto r = check(make(m_ds));
        QVERIFY2(r.ok(), qPrintable(r.failureName() + u' ' + r.detail));
        QCOMPARE(r.checkedDataGroups, (QList<int>{1, 2}));
        QCOMPARE(r.signerCountry, QStringLiteral("UT"));
        QCOMPARE(r.hashAlgorithm, QStringLiteral("SHA256"));
    }

    void otherHashesAndCurves() {
        for (const char* hash : {"SHA1", "SHA224", "SHA384", "SHA512"}) {
            auto p = make(m_ds);
            p.files[icao::kEfSod] = passport::efSod(groups(p), m_ds, QString::fromLatin1(hash));
            const auto r = check(p);
            QVERIFY2(r.ok(), hash);
            QCOMPARE(r.hashAlgorithm, QString::fromLatin1(hash));
        }
        CertificateSpec cs = spec("CSCA brainpool", kNow - kYear, kNow + kYear);
        cs.curve = QStringLiteral("brainpoolP256r1");
        const Signer csca = passport::makeCsca(cs);
        cs = spec("DS brainpool", kNow - kYear, kNow + kYear);
        cs.curve = QStringLiteral("brainpoolP256r1");
        const auto store = icao::CscaStore::build({m_csca.certificateDer(), csca.certificateDer()});
        QVERIFY(store.hasValue());
        const auto r = check(make(passport::makeDocumentSigner(csca, cs)), store->get());
        QVERIFY2(r.ok(), qPrintable(r.detail));
    }

    void tamperedDataGroups() {
        auto r = check(make(m_ds, QStringLiteral("dg1")));
        QCOMPARE(r.failureName(), QStringLiteral("data_group_mismatch"));
        QVERIFY(r.detail.contains(QLatin1String("DG1")));
        QVERIFY(r.checkedDataGroups.isEmpty());
        r = check(make(m_ds, QStringLiteral("dg2")));
        QCOMPARE(r.failureName(), QStringLiteral("data_group_mismatch"));
        QVERIFY(r.detail.contains(QLatin1String("DG2")));
        // A data group read that the security object does not list.
        auto p = make(m_ds);
        auto g = groups(p);
        g.insert(11, QByteArray::fromHex("6B03010203"));
        r = icao::passiveAuthenticate(p.files.value(icao::kEfSod), g, *m_store, kNow);
        QCOMPARE(r.failureName(), QStringLiteral("data_group_mismatch"));
        QVERIFY(r.detail.contains(QLatin1String("DG11")));
    }

    void forgedSignatures() {
        auto p = make(m_ds);
        // The signature value is the SOD's last bytes: flip one.
        QByteArray sod = p.files.value(icao::kEfSod);
        sod[sod.size() - 5] = char(sod[sod.size() - 5] ^ 0x01);
        auto r = icao::passiveAuthenticate(sod, groups(p), *m_store, kNow);
        QVERIFY2(r.failure == icao::PaFailure::BadDocumentSignature ||
                     r.failure == icao::PaFailure::SodMalformed,
                 qPrintable(r.failureName()));
        // The hash of DG1 inside the signed content changed: messageDigest no longer matches.
        sod = p.files.value(icao::kEfSod);
        const QByteArray dg1Hash =
            QCryptographicHash::hash(p.files.value(icao::kEfDg1), QCryptographicHash::Sha256);
        const qsizetype at = sod.indexOf(dg1Hash);
        QVERIFY(at > 0);
        sod[at] = char(sod[at] ^ 0x80);
        r = icao::passiveAuthenticate(sod, groups(p), *m_store, kNow);
        QCOMPARE(r.failureName(), QStringLiteral("bad_document_signature"));
    }

    void chainFailures() {
        // A forger's CSCA with the same name: its document signer does not chain.
        const Signer forged = passport::makeCsca(spec("CSCA UTO", kNow - kYear, kNow + kYear));
        const Signer forgedDs =
            passport::makeDocumentSigner(forged, spec("DS UTO", kNow - kYear, kNow + kYear));
        auto r = check(make(forgedDs));
        QCOMPARE(r.failureName(), QStringLiteral("unknown_csca"));
        // An expired CSCA in the trust list.
        const Signer old = passport::makeCsca(spec("CSCA UTO 2005", kNow - 20 * kYear, kNow - kYear));
        const auto store = icao::CscaStore::build({m_csca.certificateDer(), old.certificateDer()});
        QVERIFY(store.hasValue());
        r = check(make(passport::makeDocumentSigner(old, spec("DS old", kNow - 19 * kYear, kNow + kYear))),
                  store->get());
        QCOMPARE(r.failureName(), QStringLiteral("certificate_expired"));
        QVERIFY2(r.detail.contains(QLatin1String("CSCA")), qPrintable(r.detail));
        // An expired document signer.
        r = check(make(passport::makeDocumentSigner(m_csca, spec("DS", kNow - 3 * kYear, kNow - kDay))));
        QCOMPARE(r.failureName(), QStringLiteral("certificate_expired"));
        QVERIFY2(r.detail.contains(QLatin1String("document signer")), qPrintable(r.detail));
        // A document signer certificate without digitalSignature.
        CertificateSpec noSig = spec("DS", kNow - kYear, kNow + kYear);
        noSig.digitalSignature = false;
        r = check(make(passport::makeDocumentSigner(m_csca, noSig)));
        QCOMPARE(r.failureName(), QStringLiteral("certificate_invalid"));
        // An empty trust list knows no CSCA.
        const auto empty = icao::CscaStore::build({});
        QVERIFY(empty.hasValue());
        QCOMPARE(check(make(m_ds), empty->get()).failureName(), QStringLiteral("unknown_csca"));
    }

    void revokedBySignersCrl() {
        const Signer ds =
            passport::makeDocumentSigner(m_csca, spec("DS revoked", kNow - kYear, kNow + kYear, 99));
        const QByteArray crl = passport::makeCrl(m_csca, {98, 99}, kNow - kDay, kNow + 30 * kDay);
        auto store = icao::CscaStore::build({m_csca.certificateDer()}, {crl});
        QVERIFY2(store.hasValue(), qPrintable(store ? QString() : store.error()));
        QCOMPARE((*store)->crlCount(), 1);
        QCOMPARE(check(make(ds), store->get()).failureName(), QStringLiteral("revoked"));
        QVERIFY(check(make(m_ds), store->get()).ok()); // serial 7 is not on it
    }

    void storeRefusesBadEntries() {
        auto s = icao::CscaStore::build({QByteArray::fromHex("3082010a")});
        QVERIFY(!s && s.error().startsWith(QLatin1String("csca_malformed")));
        s = icao::CscaStore::build({m_csca.certificateDer() + "x"});
        QVERIFY(!s && s.error().startsWith(QLatin1String("csca_malformed")));
        s = icao::CscaStore::build({m_ds.certificateDer()});
        QVERIFY(!s && s.error().startsWith(QLatin1String("csca_not_ca")));
        const Signer other = passport::makeCsca(spec("Other", kNow - kYear, kNow + kYear));
        s = icao::CscaStore::build({m_csca.certificateDer()},
                                   {passport::makeCrl(other, {1}, kNow, kNow + kDay)});
        QVERIFY(!s && s.error().startsWith(QLatin1String("crl_unknown_issuer")));
        const Signer sameName = passport::makeCsca(spec("CSCA UTO", kNow - kYear, kNow + kYear));
        s = icao::CscaStore::build({m_csca.certificateDer()},
                                   {passport::makeCrl(sameName, {1}, kNow, kNow + kDay)});
        QVERIFY(!s && s.error().startsWith(QLatin1String("crl_bad_signature")));
        s = icao::CscaStore::build({m_csca.certificateDer()}, {QByteArray("not a crl")});
        QVERIFY(!s && s.error().startsWith(QLatin1String("crl_malformed")));
    }

    void malformedSod_data() {
        QTest::addColumn<QByteArray>("sod");
        const QByteArray good = make(m_ds).files.value(icao::kEfSod);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("wrong tag") << QByteArray("\x78\x01\x00", 3);
        QTest::newRow("truncated") << good.left(good.size() - 40);
        QTest::newRow("not cms") << QByteArray::fromHex("7705300302010a");
        QTest::newRow("trailing bytes") << good + QByteArray(1, 0);
    }
    void malformedSod() {
        QFETCH(QByteArray, sod);
        const auto p = make(m_ds);
        const auto r = icao::passiveAuthenticate(sod, groups(p), *m_store, kNow);
        QCOMPARE(r.failureName(), QStringLiteral("sod_malformed"));
    }

    void securityObjectParsing_data() {
        QTest::addColumn<QByteArray>("der");
        QTest::addColumn<QString>("error");
        const QByteArray sha256 = QByteArray::fromHex("300b0609608648016503040201");
        auto hash = [](int dg, int size) {
            QByteArray h = QByteArray::fromHex("30") + char(5 + size) + QByteArray::fromHex("0201") +
                           char(dg) + QByteArray::fromHex("04") + char(size) + QByteArray(size, 'h');
            return h;
        };
        auto so = [](const QByteArray& version, const QByteArray& alg, const QByteArray& hashes) {
            const QByteArray list = QByteArray::fromHex("30") + char(hashes.size()) + hashes;
            const QByteArray body = version + alg + list;
            return QByteArray::fromHex("30") + char(body.size()) + body;
        };
        const QByteArray v0 = QByteArray::fromHex("020100");
        QTest::newRow("good") << so(v0, sha256, hash(1, 32) + hash(2, 32)) << QString();
        QTest::newRow("version 2") << so(QByteArray::fromHex("020102"), sha256, hash(1, 32) + hash(2, 32))
                                   << "version";
        QTest::newRow("md5") << so(v0, QByteArray::fromHex("300a06082a864886f70d0205"),
                                   hash(1, 16) + hash(2, 16))
                             << "not one ICAO allows";
        QTest::newRow("short hash") << so(v0, sha256, hash(1, 31) + hash(2, 32)) << "32-byte";
        QTest::newRow("one group") << so(v0, sha256, hash(1, 32)) << "2 to 16";
        QTest::newRow("dg 17") << so(v0, sha256, hash(1, 32) + hash(17, 32)) << "1..16";
        QTest::newRow("twice") << so(v0, sha256, hash(1, 32) + hash(1, 32)) << "twice";
    }
    void securityObjectParsing() {
        QFETCH(QByteArray, der);
        QFETCH(QString, error);
        const auto so = icao::parseLdsSecurityObject(der);
        if (error.isEmpty()) {
            QVERIFY2(so.hasValue(), qPrintable(so ? QString() : so.error()));
            QCOMPARE(so->hashes.keys(), (QList<int>{1, 2}));
        } else {
            QVERIFY(!so);
            QVERIFY2(so.error().startsWith(QLatin1String("sod_malformed")) && so.error().contains(error),
                     qPrintable(so.error()));
        }
    }

    void faceImage() {
        const QByteArray jpeg = fakeJpeg(3000);
        auto face = icao::parseDg2(passport::dg2(jpeg, false, 240, 320));
        QVERIFY(face.hasValue());
        QCOMPARE(face->format, icao::FaceImage::Format::Jpeg);
        QCOMPARE(face->data, jpeg);
        QCOMPARE(face->width, 240);
        QCOMPARE(face->height, 320);
        const QByteArray jp2 = QByteArray::fromHex("0000000c6a5020200d0a870a") + QByteArray(100, 'k');
        face = icao::parseDg2(passport::dg2(jp2, true, 10, 20));
        QVERIFY(face.hasValue());
        QCOMPARE(face->format, icao::FaceImage::Format::Jpeg2000);
        QCOMPARE(face->data, jp2);
        // Neither: said, not guessed.
        face = icao::parseDg2(passport::dg2(QByteArray(50, 'x'), false, 1, 1));
        QVERIFY(face.hasValue());
        QCOMPARE(face->format, icao::FaceImage::Format::Unknown);
        // Broken structures.
        for (const QByteArray& bad : {QByteArray::fromHex("7503020100"), QByteArray::fromHex("61035F1F00"),
                                      QByteArray::fromHex("7506") + QByteArray::fromHex("7F6103020101"),
                                      passport::dg2(jpeg, false, 1, 1).left(200)}) {
            const auto f = icao::parseDg2(bad);
            QVERIFY2(!f, bad.toHex().constData());
        }
        // A facial record whose lengths lie.
        QByteArray lying = passport::dg2(jpeg, false, 1, 1);
        const qsizetype fac = lying.indexOf("FAC");
        lying[fac + 14] = char(0x7F); // block length far beyond the record
        QVERIFY(!icao::parseDg2(lying));
    }

    void identityFromTheMrz() {
        const auto mrz = icao::parseMrz(QString::fromLatin1(currentMrz()));
        QVERIFY(mrz.hasValue());
        const Identity id = icao::identityFromMrz(*mrz, QDate(2026, 9, 21));
        QCOMPARE(id.kind, DocumentKind::Passport);
        QCOMPARE(id.name, QStringLiteral("ERIKSSON ANNA MARIA"));
        QCOMPARE(id.sex, Sex::Female);
        QCOMPARE(id.birthDate, QDate(1969, 8, 6));
        QCOMPARE(id.expiryDate, QDate(2031, 6, 23));
        QCOMPARE(id.nationality, QStringLiteral("UTO"));
        QCOMPARE(id.documentNumber, QStringLiteral("L898902C"));
        QVERIFY(validateIdentity(id).hasValue());
        // On screen: initials of the Latin name; Chinese names keep surname and last character.
        QCOMPARE(maskName(id.name), QStringLiteral("E******* A. M."));
        QCOMPARE(maskName(QStringLiteral("张三明")), QStringLiteral("张*明"));
        QCOMPARE(maskName(QStringLiteral("张三")), QStringLiteral("张*"));
        // A child born in 2024 stays in this century; a birth in '27 is 1927 in 2026.
        QCOMPARE(icao::identityFromMrz(*mrz, QDate(2070, 1, 1)).birthDate, QDate(2069, 8, 6));
    }

    void verifierPassportPath() {
        Terminal t({m_csca.certificateDer()});
        Verifier& verifier = t.verifier;
        const auto p = make(m_ds);
        const auto key = icao::parseMrz(QString::fromLatin1(currentMrz()))->key;

        icao::PassiveAuthResult pa;
        auto r = verifier.verifyPassport(groups(p), p.files.value(icao::kEfSod), key, {}, &pa);
        QVERIFY2(r.valid, qPrintable(r.detail));
        QVERIFY(r.identity);
        QCOMPARE(r.identity->kind, DocumentKind::Passport);
        QCOMPARE(r.identity->documentNumber, QStringLiteral("L898902C"));
        QCOMPARE(r.issuer, QStringLiteral("UT"));
        QCOMPARE(pa.checkedDataGroups.size(), 2);
        QVERIFY(r.timings.issuerSignatureNs > 0);

        r = verifier.verifyPassport(groups(make(m_ds, QStringLiteral("dg1"))), p.files.value(icao::kEfSod),
                                    key);
        QCOMPARE(r.reason, Reason::DataGroupMismatch);
        QVERIFY(!r.identity);
        // Genuine data of another document than the one the clerk's key opened.
        icao::MrzKey other = key;
        other.documentNumber = QStringLiteral("X1234567");
        r = verifier.verifyPassport(groups(p), p.files.value(icao::kEfSod), other);
        QCOMPARE(r.reason, Reason::DataGroupMismatch);
        // The ICAO specimen itself expired in 1994.
        passport::PassportSpec expired;
        expired.mrz = kMrz;
        expired.photo = fakeJpeg(100);
        const auto old = passport::makePassport(expired, m_ds);
        QVERIFY(old.hasValue());
        r = verifier.verifyPassport(groups(*old), old->files.value(icao::kEfSod),
                                    icao::parseMrz(QString::fromLatin1(kMrz))->key);
        QCOMPARE(r.reason, Reason::CredentialExpired);
        // No DG1, or a broken one.
        r = verifier.verifyPassport({{2, p.files.value(icao::kEfDg2)}}, p.files.value(icao::kEfSod), key);
        QCOMPARE(r.reason, Reason::Malformed);
        r = verifier.verifyPassport({{1, QByteArray::fromHex("6100")}}, p.files.value(icao::kEfSod), key);
        QCOMPARE(r.reason, Reason::Malformed);
        // Each passive-authentication failure comes out under its own reason.
        const Signer forged = passport::makeCsca(spec("CSCA UTO", kNow - kYear, kNow + kYear));
        const auto f = make(passport::makeDocumentSigner(forged, spec("DS", kNow - kYear, kNow + kYear)));
        QCOMPARE(verifier.verifyPassport(groups(f), f.files.value(icao::kEfSod), key).reason,
                 Reason::UnknownCsca);
        QCOMPARE(verifier.verifyPassport(groups(p), QByteArray("junk"), key).reason, Reason::Malformed);
        // A genuine CSCA of another state signing a document that claims Utopia.
        CertificateSpec de = spec("CSCA DE", kNow - kYear, kNow + kYear);
        de.country = QStringLiteral("DE");
        const Signer cscaDe = passport::makeCsca(de);
        QVERIFY(t.install({m_csca.certificateDer(), cscaDe.certificateDer()}, 2));
        de.commonName = QStringLiteral("DS DE");
        const auto foreign = make(passport::makeDocumentSigner(cscaDe, de));
        r = verifier.verifyPassport(groups(foreign), foreign.files.value(icao::kEfSod), key);
        QCOMPARE(r.reason, Reason::UnknownCsca);
        QVERIFY2(r.detail.contains(QLatin1String("issuing state UT")), qPrintable(r.detail));
        QCOMPARE(icao::alpha2ForIssuingState(u"D<<"), QStringLiteral("DE"));
        QCOMPARE(icao::alpha2ForIssuingState(u"CHN"), QStringLiteral("CN"));
        QCOMPARE(icao::alpha2ForIssuingState(u"GBD"), QStringLiteral("GB"));
        QCOMPARE(icao::alpha2ForIssuingState(u"XOM"), QString());
    }

    void activeAuthentication_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("clone");
        QTest::addColumn<QString>("reason");
        QTest::newRow("ECDSA P-256") << "ec" << false << "";
        QTest::newRow("RSA 1024, ISO 9796-2") << "rsa" << false << "";
        QTest::newRow("cloned chip, ECDSA") << "ec" << true << "chip_authentication_failed";
        QTest::newRow("cloned chip, RSA") << "rsa" << true << "chip_authentication_failed";
        QTest::newRow("no active authentication") << "" << false << "";
    }
    void activeAuthentication() {
        // The whole way in one process: the emulated chip answers INTERNAL AUTHENTICATE under
        // secure messaging; the Verifier checks the answer with DG15's key after passive
        // authentication vouched for DG15 (and DG14's algorithm).
        QFETCH(QString, kind);
        QFETCH(bool, clone);
        QFETCH(QString, reason);
        passport::PassportSpec spec;
        spec.mrz = currentMrz();
        spec.photo = fakeJpeg(500);
        spec.activeAuth = kind;
        spec.clone = clone;
        auto files = passport::makePassport(spec, m_ds);
        QVERIFY2(files.hasValue(), qPrintable(files ? QString() : files.error()));
        QCOMPARE(files->files.contains(icao::kEfDg15), !kind.isEmpty());
        QCOMPARE(files->files.contains(icao::kEfDg14), kind == QLatin1String("ec"));
        passport::PassportChip chip(files->chipKey(), files->files);
        if (!files->activeAuthKeyPem.isEmpty())
            chip.enableActiveAuthentication(files->activeAuthKeyPem);
        const auto key = icao::parseMrz(QString::fromLatin1(currentMrz()))->key;
        auto read = icao::readChip(
            [&chip](const QByteArray& c) -> nfc::NfcExpected<QByteArray> { return chip.process(c); }, key);
        QVERIFY2(read.hasValue(), qPrintable(read ? QString() : read.error().toString()));
        QCOMPARE(read->apdus, read->minimumApdus);
        QCOMPARE(read->activeAuth.challenge.size(), kind.isEmpty() ? 0 : 8);

        Terminal t({m_csca.certificateDer()});
        Verifier& verifier = t.verifier;
        icao::PassiveAuthResult pa;
        const auto r = verifier.verifyPassport(read->dataGroups(), read->files.value(icao::kEfSod).content,
                                               key, read->activeAuth, &pa);
        QCOMPARE(reasonName(r.reason), reason);
        QCOMPARE(pa.activeAuthenticated, reason.isEmpty() && !kind.isEmpty());
        if (kind.isEmpty() || !reason.isEmpty())
            return;
        // The answer is bound to this challenge: another challenge, or a changed byte, fails.
        icao::ActiveAuthExchange other = read->activeAuth;
        other.challenge[0] = char(other.challenge[0] ^ 1);
        QVERIFY(!icao::verifyActiveAuthentication(read->dataGroups().value(15), read->dataGroups().value(14),
                                                  other));
        other = read->activeAuth;
        other.signature[10] = char(other.signature[10] ^ 1);
        const auto broken = icao::verifyActiveAuthentication(read->dataGroups().value(15),
                                                             read->dataGroups().value(14), other);
        QVERIFY(!broken && broken.error().startsWith(QLatin1String("aa_signature_invalid")));
        // A chip that does not answer at all.
        QCOMPARE(
            reasonName(
                verifier.verifyPassport(read->dataGroups(), read->files.value(icao::kEfSod).content, key, {})
                    .reason),
            QStringLiteral("chip_authentication_failed"));
        if (kind == QLatin1String("ec")) {
            // ECDSA needs DG14's algorithm.
            const auto noDg14 =
                icao::verifyActiveAuthentication(read->dataGroups().value(15), {}, read->activeAuth);
            QVERIFY(!noDg14 && noDg14.error().startsWith(QLatin1String("aa_algorithm_unknown")));
            QCOMPARE(*icao::activeAuthHash(read->dataGroups().value(14)), QStringLiteral("SHA256"));
        }
        QVERIFY(!icao::checkDg15(QByteArray::fromHex("6F03020101")));
        // A copied chip whose EF.COM (signed by nobody) leaves DG15 out: the reader reads what the
        // security object lists, and a DG15 it lists but nobody read fails too.
        QMap<quint16, QByteArray> hidden = files->files;
        hidden[icao::kEfCom] = passport::efCom({1, 2});
        passport::PassportChip quiet(files->chipKey(), hidden);
        quiet.enableActiveAuthentication(files->activeAuthKeyPem);
        auto again = icao::readChip(
            [&quiet](const QByteArray& c) -> nfc::NfcExpected<QByteArray> { return quiet.process(c); }, key);
        QVERIFY(again.hasValue());
        QVERIFY(again->files.contains(icao::kEfDg15));
        QVERIFY(verifier
                    .verifyPassport(again->dataGroups(), again->files.value(icao::kEfSod).content, key,
                                    again->activeAuth)
                    .valid);
        auto withoutDg15 = read->dataGroups();
        withoutDg15.remove(15);
        const auto hiding =
            verifier.verifyPassport(withoutDg15, read->files.value(icao::kEfSod).content, key, {});
        QCOMPARE(hiding.reason, Reason::ChipAuthenticationFailed);
    }

    void passportDirectoryRoundTrip() {
        QTemporaryDir dir;
        auto p = make(m_ds);
        p.paceParameterId = 13;
        p.chipMrz = kMrz;
        QVERIFY(p.save(dir.path()).hasValue());
        const auto back = passport::PassportFiles::load(dir.path());
        QVERIFY2(back.hasValue(), qPrintable(back ? QString() : back.error()));
        QCOMPARE(back->files, p.files);
        QCOMPARE(back->mrz, p.mrz);
        QCOMPARE(back->paceParameterId, 13);
        QCOMPARE(back->chipKey().expiryDate, QStringLiteral("940623"));
        QVERIFY(!passport::PassportFiles::load(dir.path() + QStringLiteral("/nowhere")));
    }
};

QTEST_GUILESS_MAIN(TestPassiveAuth)
#include "tst_passiveauth.moc"
