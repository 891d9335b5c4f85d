// The clerks' roster (issue 18): each clerk their own staff number and PIN hash; "admin" is the
// administrator's and no clerk's; a new PIN replaces the old; the [clerks] array in a settings
// file survives a round trip and a damaged entry signs nobody in.
#include "staff/StaffPin.h"
#include "staff/StaffRoster.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace lz::staff;

class TestStaffRoster : public QObject {
    Q_OBJECT
private slots:
    void staffNumbers() {
        QVERIFY(acceptableStaffId(QStringLiteral("C-07")));
        QVERIFY(acceptableStaffId(QStringLiteral("1024")));
        QVERIFY(!acceptableStaffId(QString()));
        QVERIFY(!acceptableStaffId(QStringLiteral("张三")));
        QVERIFY(!acceptableStaffId(QStringLiteral("a b")));
        QVERIFY(!acceptableStaffId(QString(17, QLatin1Char('1'))));
    }
    void putFindRemove() {
        StaffRoster r;
        QCOMPARE(r.put({QStringLiteral("admin"), {}, QStringLiteral("h")}), RosterError::Reserved);
        QCOMPARE(r.put({QStringLiteral("ADMIN"), {}, QStringLiteral("h")}), RosterError::Reserved);
        QCOMPARE(r.put({QStringLiteral("C 7"), {}, QStringLiteral("h")}), RosterError::BadId);
        QCOMPARE(r.put({QStringLiteral("C-07"), QStringLiteral("王芳"), {}}), RosterError::NoPin);
        QVERIFY(!r.put({QStringLiteral("C-07"), QStringLiteral("王芳"), QStringLiteral("h1")}));
        QVERIFY(!r.put({QStringLiteral("C-08"), {}, QStringLiteral("h2")}));
        QCOMPARE(r.find(QStringLiteral("c-07"))->id, QStringLiteral("C-07")); // typed in any case
        // A new PIN for C-07: replaced, the name kept.
        QVERIFY(!r.put({QStringLiteral("c-07"), {}, QStringLiteral("h3")}));
        QCOMPARE(r.members().size(), 2);
        QCOMPARE(r.find(QStringLiteral("C-07"))->pinHash, QStringLiteral("h3"));
        QCOMPARE(r.find(QStringLiteral("C-07"))->name, QStringLiteral("王芳"));
        QVERIFY(!r.remove(QStringLiteral("C-08")));
        QCOMPARE(r.remove(QStringLiteral("C-08")), RosterError::Unknown);
        QVERIFY(!r.find(QStringLiteral("C-08")));
        QCOMPARE(rosterErrorName(RosterError::Duplicate), QStringLiteral("staff_id_taken"));
    }
    void settingsRoundTrip() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("kiosk.conf"));
        StaffRoster r;
        const auto hash = hashPin(QStringLiteral("2468"), 1000);
        QVERIFY(hash);
        QVERIFY(!r.put({QStringLiteral("C-07"), QStringLiteral("王芳"), *hash}));
        {
            QSettings s(path, QSettings::IniFormat);
            writeRoster(s, r);
            s.beginWriteArray(QStringLiteral("clerks"), 2); // a second, damaged entry
            s.setArrayIndex(1);
            s.setValue(QStringLiteral("id"), QStringLiteral("bad id"));
            s.setValue(QStringLiteral("pin_hash"), *hash);
            s.endArray();
        }
        QSettings s(path, QSettings::IniFormat);
        const StaffRoster back = readRoster(s);
        QCOMPARE(back.members().size(), 1);
        QCOMPARE(back.members().first(), r.members().first());
        QVERIFY(*verifyPin(QStringLiteral("2468"), back.find(QStringLiteral("C-07"))->pinHash));
    }
};

QTEST_GUILESS_MAIN(TestStaffRoster)
#include "tst_staffroster.moc"
