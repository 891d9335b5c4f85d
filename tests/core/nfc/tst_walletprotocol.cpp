// The NFC wallet protocol end to end in one process: the terminal's readWallet() against the
// phone's WalletApplet, decided by the real Verifier over the demo world. Proves that an answer
// cannot be replayed (another challenge, another terminal, the same answer twice), and that
// every malformed or refusing wallet gets its named error.
#include "crypto/Digest.h"
#include "demo/DemoKit.h"
#include "face/DocumentPortrait.h"
#include "nfc/Apdu.h"
#include "nfc/WalletReader.h"
#include "verify/Verifier.h"
#include "wallet/WalletApplet.h"

#include <QTest>

using namespace lz;
using namespace lz::nfc;
namespace proto = lz::nfc::wallet;
using Phone = lz::wallet::WalletApplet;

namespace {
constexpr qint64 kNow = 1790000000;
const QString kTerminal = QStringLiteral("T-HOTEL-0001");

Transceive direct(Phone& applet, QList<QByteArray>* log = nullptr) {
    return [&applet, log](const QByteArray& c) -> NfcExpected<QByteArray> {
        const QByteArray r = applet.process(c);
        if (log)
            log->append(r);
        return r;
    };
}

// A wallet that answers from a fixed list of R-APDUs (hex), whatever it is asked.
Transceive scripted(QList<QByteArray> answers) {
    auto queue = std::make_shared<QList<QByteArray>>(std::move(answers));
    return [queue](const QByteArray&) -> NfcExpected<QByteArray> {
        if (queue->isEmpty())
            return nfcError(NfcCode::CardLeft, QStringLiteral("script ended"));
        return queue->takeFirst();
    };
}
} // namespace

class TestWalletProtocol : public QObject {
    Q_OBJECT
    std::optional<demo::DemoKit> m_kit;
    std::unique_ptr<TrustStore> m_store;
    FixedClock m_clock{kNow};

    Verifier verifier(ReplayCache* replay) { return Verifier(*m_store, m_clock, nullptr, replay); }
    // Holder 0's credential again, with the SHA-256 of `portrait` signed in it (claim -65540).
    QByteArray credentialWithPortrait(const QByteArray& portrait) {
        const auto& h = m_kit->holders().at(0);
        const auto& issuer = m_kit->issuers().at(0);
        Credential c;
        c.issuer = issuer.entry.issuer;
        c.id = QByteArray::fromHex("0102030405060708");
        c.issuedAt = c.notBefore = kNow - 86400;
        c.expiresAt = kNow + 86400 * 365;
        c.holderKey = h.deviceKey.publicKey();
        c.identity = h.identity;
        c.portraitHash = sha256({portrait});
        return c.issue(issuer.key, issuer.entry.kid);
    }
    Phone applet(int holder = 0) {
        const auto& h = m_kit->holders().at(holder);
        return Phone(h.credential, h.deviceKey, [] { return kNow; });
    }

private slots:
    // Issue 15: every code has one name that parses back, and one kind the screens switch on.
    void errorCodesAreClosed() {
        int transport = 0;
        for (int i = 0; i <= int(NfcCode::LdsFileTooLarge); ++i) {
            const auto code = NfcCode(i);
            QVERIFY(!nfcCodeName(code).isEmpty());
            QCOMPARE(nfcCodeFromName(nfcCodeName(code)), code);
            transport += isTransportFailure(code) ? 1 : 0;
        }
        QCOMPARE(transport, 9); // card_left, card_timeout, reader_* (5), wire_* (2)
        QVERIFY(!nfcCodeFromName(QStringLiteral("card_left ")));
        QCOMPARE(nfcFailureKind(NfcCode::PaceRefused), NfcFailureKind::KeyRefused);
        QCOMPARE(nfcFailureKind(NfcCode::NotEmrtd), NfcFailureKind::NoApplication);
        QCOMPARE(nfcFailureKind(NfcCode::SmMacMismatch), NfcFailureKind::Protocol);
    }
    void initTestCase() {
        auto kit = demo::DemoKit::load(kNow);
        QVERIFY(kit.hasValue());
        m_kit = std::move(*kit);
        m_store = std::make_unique<TrustStore>(QList<TrustAnchor>{m_kit->anchor()}, QString());
        QVERIFY(m_store->install(m_kit->signTrustList(kNow)).hasValue());
    }

    void apduEncoding() {
        QCOMPARE(
            CommandApdu({0x00, 0xA4, 0x04, 0x00, QByteArray::fromHex("f04c5a494401"), 256}).encode().value(),
            QByteArray::fromHex("00a4040006f04c5a49440100"));
        QCOMPARE(CommandApdu({0x00, 0xC0, 0, 0, {}, 0x80}).encode().value(),
                 QByteArray::fromHex("00c0000080"));
        QCOMPARE(CommandApdu({0x00, 0x20, 0, 0, {}, -1}).encode().value(), QByteArray::fromHex("00200000"));
        QCOMPARE(CommandApdu({0x80, 0x2A, 0, 0, QByteArray(256, 'x'), -1}).encode().error().name(),
                 QStringLiteral("apdu_too_long"));
        QCOMPARE(CommandApdu({0x80, 0x2A, 0, 0, {}, 257}).encode().error().name(),
                 QStringLiteral("apdu_too_long"));
        // parse: every case, and the malformed ones
        auto c4 = CommandApdu::parse(QByteArray::fromHex("802a00000301020300"));
        QVERIFY(c4.hasValue());
        QCOMPARE(c4->data, QByteArray::fromHex("010203"));
        QCOMPARE(c4->le, 256);
        QCOMPARE(CommandApdu::parse(QByteArray::fromHex("00c0000010"))->le, 16);
        QCOMPARE(CommandApdu::parse(QByteArray::fromHex("00a404")).error().name(),
                 QStringLiteral("apdu_truncated"));
        QCOMPARE(CommandApdu::parse(QByteArray::fromHex("00a4040006f04c")).error().name(),
                 QStringLiteral("apdu_truncated"));
        QCOMPARE(CommandApdu::parse(QByteArray::fromHex("00a40400000100")).error().name(),
                 QStringLiteral("apdu_too_long")); // extended length
        QCOMPARE(ResponseApdu::parse(QByteArray::fromHex("90")).error().name(),
                 QStringLiteral("apdu_truncated"));
        auto r = ResponseApdu::parse(QByteArray::fromHex("01026110"));
        QVERIFY(r->moreData());
        QCOMPARE(r->sw2(), quint8(0x10));
        QCOMPARE(r->data, QByteArray::fromHex("0102"));
        QCOMPARE(swText(0x6A82), QStringLiteral("6A82 (application not found)"));
    }

    void tapVerifies() {
        for (int h = 0; h < m_kit->holders().size(); ++h) {
            auto phone = applet(h);
            const auto challenge = proto::Challenge::make(kTerminal, kNow);
            auto read = readWallet(direct(phone), challenge);
            QVERIFY2(read.hasValue(), qPrintable(read ? QString() : read.error().toString()));
            // SELECT + SIGN + GET RESPONSE for each further 256 bytes
            QCOMPARE(read->apdus, 1 + int((read->presentation.size() + 255) / 256));
            QVERIFY(read->bytesReceived > read->presentation.size());
            ReplayCache replay;
            const auto result =
                verifier(&replay).verifyPresentation(read->presentation, challenge.nonce, kTerminal);
            QVERIFY2(result.valid, qPrintable(reasonName(result.reason) + result.detail));
            QCOMPARE(result.identity->name, m_kit->holders().at(h).identity.name);
            if (h == 0)
                qInfo("presentation %lld bytes in %d round trips, %lld bytes sent, %lld received",
                      qint64(read->presentation.size()), read->apdus, read->bytesSent, read->bytesReceived);
        }
    }

    void recordedAnswerIsRejected() {
        auto phone = applet();
        QList<QByteArray> recorded;
        const auto first = proto::Challenge::make(kTerminal, kNow);
        auto original = readWallet(direct(phone, &recorded), first);
        QVERIFY(original.hasValue());
        ReplayCache replay;
        Verifier v = verifier(&replay);
        QVERIFY(v.verifyPresentation(original->presentation, first.nonce, kTerminal).valid);

        // A relay that plays the recorded answers back to a new challenge: wrong nonce.
        const auto second = proto::Challenge::make(kTerminal, kNow + 5);
        QVERIFY(second.nonce != first.nonce);
        auto replayed = readWallet(scripted(recorded), second);
        QVERIFY(replayed.hasValue()); // the bytes are well-formed ...
        const auto r = v.verifyPresentation(replayed->presentation, second.nonce, kTerminal);
        QVERIFY(!r.valid); // ... but they answer another challenge
        QCOMPARE(r.reason, Reason::Replayed);
        // The same answer presented to the challenge it did answer, a second time: the replay cache.
        QCOMPARE(v.verifyPresentation(original->presentation, first.nonce, kTerminal).reason,
                 Reason::Replayed);
        // An answer made for another terminal's challenge (same nonce, relayed): refused.
        auto phone2 = applet();
        const auto elsewhere = proto::Challenge{first.nonce, QStringLiteral("T-OTHER"), kNow};
        auto relayed = readWallet(direct(phone2), elsewhere);
        ReplayCache fresh;
        QCOMPARE(verifier(&fresh).verifyPresentation(relayed->presentation, first.nonce, kTerminal).reason,
                 Reason::Replayed);
    }

    void phoneRefusesAChallengeForAnotherTime() {
        // A rogue reader collecting answers for later (its challenge dated an hour ahead): the
        // phone compares with its own clock and refuses; the terminal names it.
        auto phone = applet();
        auto read = readWallet(direct(phone), proto::Challenge::make(kTerminal, kNow + 3600));
        QVERIFY(!read.hasValue());
        QCOMPARE(read.error().name(), QStringLiteral("wallet_refused"));
        QCOMPARE(phone.signatures(), 0);
        QVERIFY(readWallet(direct(phone), proto::Challenge::make(kTerminal, kNow + 200)).hasValue());
    }

    void foreignDeviceKeyIsRejected() {
        // A cloned credential without the phone's key: the holder signature fails.
        const auto& h = m_kit->holders().at(0);
        Phone clone(h.credential, m_kit->holders().at(1).deviceKey, [] { return kNow; });
        const auto challenge = proto::Challenge::make(kTerminal, kNow);
        auto read = readWallet(direct(clone), challenge);
        QVERIFY(read.hasValue());
        ReplayCache replay;
        QCOMPARE(verifier(&replay).verifyPresentation(read->presentation, challenge.nonce, kTerminal).reason,
                 Reason::BadHolderSignature);
    }

    void namedErrors_data() {
        QTest::addColumn<QList<QByteArray>>("answers");
        QTest::addColumn<QString>("code");
        const auto hex = [](const char* h) { return QByteArray::fromHex(h); };
        const QByteArray info = hex("a101019000"); // {1: 1} 90 00
        QTest::newRow("no wallet app") << QList{hex("6a82")} << "not_wallet";
        QTest::newRow("truncated") << QList{hex("90")} << "apdu_truncated";
        QTest::newRow("info not cbor") << QList{hex("ff9000")} << "wallet_bad_response";
        QTest::newRow("info without version") << QList{hex("a102019000")} << "wallet_bad_response";
        QTest::newRow("future version") << QList{hex("a101029000")} << "wallet_version";
        QTest::newRow("holder declined") << QList{info, hex("6985")} << "wallet_refused";
        QTest::newRow("empty answer") << QList{info, hex("9000")} << "wallet_bad_response";
        QTest::newRow("card left") << QList{info, hex("01026100")} << "card_left";
        QTest::newRow("more data, none given") << QList{info, hex("6110")} << "wallet_bad_response";
        QList<QByteArray> dribble{info};
        for (int i = 0; i < 200; ++i)
            dribble << hex("416101"); // one byte per round trip, for ever
        QTest::newRow("endless dribble") << dribble << "response_too_large";
        QList<QByteArray> flood{info};
        for (int i = 0; i < 80; ++i)
            flood << QByteArray(256, 'z') + hex("6100");
        QTest::newRow("endless answer") << flood << "response_too_large";
    }
    void namedErrors() {
        QFETCH(QList<QByteArray>, answers);
        QFETCH(QString, code);
        auto read = readWallet(scripted(answers), proto::Challenge::make(kTerminal, kNow));
        QVERIFY(!read.hasValue());
        QCOMPARE(read.error().name(), code);
    }

    void appletRefusesOutOfOrder() {
        auto phone = applet();
        QCOMPARE(phone.process(QByteArray::fromHex("802a0000020102")),
                 QByteArray::fromHex("6985")); // unselected
        QCOMPARE(phone.process(QByteArray::fromHex("00a4040006f04c5a49440200")), QByteArray::fromHex("6a82"));
        QVERIFY(phone.process(QByteArray::fromHex("00a4040006f04c5a49440100"))
                    .endsWith(QByteArray::fromHex("9000")));
        QCOMPARE(phone.process(QByteArray::fromHex("00c0000000")),
                 QByteArray::fromHex("6985")); // nothing pending
        QCOMPARE(phone.process(QByteArray::fromHex("802a0000020102")),
                 QByteArray::fromHex("6a80")); // not a challenge
        QCOMPARE(phone.process(QByteArray::fromHex("00a4")), QByteArray::fromHex("6700"));
        QCOMPARE(phone.process(QByteArray::fromHex("00ee0000")), QByteArray::fromHex("6d00"));
        QCOMPARE(phone.signatures(), 0);
    }
    // Issue 17: the portrait, read in 256-byte parts after the challenge, trusted only if it
    // hashes to what the issuer signed in the credential.
    void portraitAfterTheChallenge() {
        QByteArray jpeg(5000, '\0');
        for (int i = 0; i < jpeg.size(); ++i)
            jpeg[i] = char(i * 7);
        const auto& h = m_kit->holders().at(0);
        Phone phone(credentialWithPortrait(jpeg), h.deviceKey, [] { return kNow; });
        phone.setPortrait(jpeg);
        const auto challenge = proto::Challenge::make(kTerminal, kNow);
        auto read = readWallet(direct(phone), challenge, true);
        QVERIFY(read.hasValue());
        QCOMPARE(read->portrait, jpeg);
        QVERIFY(!read->portraitProblem);
        QCOMPARE(read->apdus, 3 + 20); // SELECT, SIGN, one GET RESPONSE (~0.5 KB), 20 parts of the portrait
        ReplayCache replay;
        const auto verified =
            verifier(&replay).verifyPresentation(read->presentation, challenge.nonce, kTerminal);
        QVERIFY2(verified.valid, qPrintable(verified.detail));
        QCOMPARE(face::checkWalletPortrait(verified, read->portrait), face::PortraitProblem::None);

        // A portrait that is not the one signed is not used; nor one the credential does not vouch for.
        QByteArray other = jpeg;
        other[4000] = 'x';
        QCOMPARE(face::checkWalletPortrait(verified, other), face::PortraitProblem::Mismatch);
        Phone unsignedPortrait = applet();
        unsignedPortrait.setPortrait(jpeg);
        const auto c2 = proto::Challenge::make(kTerminal, kNow);
        auto read2 = readWallet(direct(unsignedPortrait), c2, true);
        QVERIFY(read2.hasValue());
        ReplayCache replay2;
        const auto verified2 =
            verifier(&replay2).verifyPresentation(read2->presentation, c2.nonce, kTerminal);
        QVERIFY(verified2.valid);
        QCOMPARE(face::checkWalletPortrait(verified2, read2->portrait), face::PortraitProblem::NotCommitted);
        QCOMPARE(face::portraitProblemName(face::PortraitProblem::Mismatch),
                 QStringLiteral("portrait_mismatch"));

        // Not asked for (a venue without the face check): not read at all.
        auto without = readWallet(direct(phone), proto::Challenge::make(kTerminal, kNow), false);
        QVERIFY(without.hasValue());
        QVERIFY(without->portrait.isEmpty());
        QCOMPARE(without->apdus, 3);
    }

    void portraitOnlyAfterAnAnswer() {
        const auto& h = m_kit->holders().at(0);
        Phone phone(h.credential, h.deviceKey, [] { return kNow; });
        phone.setPortrait(QByteArray(300, 'p'));
        const QByteArray select = CommandApdu({0x00, 0xA4, 0x04, 0x00, proto::aid(), 256}).encode().value();
        const QByteArray readPortrait = CommandApdu({0x80, 0xB0, 0x00, 0x00, {}, 256}).encode().value();
        const auto info = ResponseApdu::parse(phone.process(select));
        QVERIFY(info.hasValue());
        QCOMPARE(proto::AppInfo::decode(info->data)->portraitBytes, 300);
        QCOMPARE(ResponseApdu::parse(phone.process(readPortrait))->sw,
                 quint16(0x6985)); // no challenge answered yet
        QCOMPARE(ResponseApdu::parse(Phone(h.credential, h.deviceKey).process(select))->data,
                 QByteArray::fromHex("a10101")); // no portrait: the application info of version 1, unchanged
    }

    void portraitFaultsAreNamedAndCostOnlyTheFaceCheck() {
        QByteArray jpeg(1000, 'j');
        const auto& h = m_kit->holders().at(0);
        Phone phone(credentialWithPortrait(jpeg), h.deviceKey, [] { return kNow; });
        phone.setPortrait(jpeg);
        // The phone is lifted after the answer, during the portrait's second part.
        int exchanged = 0;
        Transceive lifted = [&](const QByteArray& c) -> NfcExpected<QByteArray> {
            if (++exchanged == 6)
                return nfcError(NfcCode::CardLeft, QStringLiteral("gone"));
            return phone.process(c);
        };
        auto read = readWallet(lifted, proto::Challenge::make(kTerminal, kNow), true);
        QVERIFY(read.hasValue());
        QVERIFY(!read->presentation.isEmpty());
        QVERIFY(read->portrait.isEmpty());
        QCOMPARE(read->portraitProblem->code, NfcCode::CardLeft);
        // A wallet that announces more than 16 KiB is refused by name.
        QCOMPARE(proto::AppInfo::decode(proto::AppInfo{1, 20000}.encode()).error().code,
                 NfcCode::PortraitTooLarge);
        // A part larger than asked, or a refusal mid-way: portrait_broken.
        auto app = proto::AppInfo{1, 600}.encode();
        auto broken = readWallet(
            scripted({app + QByteArray::fromHex("9000"), QByteArray(10, 'x') + QByteArray::fromHex("9000"),
                      QByteArray(256, 'p') + QByteArray::fromHex("9000"), QByteArray::fromHex("6a88")}),
            proto::Challenge::make(kTerminal, kNow), true);
        QVERIFY(broken.hasValue());
        QCOMPARE(broken->portraitProblem->code, NfcCode::PortraitBroken);
        QCOMPARE(nfcCodeName(NfcCode::PortraitBroken), QStringLiteral("portrait_broken"));
    }
};

QTEST_GUILESS_MAIN(TestWalletProtocol)
#include "tst_walletprotocol.moc"
