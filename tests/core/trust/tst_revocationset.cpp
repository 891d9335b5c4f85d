// The revocation structure is exact: every listed serial is found, no other is, for random
// and for sequential serials (which the bijective mixer must spread over the buckets).
#include "trust/RevocationSet.h"

#include <QRandomGenerator>
#include <QSet>
#include <QTest>
#include <QtEndian>

using namespace lz;

namespace {
QByteArray serials(const QList<quint64>& ids) {
    QByteArray out;
    for (quint64 id : ids) {
        char b[8];
        qToBigEndian(id, b);
        out.append(b, 8);
    }
    return out;
}
} // namespace

class TestRevocationSet : public QObject {
    Q_OBJECT
private slots:
    void empty() {
        const RevocationSet s = RevocationSet::build(nullptr, 0);
        QCOMPARE(s.size(), std::size_t(0));
        QVERIFY(!s.contains(quint64(0)));
        QVERIFY(!RevocationSet().contains(quint64(42)));
    }
    void randomSerialsExact() {
        QRandomGenerator rng(1234);
        QList<quint64> revoked;
        QSet<quint64> set;
        for (int i = 0; i < 200000; ++i) {
            const quint64 v = rng.generate64();
            revoked.append(v);
            set.insert(v);
        }
        const QByteArray raw = serials(revoked);
        const RevocationSet s = RevocationSet::build(raw.constData(), std::size_t(revoked.size()));
        QCOMPARE(s.size(), std::size_t(revoked.size()));
        for (quint64 v : revoked)
            QVERIFY(s.contains(v));
        int falsePositives = 0;
        for (int i = 0; i < 200000; ++i) {
            const quint64 v = rng.generate64();
            if (!set.contains(v) && s.contains(v))
                ++falsePositives;
        }
        QCOMPARE(falsePositives, 0);
    }
    void sequentialSerialsAndNeighbours() {
        QList<quint64> revoked;
        for (quint64 i = 0; i < 50000; ++i)
            revoked.append(1000000 + 2 * i); // every other serial
        const QByteArray raw = serials(revoked);
        const RevocationSet s = RevocationSet::build(raw.constData(), std::size_t(revoked.size()));
        for (quint64 i = 0; i < 50000; ++i) {
            QVERIFY(s.contains(quint64(1000000 + 2 * i)));
            QVERIFY(!s.contains(quint64(1000001 + 2 * i)));
        }
        QVERIFY(s.memoryBytes() < std::size_t(50000 * 6 + 65537 * 4 + 64));
    }
    void byteInterface() {
        const QByteArray raw = serials({0x0102030405060708ULL});
        const RevocationSet s = RevocationSet::build(raw.constData(), 1);
        QVERIFY(s.contains(QByteArrayView(raw)));
        QVERIFY(!s.contains(QByteArrayView(raw.left(7))));
        QVERIFY(!s.contains(QByteArrayView(raw + "x")));
        QCOMPARE(RevocationSet::readSerial(raw.constData()), 0x0102030405060708ULL);
    }
    void duplicatesAreHarmless() {
        const QByteArray raw = serials({7, 7, 7, 9});
        const RevocationSet s = RevocationSet::build(raw.constData(), 4);
        QVERIFY(s.contains(quint64(7)) && s.contains(quint64(9)) && !s.contains(quint64(8)));
    }
};

QTEST_APPLESS_MAIN(TestRevocationSet)
#include "tst_revocationset.moc"
