#include "sync/MutualTls.h"

#include <QFile>
#include <QSslKey>

namespace lz {

Expected<QSslConfiguration> mutualTls(const QString& certFile, const QString& keyFile,
                                      const QString& caFile) {
    QFile cert(certFile), key(keyFile);
    if (!cert.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("cannot read certificate %1").arg(certFile));
    if (!key.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("cannot read key %1").arg(keyFile));
    const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    const QByteArray keyPem = key.readAll();
    QSslKey privateKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (privateKey.isNull())
        privateKey = QSslKey(keyPem, QSsl::Rsa, QSsl::Pem);
    if (chain.isEmpty() || privateKey.isNull())
        return unexpected(QStringLiteral("certificate %1 or key %2 does not parse").arg(certFile, keyFile));
    const QList<QSslCertificate> cas = QSslCertificate::fromPath(caFile, QSsl::Pem);
    if (cas.isEmpty())
        return unexpected(QStringLiteral("no CA certificate in %1").arg(caFile));
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    c.setLocalCertificateChain(chain);
    c.setPrivateKey(privateKey);
    c.setCaCertificates(cas); // only this CA: a peer certified by anyone else is refused
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    c.setProtocol(QSsl::TlsV1_2OrLater);
    return c;
}

} // namespace lz
