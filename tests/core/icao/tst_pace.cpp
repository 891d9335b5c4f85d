// PACE generic mapping over ECDH (brainpoolP256r1, AES-128), every step checked byte for byte
// against the worked example of ICAO Doc 9303 Part 11 Appendix G.1, as carried verbatim by
// independent readers' test suites (ZeroPass/dmrtd test/pace_test_ecdh.dart, gmrtd/gmrtd
// pace/pace_test.go, RfidResearchGroup/proxmark3 client/src/emrtd/emrtd_pacetest.c), which agree.
#include "icao/Bac.h"
#include "icao/Pace.h"
#include "icao/PaceSession.h"

#include <QTest>

using namespace lz::icao;

namespace {
QByteArray hex(const char* h) {
    return QByteArray::fromHex(h);
}
QByteArray pt(const char* x, const char* y) {
    return hex("04") + hex(x) + hex(y);
}
} // namespace

class TestPace : public QObject {
    Q_OBJECT
private slots:
    void workedExampleG1() {
        auto key = MrzKey::fromFields(QStringLiteral("T22000129"), QStringLiteral("640812"),
                                      QStringLiteral("101031"));
        QVERIFY(key.hasValue());
        QCOMPARE(key->information(), QByteArray("T22000129364081251010318"));
        QCOMPARE(sha1(key->information()), hex("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD"));
        const QByteArray kPi = pacePasswordKey(*key);
        QCOMPARE(kPi, hex("89DED1B26624EC1E634C1989302849DD"));
        const QByteArray s = aes128CbcDecrypt(kPi, hex("95A3A016522EE98D01E76CB6B98B42C3"));
        QCOMPARE(s, hex("3F00C4D39D153F2B2A214A078D899B22"));

        auto curve = PaceCurve::forParameterId(13);
        QVERIFY(curve);
        const QByteArray skMapIfd = hex("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99");
        QCOMPARE(curve->publicKey(curve->generator(), skMapIfd),
                 pt("7ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E",
                    "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D"));
        const QByteArray pkMapIc = pt("824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57",
                                      "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54");
        const QByteArray mapped = curve->mapGenerator(s, skMapIfd, pkMapIc);
        QCOMPARE(mapped, pt("8CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2",
                            "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522"));

        const QByteArray skDhIfd = hex("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595");
        const QByteArray pkDhIfd = curve->publicKey(mapped, skDhIfd);
        QCOMPARE(pkDhIfd, pt("2DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C",
                             "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462"));
        const QByteArray pkDhIc = pt("9E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB",
                                     "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094");
        const QByteArray k = curve->sharedSecret(skDhIfd, pkDhIc);
        QCOMPARE(k, hex("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925"));
        const QByteArray ksEnc = paceKdfAes128(k, 1), ksMac = paceKdfAes128(k, 2);
        QCOMPARE(ksEnc, hex("F5F0E35C0D7161EE6724EE513A0D9A7F"));
        QCOMPARE(ksMac, hex("FE251C7858B356B24514B3BD5F4297D1"));
        const QByteArray oid = hex("04007F00070202040202"); // id-PACE-ECDH-GM-AES-CBC-CMAC-128
        QCOMPARE(paceAuthToken(ksMac, oid, pkDhIc), hex("C2B0BD78D94BA866"));
        QCOMPARE(paceAuthToken(ksMac, oid, pkDhIfd), hex("3ABB9674BCE93C08"));
    }

    void conversationG1() {
        // The terminal's side of the Appendix G.1 conversation, against the chip's published
        // answers, with the example's ephemeral secrets: every command as published, the same keys.
        const QList<QByteArray> answers = {
            hex("9000"), hex("7C12801095A3A016522EE98D01E76CB6B98B42C39000"),
            hex("7C43824104824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
                "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C549000"),
            hex("7C438441049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
                "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F0949000"),
            hex("7C0A86083ABB9674BCE93C089000")};
        QList<QByteArray> sent;
        const PlainExchange chip =
            [&](const lz::nfc::CommandApdu& c) -> lz::nfc::NfcExpected<lz::nfc::ResponseApdu> {
            sent << c.encode().value();
            return lz::nfc::ResponseApdu::parse(answers.value(sent.size() - 1));
        };
        QList<QByteArray> secrets = {hex("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99"),
                                     hex("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595")};
        const auto random = [&](int) { return secrets.takeFirst(); };
        auto key = MrzKey::fromFields(QStringLiteral("T22000129"), QStringLiteral("640812"),
                                      QStringLiteral("101031"));
        auto keys = runPace(chip, *key, {hex("04007F00070202040202"), 13}, random);
        QVERIFY2(keys.hasValue(), qPrintable(keys ? QString() : keys.error().toString()));
        QCOMPARE(keys->enc, hex("F5F0E35C0D7161EE6724EE513A0D9A7F"));
        QCOMPARE(keys->mac, hex("FE251C7858B356B24514B3BD5F4297D1"));
        QCOMPARE(keys->ssc, QByteArray(16, '\0'));
        QCOMPARE(sent.size(), 5);
        QCOMPARE(sent[0], hex("0022C1A40F800A04007F00070202040202830101"));
        QCOMPARE(sent[1], hex("10860000027C0000"));
        QCOMPARE(sent[2],
                 hex("10860000457C438141047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
                     "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D00"));
        QCOMPARE(sent[3],
                 hex("10860000457C438341042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
                     "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB3646200"));
        QCOMPARE(sent[4], hex("008600000C7C0A8508C2B0BD78D94BA86600"));
        QCOMPARE(supportedPace(hex("31143012060A04007F0007020204020202010202010D"))->parameterId, 13);
        QVERIFY(!supportedPace(hex("31143012060A04007F0007020204020102010202010D"))); // DH-GM: not supported
        QVERIFY(!supportedPace(hex("3114")));
    }

    void refusesBadPoints() {
        auto curve = PaceCurve::forParameterId(13);
        const QByteArray sk = hex("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99");
        QByteArray offCurve = curve->generator();
        offCurve[64] = char(offCurve[64] ^ 1);
        QVERIFY(curve->sharedSecret(sk, offCurve).isEmpty());
        QVERIFY(curve->sharedSecret(sk, hex("00")).isEmpty()); // the point at infinity
        QVERIFY(curve->mapGenerator(hex("01"), sk, QByteArray()).isEmpty());
        QVERIFY(curve->publicKey(curve->generator(), QByteArray(32, '\0')).isEmpty()); // zero scalar
        QVERIFY(!PaceCurve::forParameterId(99));
        QVERIFY(PaceCurve::forParameterId(12)); // NIST P-256
    }
};

QTEST_GUILESS_MAIN(TestPace)
#include "tst_pace.moc"
