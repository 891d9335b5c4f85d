// The SAM frame protocol: requests as published implementations send them (the bytes of
// docs/id-card-reader.md), answers split anywhere, noise, bad checksums and lengths, and every
// status byte to its named error.
#include "idcard/SamFrame.h"
#include "idcard/SamStatus.h"

#include <QTest>

using namespace lz::idcard;

class TestSamFrame : public QObject {
    Q_OBJECT
private slots:
    void requestsMatchPublishedBytes() {
        // Find, select, read, SAM status and id as sent by public readers' code (e.g.
        // hevz/hev-idcard-reader, heavyii/cardreader); checksums recomputed by hand.
        QCOMPARE(encodeRequest(SamCommand::FindCard).toHex(' '), QByteArray("aa aa aa 96 69 00 03 20 01 22"));
        QCOMPARE(encodeRequest(SamCommand::SelectCard).toHex(' '),
                 QByteArray("aa aa aa 96 69 00 03 20 02 21"));
        QCOMPARE(encodeRequest(SamCommand::ReadText).toHex(' '), QByteArray("aa aa aa 96 69 00 03 30 01 32"));
        QCOMPARE(encodeRequest(SamCommand::SamStatus).toHex(' '),
                 QByteArray("aa aa aa 96 69 00 03 11 ff ed"));
        QCOMPARE(encodeRequest(SamCommand::SamId).toHex(' '), QByteArray("aa aa aa 96 69 00 03 12 ff ee"));
        QCOMPARE(encodeRequest(SamCommand::ResetSam).toHex(' '), QByteArray("aa aa aa 96 69 00 03 10 ff ec"));
    }
    void publishedAnswersParse() {
        // Answers quoted by the eastcoms protocol page and public readers' code.
        const QList<QPair<QByteArray, quint8>> answers{
            {QByteArray::fromHex("aaaaaa9669000400009094"), 0x90},
            {QByteArray::fromHex("aaaaaa966900080000 9f0000000097"), 0x9f},
            {QByteArray::fromHex("aaaaaa9669000400008084"), 0x80},
            {QByteArray::fromHex("aaaaaa9669000400008185"), 0x81},
            {QByteArray::fromHex("aaaaaa9669000400004145"), 0x41},
        };
        for (const auto& [bytes, sw3] : answers) {
            SamFrameParser p;
            p.feed(bytes);
            auto item = p.next();
            QVERIFY2(item && item->frame, bytes.toHex().constData());
            QCOMPARE(quint8(item->frame->body.at(2)), sw3);
        }
        QCOMPARE(encodeAnswer(0x9f, QByteArray(4, '\0')),
                 QByteArray::fromHex("aaaaaa966900080000 9f0000000097"));
    }
    void framesArriveInAnyPieces() {
        const QByteArray a = encodeAnswer(0x90, QByteArray(1284, 'x'));
        QCOMPARE(a.size(), 1295 - 0); // the size of a text + photo answer
        for (int piece : {1, 2, 3, 7, 64, 1295}) {
            SamFrameParser p;
            int frames = 0;
            for (int i = 0; i < a.size(); i += piece) {
                p.feed(a.mid(i, piece));
                while (auto item = p.next())
                    frames += item->frame ? 1 : 0;
            }
            QCOMPARE(frames, 1);
        }
    }
    void noiseBeforeAPreambleIsSkipped() {
        SamFrameParser p;
        p.feed(QByteArray::fromHex("00ffaa96aaaa") + encodeAnswer(0x90));
        auto item = p.next();
        QVERIFY(item && item->frame);
        QCOMPARE(quint8(item->frame->body.at(2)), quint8(0x90));
    }
    void badChecksumAndLengthAreNamed() {
        QByteArray a = encodeAnswer(0x90, "abc");
        a[a.size() - 1] = char(a.back() ^ 1);
        SamFrameParser p;
        p.feed(a + encodeAnswer(0x9f));
        auto first = p.next();
        QVERIFY(first && first->problem == FrameProblem::BadChecksum);
        auto second = p.next(); // resynchronised on the next preamble
        QVERIFY(second && second->frame);
        QCOMPARE(quint8(second->frame->body.at(2)), quint8(0x9f));

        SamFrameParser q;
        q.feed(QByteArray::fromHex("aaaaaa9669ffff00"));
        auto tooLong = q.next();
        QVERIFY(tooLong && tooLong->problem == FrameProblem::BadLength);
        SamFrameParser r;
        r.feed(QByteArray::fromHex("aaaaaa96690001"));
        auto tooShort = r.next();
        QVERIFY(tooShort && tooShort->problem == FrameProblem::BadLength);
        QCOMPARE(frameProblemName(FrameProblem::BadChecksum), QStringLiteral("frame_checksum"));
    }
    void everyStatusByteHasItsName() {
        const QList<QPair<quint8, QString>> failures{
            {0x80, "no_card"},           {0x81, "select_failed"},
            {0x91, "no_content"},        {0x10, "sam_checksum"},
            {0x11, "sam_length"},        {0x21, "bad_command"},
            {0x23, "not_permitted"},     {0x24, "sam_unknown_error"},
            {0x31, "card_auth_failed"},  {0x32, "sam_auth_failed"},
            {0x33, "info_check_failed"}, {0x37, "fingerprint_failed"},
            {0x40, "unknown_card_type"}, {0x41, "read_failed"},
            {0x47, "random_failed"},     {0x60, "sam_self_test_failed"},
            {0x66, "sam_not_authorised"}};
        for (const auto& [byte, name] : failures) {
            const auto status = samStatusFromByte(byte);
            QVERIFY2(status, qPrintable(name));
            const auto error = samErrorOf(*status);
            QVERIFY(error);
            QCOMPARE(samErrorName(*error), name);
            QCOMPARE(samErrorFromName(name), error);
        }
        QVERIFY(!samErrorOf(SamStatus::Ok));
        QVERIFY(!samErrorOf(SamStatus::CardFound));
        QVERIFY(!samStatusFromByte(0x55));
        // A byte no SAM sends is unknown_status, not the SAM's own "unknown error" (24).
        QCOMPARE(samErrorOfByte(0x55), SamError::UnknownStatus);
        QCOMPARE(samErrorOfByte(0x31), SamError::CardAuthFailed);
        QCOMPARE(samErrorOfByte(0x90), SamError::UnknownStatus);
        // The three a card fails authentication with are a refusal, not a reader fault.
        for (quint8 b : {0x31, 0x32, 0x33})
            QCOMPARE(samFailureKind(*samErrorOf(*samStatusFromByte(b))), SamFailureKind::CardNotAuthentic);
        QCOMPARE(samFailureKind(SamError::PortLost), SamFailureKind::ReaderFault);
    }
};

QTEST_GUILESS_MAIN(TestSamFrame)
#include "tst_samframe.moc"
