// The kiosk's settings over the packaged defaults (app/kiosk/KioskSettingsFile): a save writes
// only what staff changed. Writing the whole in-memory copy (as each clerk's sign-in once did)
// shadowed the defaults for good — a roll-out's later retention change never reached the
// terminal — and wrote back a PIN hash older than the one `staff set-pin` had just set.
#include "kiosk/KioskSettingsFile.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;

class TestKioskSettingsFile : public QObject {
    Q_OBJECT
private slots:
    void aSaveWritesOnlyWhatChanged() {
        QTemporaryDir dir;
        const QString defaults = dir.filePath(QStringLiteral("liangzheng.conf"));
        {
            QSettings d(defaults, QSettings::IniFormat);
            d.setValue(QStringLiteral("log/retention_days"), 90);
            d.setValue(QStringLiteral("venue/id"), QStringLiteral("V440106001"));
            d.setValue(QStringLiteral("kiosk/language"), QStringLiteral("zh_CN"));
        }
        TerminalConfig config;
        config.configPath = defaults;
        config.settingsPath = dir.filePath(QStringLiteral("state/settings.conf"));
        config.retentionDays = 90;
        config.venue.venueId = QStringLiteral("V440106001");
        ui::KioskSettings k = loadKioskSettings(config);
        QCOMPARE(k.retentionDays, 90);

        // `staff set-pin` sets a PIN while the kiosk runs with the settings it loaded.
        {
            QSettings s(config.settingsPath, QSettings::IniFormat);
            s.setValue(QStringLiteral("kiosk/pin_hash"), QStringLiteral("pbkdf2-sha256$new"));
        }
        // A clerk signs in: only the clerk on duty is written.
        k.operatorId = QStringLiteral("C-07");
        QVERIFY(saveKioskSettings(config, k, {QStringLiteral("kiosk/operator")}));
        QSettings written(config.settingsPath, QSettings::IniFormat);
        QCOMPARE(written.allKeys(),
                 (QStringList{QStringLiteral("kiosk/operator"), QStringLiteral("kiosk/pin_hash")}));
        QCOMPARE(written.value(QStringLiteral("kiosk/pin_hash")).toString(),
                 QStringLiteral("pbkdf2-sha256$new"));
        // The roll-out's defaults still decide what staff never changed.
        {
            QSettings d(defaults, QSettings::IniFormat);
            d.setValue(QStringLiteral("log/retention_days"), 180);
        }
        config.retentionDays = 180;
        QCOMPARE(loadKioskSettings(config).retentionDays, 180);

        // The settings page: the one setting changed, nothing else.
        ui::KioskSettings after = k;
        after.largeText = !k.largeText;
        QCOMPARE(changedSettings(k, after), QStringList{QStringLiteral("kiosk/large_text")});
        after.operatorId = QStringLiteral("C-08"); // saved on its own, at sign-in
        after.pinHash = QStringLiteral("other");   // saved on its own, once hashed
        QCOMPARE(changedSettings(k, after), QStringList{QStringLiteral("kiosk/large_text")});
        QVERIFY(saveKioskSettings(config, after, changedSettings(k, after)));
        QSettings again(config.settingsPath, QSettings::IniFormat);
        QCOMPARE(again.value(QStringLiteral("kiosk/large_text")).toBool(), after.largeText);
        QVERIFY(!again.contains(QStringLiteral("log/retention_days")));
        QVERIFY(!again.contains(QStringLiteral("venue/id")));
    }
};

QTEST_MAIN(TestKioskSettingsFile)
#include "tst_kiosksettingsfile.moc"
