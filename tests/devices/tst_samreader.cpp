// The ID-card reader through QSerialPort against lz-sam-emu on a pseudo-terminal (the same
// serial code as a reader behind a USB-serial bridge): a card laid is read once, lifted and laid
// again is read again; every fault mode becomes a named error and the reader recovers; an
// unplugged reader is absent at once and works again after a replug, without a restart.
#include "EmulatorProcess.h"
#include "idcard/CardText.h"
#include "idcard/SamReader.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace lz;
using namespace lz::idcard;

namespace {

QString bin(const char* name) {
    return qEnvironmentVariable("LZ_BIN_DIR") + QLatin1Char('/') + QLatin1String(name);
}

class SamEmu : public pn532::EmulatorProcess {
public:
    explicit SamEmu(const QStringList& args)
        : EmulatorProcess(bin("lz-sam-emu"), args) {}
};

// The reader on a thread of its own, as the kiosk runs it; what it reported, under a lock.
class ReaderRig {
public:
    explicit ReaderRig(SamReaderOptions options)
        : m_reader(std::move(options)) {
        m_thread.reset(QThread::create([this] {
            m_reader.run(
                m_stop,
                [this](const SamReaderStatus& s) {
                    QMutexLocker l(&m_mutex);
                    m_statuses.append(s);
                },
                [this](const CardRead& r) {
                    QMutexLocker l(&m_mutex);
                    m_cards.append(r);
                },
                [this](const SamFailure& f) {
                    QMutexLocker l(&m_mutex);
                    m_failures.append(f);
                });
        }));
        m_thread->start();
    }
    ~ReaderRig() {
        m_stop.request();
        m_thread->wait();
    }
    QList<CardRead> cards() const {
        QMutexLocker l(&m_mutex);
        return m_cards;
    }
    QList<SamFailure> failures() const {
        QMutexLocker l(&m_mutex);
        return m_failures;
    }
    SamReaderStatus status() const {
        QMutexLocker l(&m_mutex);
        return m_statuses.isEmpty() ? SamReaderStatus{} : m_statuses.last();
    }
    bool waitFor(const std::function<bool()>& done, int ms) {
        QElapsedTimer t;
        t.start();
        while (!done()) {
            if (t.elapsed() > ms)
                return false;
            QThread::msleep(5);
        }
        return true;
    }

private:
    SamReader m_reader;
    StopToken m_stop;
    std::unique_ptr<QThread> m_thread;
    mutable QMutex m_mutex;
    QList<SamReaderStatus> m_statuses;
    QList<CardRead> m_cards;
    QList<SamFailure> m_failures;
};

SamReaderOptions on(const QString& port) {
    SamReaderOptions o;
    o.port = port;
    return o;
}

} // namespace

class TestSamReader : public QObject {
    Q_OBJECT
private slots:
    void aCardIsReadOncePerPlacement() {
        SamEmu emu({"--demo-card", "resident", "--demo-card", "foreigner_2023", "--start-absent"});
        QVERIFY(!emu.pty().isEmpty());
        ReaderRig rig(on(emu.pty()));
        QVERIFY(rig.waitFor([&] { return rig.status().state == SamReaderStatus::State::Ready; }, 5000));
        QCOMPARE(rig.status().samId, QStringLiteral("05.01-20101010-0012345678-0087654321"));
        emu.say("place");
        QVERIFY(rig.waitFor([&] { return rig.cards().size() == 1; }, 5000));
        const CardRead first = rig.cards().first();
        QCOMPARE(first.text.size(), kTextBlockSize);
        QCOMPARE(first.photo.size(), kPhotoBlockSize);
        QCOMPARE(parseTextBlock(first.text)->number, QStringLiteral("440106199003071231"));
        QCOMPARE(first.exchanges.size(), 4); // find, select, read, the latest address (91: none)
        QTest::qWait(600);                   // the card stays: no second read
        QCOMPARE(rig.cards().size(), 1);
        emu.say("remove");
        emu.say("place 1"); // another card: a new read
        QVERIFY(rig.waitFor([&] { return rig.cards().size() == 2; }, 5000));
        QCOMPARE(parseTextBlock(rig.cards().at(1).text)->type, CardType::Foreigner2023);
        emu.say("remove");
        emu.say("place"); // the same card lifted and laid again: read again
        QVERIFY(rig.waitFor([&] { return rig.cards().size() == 3; }, 5000));
        QVERIFY(rig.failures().isEmpty());
    }
    void faultsAreNamedOnceAndTheReaderRecovers_data() {
        QTest::addColumn<QStringList>("faults");
        QTest::addColumn<QString>("error");
        QTest::newRow("select fails") << QStringList{"--select-fails"} << "select_failed";
        QTest::newRow("card auth 31") << QStringList{"--read-status", "31"} << "card_auth_failed";
        QTest::newRow("SAM auth 32") << QStringList{"--read-status", "32"} << "sam_auth_failed";
        QTest::newRow("info check 33") << QStringList{"--read-status", "33"} << "info_check_failed";
        QTest::newRow("lifted mid-read") << QStringList{"--lift-during-read"} << "read_failed";
        QTest::newRow("unknown card type") << QStringList{"--read-status", "40"} << "unknown_card_type";
        QTest::newRow("every 3rd answer corrupted")
            << QStringList{"--bad-checksum-every", "3"} << "frame_checksum";
    }
    void faultsAreNamedOnceAndTheReaderRecovers() {
        QFETCH(QStringList, faults);
        QFETCH(QString, error);
        SamEmu emu(QStringList{"--demo-card", "resident", "--start-absent"} + faults);
        ReaderRig rig(on(emu.pty()));
        QVERIFY(rig.waitFor([&] { return rig.status().state == SamReaderStatus::State::Ready; }, 5000));
        emu.say("place");
        QVERIFY(rig.waitFor([&] { return !rig.failures().isEmpty(); }, 5000));
        QCOMPARE(samErrorName(rig.failures().first().code), error);
        QTest::qWait(700); // the same placement is not retried in a loop
        QCOMPARE(rig.failures().size(), 1);
        QVERIFY(rig.cards().isEmpty());
        QCOMPARE(rig.status().state, SamReaderStatus::State::Ready); // the reader itself is fine
    }
    void anEndorsedAddressIsRead() {
        // A resident card with a move endorsed on it: the SAM's 30 03 gives the newer address.
        SamEmu emu({"--demo-card", "resident", "--new-address", "北京市海淀区中关村大街1号"});
        ReaderRig rig(on(emu.pty()));
        QVERIFY(rig.waitFor([&] { return rig.cards().size() == 1; }, 5000));
        QCOMPARE(parseNewAddress(rig.cards().first().newAddress).value(),
                 QStringLiteral("北京市海淀区中关村大街1号"));
        QCOMPARE(rig.cards().first().exchanges.size(), 4); // find, select, read, latest address
        // Without one (91): the read is whole, no newer address.
        SamEmu plain({"--demo-card", "resident"});
        ReaderRig other(on(plain.pty()));
        QVERIFY(other.waitFor([&] { return other.cards().size() == 1; }, 5000));
        QVERIFY(other.cards().first().newAddress.isEmpty());
        QVERIFY(other.failures().isEmpty());
    }
    void splitFramesAndASlowLine() {
        // Bytes in random pieces with gaps, at 9600 baud (a read answer takes 1.35 s on the line).
        SamEmu emu({"--demo-card", "foreigner_old", "--split", "--baud", "9600"});
        SamReaderOptions o = on(emu.pty());
        o.baudRate = 9600;
        ReaderRig rig(o);
        QVERIFY(rig.waitFor([&] { return rig.cards().size() == 1; }, 10000));
        QCOMPARE(parseTextBlock(rig.cards().first().text)->type, CardType::ForeignerOld);
        QVERIFY(rig.failures().isEmpty());
    }
    void aSilentReaderIsNamed() {
        SamEmu emu({"--demo-card", "resident", "--silent"});
        ReaderRig rig(on(emu.pty()));
        QVERIFY(rig.waitFor([&] { return rig.status().state == SamReaderStatus::State::Absent; }, 5000));
        QCOMPARE(rig.status().lastError, SamError::NoAnswer);
        QVERIFY(rig.cards().isEmpty());
    }
    void unpluggedAndReplugged() {
        QTemporaryDir dir;
        const QString link = dir.filePath(QStringLiteral("sam-reader"));
        SamReaderOptions o = on(link);
        o.port = QStringLiteral("auto"); // found among the candidates by its answer to SAM status
        o.autoCandidates = {dir.filePath(QStringLiteral("sam-*"))};
        auto emu = std::make_unique<SamEmu>(
            QStringList{"--demo-card", "resident", "--start-absent", "--link", link});
        ReaderRig rig(o);
        QVERIFY(rig.waitFor([&] { return rig.status().state == SamReaderStatus::State::Ready; }, 5000));
        QCOMPARE(rig.status().port, link);
        QElapsedTimer t;
        t.start();
        emu->say("unplug");
        QVERIFY(rig.waitFor([&] { return rig.status().state == SamReaderStatus::State::Absent; }, 3000));
        const qint64 absentMs = t.elapsed();
        QVERIFY(rig.status().lastError == SamError::PortLost ||
                rig.status().lastError == SamError::NoAnswer ||
                rig.status().lastError == SamError::PortUnavailable);
        emu.reset();
        emu = std::make_unique<SamEmu>(QStringList{"--demo-card", "resident", "--link", link});
        t.restart();
        QVERIFY(rig.waitFor([&] { return rig.cards().size() == 1; }, 5000)); // working again, card read
        qInfo("unplug → absent %lld ms; replug → card read %lld ms", absentMs, t.elapsed());
        QCOMPARE(rig.status().opens, 2);
    }
    void noReaderAtAll() {
        ReaderRig rig(on(QStringLiteral("/dev/liangzheng-no-sam-reader")));
        QVERIFY(rig.waitFor([&] { return rig.status().state == SamReaderStatus::State::Absent; }, 3000));
        QCOMPARE(rig.status().lastError, SamError::PortUnavailable);
    }
};

QTEST_GUILESS_MAIN(TestSamReader)
#include "tst_samreader.moc"
