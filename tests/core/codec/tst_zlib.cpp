// zlib inflate with a size cap: round trip, zip bombs, truncation and trailing bytes.
#include "codec/Zlib.h"

#include <QTest>

class TestZlib : public QObject {
    Q_OBJECT
private slots:
    void roundTrip() {
        QByteArray data;
        for (int i = 0; i < 3000; ++i)
            data.append(char(i * 7));
        const QByteArray z = lz::zlib::deflate(data);
        QVERIFY(z.size() < data.size());
        const auto back = lz::zlib::inflate(z, 4096);
        QVERIFY(back.hasValue());
        QCOMPARE(*back, data);
    }
    void exactlyAtCapIsAccepted() {
        const QByteArray data(4096, 'A');
        QVERIFY(lz::zlib::inflate(lz::zlib::deflate(data), 4096).hasValue());
    }
    void zipBombIsCapped() {
        // 64 MiB of zeros deflates to ~64 KiB; it must be refused without inflating it all.
        const QByteArray bomb = lz::zlib::deflate(QByteArray(64 * 1024 * 1024, '\0'));
        const auto r = lz::zlib::inflate(bomb, 8192);
        QVERIFY(!r.hasValue());
        QVERIFY(r.error().contains(QLatin1String("cap")));
    }
    void truncatedStream() {
        const QByteArray z = lz::zlib::deflate(QByteArray("hello, world, hello, world"));
        for (int cut = 0; cut < z.size(); ++cut)
            QVERIFY2(!lz::zlib::inflate(z.left(cut), 4096).hasValue(), qPrintable(QString::number(cut)));
    }
    void trailingBytes() {
        const auto r = lz::zlib::inflate(lz::zlib::deflate("abc") + "junk", 4096);
        QVERIFY(!r.hasValue());
        QVERIFY(r.error().contains(QLatin1String("trailing")));
    }
    void notZlib() {
        QVERIFY(!lz::zlib::inflate(QByteArray("plain text, not zlib"), 4096).hasValue());
        QVERIFY(!lz::zlib::inflate(QByteArray(), 4096).hasValue());
    }
};

QTEST_APPLESS_MAIN(TestZlib)
#include "tst_zlib.moc"
