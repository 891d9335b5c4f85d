#include "Commands.h"

#include "codec/Cbor.h"
#include "cose/CoseSign1.h"
#include "credential/Credential.h"
#include "credential/IdentityJson.h"
#include "credential/Presentation.h"
#include "credential/QrPayload.h"

#include <QJsonArray>

namespace lz::clicmd {
namespace {

QJsonObject headers(const CoseSign1& s) {
    QJsonObject h;
    if (const auto alg = s.algorithmId()) {
        const auto known = algorithmFromCoseId(*alg);
        h.insert(QStringLiteral("alg"), known ? algorithmName(*known) : QString::number(*alg));
    }
    if (!s.keyId().isEmpty())
        h.insert(QStringLiteral("kid"), QString::fromUtf8(s.keyId()));
    h.insert(QStringLiteral("signature_bytes"), s.signature.size());
    return h;
}

} // namespace

int inspect(const cli::Options& o) {
    const bool unmasked = o.has(QStringLiteral("--unmasked"));
    const QStringList words = o.positional();
    QString text = words.value(1, QStringLiteral("-"));
    if (text == QLatin1String("-")) {
        auto data = cli::readFile(QStringLiteral("-"));
        if (!data)
            return cli::fail(data.error());
        text = QString::fromUtf8(data->trimmed());
    }
    QJsonObject out;
    out.insert(QStringLiteral("characters"), text.size());
    auto fail = [&](const QString& stage, const QString& error) {
        out.insert(QStringLiteral("error"),
                   QJsonObject{{QStringLiteral("stage"), stage}, {QStringLiteral("detail"), error}});
        cli::printJson(out, true);
        return cli::kExitRejected;
    };
    auto bytes = qr::decode(text);
    if (!bytes)
        return fail(QStringLiteral("qr"), bytes.error().detail);
    out.insert(QStringLiteral("cose_bytes"), bytes->size());
    auto pe = CoseSign1::decode(*bytes, CoseSign1::KidRule::Forbidden);
    if (!pe)
        return fail(QStringLiteral("presentation"), pe.error());
    QJsonObject pres{{QStringLiteral("protected"), headers(*pe)}};
    auto p = Presentation::fromClaims(pe->payload);
    if (!p) {
        out.insert(QStringLiteral("presentation"), pres);
        return fail(QStringLiteral("presentation claims"), p.error());
    }
    pres.insert(QStringLiteral("iat"), p->issuedAt);
    pres.insert(QStringLiteral("exp"), p->expiresAt);
    pres.insert(QStringLiteral("jti"), QString::fromLatin1(p->jti.toHex()));
    if (!p->nonce.isEmpty())
        pres.insert(QStringLiteral("nonce"), QString::fromLatin1(p->nonce.toHex()));
    if (!p->audience.isEmpty())
        pres.insert(QStringLiteral("aud"), p->audience);
    out.insert(QStringLiteral("presentation"), pres);
    auto ce = CoseSign1::decode(p->credential);
    if (!ce)
        return fail(QStringLiteral("credential"), ce.error());
    QJsonObject cred{{QStringLiteral("protected"), headers(*ce)}};
    auto c = Credential::fromClaims(ce->payload);
    if (!c) {
        out.insert(QStringLiteral("credential"), cred);
        return fail(QStringLiteral("credential claims"), c.error());
    }
    cred.insert(QStringLiteral("iss"), c->issuer);
    cred.insert(QStringLiteral("cti"), QString::fromLatin1(c->id.toHex()));
    cred.insert(QStringLiteral("iat"), c->issuedAt);
    cred.insert(QStringLiteral("nbf"), c->notBefore);
    cred.insert(QStringLiteral("exp"), c->expiresAt);
    cred.insert(QStringLiteral("cnf"),
                QJsonObject{{QStringLiteral("alg"), algorithmName(c->holderKey.algorithm())},
                            {QStringLiteral("fingerprint"),
                             QString::fromLatin1(c->holderKey.fingerprint().toHex())}});
    cred.insert(QStringLiteral("document"),
                identityToDisplayJson(c->identity, unmasked, QDate::currentDate()));
    out.insert(QStringLiteral("credential"), cred);
    cli::printJson(out, true);
    return cli::kExitOk;
}

} // namespace lz::clicmd
