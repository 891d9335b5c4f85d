// Key escrow (core/crypto/KeyEscrow): the terminal's keys sealed to a certificate as CMS
// AuthEnvelopedData. Certificates made by the openssl program (RSA and EC recipients); opened
// only with the matching key; an altered byte, another recipient or non-CMS bytes are named.
#include "crypto/KeyEscrow.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;

class TestKeyEscrow : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QByteArray file(const QString& name) const {
        QFile f(m_dir.filePath(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool makeCertificate(const QString& name, const QStringList& keyArgs) const {
        QProcess p;
        p.start(QStringLiteral("openssl"),
                QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + keyArgs +
                    QStringList{QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                                QStringLiteral("-subj"), QStringLiteral("/CN=") + name,
                                QStringLiteral("-keyout"), m_dir.filePath(name + QStringLiteral(".key")),
                                QStringLiteral("-out"), m_dir.filePath(name + QStringLiteral(".pem"))});
        return p.waitForFinished(60000) && p.exitCode() == 0;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                             QStringLiteral("ec_paramgen_curve:P-256")};
        QVERIFY(makeCertificate(QStringLiteral("police"), ec));
        QVERIFY(makeCertificate(QStringLiteral("other"), ec));
        QVERIFY(makeCertificate(QStringLiteral("supplier-rsa"),
                                {QStringLiteral("-newkey"), QStringLiteral("rsa:2048")}));
    }

    void sealedOpensOnlyForItsRecipient_data() {
        QTest::addColumn<QString>("who");
        QTest::newRow("EC (ECDH key agreement)") << QStringLiteral("police");
        QTest::newRow("RSA (key transport)") << QStringLiteral("supplier-rsa");
    }
    void sealedOpensOnlyForItsRecipient() {
        QFETCH(QString, who);
        const QByteArray secret = QByteArray("field key ") + QByteArray(200, '\x5a') + QByteArray(1, '\0');
        auto sealed = sealToCertificate(secret, file(who + QStringLiteral(".pem")));
        QVERIFY2(sealed, sealed ? "" : qPrintable(sealed.error().text()));
        QVERIFY(!sealed->contains(QByteArray(200, '\x5a')));
        auto opened =
            openSealed(*sealed, file(who + QStringLiteral(".pem")), file(who + QStringLiteral(".key")));
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().text()));
        QCOMPARE(*opened, secret);

        // Another recipient's key, with its own certificate: not for it.
        auto other =
            openSealed(*sealed, file(QStringLiteral("other.pem")), file(QStringLiteral("other.key")));
        QVERIFY(!other);
        QCOMPARE(other.error().error, EscrowError::WrongKey);
        // A key that is not the certificate's.
        auto mismatched =
            openSealed(*sealed, file(who + QStringLiteral(".pem")), file(QStringLiteral("other.key")));
        QVERIFY(!mismatched);
        QCOMPARE(mismatched.error().error, EscrowError::KeyInvalid);
        // Any byte of the last 64 altered (the encrypted content and its tag): refused.
        for (qsizetype i = sealed->size() - 64; i < sealed->size(); i += 7) {
            QByteArray altered = *sealed;
            altered[i] = char(altered[i] ^ 0x20);
            auto r =
                openSealed(altered, file(who + QStringLiteral(".pem")), file(who + QStringLiteral(".key")));
            QVERIFY2(!r || *r != secret, qPrintable(QString::number(i)));
        }
    }

    void badInputIsNamed() {
        const QByteArray cert = file(QStringLiteral("police.pem")), key = file(QStringLiteral("police.key"));
        QCOMPARE(sealToCertificate("x", "not a certificate").error().error, EscrowError::CertificateInvalid);
        QCOMPARE(sealToCertificate(QByteArray(kMaxEscrowBytes + 1, 'x'), cert).error().error,
                 EscrowError::TooLarge);
        QCOMPARE(openSealed("", cert, key).error().error, EscrowError::NotEscrow);
        QCOMPARE(openSealed(QByteArray(300, '\x30'), cert, key).error().error, EscrowError::NotEscrow);
        QCOMPARE(openSealed("x", cert, "not a key").error().error, EscrowError::KeyInvalid);
        auto sealed = sealToCertificate("secret", cert);
        QVERIFY(sealed);
        QCOMPARE(openSealed(*sealed + "trailing", cert, key).error().error, EscrowError::NotEscrow);
        QCOMPARE(openSealed(sealed->left(sealed->size() / 2), cert, key).error().error,
                 EscrowError::NotEscrow);
        QCOMPARE(escrowErrorName(EscrowError::WrongKey), QStringLiteral("escrow_wrong_key"));
    }
};

QTEST_GUILESS_MAIN(TestKeyEscrow)
#include "tst_keyescrow.moc"
