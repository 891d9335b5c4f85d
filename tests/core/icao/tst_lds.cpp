// LDS parsing (ICAO 9303-10): BER-TLV with multi-byte tags and long lengths, EF.COM, DG1.
// EF.COM is the one read in ICAO 9303-11 Appendix D.4; the DG1 carries the TD1 MRZ of 9303-11
// Appendix D.2 (the long document number). (The TD1 DG1 example in a transcription of 9303-10
// A.2, "…NLD<<<<<<<<<<<4VAN<DER<STEEN…", does not verify its own composite check digit (8 by
// Part 3's rule, 4 printed), so it is not used.)
#include "icao/Lds.h"

#include <QTest>

using namespace lz::icao;

class TestLds : public QObject {
    Q_OBJECT
private slots:
    void tlv() {
        auto t = Tlv::parse(QByteArray::fromHex("5F1F03414243"));
        QVERIFY(t.hasValue());
        QCOMPARE(t->tag, quint32(0x5F1F));
        QCOMPARE(t->value, QByteArray("ABC"));
        QVERIFY(!t->constructed());
        QVERIFY(Tlv::parse(QByteArray::fromHex("7F6100"))->constructed());
        // long lengths: 81 xx, 82 xx xx
        QByteArray big = QByteArray::fromHex("75820100") + QByteArray(256, 'x');
        QCOMPARE(Tlv::parse(big)->value.size(), 256);
        QCOMPARE(Tlv::announcedSize(big.left(4)), qsizetype(260));
        QCOMPARE(Tlv::announcedSize(QByteArray::fromHex("7582")), qsizetype(0));
        QVERIFY(Tlv::parse(QByteArray::fromHex("750500")).error().startsWith(QLatin1String("tlv_truncated")));
        QVERIFY(Tlv::parse(QByteArray::fromHex("7580")).error().startsWith(QLatin1String("tlv_bad_length")));
        QVERIFY(Tlv::parse(QByteArray::fromHex("758500000000000000"))
                    .error()
                    .startsWith(QLatin1String("tlv_bad_length")));
        QVERIFY(Tlv::parse(QByteArray::fromHex("5F")).error().startsWith(QLatin1String("tlv_truncated")));
        QVERIFY(
            Tlv::parse(QByteArray::fromHex("5F1F0041")).error().startsWith(QLatin1String("tlv_bad_length")));
    }

    void efComD4() {
        auto com = EfCom::parse(QByteArray::fromHex("60145F0104303130365F36063034303030305C026175"));
        QVERIFY2(com.hasValue(), qPrintable(com ? QString() : com.error()));
        QCOMPARE(com->ldsVersion, QStringLiteral("0106"));
        QCOMPARE(com->unicodeVersion, QStringLiteral("040000"));
        QCOMPARE(com->dataGroups, (QList<int>{1, 2}));
        QVERIFY(EfCom::parse(QByteArray::fromHex("61035C0161"))
                    .error()
                    .startsWith(QLatin1String("lds_malformed")));
        QVERIFY(EfCom::parse(QByteArray::fromHex("60035C0101"))
                    .error()
                    .startsWith(QLatin1String("lds_malformed")));
    }

    void dg1Td1() {
        const QByteArray mrz =
            "I<UTOD23145890<7349<<<<<<<<<<<3407127M9507122UTO<<<<<<<<<<<2STEVENSON<<PETER<JOHN<<<<<<<<<";
        QCOMPARE(mrz.size(), 90);
        auto dg1 = parseDg1(QByteArray::fromHex("615D5F1F5A") + mrz);
        QVERIFY2(dg1.hasValue(), qPrintable(dg1 ? QString() : dg1.error()));
        QCOMPARE(dg1->format, Mrz::Format::TD1);
        QCOMPARE(dg1->issuingState, QStringLiteral("UTO"));
        QCOMPARE(dg1->surname, QStringLiteral("STEVENSON"));
        QCOMPARE(dg1->givenNames, QStringLiteral("PETER JOHN"));
        QCOMPARE(dg1->key.documentNumber, QStringLiteral("D23145890734"));
        QCOMPARE(dg1->key.birthDate, QStringLiteral("340712"));
        QCOMPARE(dg1->sex, QStringLiteral("M"));
        QVERIFY(parseDg1(QByteArray::fromHex("6100")).error().startsWith(QLatin1String("lds_malformed")));
        QByteArray tampered = mrz;
        tampered[33] = '8'; // birth date 340812: its check digit no longer matches
        QVERIFY(parseDg1(QByteArray::fromHex("615D5F1F5A") + tampered)
                    .error()
                    .startsWith(QLatin1String("mrz_check_birth_date")));
    }
};

QTEST_GUILESS_MAIN(TestLds)
#include "tst_lds.moc"
