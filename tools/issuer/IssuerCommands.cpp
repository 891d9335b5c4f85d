#include "issuer/IssuerCommands.h"

#include "credential/Credential.h"
#include "credential/IdentityJson.h"
#include "crypto/Digest.h"
#include "trust/TrustList.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

namespace lz::issuer {
namespace {

constexpr qint64 kDay = 86400;

Expected<PrivateKey> loadPrivate(const QString& path) {
    auto pem = cli::readFile(path);
    if (!pem)
        return unexpected(pem.error());
    auto key = PrivateKey::fromPem(*pem);
    if (!key)
        return unexpected(QStringLiteral("%1: %2").arg(path, key.error()));
    return key;
}

Expected<PublicKey> loadPublic(const QString& path) {
    auto pem = cli::readFile(path);
    if (!pem)
        return unexpected(pem.error());
    auto key = PublicKey::fromPem(*pem);
    if (!key) // a private key file also gives its public key
        if (auto priv = PrivateKey::fromPem(*pem))
            return priv->publicKey();
    if (!key)
        return unexpected(QStringLiteral("%1: %2").arg(path, key.error()));
    return key;
}

QByteArray randomSerial() {
    QByteArray s(8, '\0');
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(s.data()), 2);
    return s;
}

// Reads the trust-list spec's revocations: {"CODE": ["hex16", ...]} and/or
// "revoked_files": {"CODE": "file with one hex serial per line"}.
Expected<void> addRevocations(const QJsonObject& spec, const QDir& base, TrustList& list) {
    const QJsonObject revoked = spec.value(QLatin1String("revoked")).toObject();
    for (auto it = revoked.begin(); it != revoked.end(); ++it) {
        QByteArray& serials = list.revokedSerials[it.key()];
        for (const QJsonValue& v : it.value().toArray()) {
            const QByteArray s = QByteArray::fromHex(v.toString().toLatin1());
            if (s.size() != 8)
                return unexpected(QStringLiteral("revoked serial %1 is not 16 hex digits").arg(v.toString()));
            serials += s;
        }
    }
    const QJsonObject files = spec.value(QLatin1String("revoked_files")).toObject();
    for (auto it = files.begin(); it != files.end(); ++it) {
        auto data = cli::readFile(base.filePath(it.value().toString()));
        if (!data)
            return unexpected(data.error());
        QByteArray& serials = list.revokedSerials[it.key()];
        for (const QByteArray& line : data->split('\n')) {
            const QByteArray t = line.trimmed();
            if (t.isEmpty() || t.startsWith('#'))
                continue;
            const QByteArray s = QByteArray::fromHex(t);
            if (s.size() != 8)
                return unexpected(
                    QStringLiteral("revoked serial %1 is not 16 hex digits").arg(QString::fromLatin1(t)));
            serials += s;
        }
    }
    return {};
}

} // namespace

int keygen(const cli::Options& o) {
    const auto alg = algorithmFromName(o.value(QStringLiteral("--alg"), QStringLiteral("ES256")));
    const QString out = o.value(QStringLiteral("--out"));
    if (!alg || out.isEmpty())
        return cli::fail(QStringLiteral("keygen needs --alg ES256|EdDSA|SM2 and --out FILE"));
    const PrivateKey key = PrivateKey::generate(*alg);
    auto w = cli::writeFile(out, key.toPem(), true);
    if (!w)
        return cli::fail(w.error());
    if (o.has(QStringLiteral("--pub"))) {
        auto p = cli::writeFile(o.value(QStringLiteral("--pub")), key.publicKey().toPem());
        if (!p)
            return cli::fail(p.error());
    }
    cli::printJson(
        {{QStringLiteral("algorithm"), algorithmName(*alg)},
         {QStringLiteral("fingerprint"), QString::fromLatin1(key.publicKey().fingerprint().toHex())}});
    return cli::kExitOk;
}

int publicKey(const cli::Options& o) {
    auto key = loadPublic(o.value(QStringLiteral("--key")));
    if (!key)
        return cli::fail(key.error());
    const QString out = o.value(QStringLiteral("--out"), QStringLiteral("-"));
    if (out == QLatin1String("-")) {
        std::fwrite(key->toPem().constData(), 1, size_t(key->toPem().size()), stdout);
        return cli::kExitOk;
    }
    auto w = cli::writeFile(out, key->toPem());
    return w ? cli::kExitOk : cli::fail(w.error());
}

int issue(const cli::Options& o) {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto issuerKey = loadPrivate(o.value(QStringLiteral("--issuer-key")));
    if (!issuerKey)
        return cli::fail(issuerKey.error());
    auto device = loadPublic(o.value(QStringLiteral("--device-pub")));
    if (!device)
        return cli::fail(device.error());
    auto idJson = cli::readFile(o.value(QStringLiteral("--identity")));
    if (!idJson)
        return cli::fail(idJson.error());
    auto identity = identityFromJson(QJsonDocument::fromJson(*idJson).object());
    if (!identity)
        return cli::fail(identity.error());
    const QString kid = o.value(QStringLiteral("--kid")), iss = o.value(QStringLiteral("--iss"));
    const QString out = o.value(QStringLiteral("--out"));
    if (kid.isEmpty() || iss.isEmpty() || out.isEmpty())
        return cli::fail(QStringLiteral("issue needs --kid, --iss and --out"));
    auto at = cli::parseTime(o.value(QStringLiteral("--at")), now);
    if (!at)
        return cli::fail(at.error());
    auto nbf = cli::parseTime(o.value(QStringLiteral("--not-before")), *at);
    if (!nbf)
        return cli::fail(nbf.error());
    Credential c;
    c.issuer = iss;
    c.id = o.has(QStringLiteral("--serial"))
               ? QByteArray::fromHex(o.value(QStringLiteral("--serial")).toLatin1())
               : randomSerial();
    if (c.id.size() != 8)
        return cli::fail(QStringLiteral("--serial must be 16 hex digits"));
    c.issuedAt = *at;
    c.notBefore = *nbf;
    c.expiresAt = *nbf + o.value(QStringLiteral("--valid-days"), QStringLiteral("1825")).toLongLong() * kDay;
    c.holderKey = *device;
    c.identity = *identity;
    if (o.has(QStringLiteral("--portrait"))) {
        // The holder's portrait stays on the phone; the credential signs only its hash.
        auto portrait = cli::readFile(o.value(QStringLiteral("--portrait")));
        if (!portrait)
            return cli::fail(portrait.error());
        if (portrait->isEmpty() || portrait->size() > 16 * 1024)
            return cli::fail(QStringLiteral("--portrait must be a JPEG of 1..16384 bytes"));
        c.portraitHash = sha256({*portrait});
    }
    auto w = cli::writeFile(out, c.issue(*issuerKey, kid.toUtf8()));
    if (!w)
        return cli::fail(w.error());
    cli::printJson({{QStringLiteral("serial"), QString::fromLatin1(c.id.toHex())},
                    {QStringLiteral("issuer"), iss},
                    {QStringLiteral("expires_at"), c.expiresAt}});
    return cli::kExitOk;
}

int trustList(const cli::Options& o) {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto anchor = loadPrivate(o.value(QStringLiteral("--anchor-key")));
    if (!anchor)
        return cli::fail(anchor.error());
    const QString specPath = o.value(QStringLiteral("--spec")), out = o.value(QStringLiteral("--out"));
    const QString anchorKid = o.value(QStringLiteral("--anchor-kid"));
    if (specPath.isEmpty() || out.isEmpty() || anchorKid.isEmpty())
        return cli::fail(QStringLiteral("trust-list needs --anchor-kid, --spec and --out"));
    auto specBytes = cli::readFile(specPath);
    if (!specBytes)
        return cli::fail(specBytes.error());
    const QJsonObject spec = QJsonDocument::fromJson(*specBytes).object();
    const QDir base = QFileInfo(specPath).absoluteDir();
    auto at = cli::parseTime(o.value(QStringLiteral("--at")), now);
    if (!at)
        return cli::fail(at.error());
    TrustList list;
    list.issuedAt = *at;
    list.sequence = o.value(QStringLiteral("--sequence"), QString::number(*at)).toULongLong();
    list.nextUpdate =
        *at + o.value(QStringLiteral("--next-update-hours"), QStringLiteral("24")).toLongLong() * 3600;
    list.demo = o.has(QStringLiteral("--demo")) || spec.value(QLatin1String("demo")).toBool();
    for (const QJsonValue& v : spec.value(QLatin1String("issuers")).toArray()) {
        const QJsonObject e = v.toObject();
        auto key = loadPublic(base.filePath(e.value(QLatin1String("public_key")).toString()));
        if (!key)
            return cli::fail(key.error());
        auto nb =
            cli::parseTime(e.value(QLatin1String("not_before")).toVariant().toString(), *at - 365 * kDay);
        auto na =
            cli::parseTime(e.value(QLatin1String("not_after")).toVariant().toString(), *at + 3650 * kDay);
        if (!nb || !na)
            return cli::fail(QStringLiteral("issuer validity: %1").arg(nb ? na.error() : nb.error()));
        list.issuers.append({e.value(QLatin1String("kid")).toString().toUtf8(),
                             e.value(QLatin1String("code")).toString(),
                             e.value(QLatin1String("name")).toString(), *key, *nb, *na});
    }
    auto revs = addRevocations(spec, base, list);
    if (!revs)
        return cli::fail(revs.error());
    // Synthetic revocations for load tests: --revoke-random N --revoke-issuer CODE.
    const qint64 randomCount = o.value(QStringLiteral("--revoke-random"), QStringLiteral("0")).toLongLong();
    if (randomCount > 0) {
        QByteArray& serials = list.revokedSerials[o.value(QStringLiteral("--revoke-issuer"))];
        const qsizetype start = serials.size();
        serials.resize(start + randomCount * 8);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(serials.data() + start),
                                              qsizetype(randomCount * 2));
    }
    for (const QJsonValue& v : spec.value(QLatin1String("csca")).toArray()) {
        auto der = cli::readFile(base.filePath(v.toString()));
        if (!der)
            return cli::fail(der.error());
        list.cscaCertificates.append(*der);
    }
    for (const QJsonValue& v : spec.value(QLatin1String("crls")).toArray()) {
        auto der = cli::readFile(base.filePath(v.toString()));
        if (!der)
            return cli::fail(der.error());
        list.cscaCrls.append(*der);
    }
    auto w = cli::writeFile(out, list.sign(*anchor, anchorKid.toUtf8()));
    if (!w)
        return cli::fail(w.error());
    qint64 revoked = 0;
    for (const auto& s : list.revokedSerials)
        revoked += s.size() / 8;
    cli::printJson({{QStringLiteral("sequence"), qint64(list.sequence)},
                    {QStringLiteral("issuers"), qint64(list.issuers.size())},
                    {QStringLiteral("revoked"), revoked},
                    {QStringLiteral("csca"), qint64(list.cscaCertificates.size())},
                    {QStringLiteral("demo"), list.demo}});
    return cli::kExitOk;
}

} // namespace lz::issuer
