// The verifier: a valid presentation for each algorithm, and every rejection reason of the
// closed set reproduced from a real input.
#include "TestWorld.h"
#include "demo/DemoKit.h"
#include "verify/Verifier.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;
using namespace lz::test;

namespace {

// A terminal: trust store with the world's list installed, a fixed clock at kNow, guard, replay.
struct Terminal {
    TestWorld& world;
    TrustStore store;
    FixedClock clock{kNow};
    TimeGuard guard;
    ReplayCache replay;
    Verifier verifier;

    explicit Terminal(TestWorld& w, VerifierPolicy policy = {}, qint64 listIssuedAt = kNow - 3600)
        : world(w)
        , store({w.anchor()}, {})
        , verifier(store, clock, &guard, &replay, policy) {
        TrustList l = w.trustList(listIssuedAt);
        l.revokedSerials.insert(w.issuerCode, QByteArray::fromHex("deadbeefdeadbeef"));
        store.install(w.signedList(l));
    }
};

} // namespace

class TestVerifier : public QObject {
    Q_OBJECT
    TestWorld m_world;
    PrivateKey m_device = PrivateKey::generate(Algorithm::ES256);

    QByteArray credential(Algorithm alg = Algorithm::ES256) const {
        return m_world.issue(m_world.credential(m_device), alg);
    }
    static void expect(const VerificationResult& r, Reason reason) {
        QVERIFY2(!r.valid, "expected a rejection");
        QVERIFY2(r.reason == reason,
                 qPrintable(QStringLiteral("got %1 (%2), expected %3")
                                .arg(reasonName(r.reason), r.detail, reasonName(reason))));
        QVERIFY(!r.identity.has_value()); // no personal data on a rejection
    }

private slots:
    void validForEachAlgorithm_data() {
        QTest::addColumn<int>("issuerAlg");
        QTest::addColumn<int>("deviceAlg");
        QTest::newRow("ES256/ES256") << int(Algorithm::ES256) << int(Algorithm::ES256);
        QTest::newRow("EdDSA/EdDSA") << int(Algorithm::EdDSA) << int(Algorithm::EdDSA);
        QTest::newRow("SM2/SM2") << int(Algorithm::SM2) << int(Algorithm::SM2);
        QTest::newRow("SM2 issuer, ES256 phone") << int(Algorithm::SM2) << int(Algorithm::ES256);
    }
    void validForEachAlgorithm() {
        QFETCH(int, issuerAlg);
        QFETCH(int, deviceAlg);
        Terminal t(m_world);
        const PrivateKey device = PrivateKey::generate(Algorithm(deviceAlg));
        const QByteArray cred = m_world.issue(m_world.credential(device), Algorithm(issuerAlg));
        const VerificationResult r = t.verifier.verifyQrText(TestWorld::qr(cred, device, kNow - 10));
        QVERIFY2(r.valid, qPrintable(reasonName(r.reason) + QLatin1Char(' ') + r.detail));
        QCOMPARE(r.reason, Reason::None);
        QVERIFY(r.identity.has_value());
        QCOMPARE(*r.identity, sampleIdentity());
        QCOMPARE(r.issuer, m_world.issuerCode);
        QCOMPARE(r.trustListAge, 3600);
        QCOMPARE(r.trustListSequence, quint64(1));
        QVERIFY(r.warnings.isEmpty());
        QVERIFY(r.timings.totalNs > 0 && r.timings.issuerSignatureNs > 0 && r.timings.holderSignatureNs > 0);
        QVERIFY(r.timings.totalNs >= r.timings.issuerSignatureNs + r.timings.holderSignatureNs);
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QLatin1String("verdict")).toString(), QStringLiteral("valid"));
        QCOMPARE(json.value(QLatin1String("identity"))
                     .toObject()
                     .value(QLatin1String("document_number"))
                     .toString(),
                 QStringLiteral("11**************11"));
        QCOMPARE(json.value(QLatin1String("identity")).toObject().value(QLatin1String("name")).toString(),
                 QStringLiteral("张*"));
    }
    void malformed_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("not a credential") << QStringLiteral("https://example.com/");
        QTest::newRow("bad base45") << QStringLiteral("LZ1:####");
        QTest::newRow("not COSE inside") << qr::encode("hello");
        QTest::newRow("presentation claims not a map")
            << qr::encode(CoseSign1::sign(m_device, {}, QByteArray::fromHex("01")).encode());
        Presentation p = Presentation::make(credential(), kNow);
        p.credential = "garbage";
        QTest::newRow("credential inside not COSE") << qr::encode(p.sign(m_device));
        p = Presentation::make(credential(), kNow, 301);
        QTest::newRow("presentation lifetime over 300 s") << qr::encode(p.sign(m_device));
        Credential c = m_world.credential(m_device);
        c.identity.documentNumber[17] = QLatin1Char('9'); // wrong check digit, validly signed
        QTest::newRow("signed credential with bad ID number")
            << TestWorld::qr(m_world.issue(c, Algorithm::ES256), m_device, kNow);
    }
    void malformed() {
        QFETCH(QString, text);
        Terminal t(m_world);
        const VerificationResult r = t.verifier.verifyQrText(text);
        expect(r, Reason::Malformed);
        QVERIFY(!r.detail.isEmpty());
    }
    void everyTruncationIsMalformed() {
        // A code cut short anywhere (a partial scan, a truncated paste) is malformed, never valid.
        Terminal t(m_world);
        const QByteArray cose = Presentation::make(credential(), kNow).sign(m_device);
        for (qsizetype cut = 0; cut < cose.size(); ++cut)
            expect(t.verifier.verifyPresentation(cose.left(cut)), Reason::Malformed);
        const QString text = qr::encode(cose);
        for (qsizetype cut = 4; cut < text.size(); cut += 7)
            expect(t.verifier.verifyQrText(text.left(cut)), Reason::Malformed);
    }
    void unsupportedVersion() {
        Terminal t(m_world);
        QString text = TestWorld::qr(credential(), m_device, kNow);
        text.replace(0, 4, QStringLiteral("LZ2:"));
        expect(t.verifier.verifyQrText(text), Reason::UnsupportedVersion);
    }
    void unknownIssuer() {
        Terminal t(m_world);
        const PrivateKey stranger = PrivateKey::generate(Algorithm::ES256);
        const QByteArray cred = m_world.credential(m_device).issue(stranger, "not-in-list");
        expect(t.verifier.verifyQrText(TestWorld::qr(cred, m_device, kNow)), Reason::UnknownIssuer);
        // A trusted key used for another issuer code.
        Credential c = m_world.credential(m_device);
        c.issuer = QStringLiteral("OTHER-CTID");
        expect(t.verifier.verifyQrText(TestWorld::qr(m_world.issue(c, Algorithm::ES256), m_device, kNow)),
               Reason::UnknownIssuer);
        // Issued outside the key's validity window.
        c = m_world.credential(m_device);
        c.issuedAt = kNow - 400 * kDay;
        c.notBefore = c.issuedAt;
        expect(t.verifier.verifyQrText(TestWorld::qr(m_world.issue(c, Algorithm::ES256), m_device, kNow)),
               Reason::UnknownIssuer);
    }
    void retiredKeyCannotSignAnythingNew() {
        // Issue 14, finding 9: a key past its not_after signed a credential with a back-dated iat,
        // and only iat was checked against the key's window.
        Terminal t(m_world);
        TrustList l = m_world.trustList();
        for (IssuerKey& k : l.issuers)
            k.notAfter = kNow - kDay; // retired yesterday
        l.sequence = 2;
        QVERIFY(t.store.install(m_world.signedList(l)).hasValue());
        Credential c = m_world.credential(m_device);
        c.issuedAt = c.notBefore = kNow - 2 * kDay; // claims to be from before the retirement
        expect(t.verifier.verifyQrText(TestWorld::qr(m_world.issue(c, Algorithm::ES256), m_device, kNow)),
               Reason::UnknownIssuer);
        // And a live key's credential may not outlive the key (the shell model).
        Terminal live(m_world);
        TrustList l2 = m_world.trustList();
        for (IssuerKey& k : l2.issuers)
            k.notAfter = kNow + 10 * kDay;
        l2.sequence = 2;
        QVERIFY(live.store.install(m_world.signedList(l2)).hasValue());
        const VerificationResult r =
            live.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow)); // exp kNow + 365 d
        expect(r, Reason::UnknownIssuer);
        QVERIFY(r.detail.contains(QLatin1String("outside its issuer key's window")));
    }
    void badIssuerSignature() {
        Terminal t(m_world);
        // A forger signs with their own key but names a trusted issuer's kid.
        const PrivateKey forger = PrivateKey::generate(Algorithm::ES256);
        const QByteArray cred =
            m_world.credential(m_device).issue(forger, m_world.issuers[Algorithm::ES256].kid);
        expect(t.verifier.verifyQrText(TestWorld::qr(cred, m_device, kNow)), Reason::BadIssuerSignature);
        // Or edits a claim of a genuine credential (a different name), keeping the signature.
        auto envelope = *CoseSign1::decode(credential());
        Credential edited = *Credential::fromClaims(envelope.payload);
        edited.identity.name = QStringLiteral("李四");
        envelope.payload = edited.toClaims();
        expect(t.verifier.verifyQrText(TestWorld::qr(envelope.encode(), m_device, kNow)),
               Reason::BadIssuerSignature);
    }
    void badHolderSignature() {
        Terminal t(m_world);
        // Someone who copied the credential but does not hold the phone's key.
        const PrivateKey thief = PrivateKey::generate(Algorithm::ES256);
        expect(t.verifier.verifyQrText(TestWorld::qr(credential(), thief, kNow)), Reason::BadHolderSignature);
    }
    void credentialWindow() {
        Terminal t(m_world);
        Credential c = m_world.credential(m_device);
        c.notBefore = kNow + 3600;
        expect(t.verifier.verifyQrText(TestWorld::qr(m_world.issue(c, Algorithm::ES256), m_device, kNow)),
               Reason::CredentialNotYetValid);
        c = m_world.credential(m_device);
        c.expiresAt = kNow - 3600;
        expect(t.verifier.verifyQrText(TestWorld::qr(m_world.issue(c, Algorithm::ES256), m_device, kNow)),
               Reason::CredentialExpired);
    }
    void presentationWindow() {
        Terminal t(m_world);
        // A screenshot taken 400 s ago (lifetime 300 s): expired.
        expect(t.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow - 400)),
               Reason::PresentationExpired);
        // A phone whose clock runs 2 minutes ahead.
        expect(t.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow + 120)),
               Reason::PresentationFromFuture);
    }
    void clockSkewTolerance() {
        Terminal t(m_world); // default ±30 s
        QVERIFY(t.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow + 25)).valid);
        QVERIFY(t.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow - 300 - 25)).valid);
        expect(t.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow + 35)),
               Reason::PresentationFromFuture);
        VerifierPolicy wide;
        wide.clockSkew = 60;
        Terminal w(m_world, wide);
        QVERIFY(w.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow + 55)).valid);
    }
    void replayed() {
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("replay"));
        const QString text = TestWorld::qr(credential(), m_device, kNow);
        {
            Terminal t(m_world);
            ReplayCache persistent(journal, kNow);
            Verifier v(t.store, t.clock, &t.guard, &persistent);
            QVERIFY(v.verifyQrText(text).valid);
            expect(v.verifyQrText(text), Reason::Replayed);
        }
        // After a restart of the terminal, still a replay.
        Terminal t(m_world);
        ReplayCache persistent(journal, kNow + 5);
        t.clock.set(kNow + 5);
        Verifier v(t.store, t.clock, &t.guard, &persistent);
        expect(v.verifyQrText(text), Reason::Replayed);
        // A fresh presentation of the same credential is fine.
        QVERIFY(v.verifyQrText(TestWorld::qr(credential(), m_device, kNow + 5)).valid);
    }
    void damagedJournalRefusesCodesItMayHold() {
        // Issue 14, finding 5: a journal that cannot be read back in full is not a pass.
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("replay"));
        const QString text = TestWorld::qr(credential(), m_device, kNow);
        {
            Terminal t(m_world);
            ReplayCache persistent(journal, kNow, kNow);
            Verifier v(t.store, t.clock, &t.guard, &persistent);
            QVERIFY(v.verifyQrText(text).valid);
        }
        QFile f(journal);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QByteArray bytes = f.readAll();
        bytes[6] = char(0xff); // the first entry's length byte, just after the magic
        f.seek(0);
        f.write(bytes);
        f.close();
        // The journal's own time says when it was last written (here: the test's clock, not today's).
        QVERIFY(f.open(QIODevice::ReadWrite) &&
                f.setFileTime(QDateTime::fromSecsSinceEpoch(kNow), QFileDevice::FileModificationTime));
        f.close();
        Terminal t(m_world);
        t.clock.set(kNow + 5);
        ReplayCache damaged(journal, kNow, kNow + 5);
        Verifier v(t.store, t.clock, &t.guard, &damaged);
        expect(v.verifyQrText(text), Reason::Replayed);
        // A code made after the damage was found is judged as usual.
        const qint64 after = kNow + TimeGuard::kPersistStep + ReplayCache::kMaxSkew + 5;
        t.clock.set(after + 5);
        QVERIFY(v.verifyQrText(TestWorld::qr(credential(), m_device, after)).valid);
    }
    void nonceMismatchIsReplay() {
        Terminal t(m_world);
        const QByteArray nonce = QByteArray::fromHex("00112233445566778899aabbccddeeff");
        const QByteArray answer = Presentation::make(credential(), kNow, 300, nonce).sign(m_device);
        QVERIFY(t.verifier.verifyPresentation(answer, nonce).valid);
        const QByteArray old = Presentation::make(credential(), kNow, 300, "old-challenge").sign(m_device);
        expect(t.verifier.verifyPresentation(old, nonce), Reason::Replayed);
        // An NFC answer (skimmed from a phone by a rogue reader) shown as a QR code: refused.
        const QByteArray fresh =
            Presentation::make(credential(), kNow, 60, "skimmed-challenge").sign(m_device);
        expect(t.verifier.verifyQrText(qr::encode(fresh)), Reason::Replayed);
        Presentation aimed = Presentation::make(credential(), kNow, 60);
        aimed.audience = QStringLiteral("T-OTHER");
        expect(t.verifier.verifyQrText(qr::encode(aimed.sign(m_device))), Reason::Replayed);
    }
    void revoked() {
        Terminal t(m_world);
        Credential c = m_world.credential(m_device);
        c.id = QByteArray::fromHex("deadbeefdeadbeef");
        expect(t.verifier.verifyQrText(TestWorld::qr(m_world.issue(c, Algorithm::ES256), m_device, kNow)),
               Reason::Revoked);
    }
    void trustListStale() {
        // Past next-update (1 day) but within the 7-day maximum: valid, with a warning.
        Terminal t(m_world, {}, kNow - 2 * kDay);
        const VerificationResult r = t.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow));
        QVERIFY(r.valid);
        QCOMPARE(r.warnings, QList<Reason>{Reason::TrustListStale});
        QCOMPARE(r.trustListAge, 2 * kDay);
        VerifierPolicy strict;
        strict.rejectStale = true;
        Terminal s(m_world, strict, kNow - 2 * kDay);
        expect(s.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow)), Reason::TrustListStale);
    }
    void trustListExpired() {
        Terminal t(m_world, {}, kNow - 8 * kDay);
        const VerificationResult r = t.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow));
        expect(r, Reason::TrustListExpired);
        QCOMPARE(r.trustListAge, 8 * kDay);
        // No list at all fails closed the same way.
        TrustStore empty({m_world.anchor()}, {});
        FixedClock clock(kNow);
        Verifier v(empty, clock, nullptr, nullptr);
        expect(v.verifyQrText(TestWorld::qr(credential(), m_device, kNow)), Reason::TrustListExpired);
    }
    void clockUntrusted() {
        Terminal t(m_world);
        QVERIFY(t.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow)).valid);
        // Someone sets the terminal's clock back a day to accept an old screenshot.
        t.clock.set(kNow - kDay);
        expect(t.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow - kDay)),
               Reason::ClockUntrusted);
        // A fresh terminal whose clock is before the trust list's issue time.
        TestWorld& w = m_world;
        Terminal fresh(w, {}, kNow + kDay);
        expect(fresh.verifier.verifyQrText(TestWorld::qr(credential(), m_device, kNow)),
               Reason::ClockUntrusted);
    }
    void everyReasonIsReproduced() {
        // The closed set: each name round-trips, and the slots above cover each one.
        QCOMPARE(allReasons().size(), 23);
        for (Reason r : allReasons())
            QCOMPARE(reasonFromName(reasonName(r)).value(), r);
    }
    void demoWorldVerifies() {
        const qint64 now = kNow;
        auto kit = demo::DemoKit::load(now);
        QVERIFY2(kit.hasValue(), qPrintable(kit.hasValue() ? QString() : kit.error()));
        TrustStore store({kit->anchor()}, {});
        QVERIFY(store.install(kit->signTrustList(now)).hasValue());
        FixedClock clock(now);
        ReplayCache replay;
        Verifier v(store, clock, nullptr, &replay);
        QCOMPARE(kit->holders().size(), 4);
        for (const auto& h : kit->holders()) {
            const auto r = v.verifyQrText(TestWorld::qr(h.credential, h.deviceKey, now));
            QVERIFY2(r.valid, qPrintable(h.label + QLatin1Char(' ') + reasonName(r.reason) + r.detail));
            QVERIFY(r.demo);
        }
    }
};

QTEST_GUILESS_MAIN(TestVerifier)
#include "tst_verifier.moc"
