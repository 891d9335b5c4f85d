// The terminal's TLS identity at enrolment (core/crypto/TerminalCertificate): the request made
// on the machine is one a CA signs (here the openssl program as the police's terminal CA), and
// the certificate that comes back is taken only for this key, this terminal, its validity and
// TLS client use.
#include "crypto/TerminalCertificate.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace lz;

class TestTerminalCertificate : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    TerminalRequest m_request;

    QString path(const QString& name) const { return m_dir.filePath(name); }
    QByteArray read(const QString& name) const {
        QFile f(path(name));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool write(const QString& name, const QByteArray& bytes) const {
        QFile f(path(name));
        return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
    }
    bool openssl(const QStringList& args) const {
        QProcess p;
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(60000) && p.exitCode() == 0;
    }
    // The CA signs `csr` with `usage` as its extended key usage (empty: none).
    QByteArray sign(const QString& csr, const QByteArray& usage) const {
        const QString out = csr + QStringLiteral(".signed.pem");
        QStringList args{QStringLiteral("x509"),        QStringLiteral("-req"),
                         QStringLiteral("-in"),         path(csr),
                         QStringLiteral("-CA"),         path("ca.pem"),
                         QStringLiteral("-CAkey"),      path("ca.key"),
                         QStringLiteral("-set_serial"), QStringLiteral("7"),
                         QStringLiteral("-days"),       QStringLiteral("30"),
                         QStringLiteral("-out"),        path(out)};
        if (!usage.isEmpty()) {
            write(QStringLiteral("ext.cnf"), "extendedKeyUsage=" + usage + "\n");
            args << QStringLiteral("-extfile") << path("ext.cnf");
        }
        return openssl(args) ? read(out) : QByteArray();
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                         QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                         QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                         QStringLiteral("/CN=police terminal CA"), QStringLiteral("-keyout"), path("ca.key"),
                         QStringLiteral("-out"), path("ca.pem")}));
        auto request = makeTerminalRequest(QStringLiteral("T-12"), QStringLiteral("V-CAFE-1"));
        QVERIFY2(request, request ? "" : qPrintable(request.error().text()));
        m_request = *request;
        QVERIFY(m_request.keyPem.contains("PRIVATE KEY"));
        QVERIFY(write(QStringLiteral("t12.csr"), m_request.csrPem));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-verify"), QStringLiteral("-noout"),
                         QStringLiteral("-in"), path("t12.csr")})); // signed by its own key
    }

    void theSignedCertificateIsTaken() {
        const QByteArray cert = sign(QStringLiteral("t12.csr"), "clientAuth");
        QVERIFY(!cert.isEmpty());
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        auto info = checkTerminalCertificate(cert, m_request.keyPem, QStringLiteral("T-12"), now);
        QVERIFY2(info, info ? "" : qPrintable(info.error().text()));
        QCOMPARE(info->commonName, QStringLiteral("T-12"));
        QCOMPARE(info->issuer, QStringLiteral("police terminal CA"));
        QVERIFY(info->notBeforeS <= now && info->notAfterS > now + 29 * 86400);
        QCOMPARE(info->sha256.size(), 32);
        // Certificates signed after `now` was read start at a later second (a loaded machine signs
        // slowly): they are checked an hour into their validity, never at its edge.
        const qint64 inside = QDateTime::currentSecsSinceEpoch() + 3600;
        QVERIFY(checkTerminalCertificate(sign(QStringLiteral("t12.csr"), {}), m_request.keyPem,
                                         QStringLiteral("T-12"), inside));

        auto when = [&](qint64 t) {
            return checkTerminalCertificate(cert, m_request.keyPem, QStringLiteral("T-12"), t).error().error;
        };
        QCOMPARE(when(info->notAfterS + 1), CertificateError::Expired);
        QCOMPARE(when(info->notBeforeS - 1), CertificateError::NotYetValid);
        QCOMPARE(checkTerminalCertificate(cert, m_request.keyPem, QStringLiteral("T-13"), now).error().error,
                 CertificateError::WrongTerminal);
        auto other = makeTerminalRequest(QStringLiteral("T-12"), {});
        QVERIFY(other);
        QCOMPARE(checkTerminalCertificate(cert, other->keyPem, QStringLiteral("T-12"), now).error().error,
                 CertificateError::KeyMismatch);
        QCOMPARE(checkTerminalCertificate(sign(QStringLiteral("t12.csr"), "serverAuth"), m_request.keyPem,
                                          QStringLiteral("T-12"), inside)
                     .error()
                     .error,
                 CertificateError::NoClientAuth);
    }

    void badInputIsNamed() {
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (const QByteArray& bad :
             {QByteArray(), QByteArray("junk"), m_request.csrPem, m_request.keyPem,
              QByteArray("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")})
            QCOMPARE(
                checkTerminalCertificate(bad, m_request.keyPem, QStringLiteral("T-12"), now).error().error,
                CertificateError::Invalid);
        QCOMPARE(makeTerminalRequest({}, {}).error().error, CertificateError::KeyFailed);
        QCOMPARE(certificateErrorName(CertificateError::KeyMismatch),
                 QStringLiteral("certificate_key_mismatch"));
    }
};

QTEST_GUILESS_MAIN(TestTerminalCertificate)
#include "tst_terminalcertificate.moc"
