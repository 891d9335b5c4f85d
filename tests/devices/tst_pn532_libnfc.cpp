// libnfc's own pn532_uart driver against the emulated PN532 on a pseudo-terminal: open, init,
// select type A (ISO-DEP) and type B targets, exchange APDUs, a card leaving mid-exchange, an
// unplugged reader. One emulator process per case (libnfc claims the port).
#include "EmulatorProcess.h"

#include <QProcess>
#include <QTest>
#include <nfc/nfc.h>

namespace {

struct Emulator : lz::pn532::EmulatorProcess {
    explicit Emulator(const QStringList& args)
        : EmulatorProcess(qEnvironmentVariable("LZ_BIN_DIR") + QStringLiteral("/lz-pn532-emu"), args) {}
};

struct Reader {
    nfc_context* context = nullptr;
    nfc_device* device = nullptr;
    explicit Reader(const QString& pty) {
        nfc_init(&context);
        const QByteArray connstring = QByteArray("pn532_uart:") + pty.toLocal8Bit();
        device = nfc_open(context, connstring.constData());
    }
    ~Reader() {
        if (device)
            nfc_close(device);
        nfc_exit(context);
    }
    int apdu(const QByteArray& c, QByteArray& r) {
        r.resize(300);
        const int n = nfc_initiator_transceive_bytes(device, reinterpret_cast<const uint8_t*>(c.constData()),
                                                     size_t(c.size()), reinterpret_cast<uint8_t*>(r.data()),
                                                     size_t(r.size()), 500);
        r.resize(std::max(0, n));
        return n;
    }
};

const QByteArray kSelect = QByteArray::fromHex("00a4040006f04c5a49440100");

} // namespace

class TestPn532Libnfc : public QObject {
    Q_OBJECT
private slots:
    void openSelectExchange() {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("iso-dep")});
        QVERIFY(!emu.pty().isEmpty());
        Reader reader(emu.pty());
        QVERIFY2(reader.device, "nfc_open failed");
        QCOMPARE(nfc_initiator_init(reader.device), 0);
        nfc_target target{};
        const nfc_modulation a{NMT_ISO14443A, NBR_106};
        QCOMPARE(nfc_initiator_select_passive_target(reader.device, a, nullptr, 0, &target), 1);
        QCOMPARE(int(target.nti.nai.btSak), 0x20); // ISO 14443-4
        QCOMPARE(int(target.nti.nai.szUidLen), 4);
        QVERIFY(target.nti.nai.szAtsLen > 0);
        QByteArray r;
        QCOMPARE(reader.apdu(kSelect, r), 2);
        QCOMPARE(r.toHex(), QByteArray("9000"));
        QCOMPARE(reader.apdu(QByteArray::fromHex("00a4040002aabb00"), r), 2);
        QCOMPARE(r.toHex(), QByteArray("6a82"));
        QCOMPARE(nfc_initiator_target_is_present(reader.device, nullptr), 0);
    }

    void typeBCardShowsItsPupi() {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("type-b")});
        Reader reader(emu.pty());
        QVERIFY(reader.device);
        QCOMPARE(nfc_initiator_init(reader.device), 0);
        nfc_target target{};
        const nfc_modulation b{NMT_ISO14443B, NBR_106};
        QCOMPARE(nfc_initiator_select_passive_target(reader.device, b, nullptr, 0, &target), 1);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(target.nti.nbi.abtPupi), 4).toHex(),
                 QByteArray("11223344"));
        // No type A card in the field.
        const nfc_modulation a{NMT_ISO14443A, NBR_106};
        QCOMPARE(nfc_initiator_select_passive_target(reader.device, a, nullptr, 0, &target), 0);
    }

    void cardLeavesMidExchange() {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("iso-dep"), QStringLiteral("--remove-at-apdu"),
                      QStringLiteral("2")});
        Reader reader(emu.pty());
        QVERIFY(reader.device);
        QCOMPARE(nfc_initiator_init(reader.device), 0);
        nfc_target target{};
        QCOMPARE(
            nfc_initiator_select_passive_target(reader.device, {NMT_ISO14443A, NBR_106}, nullptr, 0, &target),
            1);
        QByteArray r;
        QCOMPARE(reader.apdu(kSelect, r), 2);
        QCOMPARE(reader.apdu(kSelect, r), NFC_ERFTRANS); // gone: the PN532's RF timeout
        QCOMPARE(nfc_initiator_target_is_present(reader.device, nullptr), NFC_ETGRELEASED);
    }

    void unpluggedReaderIsAnIoError() {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("iso-dep"),
                      QStringLiteral("--unplug-after-ms"), QStringLiteral("1500")});
        Reader reader(emu.pty());
        QVERIFY(reader.device);
        QCOMPARE(nfc_initiator_init(reader.device), 0);
        QVERIFY(emu.waitForExit(5000));
        nfc_target target{};
        const int r =
            nfc_initiator_select_passive_target(reader.device, {NMT_ISO14443A, NBR_106}, nullptr, 0, &target);
        QVERIFY2(r < 0, qPrintable(QString::number(r)));
    }

    void silentReaderTimesOut() {
        Emulator emu({QStringLiteral("--no-ack")});
        Reader reader(emu.pty());
        QVERIFY(!reader.device); // nfc_open's first command is never acknowledged
    }
};

QTEST_GUILESS_MAIN(TestPn532Libnfc)
#include "tst_pn532_libnfc.moc"
