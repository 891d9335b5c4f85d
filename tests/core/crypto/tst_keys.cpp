// Keys: PEM and COSE_Key round trips, point compression, and SM2 with the distinguishing id
// cross-checked against the openssl command line (an independent use of the same library
// through another code path: pkeyutl with distid).
#include "crypto/Keys.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/ecdsa.h>

using namespace lz;

namespace {
QByteArray rawToDer(const QByteArray& raw) {
    ECDSA_SIG* sig = ECDSA_SIG_new();
    ECDSA_SIG_set0(sig, BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.constData()), 32, nullptr),
                   BN_bin2bn(reinterpret_cast<const unsigned char*>(raw.constData()) + 32, 32, nullptr));
    unsigned char* der = nullptr;
    const int len = i2d_ECDSA_SIG(sig, &der);
    QByteArray out(reinterpret_cast<const char*>(der), len);
    OPENSSL_free(der);
    ECDSA_SIG_free(sig);
    return out;
}

QByteArray derToRaw(const QByteArray& der) {
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, long(der.size()));
    QByteArray out(64, '\0');
    BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char*>(out.data()), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char*>(out.data()) + 32, 32);
    ECDSA_SIG_free(sig);
    return out;
}

bool write(const QString& path, const QByteArray& data) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

int openssl(const QStringList& args) {
    QProcess p;
    p.start(QStringLiteral("openssl"), args);
    p.waitForFinished(20000);
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}
} // namespace

class TestKeys : public QObject {
    Q_OBJECT
private slots:
    void pemRoundTrip_data() {
        QTest::addColumn<int>("alg");
        QTest::newRow("ES256") << int(Algorithm::ES256);
        QTest::newRow("EdDSA") << int(Algorithm::EdDSA);
        QTest::newRow("SM2") << int(Algorithm::SM2);
    }
    void pemRoundTrip() {
        QFETCH(int, alg);
        const PrivateKey k = PrivateKey::generate(Algorithm(alg));
        QVERIFY(!k.isNull());
        const auto back = PrivateKey::fromPem(k.toPem());
        QVERIFY(back.hasValue());
        QCOMPARE(int(back->algorithm()), alg);
        const auto pub = PublicKey::fromPem(k.publicKey().toPem());
        QVERIFY(pub.hasValue());
        QCOMPARE(int(pub->algorithm()), alg);
        const QByteArray sig = back->sign("message");
        QVERIFY(pub->verify("message", sig));
        QVERIFY(!pub->verify("messagE", sig));
        QCOMPARE(pub->fingerprint(), k.publicKey().fingerprint());
    }
    void coseKeyRoundTrip_data() { pemRoundTrip_data(); }
    void coseKeyRoundTrip() {
        QFETCH(int, alg);
        const PrivateKey k = PrivateKey::generate(Algorithm(alg));
        for (bool compressed : {true, false}) {
            const QCborMap cose = k.publicKey().toCoseKey(compressed);
            const auto back = PublicKey::fromCoseKey(cose);
            QVERIFY2(back.hasValue(), qPrintable(back.hasValue() ? QString() : back.error()));
            QVERIFY(back->verify("m", k.sign("m")));
            QCOMPARE(back->fingerprint(), k.publicKey().fingerprint());
        }
    }
    void coseKeyRejectsBadInput_data() {
        QTest::addColumn<QCborMap>("key");
        const QByteArray x(32, '\x11');
        QTest::newRow("no kty") << QCborMap{{-1, 1}, {-2, x}, {-3, true}};
        QTest::newRow("unknown kty") << QCborMap{{1, 9}, {-1, 1}, {-2, x}, {-3, true}};
        QTest::newRow("unknown curve") << QCborMap{{1, 2}, {-1, 7}, {-2, x}, {-3, true}};
        QTest::newRow("short x") << QCborMap{{1, 2}, {-1, 1}, {-2, QByteArray(31, 'a')}, {-3, true}};
        QTest::newRow("y of wrong type") << QCborMap{{1, 2}, {-1, 1}, {-2, x}, {-3, 5}};
        QTest::newRow("point not on curve")
            << QCborMap{{1, 2}, {-1, 1}, {-2, x}, {-3, QByteArray(32, '\x22')}};
        QTest::newRow("OKP with P-256 curve") << QCborMap{{1, 1}, {-1, 1}, {-2, x}};
        // fuzz_cose_cwt: a float kty used to reach QCborValue::toInteger (undefined for -1.3e19).
        QTest::newRow("float kty") << QCborMap{{1, -1.34e19}, {-1, 1}, {-2, x}, {-3, true}};
        QTest::newRow("float crv") << QCborMap{{1, 2}, {-1, 1.0e300}, {-2, x}, {-3, true}};
    }
    void coseKeyRejectsBadInput() {
        QFETCH(QCborMap, key);
        QVERIFY(!PublicKey::fromCoseKey(key).hasValue());
    }
    void garbagePemIsAnError() {
        QVERIFY(!PrivateKey::fromPem("-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n")
                     .hasValue());
        QVERIFY(!PublicKey::fromPem("hello").hasValue());
    }
    void wrongSizeSignatureIsRejected() {
        const PrivateKey k = PrivateKey::generate(Algorithm::ES256);
        QByteArray sig = k.sign("m");
        QVERIFY(!k.publicKey().verify("m", sig.left(63)));
        QVERIFY(!k.publicKey().verify("m", sig + "x"));
        QVERIFY(!k.publicKey().verify("m", QByteArray(64, '\0')));
    }
    void sm2InteroperatesWithOpensslCli() {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QSKIP("openssl command not installed");
        QTemporaryDir dir;
        const PrivateKey k = PrivateKey::generate(Algorithm::SM2);
        const QString pub = dir.filePath(QStringLiteral("pub.pem")),
                      priv = dir.filePath(QStringLiteral("key.pem"));
        const QString msg = dir.filePath(QStringLiteral("msg")), sig = dir.filePath(QStringLiteral("sig"));
        QVERIFY(write(pub, k.publicKey().toPem()) && write(priv, k.toPem()) && write(msg, "abc"));
        const QStringList verifyArgs{QStringLiteral("pkeyutl"),
                                     QStringLiteral("-verify"),
                                     QStringLiteral("-pubin"),
                                     QStringLiteral("-inkey"),
                                     pub,
                                     QStringLiteral("-rawin"),
                                     QStringLiteral("-digest"),
                                     QStringLiteral("sm3"),
                                     QStringLiteral("-in"),
                                     msg,
                                     QStringLiteral("-sigfile"),
                                     sig,
                                     QStringLiteral("-pkeyopt")};
        // Our signature verifies with openssl using id 1234567812345678, and not with another id.
        QVERIFY(write(sig, rawToDer(k.sign("abc"))));
        QCOMPARE(openssl(verifyArgs + QStringList{QStringLiteral("distid:1234567812345678")}), 0);
        QVERIFY(openssl(verifyArgs + QStringList{QStringLiteral("distid:8765432187654321")}) != 0);
        // openssl's signature with that id verifies with ours.
        QCOMPARE(openssl({QStringLiteral("pkeyutl"), QStringLiteral("-sign"), QStringLiteral("-inkey"), priv,
                          QStringLiteral("-rawin"), QStringLiteral("-digest"), QStringLiteral("sm3"),
                          QStringLiteral("-in"), msg, QStringLiteral("-out"), sig, QStringLiteral("-pkeyopt"),
                          QStringLiteral("distid:1234567812345678")}),
                 0);
        QFile f(sig);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(k.publicKey().verify("abc", derToRaw(f.readAll())));
    }
};

QTEST_APPLESS_MAIN(TestKeys)
#include "tst_keys.moc"
