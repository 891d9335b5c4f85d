// A whole BAC read of an eMRTD chip in one process: the terminal's readChip() against the
// emulated chip (tools/passport/PassportChip) over 3DES secure messaging — EF.COM, DG1, a 20 KB
// DG2 and an EF.SOD, byte for byte, with the APDU count against the minimum the Le allows; then
// a mistyped MRZ, a reader that corrupts a byte, and a chip that goes away mid-read.
#include "icao/ChipReader.h"
#include "icao/Lds.h"
#include "passport/PassportChip.h"

#include <QTest>

using namespace lz;
using namespace lz::icao;

namespace {
const QByteArray kMrz =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C<3UTO6908061F9406236ZE184226B<<<<<14";

QByteArray filler(int n, char seed) {
    QByteArray b(n, '\0');
    for (int i = 0; i < n; ++i)
        b[i] = char(seed + i * 7);
    return b;
}

QMap<quint16, QByteArray> files() {
    QMap<quint16, QByteArray> f;
    f.insert(kEfCom, QByteArray::fromHex("60145F0104303130365F36063034303030305C026175"));
    f.insert(kEfDg1, QByteArray::fromHex("615B5F1F58") + kMrz);
    f.insert(kEfDg2, QByteArray::fromHex("758250") + QByteArray(1, '\0') + filler(0x5000, 3)); // 20 480 bytes
    f.insert(kEfSod, QByteArray::fromHex("778205DC") + filler(0x5DC, 11));
    return f;
}

MrzKey key(const char* birth = "690806") {
    return *MrzKey::fromFields(QStringLiteral("L898902C"), QString::fromLatin1(birth),
                               QStringLiteral("940623"));
}

nfc::Transceive to(passport::PassportChip& chip) {
    return [&chip](const QByteArray& c) -> nfc::NfcExpected<QByteArray> { return chip.process(c); };
}
} // namespace

class TestChipRead : public QObject {
    Q_OBJECT
private slots:
    void readsEveryFileWithTheFewestApdus() {
        passport::PassportChip chip(key(), files());
        auto read = readChip(to(chip), key());
        QVERIFY2(read.hasValue(), qPrintable(read ? QString() : read.error().toString()));
        const auto expected = files();
        QCOMPARE(read->access, QStringLiteral("BAC"));
        int minimum =
            4; // SELECT EF.CardAccess (none here), SELECT application, GET CHALLENGE, EXTERNAL AUTHENTICATE
        for (quint16 fid : {kEfCom, kEfDg1, kEfDg2, kEfSod}) {
            const FileRead& f = read->files.value(fid);
            QCOMPARE(f.content, expected.value(fid));
            QCOMPARE(f.apdus, f.minimumApdus);
            minimum += f.minimumApdus;
        }
        QCOMPARE(read->apdus, minimum);
        QCOMPARE(read->files.value(kEfDg2).apdus, 1 + (20484 + kMaxReadLe - 1) / kMaxReadLe);
        auto dg1 = parseDg1(read->files.value(kEfDg1).content);
        QVERIFY(dg1.hasValue());
        QCOMPARE(dg1->surname, QStringLiteral("ERIKSSON"));
        qInfo("%d APDUs, %lld bytes sent, %lld received (DG2: %d APDUs for %lld bytes)", read->apdus,
              read->bytesSent, read->bytesReceived, read->files.value(kEfDg2).apdus,
              qint64(read->files.value(kEfDg2).content.size()));
    }

    void filesPast32KbUseOddInsReadBinary_data() {
        QTest::addColumn<int>("size");
        QTest::addColumn<bool>("pace");
        QTest::newRow("70 KB DG2, BAC") << 70000 << false;
        QTest::newRow("40 KB DG2, PACE") << 40000 << true;
        QTest::newRow("32 768 bytes exactly") << 32768 << false;
    }
    void filesPast32KbUseOddInsReadBinary() {
        // Some documents carry large JPEG faces: past offset 32 767 the reader switches to READ
        // BINARY B1 (offset in DO'54', data in DO'53'), still in the fewest APDUs.
        QFETCH(int, size);
        QFETCH(bool, pace);
        auto f = files();
        const int body = size - 5; // 75 83 xx xx xx + body
        QByteArray dg2 = QByteArray::fromHex("7583");
        dg2 += char(body >> 16);
        dg2 += char((body >> 8) & 0xFF);
        dg2 += char(body & 0xFF);
        f.insert(kEfDg2, dg2 + filler(body, 5));
        passport::PassportChip chip(key(), f);
        if (pace)
            chip.enablePace({QByteArray::fromHex("04007F00070202040202"), 13});
        QList<qsizetype> progress;
        ChipReadOptions o;
        o.progress = [&](quint16 fid, qsizetype done, qsizetype total) {
            if (fid == kEfDg2) {
                QCOMPARE(total, qsizetype(size));
                progress << done;
            }
        };
        auto read = readChip(to(chip), key(), o);
        QVERIFY2(read.hasValue(), qPrintable(read ? QString() : read.error().toString()));
        const FileRead& r = read->files.value(kEfDg2);
        QCOMPARE(r.content, f.value(kEfDg2));
        QCOMPARE(r.apdus, r.minimumApdus);
        QCOMPARE(progress.last(), qsizetype(size));
        QVERIFY(std::is_sorted(progress.begin(), progress.end()));
        qInfo("%d-byte DG2: %d APDUs", size, r.apdus);
    }

    void paceWhenTheChipOffersIt_data() {
        QTest::addColumn<int>("parameterId");
        QTest::newRow("brainpoolP256r1") << 13;
        QTest::newRow("NIST P-256") << 12;
    }
    void paceWhenTheChipOffersIt() {
        QFETCH(int, parameterId);
        passport::PassportChip chip(key(), files());
        chip.enablePace({QByteArray::fromHex("04007F00070202040202"), parameterId});
        auto read = readChip(to(chip), key());
        QVERIFY2(read.hasValue(), qPrintable(read ? QString() : read.error().toString()));
        QCOMPARE(read->access, QStringLiteral("PACE"));
        int minimum =
            8; // EF.CardAccess (SELECT, READ), MSE:Set AT, 4 × GENERAL AUTHENTICATE, SELECT application
        for (quint16 fid : {kEfCom, kEfDg1, kEfDg2, kEfSod}) {
            QCOMPARE(read->files.value(fid).content, files().value(fid));
            minimum += read->files.value(fid).minimumApdus;
        }
        QCOMPARE(read->apdus, minimum);
        // A mistyped MRZ: the tokens do not verify, the chip refuses.
        chip.powerUp();
        auto wrong = readChip(to(chip), key("690807"));
        QVERIFY(!wrong.hasValue());
        QCOMPARE(wrong.error().name(), QStringLiteral("pace_refused"));
        QVERIFY(!chip.secured());
    }

    void mistypedMrzIsRefusedByTheChip() {
        passport::PassportChip chip(key(), files());
        auto read = readChip(to(chip), key("690807"));
        QVERIFY(!read.hasValue());
        QCOMPARE(read.error().name(), QStringLiteral("bac_refused"));
        QVERIFY(!chip.secured());
    }

    void corruptedAnswerIsNotBelieved() {
        passport::PassportChip chip(key(), files());
        int n = 0;
        const nfc::Transceive flaky = [&](const QByteArray& c) -> nfc::NfcExpected<QByteArray> {
            QByteArray r = chip.process(c);
            if (++n == 10) // the first READ BINARY of DG2: a byte of its ciphertext changed on the way
                r[20] = char(r[20] ^ 0x40);
            return r;
        };
        auto read = readChip(flaky, key());
        QVERIFY(!read.hasValue());
        QCOMPARE(read.error().name(), QStringLiteral("sm_mac_mismatch"));
    }

    void chipPulledAwayMidRead() {
        passport::PassportChip chip(key(), files());
        int n = 0;
        const nfc::Transceive gone = [&](const QByteArray& c) -> nfc::NfcExpected<QByteArray> {
            if (++n > 20)
                return nfc::nfcError(nfc::NfcCode::CardLeft, QStringLiteral("test"));
            return chip.process(c);
        };
        auto read = readChip(gone, key());
        QVERIFY(!read.hasValue());
        QCOMPARE(read.error().name(), QStringLiteral("card_left"));
    }

    void notAPassport() {
        passport::PassportChip chip(key(), files());
        const nfc::Transceive wallet = [](const QByteArray&) -> nfc::NfcExpected<QByteArray> {
            return QByteArray::fromHex("6A82");
        };
        QCOMPARE(readChip(wallet, key()).error().name(), QStringLiteral("not_emrtd"));
        // The chip refuses the files before access control, and plain commands once it is on.
        QVERIFY(chip.process(QByteArray::fromHex("00A4040C07A0000002471001"))
                    .endsWith(QByteArray::fromHex("9000")));
        QCOMPARE(chip.process(QByteArray::fromHex("00A4020C02011E")), QByteArray::fromHex("6982"));
    }
};

QTEST_GUILESS_MAIN(TestChipRead)
#include "tst_chipread.moc"
