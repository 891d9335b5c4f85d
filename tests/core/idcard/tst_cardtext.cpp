// The cards' text blocks: every field of every card kind read back from blocks the emulator's
// writer made, the checks the terminal makes of them (GB 11643, birth date and sex against the
// number, expiry, 长期, the old foreigner number's own rule), and the verifier's verdicts.
#include "CardFiles.h"
#include "idcard/CardCheck.h"
#include "idcard/CardText.h"
#include "verify/Verifier.h"

#include <QTest>
#include <QtEndian>

using namespace lz;
using namespace lz::idcard;

namespace {
const QDate kToday(2026, 12, 4);

CardText roundTrip(const CardText& c) {
    auto back = parseTextBlock(samemu::writeTextBlock(c));
    if (!back)
        qFatal("%s", qPrintable(back.error()));
    return *back;
}
} // namespace

class TestCardText : public QObject {
    Q_OBJECT
private slots:
    void everyFieldOfEveryKind() {
        for (CardType t : samemu::allCardTypes()) {
            const CardText c = samemu::demoCard(t);
            const CardText b = roundTrip(c);
            QCOMPARE(b.type, t);
            QCOMPARE(b.name, c.name);
            QCOMPARE(b.nameLatin, c.nameLatin);
            QCOMPARE(b.sex, c.sex);
            QCOMPARE(b.nation, c.nation);
            QCOMPARE(b.birth, c.birth);
            QCOMPARE(b.address, c.address);
            QCOMPARE(b.number, c.number);
            QCOMPARE(b.issuer, c.issuer);
            QCOMPARE(b.validFrom, c.validFrom);
            QCOMPARE(b.validTo, c.validTo);
            QCOMPARE(b.passNumber, c.passNumber);
            QCOMPARE(b.issueCount, c.issueCount);
            QCOMPARE(b.nationality, c.nationality);
            QCOMPARE(b.version, c.version);
            QCOMPARE(b.oldNumber, c.oldNumber);
        }
    }
    void layoutOffsetsAreTheCardsOwn() {
        // Independently of the writer: the resident card's number at 122, the type byte at 248.
        const QByteArray block = samemu::writeTextBlock(samemu::demoCard(CardType::Resident));
        QCOMPARE(QString::fromUtf16(reinterpret_cast<const char16_t*>(block.constData() + 122), 18),
                 QStringLiteral("440106199003071231"));
        QCOMPARE(block.at(248), ' ');
        const QByteArray y = samemu::writeTextBlock(samemu::demoCard(CardType::Foreigner2023));
        QCOMPARE(y.at(248), 'Y');
        QCOMPARE(QString::fromUtf16(reinterpret_cast<const char16_t*>(y.constData() + 242), 3),
                 QStringLiteral("ESP"));
    }
    void aLongForeignNameSpansBothFields() {
        CardText c = samemu::demoCard(CardType::Foreigner2023);
        c.nameLatin = QStringLiteral("VILLANUEVA DE LA CONCEPCION GARCIA, MARIA ISABEL"); // 48 characters
        const CardText b = roundTrip(c);
        QCOMPARE(b.nameLatin, c.nameLatin.left(46)); // 35 + 11 characters: what the card can hold
    }
    void blocksThatAreNoCardsText() {
        QVERIFY(!parseTextBlock(QByteArray(255, ' ')));
        QByteArray control = samemu::writeTextBlock(samemu::demoCard(CardType::Resident));
        qToLittleEndian<quint16>(0x0007, control.data() + 2); // a bell inside the name
        QVERIFY(!parseTextBlock(control));
        QByteArray surrogate = samemu::writeTextBlock(samemu::demoCard(CardType::Resident));
        qToLittleEndian<quint16>(0xD800, surrogate.data()); // an unpaired surrogate
        QVERIFY(!parseTextBlock(surrogate));
    }
    void readAnswerBlocks() {
        QByteArray data(4, '\0');
        qToBigEndian<quint16>(256, data.data());
        qToBigEndian<quint16>(1024, data.data() + 2);
        data += QByteArray(256, 't') + QByteArray(1024, 'p');
        auto b = parseReadAnswer(data);
        QVERIFY(b);
        QCOMPARE(b->text, QByteArray(256, 't'));
        QCOMPARE(b->photo, QByteArray(1024, 'p'));
        QVERIFY(!parseReadAnswer(data.chopped(1)));
        QVERIFY(!parseReadAnswer(data.left(3)));
        QByteArray lying = data;
        qToBigEndian<quint16>(300, lying.data());
        QVERIFY(!parseReadAnswer(lying));
    }
    void demoCardsAreValid() {
        for (CardType t : samemu::allCardTypes()) {
            auto id = identityOf(roundTrip(samemu::demoCard(t)), kToday);
            QVERIFY2(id, qPrintable(cardTypeName(t) + QStringLiteral(": ") +
                                    (id ? QString() : id.error().detail)));
        }
        const Identity resident = *identityOf(samemu::demoCard(CardType::Resident), kToday);
        QCOMPARE(resident.kind, DocumentKind::ResidentId);
        QCOMPARE(resident.ethnicity, 1);
        QCOMPARE(resident.birthDate, QDate(1990, 3, 7));
        QVERIFY(!resident.expiryDate.isValid()); // 长期
        const Identity y = *identityOf(samemu::demoCard(CardType::Foreigner2023), kToday);
        QCOMPARE(y.kind, DocumentKind::ForeignerPermanentResidence);
        QCOMPARE(y.nationality, QStringLiteral("ESP"));
        QCOMPARE(y.sex, Sex::Female);
        QCOMPARE(identityOf(samemu::demoCard(CardType::ResidencePermit), kToday)->kind,
                 DocumentKind::ResidencePermit);
    }
    void theNumberMustAgreeWithTheCard() {
        const auto problem = [](const CardText& c) {
            auto id = identityOf(c, kToday);
            return id ? std::optional<CardProblem>() : id.error().problem;
        };
        CardText c = samemu::demoCard(CardType::Resident);
        c.birth = QStringLiteral("19900308"); // the number says the 7th
        QCOMPARE(problem(c), CardProblem::Inconsistent);
        c = samemu::demoCard(CardType::Resident);
        c.sex = QStringLiteral("2"); // the number's sequence is odd: male
        QCOMPARE(problem(c), CardProblem::Inconsistent);
        c = samemu::demoCard(CardType::Resident);
        c.number[17] = QLatin1Char('9'); // wrong check digit
        QCOMPARE(problem(c), CardProblem::Inconsistent);
        c = samemu::demoCard(CardType::Foreigner2023);
        c.number = samemu::demoCard(CardType::Resident).number; // not a 9 number
        c.birth = QStringLiteral("19900307");
        c.sex = QStringLiteral("1");
        QCOMPARE(problem(c), CardProblem::Inconsistent);
        c = samemu::demoCard(CardType::ResidencePermit);
        c.number = samemu::demoCard(CardType::Resident).number; // not 81/82/83
        c.birth = QStringLiteral("19900307");
        c.sex = QStringLiteral("1");
        QCOMPARE(problem(c), CardProblem::Inconsistent);
        c = samemu::demoCard(CardType::ForeignerOld);
        c.number = QStringLiteral("USA117506310011"); // the 31st: the card says the 30th
        QCOMPARE(problem(c), CardProblem::Inconsistent);
        c = samemu::demoCard(CardType::ForeignerOld);
        c.number = QStringLiteral("US1117506300011");
        QCOMPARE(problem(c), CardProblem::Inconsistent);
    }
    void datesAndExpiry() {
        const auto problem = [](const CardText& c) {
            auto id = identityOf(c, kToday);
            return id ? std::optional<CardProblem>() : id.error().problem;
        };
        CardText c = samemu::demoCard(CardType::ResidencePermit);
        c.validTo = QStringLiteral("20261203"); // yesterday
        QCOMPARE(problem(c), CardProblem::Expired);
        c.validTo = QStringLiteral("20261204"); // today: still valid
        QCOMPARE(problem(c), std::nullopt);
        c.validTo = QStringLiteral("2026124");
        QCOMPARE(problem(c), CardProblem::Malformed);
        c = samemu::demoCard(CardType::Resident);
        c.validFrom = QStringLiteral("20201301");
        QCOMPARE(problem(c), CardProblem::Malformed);
        c = samemu::demoCard(CardType::Resident);
        c.nation = QStringLiteral("60");
        QCOMPARE(problem(c), CardProblem::Malformed);
        c = samemu::demoCard(CardType::Resident);
        c.sex = QStringLiteral("x");
        QCOMPARE(problem(c), CardProblem::Malformed);
    }
    void verifierVerdicts() {
        TrustStore trust({}, QString());
        FixedClock clock(QDateTime(kToday, QTime(12, 0)).toSecsSinceEpoch());
        Verifier v(trust, clock, nullptr, nullptr);
        const QString sam = QStringLiteral("05.01-20101010-0012345678-0087654321");
        auto ok = v.verifyIdCard(samemu::writeTextBlock(samemu::demoCard(CardType::Resident)), sam);
        QVERIFY2(ok.valid, qPrintable(ok.detail));
        QCOMPARE(ok.issuer, sam);
        QVERIFY(ok.identity);
        CardText expired = samemu::demoCard(CardType::ResidencePermit);
        expired.validTo = QStringLiteral("20200102");
        auto r = v.verifyIdCard(samemu::writeTextBlock(expired), sam);
        QCOMPARE(r.reason, Reason::DocumentExpired);
        QVERIFY(!r.identity); // a refusal shows no personal details
        CardText wrong = samemu::demoCard(CardType::Resident);
        wrong.birth = QStringLiteral("19910307");
        QCOMPARE(v.verifyIdCard(samemu::writeTextBlock(wrong), sam).reason, Reason::DocumentInconsistent);
        QCOMPARE(v.verifyIdCard(QByteArray(12, 'x'), sam).reason, Reason::Malformed);
        // The latest endorsed address (30 03) replaces the printed one; one that is no address is
        // malformed, not silently dropped.
        QByteArray address(kNewAddressSize, '\0');
        const QString moved = QStringLiteral("北京市海淀区中关村大街1号").leftJustified(35, QLatin1Char(' '));
        for (int i = 0; i < 35; ++i)
            qToLittleEndian<quint16>(moved.at(i).unicode(), address.data() + 2 * i);
        auto movedCard =
            v.verifyIdCard(samemu::writeTextBlock(samemu::demoCard(CardType::Resident)), sam, address);
        QVERIFY(movedCard.valid);
        QCOMPARE(movedCard.identity->address, QStringLiteral("北京市海淀区中关村大街1号"));
        QCOMPARE(v.verifyIdCard(samemu::writeTextBlock(samemu::demoCard(CardType::Resident)), sam,
                                QByteArray(12, 'x'))
                     .reason,
                 Reason::Malformed);
        auto refused = v.refuseIdCard(QStringLiteral("card_auth_failed"), sam);
        QCOMPARE(refused.reason, Reason::CardNotAuthentic);
        QVERIFY(!refused.valid);
        // No personal field in the technical detail.
        QVERIFY(!r.detail.contains(expired.number) && !r.detail.contains(expired.name));
    }
};

QTEST_GUILESS_MAIN(TestCardText)
#include "tst_cardtext.moc"
