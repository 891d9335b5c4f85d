// enrol …: the desk's enrolment steps for scripted roll-outs (docs/configuration.md "Enrolment"),
// the same settings the kiosk's enrolment screens write. Each step works on a terminal whose
// configuration is not complete yet, so none of them needs the full configuration:
//   enrol status
//   enrol venue --type TYPE --id VENUE_CODE [--name NAME]
//   enrol terminal --id TERMINAL_ID
//   enrol trust DIR            DIR (a USB stick) holds trust-list.cose and, when the defaults name
//                              no anchor, one anchor-KID.pub.pem (its fingerprint is printed)
//   enrol trust --from-gateway when the defaults name the anchor: the self-test's sync round
//                              fetches the list instead
//   enrol gateway --url URL --ca CA.pem DIR
//                              the gateway's address and CA; makes the terminal's key (kept here,
//                              pending until its certificate is imported) and writes its
//                              certificate signing request to DIR
//   enrol certificate FILE     the certificate the police's terminal CA signed for that request
//   enrol self-test            clock, trust list, gateway (one sync round), camera and readers;
//                              when all pass, enrolment is complete
// The staff PIN is `staff set-pin`. The steps themselves are app/common/EnrolmentSteps, which the
// kiosk's enrolment screens call too; this file only reads the command line and prints.
#include "Commands.h"
#include "common/Enrolment.h"
#include "common/EnrolmentSteps.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>

namespace lz::clicmd {

namespace {
QJsonObject statusJson(const EnrolmentStatus& st) {
    QJsonArray steps;
    for (const EnrolStepState& s : st.steps)
        steps.append(QJsonObject{{QStringLiteral("step"), enrolStepName(s.step)},
                                 {QStringLiteral("done"), s.done},
                                 {QStringLiteral("required"), s.required},
                                 {QStringLiteral("detail"), s.detail}});
    QJsonObject o{{QStringLiteral("complete"), st.complete()}, {QStringLiteral("steps"), steps}};
    if (const auto next = st.next())
        o.insert(QStringLiteral("next"), enrolStepName(*next));
    return o;
}

int failed(const enrol::Failure& f) {
    return cli::fail(f.text, f.rejected() ? cli::kExitRejected : cli::kExitUsage);
}

Expected<QByteArray> readSmall(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("%1: %2").arg(path, f.errorString()));
    if (f.size() > (4 << 20))
        return unexpected(QStringLiteral("%1 is too large").arg(path));
    return f.readAll();
}

QJsonObject selfTestJson(const enrol::SelfTestReport& report) {
    QJsonArray checks;
    for (const enrol::SelfTestCheck& c : report.checks)
        checks.append(QJsonObject{{QStringLiteral("check"), c.name},
                                  {QStringLiteral("ok"), c.ok},
                                  {QStringLiteral("required"), c.required},
                                  {QStringLiteral("detail"), c.detail}});
    return {{QStringLiteral("passed"), report.passed}, {QStringLiteral("checks"), checks}};
}
} // namespace

int enrol(const QString& configPath, const cli::Options& o) {
    const QStringList words = o.positional();
    const QString sub = words.value(1);
    auto opened = enrol::open(configPath);
    if (!opened)
        return failed(opened.error());
    const enrol::Paths& p = *opened;
    const auto status = [&] { return enrolmentStatus(configPath, QDateTime::currentSecsSinceEpoch()); };
    if (sub == QLatin1String("status") || sub.isEmpty()) {
        const EnrolmentStatus st = status();
        cli::printJson(statusJson(st));
        return st.complete() ? cli::kExitOk : cli::kExitRejected;
    }
    if (sub == QLatin1String("venue")) {
        const QString type = o.value(QStringLiteral("--type")), id = o.value(QStringLiteral("--id"));
        if (type.isEmpty() || id.trimmed().isEmpty())
            return cli::fail(QStringLiteral("usage: enrol venue --type hotel|internet_cafe|government_window|"
                                            "parcel_counter --id VENUE_CODE [--name NAME]"));
        const QString name = o.has(QStringLiteral("--name")) ? o.value(QStringLiteral("--name")) : QString();
        if (auto done = enrol::setVenue(p, type, id, name); !done)
            return cli::fail(done.error().text); // usage-like: the exit code scripts already know
    } else if (sub == QLatin1String("terminal")) {
        if (auto done = enrol::setTerminalId(p, o.value(QStringLiteral("--id"))); !done)
            return cli::fail(
                QStringLiteral("usage: enrol terminal --id TERMINAL_ID (%1)").arg(done.error().text));
    } else if (sub == QLatin1String("trust") && o.has(QStringLiteral("--from-gateway"))) {
        if (auto done = enrol::trustFromGateway(p); !done)
            return failed(done.error());
    } else if (sub == QLatin1String("trust") && words.size() == 3) {
        auto imported = enrol::importTrust(p, words.at(2));
        if (!imported)
            return failed(imported.error());
        QJsonObject out{{QStringLiteral("installed"), true},
                        {QStringLiteral("sequence"), qint64(imported->sequence)}};
        if (!imported->anchorFingerprint.isEmpty()) // compare with the supplier's letter
            out.insert(QStringLiteral("anchor_fingerprint"), imported->anchorFingerprint);
        cli::printJson(out);
        return cli::kExitOk;
    } else if (sub == QLatin1String("gateway") && words.size() == 3) {
        auto ca = readSmall(o.value(QStringLiteral("--ca")));
        if (!ca)
            return cli::fail(QStringLiteral("enrol_gateway: --ca: %1").arg(ca.error()));
        auto request = enrol::setGateway(p, o.value(QStringLiteral("--url")), *ca, words.at(2));
        if (!request)
            return cli::fail(request.error().text);
        cli::printJson({{QStringLiteral("request"), request->csrPath},
                        {QStringLiteral("terminal_id"), request->terminalId}});
        return cli::kExitOk;
    } else if (sub == QLatin1String("certificate") && words.size() == 3) {
        auto cert = readSmall(words.at(2));
        if (!cert)
            return cli::fail(cert.error());
        auto info = enrol::importCertificate(p, *cert);
        if (!info)
            return failed(info.error());
        cli::printJson({{QStringLiteral("imported"), true},
                        {QStringLiteral("subject"), info->commonName},
                        {QStringLiteral("issuer"), info->issuer},
                        {QStringLiteral("not_after"),
                         QDateTime::fromSecsSinceEpoch(info->notAfterS, Qt::UTC).toString(Qt::ISODate)},
                        {QStringLiteral("sha256"), QString::fromLatin1(info->sha256.toHex())}});
        return cli::kExitOk;
    } else if (sub == QLatin1String("self-test")) {
        const enrol::SelfTestReport report = enrol::selfTest(p);
        cli::printJson(selfTestJson(report));
        return report.passed ? cli::kExitOk : cli::kExitRejected;
    } else {
        return cli::fail(
            QStringLiteral("usage: enrol status | venue | terminal | trust DIR | trust --from-gateway | "
                           "gateway --url URL --ca CA.pem DIR | certificate FILE | self-test (see --help)"));
    }
    cli::printJson(statusJson(status()));
    return cli::kExitOk;
}

} // namespace lz::clicmd
