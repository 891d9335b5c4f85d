// The terminal's NFC reader layer end to end: NfcReader → lz-nfc-reader (libnfc's pn532_uart
// driver) → the emulated PN532 on a pty hosting the phone's wallet applet → readWallet → the
// real Verifier. Then every fault: card pulled mid-read, reader unplugged and replugged under the
// same name, a reader that never acknowledges, garbage checksums, a status byte that makes
// libnfc abort(), a hung and a killed helper — each named, each recovered from without restart.
#include "demo/DemoKit.h"
#include "icao/ChipReader.h"
#include "icao/Lds.h"
#include "nfcreader/NfcReader.h"
#include "passport/DemoPassport.h"
#include "passport/PassportIssuer.h"
#include "verify/Verifier.h"

#include "EmulatorProcess.h"
#include <QDateTime>
#include <QMutex>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>
#include <thread>

using namespace lz;
using namespace lz::nfc;

namespace {

QString bin(const char* name) {
    return qEnvironmentVariable("LZ_BIN_DIR") + QLatin1Char('/') + QLatin1String(name);
}

struct Emulator : lz::pn532::EmulatorProcess {
    explicit Emulator(const QStringList& args)
        : EmulatorProcess(bin("lz-pn532-emu"), args) {}
};

struct Tap {
    NfcTarget target;
    NfcExpected<WalletRead> read = nfcError(NfcCode::ReaderIo, QStringLiteral("no tap yet"));
    QByteArray nonce;
};

// NfcReader::run on its own thread, recording statuses and taps.
class Harness {
public:
    std::function<void(const NfcReaderStatus&)> beforeTap; // runs on the reader thread
    // Instead of the wallet protocol (set before the card comes): e.g. a passport read.
    std::function<void(const NfcTarget&, const Transceive&)> otherCard;

    explicit Harness(const QString& connstring, int commandTimeoutMs = 500) {
        NfcReaderOptions o;
        o.helperPath = bin("lz-nfc-reader");
        o.connstring = connstring;
        o.commandTimeoutMs = commandTimeoutMs;
        o.watchdogMarginMs = 700;
        m_reader = std::make_unique<NfcReader>(o);
        m_thread.reset(QThread::create([this] {
            m_reader->run(
                m_stop,
                [this](const NfcReaderStatus& s) {
                    QMutexLocker l(&m_mutex);
                    m_statuses << s;
                },
                [this](const NfcTarget& t, const Transceive& transceive) {
                    NfcReaderStatus last = status();
                    if (beforeTap)
                        beforeTap(last);
                    if (otherCard) {
                        otherCard(t, transceive);
                        QMutexLocker l(&m_mutex);
                        Tap other{t, nfcError(NfcCode::ReaderIo, QStringLiteral("other")), {}};
                        m_taps << other;
                        return;
                    }
                    Tap tap{t, nfcError(NfcCode::NotWallet, QStringLiteral("type B")), {}};
                    if (t.type == QLatin1String("A")) {
                        const auto challenge = wallet::Challenge::make(QStringLiteral("T-TEST"),
                                                                       QDateTime::currentSecsSinceEpoch());
                        tap.nonce = challenge.nonce;
                        tap.read = readWallet(transceive, challenge);
                    }
                    QMutexLocker l(&m_mutex);
                    m_taps << tap;
                });
        }));
        m_thread->start();
    }
    ~Harness() {
        m_stop.request();
        m_thread->wait();
        m_reader.reset();
    }
    NfcReaderStatus status() {
        QMutexLocker l(&m_mutex);
        return m_statuses.isEmpty() ? NfcReaderStatus{} : m_statuses.last();
    }
    QList<NfcReaderStatus> statuses() {
        QMutexLocker l(&m_mutex);
        return m_statuses;
    }
    QList<Tap> taps() {
        QMutexLocker l(&m_mutex);
        return m_taps;
    }
    bool waitFor(const std::function<bool()>& done, int ms = 8000) {
        QElapsedTimer t;
        t.start();
        while (!done()) {
            if (t.elapsed() > ms)
                return false;
            QThread::msleep(10);
        }
        return true;
    }
    bool waitState(NfcReaderStatus::State s, int ms = 8000) {
        return waitFor([&] { return status().state == s; }, ms);
    }
    bool waitTaps(int n, int ms = 8000) {
        return waitFor([&] { return taps().size() >= n; }, ms);
    }

private:
    std::unique_ptr<NfcReader> m_reader;
    StopToken m_stop;
    std::unique_ptr<QThread> m_thread;
    QMutex m_mutex;
    QList<NfcReaderStatus> m_statuses;
    QList<Tap> m_taps;
};

QString uartConnstring(const QString& path) {
    return QStringLiteral("pn532_uart:") + path;
}

} // namespace

class TestNfcReader : public QObject {
    Q_OBJECT
    std::optional<demo::DemoKit> m_kit;
    std::unique_ptr<TrustStore> m_store;

    VerificationResult verify(const Tap& tap) {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        SystemClock clock;
        ReplayCache replay;
        Verifier v(*m_store, clock, nullptr, &replay);
        (void)now;
        return v.verifyPresentation(tap.read->presentation, tap.nonce, QStringLiteral("T-TEST"));
    }

private slots:
    void initTestCase() {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto kit = demo::DemoKit::load(now);
        QVERIFY(kit.hasValue());
        m_kit = std::move(*kit);
        m_store = std::make_unique<TrustStore>(QList<TrustAnchor>{m_kit->anchor()}, QString());
        QVERIFY(m_store->install(m_kit->signTrustList(now)).hasValue());
    }

    void tapVerifiesAndEachTapIsFresh() {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("wallet"), QStringLiteral("--holder"),
                      QStringLiteral("2"), QStringLiteral("--start-absent")});
        Harness h(uartConnstring(emu.pty()));
        QVERIFY(h.waitState(NfcReaderStatus::State::Ready));
        QVERIFY2(h.status().device.contains(QLatin1String("pn532_uart")), qPrintable(h.status().device));
        QCOMPARE(h.status().firmware, QStringLiteral("PN532 v1.6"));
        QCOMPARE(h.status().connstring, uartConnstring(emu.pty()));
        QVERIFY(!h.status().lastError);
        QVERIFY(h.taps().isEmpty()); // nothing on the reader: nothing happens

        emu.say("place");
        QVERIFY(h.waitTaps(1));
        Tap first = h.taps().at(0);
        QCOMPARE(first.target.type, QStringLiteral("A"));
        QCOMPARE(first.target.uid, QByteArray::fromHex("08a1b2c3"));
        QVERIFY2(first.read.hasValue(), qPrintable(first.read ? QString() : first.read.error().toString()));
        QCOMPARE(first.read->apdus, 3);
        const auto r = verify(first);
        QVERIFY2(r.valid, qPrintable(reasonName(r.reason) + r.detail));
        QCOMPARE(r.identity->name, m_kit->holders().at(2).identity.name);

        // The phone stays on the reader: one tap, one verification.
        QThread::msleep(400);
        QCOMPARE(h.taps().size(), 1);
        QCOMPARE(h.status().state, NfcReaderStatus::State::CardPresent);
        emu.say("remove");
        QVERIFY(h.waitState(NfcReaderStatus::State::Ready));
        emu.say("place");
        QVERIFY(h.waitTaps(2));
        const Tap second = h.taps().at(1);
        QVERIFY(second.read.hasValue());
        QVERIFY(second.nonce != first.nonce);
        QVERIFY(verify(second).valid);
        // The first tap's answer does not answer the second tap's challenge.
        Tap replay = first;
        replay.nonce = second.nonce;
        QCOMPARE(verify(replay).reason, Reason::Replayed);
        QCOMPARE(h.status().restarts, 0);
    }

    void typeBCardShowsOnlyItsId() {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("type-b")});
        Harness h(uartConnstring(emu.pty()));
        QVERIFY(h.waitTaps(1));
        QCOMPARE(h.taps().at(0).target.type, QStringLiteral("B"));
        QCOMPARE(h.taps().at(0).target.uid, QByteArray::fromHex("11223344"));
    }

    void cardPulledMidRead() {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("wallet"), QStringLiteral("--remove-at-apdu"),
                      QStringLiteral("2")});
        Harness h(uartConnstring(emu.pty()));
        QVERIFY(h.waitTaps(1));
        const Tap tap = h.taps().at(0);
        QVERIFY(!tap.read.hasValue());
        QCOMPARE(tap.read.error().name(), QStringLiteral("card_left"));
        QVERIFY(h.waitState(NfcReaderStatus::State::Ready)); // card gone, reader fine
        emu.say("remove");
        emu.say("place"); // the guest tries again
        QVERIFY(h.waitTaps(2));
        QVERIFY(h.taps().at(1).read.hasValue());
        QVERIFY(verify(h.taps().at(1)).valid);
        QCOMPARE(h.status().restarts, 0);
    }

    void unplugAndReplug() {
        QTemporaryDir dir;
        const QString link = dir.filePath(QStringLiteral("ttyNFC"));
        auto emu = std::make_unique<Emulator>(QStringList{QStringLiteral("--card"), QStringLiteral("wallet"),
                                                          QStringLiteral("--start-absent"),
                                                          QStringLiteral("--link"), link});
        Harness h(uartConnstring(link));
        QVERIFY(h.waitState(NfcReaderStatus::State::Ready));
        emu->say("unplug");
        QVERIFY(h.waitState(NfcReaderStatus::State::Absent, 3000));
        QCOMPARE(h.status().lastError, nfcCodeFromName(QStringLiteral("reader_io")));
        QThread::msleep(1500); // stays absent, retrying, while nothing is plugged in
        QCOMPARE(h.status().state, NfcReaderStatus::State::Absent);
        QCOMPARE(h.status().lastError, nfcCodeFromName(QStringLiteral("reader_open_failed")));
        emu = std::make_unique<Emulator>(
            QStringList{QStringLiteral("--card"), QStringLiteral("wallet"), QStringLiteral("--link"), link});
        QVERIFY(h.waitTaps(1, 5000)); // back by itself, and reading
        QVERIFY(h.taps().at(0).read.hasValue());
        QVERIFY(h.status().restarts >= 2);
    }

    void silentOrGarbledReader_data() {
        QTest::addColumn<QString>("fault");
        QTest::newRow("no ACK (hung)") << "--no-ack";
        QTest::newRow("bad checksums") << "--bad-checksum";
    }
    void silentOrGarbledReader() {
        QFETCH(QString, fault);
        Emulator emu({QStringLiteral("--card"), QStringLiteral("wallet"), fault});
        Harness h(uartConnstring(emu.pty()));
        QVERIFY(h.waitFor([&] { return h.status().restarts >= 2; }, 10000)); // keeps trying, with backoff
        QCOMPARE(h.status().state, NfcReaderStatus::State::Absent);
        QCOMPARE(h.status().lastError, nfcCodeFromName(QStringLiteral("reader_open_failed")));
        QVERIFY(h.taps().isEmpty());
    }

    void libnfcAbortIsContained() {
        // A status byte with the NAD bit: libnfc abort()s — in the helper, not in the terminal.
        Emulator emu({QStringLiteral("--card"), QStringLiteral("wallet"), QStringLiteral("--nad-at-apdu"),
                      QStringLiteral("2")});
        Harness h(uartConnstring(emu.pty()));
        QVERIFY(h.waitTaps(1));
        QCOMPARE(h.taps().at(0).read.error().name(), QStringLiteral("reader_crashed"));
        QVERIFY(h.waitTaps(2)); // restarted; the card is still there and reads
        QVERIFY(h.taps().at(1).read.hasValue());
        QVERIFY(verify(h.taps().at(1)).valid);
        QCOMPARE(h.status().restarts, 1);
    }

    void stalledReaderTimesOut() {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("wallet"), QStringLiteral("--stall-at-apdu"),
                      QStringLiteral("2")});
        Harness h(uartConnstring(emu.pty()), 300);
        QVERIFY(h.waitTaps(1));
        QCOMPARE(h.taps().at(0).read.error().name(), QStringLiteral("card_timeout"));
        QVERIFY(h.waitState(NfcReaderStatus::State::CardPresent)); // the reader answers again
        emu.say("remove");
        emu.say("place"); // the guest lifts the phone and taps again
        QVERIFY(h.waitTaps(2));
        QVERIFY(h.taps().at(1).read.hasValue());
    }

    void hungHelperIsKilledAndRestarted() {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("wallet")});
        Harness h(uartConnstring(emu.pty()), 300);
        bool once = true;
        h.beforeTap = [&](const NfcReaderStatus& s) { // freeze the helper as if libnfc hung
            if (std::exchange(once, false))
                ::kill(pid_t(s.helperPid), SIGSTOP);
        };
        QVERIFY(h.waitTaps(1));
        QCOMPARE(h.taps().at(0).read.error().name(), QStringLiteral("reader_hung"));
        QVERIFY(h.waitTaps(2));
        QVERIFY(h.taps().at(1).read.hasValue());
        QCOMPARE(h.status().restarts, 1);
    }

    void silentHelperIsRestarted() {
        // Stuck inside libnfc between taps (no "alive" for 3 s): killed, restarted, reading again.
        Emulator emu({QStringLiteral("--card"), QStringLiteral("wallet"), QStringLiteral("--start-absent")});
        Harness h(uartConnstring(emu.pty()));
        QVERIFY(h.waitState(NfcReaderStatus::State::Ready));
        ::kill(pid_t(h.status().helperPid), SIGSTOP);
        QVERIFY(h.waitFor(
            [&] { return h.status().lastError == nfcCodeFromName(QStringLiteral("reader_hung")); }));
        QVERIFY(h.waitState(NfcReaderStatus::State::Ready));
        emu.say("place");
        QVERIFY(h.waitTaps(1));
        QVERIFY(h.taps().at(0).read.hasValue());
    }

    void killedHelperIsRestarted() {
        Emulator emu({QStringLiteral("--card"), QStringLiteral("wallet"), QStringLiteral("--start-absent")});
        Harness h(uartConnstring(emu.pty()));
        QVERIFY(h.waitState(NfcReaderStatus::State::Ready));
        ::kill(pid_t(h.status().helperPid), SIGKILL); // (SIGSEGV would be caught by ASan in sanitizer builds)
        QVERIFY(h.waitFor(
            [&] { return h.status().lastError == nfcCodeFromName(QStringLiteral("reader_crashed")); }));
        QVERIFY(h.waitState(NfcReaderStatus::State::Ready));
        emu.say("place");
        QVERIFY(h.waitTaps(1));
        QVERIFY(h.taps().at(0).read.hasValue());
    }

    void passportThroughLibnfc_data() {
        QTest::addColumn<QStringList>("chip");
        QTest::addColumn<QString>("access");
        QTest::addColumn<QString>("refusal");
        QTest::newRow("BAC") << QStringList{} << "BAC"
                             << "bac_refused";
        QTest::newRow("PACE brainpoolP256r1")
            << QStringList{QStringLiteral("--pace"), QStringLiteral("13")} << "PACE"
            << "pace_refused";
    }
    void passportThroughLibnfc() {
        // The emulated eMRTD chip (BAC or PACE, then secure messaging) read through libnfc: every
        // file whole, in the fewest APDUs the reader's 262-byte answers allow; a wrong MRZ refused.
        QFETCH(QStringList, chip);
        QFETCH(QString, access);
        QFETCH(QString, refusal);
        Emulator emu(QStringList{QStringLiteral("--card"), QStringLiteral("passport"),
                                 QStringLiteral("--start-absent")} +
                     chip);
        Harness h(uartConnstring(emu.pty()));
        QMutex m;
        std::optional<NfcExpected<icao::ChipRead>> result;
        icao::MrzKey key = *icao::MrzKey::fromFields(QStringLiteral("L898902C"), QStringLiteral("690806"),
                                                     QStringLiteral("940623"));
        h.otherCard = [&](const NfcTarget&, const Transceive& transceive) {
            auto r = icao::readChip(transceive, key);
            QMutexLocker l(&m);
            result = std::move(r);
        };
        QVERIFY(h.waitState(NfcReaderStatus::State::Ready));
        emu.say("place");
        QVERIFY(h.waitTaps(1));
        {
            QMutexLocker l(&m);
            QVERIFY(result.has_value());
            QVERIFY2(result->hasValue(),
                     qPrintable(result->hasValue() ? QString() : result->error().toString()));
            const icao::ChipRead& read = result->value();
            QCOMPARE(read.access, access);
            const auto expected = passport::demoPassportFiles();
            for (auto it = expected.begin(); it != expected.end(); ++it) {
                QCOMPARE(read.files.value(it.key()).content, it.value());
                QCOMPARE(read.files.value(it.key()).apdus, read.files.value(it.key()).minimumApdus);
            }
            QCOMPARE(icao::parseDg1(read.files.value(icao::kEfDg1).content)->surname,
                     QStringLiteral("ERIKSSON"));
        }
        emu.say("remove");
        QVERIFY(h.waitState(NfcReaderStatus::State::Ready));
        key = *icao::MrzKey::fromFields(QStringLiteral("L898902C"), QStringLiteral("690806"),
                                        QStringLiteral("940624"));
        emu.say("place");
        QVERIFY(h.waitTaps(2));
        QMutexLocker l(&m);
        QCOMPARE(result->error().name(), refusal);
    }

    void passportPassiveAuthThroughLibnfc_data() {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("outcome"); // reason name, or a read error
        QTest::newRow("genuine, BAC") << "genuine"
                                      << "";
        QTest::newRow("genuine, PACE P-256") << "pace"
                                             << "";
        QTest::newRow("tampered DG1") << "tampered"
                                      << "data_group_mismatch";
        QTest::newRow("wrong document signer") << "forged"
                                               << "unknown_csca";
        QTest::newRow("expired CSCA") << "expired"
                                      << "certificate_expired";
        QTest::newRow("chip refuses the printed MRZ's key") << "wrong-key"
                                                            << "bac_refused";
        QTest::newRow("active authentication, ECDSA") << "aa-ec"
                                                      << "";
        QTest::newRow("active authentication, RSA") << "aa-rsa"
                                                    << "";
        QTest::newRow("cloned chip") << "clone"
                                     << "chip_authentication_failed";
    }
    void passportPassiveAuthThroughLibnfc() {
        // lz-issuer's kind of passport directory served by the emulated chip, read through libnfc
        // and proven genuine (or not) against the CSCAs of a trust list: the whole way of a guest's
        // passport at the desk, one broken passport per row.
        QFETCH(QString, kind);
        QFETCH(QString, outcome);
        const qint64 now = QDateTime::currentSecsSinceEpoch(), year = 365 * 86400;
        auto cert = [](const char* cn, qint64 from, qint64 to) {
            passport::CertificateSpec s;
            s.commonName = QString::fromLatin1(cn);
            s.notBefore = from;
            s.notAfter = to;
            return s;
        };
        const auto csca = passport::makeCsca(cert("CSCA UT", now - year, now + 10 * year));
        const auto oldCsca = passport::makeCsca(cert("CSCA UT 2004", now - 20 * year, now - year));
        const auto forger = passport::makeCsca(cert("CSCA UT", now - year, now + year));
        const auto& issuing = kind == QLatin1String("expired")  ? oldCsca
                              : kind == QLatin1String("forged") ? forger
                                                                : csca;
        const auto ds = passport::makeDocumentSigner(issuing, cert("DS UT", now - 2 * year, now + year));

        passport::PassportSpec spec;
        spec.mrz = demo::kDemoPassportMrz;
        spec.photo = demo::DemoKit::facePhoto();
        spec.photoWidth = 420;
        spec.photoHeight = 540;
        spec.paceParameterId = kind == QLatin1String("pace") ? 12 : 0;
        if (kind == QLatin1String("tampered"))
            spec.tamper = QStringLiteral("dg1");
        if (kind == QLatin1String("aa-rsa"))
            spec.activeAuth = QStringLiteral("rsa");
        if (kind == QLatin1String("aa-ec") || kind == QLatin1String("clone"))
            spec.activeAuth = QStringLiteral("ec");
        spec.clone = kind == QLatin1String("clone");
        if (kind == QLatin1String("wrong-key")) // the chip was personalised with another expiry
            spec.chipMrz =
                QByteArray(demo::kDemoPassportMrz).replace("3301018", "3301029").replace("<<8", "<<2");
        auto files = passport::makePassport(spec, ds);
        QVERIFY2(files.hasValue(), qPrintable(files ? QString() : files.error()));
        QTemporaryDir dir;
        QVERIFY(files->save(dir.path()).hasValue());

        const PrivateKey anchorKey = PrivateKey::generate(Algorithm::ES256);
        TrustList list;
        list.sequence = 1;
        list.issuedAt = now - 60;
        list.nextUpdate = now + 86400;
        list.cscaCertificates = {csca.certificateDer(), oldCsca.certificateDer()};
        TrustStore store({{"anchor", anchorKey.publicKey()}}, {});
        QVERIFY(store.install(list.sign(anchorKey, "anchor")).hasValue());
        SystemClock clock;
        Verifier verifier(store, clock, nullptr, nullptr);

        Emulator emu({QStringLiteral("--card"), QStringLiteral("passport"), QStringLiteral("--passport"),
                      dir.path(), QStringLiteral("--start-absent")});
        Harness h(uartConnstring(emu.pty()));
        const icao::MrzKey key = icao::parseMrz(QString::fromLatin1(demo::kDemoPassportMrz))->key;
        QMutex m;
        std::optional<NfcExpected<icao::ChipRead>> read;
        h.otherCard = [&](const NfcTarget&, const Transceive& transceive) {
            auto r = icao::readChip(transceive, key);
            QMutexLocker l(&m);
            read = std::move(r);
        };
        QVERIFY(h.waitState(NfcReaderStatus::State::Ready));
        emu.say("place");
        QVERIFY(h.waitTaps(1));
        QMutexLocker l(&m);
        QVERIFY(read.has_value());
        if (outcome == QLatin1String("bac_refused")) {
            QVERIFY(!read->hasValue());
            QCOMPARE(read->error().name(), outcome);
            return;
        }
        QVERIFY2(read->hasValue(), qPrintable(read->hasValue() ? QString() : read->error().toString()));
        QCOMPARE(read->value().access,
                 kind == QLatin1String("pace") ? QStringLiteral("PACE") : QStringLiteral("BAC"));
        const auto& f = read->value().files;
        QCOMPARE(f.value(icao::kEfDg2).content, files->files.value(icao::kEfDg2));
        const VerificationResult r = verifier.verifyPassport(
            read->value().dataGroups(), f.value(icao::kEfSod).content, key, read->value().activeAuth);
        QCOMPARE(reasonName(r.reason), outcome);
        QCOMPARE(r.valid, outcome.isEmpty());
        if (r.valid)
            QCOMPARE(r.identity->name, QStringLiteral("LINDQVIST ASTRID MARIA"));
    }

    void missingReader() {
        Harness h(QStringLiteral("pn532_uart:/dev/nonexistent-lz-reader"));
        QVERIFY(h.waitState(NfcReaderStatus::State::Absent));
        QVERIFY2(h.status().lastError == nfcCodeFromName(QStringLiteral("reader_open_failed")),
                 qPrintable(h.status().lastErrorDetail));
    }
};

QTEST_GUILESS_MAIN(TestNfcReader)
#include "tst_nfcreader.moc"
