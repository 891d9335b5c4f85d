#include "demo/DemoKit.h"

#include "credential/IdentityJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace lz::demo {
namespace {

QByteArray readResource(const QString& name) {
    QFile f(QStringLiteral(":/demo/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

Expected<PrivateKey> key(const QString& file) {
    auto k = PrivateKey::fromPem(readResource(file));
    if (!k)
        return unexpected(QStringLiteral("demo: %1: %2").arg(file, k.error()));
    return k;
}

constexpr qint64 kDay = 24 * 3600;

} // namespace

Expected<DemoKit> DemoKit::load(qint64 now) {
    const QJsonObject root =
        QJsonDocument::fromJson(readResource(QStringLiteral("identities.json"))).object();
    if (root.isEmpty())
        return unexpected(QStringLiteral("demo: embedded identities.json missing"));
    DemoKit kit;
    const QJsonObject anchor = root.value(QLatin1String("anchor")).toObject();
    auto anchorKey = key(anchor.value(QLatin1String("key")).toString());
    if (!anchorKey)
        return unexpected(anchorKey.error());
    kit.m_anchorKid = anchor.value(QLatin1String("kid")).toString().toUtf8();
    kit.m_anchorKey = *anchorKey;
    for (const QJsonValue& v : root.value(QLatin1String("issuers")).toArray()) {
        const QJsonObject o = v.toObject();
        auto k = key(o.value(QLatin1String("key")).toString());
        if (!k)
            return unexpected(k.error());
        IssuerKey entry{o.value(QLatin1String("kid")).toString().toUtf8(),
                        o.value(QLatin1String("code")).toString(),
                        o.value(QLatin1String("name")).toString(),
                        k->publicKey(),
                        now - 365 * kDay,
                        now + 10 * 365 * kDay};
        kit.m_issuers.append({entry, *k});
    }
    for (const QJsonValue& v : root.value(QLatin1String("holders")).toArray()) {
        const QJsonObject o = v.toObject();
        auto identity = identityFromJson(o.value(QLatin1String("identity")).toObject());
        auto device = key(o.value(QLatin1String("device_key")).toString());
        if (!identity || !device)
            return unexpected(identity ? device.error() : identity.error());
        const QByteArray issuerKid = o.value(QLatin1String("issuer")).toString().toUtf8();
        const DemoIssuer* issuer = nullptr;
        for (const auto& i : kit.m_issuers)
            if (i.entry.kid == issuerKid)
                issuer = &i;
        if (!issuer)
            return unexpected(QStringLiteral("demo: holder names an unknown issuer"));
        Credential c;
        c.issuer = issuer->entry.issuer;
        c.id = QByteArray(8, '\0');
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(c.id.data()), 2);
        c.issuedAt = now - 30 * kDay;
        c.notBefore = c.issuedAt;
        c.expiresAt = now + 5 * 365 * kDay;
        c.holderKey = device->publicKey();
        c.identity = *identity;
        kit.m_holders.append({o.value(QLatin1String("label")).toString(), *identity, *device,
                              c.issue(issuer->key, issuer->entry.kid)});
    }
    kit.m_cscaCertificate = readResource(QStringLiteral("demo-csca.cert.der"));
    kit.m_cscaKeyPem = readResource(QStringLiteral("demo-csca.key.pem"));
    if (kit.m_cscaCertificate.isEmpty() || kit.m_cscaKeyPem.isEmpty())
        return unexpected(QStringLiteral("demo: the demo CSCA is missing"));
    return kit;
}

QByteArray DemoKit::facePhoto(bool jpeg2000) {
    return readResource(jpeg2000 ? QStringLiteral("demo-face.jp2") : QStringLiteral("demo-face.jpg"));
}

QByteArray DemoKit::signTrustList(qint64 now, const QList<QByteArray>& revoked) const {
    TrustList list;
    list.sequence = quint64(now);
    list.issuedAt = now;
    list.nextUpdate = now + kDay;
    list.demo = true;
    for (const auto& i : m_issuers)
        list.issuers.append(i.entry);
    QByteArray serials;
    for (const auto& r : revoked)
        serials += r;
    if (!m_issuers.isEmpty())
        list.revokedSerials.insert(m_issuers.first().entry.issuer, serials);
    list.cscaCertificates.append(m_cscaCertificate);
    return list.sign(m_anchorKey, m_anchorKid);
}

} // namespace lz::demo
