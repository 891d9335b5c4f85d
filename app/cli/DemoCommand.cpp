#include "Commands.h"

#include "cose/CoseSign1.h"
#include "credential/Masking.h"
#include "credential/Presentation.h"
#include "credential/QrPayload.h"

#include <cstdio>

namespace lz::clicmd {

// Shows the verdicts a desk will see: every demo holder valid, then the attacks a copied or
// edited code amounts to, each rejected with its named reason.
int demo(Terminal& terminal) {
    const demo::DemoKit* kit = terminal.demoKit();
    const qint64 now = terminal.clock().now();
    struct Scenario {
        QString name;
        QString text;
        QString expect; // "valid" or a reason name
    };
    QList<Scenario> scenarios;
    for (const auto& h : kit->holders())
        scenarios.append({QStringLiteral("holder %1 shows a fresh code").arg(h.label),
                          qr::encode(Presentation::make(h.credential, now).sign(h.deviceKey)),
                          QStringLiteral("valid")});
    const demo::Holder& first = kit->holders().first();
    scenarios.append(
        {QStringLiteral("the same code scanned again"), scenarios.first().text, QStringLiteral("replayed")});
    scenarios.append({QStringLiteral("a screenshot from 6 minutes ago"),
                      qr::encode(Presentation::make(first.credential, now - 360).sign(first.deviceKey)),
                      QStringLiteral("presentation_expired")});
    scenarios.append(
        {QStringLiteral("a copied credential shown from another phone"),
         qr::encode(Presentation::make(first.credential, now).sign(PrivateKey::generate(Algorithm::ES256))),
         QStringLiteral("bad_holder_signature")});
    CoseSign1 edited = *CoseSign1::decode(first.credential);
    edited.payload.replace(QByteArray("张伟"), QByteArray("张三"));
    scenarios.append({QStringLiteral("a credential whose name was edited"),
                      qr::encode(Presentation::make(edited.encode(), now).sign(first.deviceKey)),
                      QStringLiteral("bad_issuer_signature")});
    scenarios.append({QStringLiteral("a code from a newer format"),
                      QStringLiteral("LZ2:") + scenarios.first().text.mid(4),
                      QStringLiteral("unsupported_version")});
    scenarios.append({QStringLiteral("a payment QR code"), QStringLiteral("https://qr.alipay.com/fkx12345"),
                      QStringLiteral("malformed")});

    bool allAsExpected = true;
    for (const Scenario& s : scenarios) {
        const VerificationResult r = terminal.verifier().verifyQrText(s.text);
        QJsonObject o = r.toJson();
        o.insert(QStringLiteral("scenario"), s.name);
        const QString got = r.valid ? QStringLiteral("valid") : reasonName(r.reason);
        o.insert(QStringLiteral("as_expected"), got == s.expect);
        allAsExpected = allAsExpected && got == s.expect;
        cli::printJson(o);
        // A line for people on stderr; stdout stays one JSON object per line for scripts.
        const QString who =
            r.identity ? QStringLiteral("  %1 %2").arg(masking::name(r.identity->name),
                                                       masking::documentNumber(r.identity->documentNumber))
                       : QString();
        std::fprintf(stderr, "%s %-26s %s%s (%.0f us)\n", got == s.expect ? "ok  " : "FAIL", qPrintable(got),
                     qPrintable(s.name), qPrintable(who), double(r.timings.totalNs) / 1000.0);
    }
    return allAsExpected ? cli::kExitOk : cli::kExitRejected;
}

} // namespace lz::clicmd
