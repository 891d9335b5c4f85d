#include "Commands.h"

#include <QJsonArray>

namespace lz::clicmd {

int trustStatus(Terminal& terminal) {
    const auto list = terminal.trust().current();
    QJsonObject out;
    out.insert(QStringLiteral("installed"), bool(list));
    if (!list) {
        out.insert(QStringLiteral("state"), QStringLiteral("none"));
        cli::printJson(out);
        return cli::kExitRejected;
    }
    const qint64 now = terminal.clock().now();
    const VerifierPolicy& policy = terminal.config().policy;
    const qint64 age = now - list->issuedAt;
    const QString state = age > policy.maxOfflineAge ? QStringLiteral("expired")
                          : now > list->nextUpdate   ? QStringLiteral("stale")
                                                     : QStringLiteral("fresh");
    out.insert(QStringLiteral("state"), state);
    out.insert(QStringLiteral("sequence"), qint64(list->sequence));
    out.insert(QStringLiteral("issued_at"), list->issuedAt);
    out.insert(QStringLiteral("next_update"), list->nextUpdate);
    out.insert(QStringLiteral("age_seconds"), age);
    out.insert(QStringLiteral("expires_offline_at"), list->issuedAt + policy.maxOfflineAge);
    out.insert(QStringLiteral("demo"), list->demo);
    QJsonArray issuers;
    for (const IssuerKey& k : list->issuers)
        issuers.append(
            QJsonObject{{QStringLiteral("kid"), QString::fromUtf8(k.kid)},
                        {QStringLiteral("code"), k.issuer},
                        {QStringLiteral("name"), k.name},
                        {QStringLiteral("alg"), algorithmName(k.key.algorithm())},
                        {QStringLiteral("not_before"), k.notBefore},
                        {QStringLiteral("not_after"), k.notAfter},
                        {QStringLiteral("fingerprint"), QString::fromLatin1(k.key.fingerprint().toHex())}});
    out.insert(QStringLiteral("issuers"), issuers);
    out.insert(QStringLiteral("revoked"), qint64(list->revocationCount()));
    out.insert(QStringLiteral("csca_certificates"), list->cscaCertificates.size());
    cli::printJson(out);
    return state == QLatin1String("expired") ? cli::kExitRejected : cli::kExitOk;
}

int trustInstall(Terminal& terminal, const QString& file) {
    auto bytes = cli::readFile(file);
    if (!bytes)
        return cli::fail(bytes.error());
    auto seq = terminal.trust().install(*bytes);
    if (!seq) {
        cli::printJson({{QStringLiteral("installed"), false}, {QStringLiteral("error"), seq.error().text()}});
        return cli::kExitRejected;
    }
    cli::printJson({{QStringLiteral("installed"), true}, {QStringLiteral("sequence"), qint64(*seq)}});
    return cli::kExitOk;
}

} // namespace lz::clicmd
