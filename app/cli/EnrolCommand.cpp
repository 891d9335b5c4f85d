// enrol …: the desk's enrolment steps for scripted roll-outs (docs/configuration.md "Enrolment"),
// the same settings the kiosk's enrolment screens write. Each step works on a terminal whose
// configuration is not complete yet, so none of them needs the full configuration:
//   enrol status
//   enrol venue --type TYPE --id VENUE_CODE [--name NAME]
//   enrol terminal --id TERMINAL_ID
//   enrol trust DIR            DIR (a USB stick) holds trust-list.cose and, when the defaults name
//                              no anchor, one anchor-KID.pub.pem (its fingerprint is printed)
//   enrol gateway --url URL --ca CA.pem DIR
//                              the gateway's address and CA; makes the terminal's key (kept here)
//                              and writes its certificate signing request to DIR
//   enrol certificate FILE     the certificate the police's terminal CA signed for that request
//   enrol self-test            clock, trust list, gateway (one sync round), camera and readers;
//                              when all pass, enrolment is complete
// The staff PIN is `staff set-pin`.
#include "Commands.h"
#include "common/Enrolment.h"
#include "common/SettingsLayers.h"
#include "crypto/Keys.h"
#include "crypto/TerminalCertificate.h"
#include "sync/SyncClient.h"
#include "trust/TrustList.h"
#include "trust/TrustStore.h"
#include "util/DurableFile.h"
#include "verify/Clock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSettings>
#include <QSslCertificate>
#include <QUrl>

namespace lz::clicmd {

namespace {
struct Where {
    QString config, settings;
    QDir state;
};

Where where(const QString& configPath) {
    return {configPath, TerminalConfig::settingsPathFor(configPath),
            QDir(TerminalConfig::stateDirFor(configPath))};
}

// Writes `values` into the settings (never the defaults), and marks enrolment as started.
int writeSettings(const Where& w, const QList<std::pair<QString, QVariant>>& values,
                  const SystemClock& clock) {
    auto saved = editSettingsDurably(w.settings, [&](QSettings& s) {
        for (const auto& [key, value] : values)
            s.setValue(key, value);
        if (!s.contains(QLatin1String(kEnrolStartedKey)))
            s.setValue(QLatin1String(kEnrolStartedKey), clock.nowMs());
    });
    if (!saved)
        return cli::fail(saved.error().text());
    return cli::kExitOk;
}

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

Expected<QByteArray> readSmall(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("%1: %2").arg(path, f.errorString()));
    if (f.size() > (4 << 20))
        return unexpected(QStringLiteral("%1 is too large").arg(path));
    return f.readAll();
}

int enrolTrust(const Where& w, const QString& dir, const SystemClock& clock) {
    SettingsLayers s(w.config, w.settings);
    QStringList anchors = s.value(QStringLiteral("trust/anchors")).toStringList();
    anchors.removeAll(QString());
    QList<TrustAnchor> keys;
    QList<std::pair<QString, QVariant>> settings;
    QString fingerprint;
    if (anchors.isEmpty()) {
        // The roll-out's defaults name no anchor: the stick brings exactly one, anchor-KID.pub.pem.
        const QStringList found =
            QDir(dir).entryList({QStringLiteral("anchor-*.pub.pem")}, QDir::Files, QDir::Name);
        if (found.size() != 1)
            return cli::fail(QStringLiteral("enrol_trust: %1 must hold trust-list.cose and exactly one "
                                            "anchor-KID.pub.pem (found %2)")
                                 .arg(dir)
                                 .arg(found.size()));
        const QString kid = found.first().mid(7).chopped(8);
        static const QRegularExpression kidPattern(
            QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9._-]{1,64}")));
        if (!kidPattern.match(kid).hasMatch())
            return cli::fail(QStringLiteral("enrol_trust: '%1' is not a usable key id").arg(kid));
        auto pem = readSmall(QDir(dir).filePath(found.first()));
        if (!pem)
            return cli::fail(pem.error());
        auto key = PublicKey::fromPem(*pem);
        if (!key)
            return cli::fail(QStringLiteral("enrol_trust: %1: %2").arg(found.first(), key.error()));
        const QString local = QStringLiteral("trust-anchor-%1.pub.pem").arg(kid);
        if (auto wrote = writeFileDurably(w.state.filePath(local), *pem, 0600); !wrote)
            return cli::fail(wrote.error().text());
        keys.append({kid.toUtf8(), *key});
        fingerprint = QString::fromLatin1(key->fingerprint().toHex(':'));
        settings.append(
            {QStringLiteral("trust/anchors"), QStringLiteral("%1=%2").arg(kid, w.state.filePath(local))});
    } else {
        for (const QString& entry : anchors) {
            const qsizetype eq = entry.indexOf(QLatin1Char('='));
            auto pem = readSmall(
                QDir(s.dirOf(QStringLiteral("trust/anchors"))).filePath(entry.mid(eq + 1).trimmed()));
            auto key = pem ? PublicKey::fromPem(*pem) : Expected<PublicKey>(unexpected(pem.error()));
            if (eq <= 0 || !key)
                return cli::fail(
                    QStringLiteral("enrol_trust: the configured anchor '%1' cannot be read").arg(entry));
            keys.append({entry.left(eq).trimmed().toUtf8(), *key});
        }
    }
    auto list = readSmall(QDir(dir).filePath(QStringLiteral("trust-list.cose")));
    if (!list)
        return cli::fail(QStringLiteral("enrol_trust: %1").arg(list.error()));
    TrustStore store(keys, w.state.filePath(QStringLiteral("trust-list.cose")),
                     w.state.filePath(QStringLiteral("trust-sequence")));
    (void)store.loadCached();
    auto installed = store.install(*list);
    if (!installed)
        return cli::fail(installed.error().text(), cli::kExitRejected);
    if (!settings.isEmpty())
        if (const int rc = writeSettings(w, settings, clock); rc != cli::kExitOk)
            return rc;
    QJsonObject out{{QStringLiteral("installed"), true}, {QStringLiteral("sequence"), qint64(*installed)}};
    if (!fingerprint.isEmpty())
        out.insert(QStringLiteral("anchor_fingerprint"), fingerprint); // compare with the supplier's letter
    cli::printJson(out);
    return cli::kExitOk;
}

int enrolGateway(const Where& w, const cli::Options& o, const QString& dir, const SystemClock& clock) {
    const QString url = o.value(QStringLiteral("--url"));
    if (!url.startsWith(QLatin1String("https://")) || !QUrl(url).isValid() || QUrl(url).host().isEmpty())
        return cli::fail(QStringLiteral("enrol_gateway: --url must be https://HOST[:PORT]"));
    if (!QFileInfo(dir).isDir())
        return cli::fail(
            QStringLiteral("enrol_gateway: %1 is not a directory (is the stick mounted?)").arg(dir));
    SettingsLayers s(w.config, w.settings);
    const QString terminalId = s.value(QStringLiteral("venue/terminal_id")).toString().trimmed();
    if (terminalId.isEmpty())
        return cli::fail(QStringLiteral("enrol_gateway: set the terminal id first (enrol terminal --id)"));
    auto ca = readSmall(o.value(QStringLiteral("--ca")));
    if (!ca)
        return cli::fail(QStringLiteral("enrol_gateway: --ca: %1").arg(ca.error()));
    if (QSslCertificate::fromData(*ca, QSsl::Pem).isEmpty())
        return cli::fail(QStringLiteral("enrol_gateway: --ca is not a PEM certificate"));
    auto request = makeTerminalRequest(terminalId, s.value(QStringLiteral("venue/id")).toString());
    if (!request)
        return cli::fail(request.error().text());
    // The key stays here; the request goes to the police's terminal CA on the stick.
    QString safeId = terminalId;
    safeId.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    const QString csrPath = QDir(dir).filePath(QStringLiteral("liangzheng-%1.csr.pem").arg(safeId));
    for (const auto& [path, bytes, mode] :
         {std::tuple{w.state.filePath(QStringLiteral("gateway-ca.pem")), *ca, 0644},
          std::tuple{w.state.filePath(QStringLiteral("client.key.pem")), request->keyPem, 0600},
          std::tuple{csrPath, request->csrPem, 0644}})
        if (auto wrote = writeFileDurably(path, bytes, mode); !wrote)
            return cli::fail(wrote.error().text());
    // A new key invalidates any certificate imported before.
    QFile::remove(w.state.filePath(QStringLiteral("client.pem")));
    if (const int rc = writeSettings(
            w,
            {{QStringLiteral("sync/url"), url},
             {QStringLiteral("sync/ca"), w.state.filePath(QStringLiteral("gateway-ca.pem"))},
             {QStringLiteral("sync/client_key"), w.state.filePath(QStringLiteral("client.key.pem"))},
             {QStringLiteral("sync/client_cert"), w.state.filePath(QStringLiteral("client.pem"))}},
            clock);
        rc != cli::kExitOk)
        return rc;
    cli::printJson({{QStringLiteral("request"), csrPath}, {QStringLiteral("terminal_id"), terminalId}});
    return cli::kExitOk;
}

int enrolCertificate(const Where& w, const QString& file, const SystemClock& clock) {
    SettingsLayers s(w.config, w.settings);
    const QString terminalId = s.value(QStringLiteral("venue/terminal_id")).toString().trimmed();
    auto cert = readSmall(file);
    if (!cert)
        return cli::fail(cert.error());
    auto key = readSmall(w.state.filePath(QStringLiteral("client.key.pem")));
    if (!key)
        return cli::fail(QStringLiteral("enrol_certificate: no terminal key: run enrol gateway first"));
    auto info = checkTerminalCertificate(*cert, *key, terminalId, clock.now());
    if (!info)
        return cli::fail(info.error().text(), cli::kExitRejected);
    if (auto wrote = writeFileDurably(w.state.filePath(QStringLiteral("client.pem")), *cert, 0644); !wrote)
        return cli::fail(wrote.error().text());
    if (const int rc = writeSettings(
            w, {{QStringLiteral("sync/client_cert"), w.state.filePath(QStringLiteral("client.pem"))}}, clock);
        rc != cli::kExitOk)
        return rc;
    cli::printJson({{QStringLiteral("imported"), true},
                    {QStringLiteral("subject"), info->commonName},
                    {QStringLiteral("issuer"), info->issuer},
                    {QStringLiteral("not_after"),
                     QDateTime::fromSecsSinceEpoch(info->notAfterS, Qt::UTC).toString(Qt::ISODate)},
                    {QStringLiteral("sha256"), QString::fromLatin1(info->sha256.toHex())}});
    return cli::kExitOk;
}

// Each check by name: ok, or why not. The gateway's check is one real sync round.
int enrolSelfTest(const Where& w, const SystemClock& clock) {
    QJsonArray checks;
    bool allOk = true;
    auto check = [&](const QString& name, bool ok, const QString& detail, bool required = true) {
        checks.append(QJsonObject{{QStringLiteral("check"), name},
                                  {QStringLiteral("ok"), ok},
                                  {QStringLiteral("required"), required},
                                  {QStringLiteral("detail"), detail}});
        allOk = allOk && (ok || !required);
    };
    auto config = TerminalConfig::fromFile(w.config);
    if (!config) {
        check(QStringLiteral("configuration"), false, config.error());
        cli::printJson({{QStringLiteral("passed"), false}, {QStringLiteral("checks"), checks}});
        return cli::kExitRejected;
    }
    TerminalOptions options;
    options.verifying = true;
    options.logging = true;
    auto terminal = Terminal::open(*config, clock, options);
    if (!terminal) {
        check(QStringLiteral("terminal"), false, terminal.error());
        cli::printJson({{QStringLiteral("passed"), false}, {QStringLiteral("checks"), checks}});
        return cli::kExitRejected;
    }
    Terminal& t = **terminal;
    // The clock: after 2025, and not behind the latest trusted time this terminal has seen.
    const qint64 now = clock.now();
    const qint64 mark = TimeGuard(w.state.filePath(QStringLiteral("clock-high-water")), true).highWater();
    check(QStringLiteral("clock"), now > 1735689600 && now + config->policy.clockSkew >= mark,
          QStringLiteral("%1 (latest trusted time %2)")
              .arg(QDateTime::fromSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate),
                   QDateTime::fromSecsSinceEpoch(mark, Qt::UTC).toString(Qt::ISODate)));
    const auto list = t.trust().current();
    const qint64 maxAge = config->policy.maxOfflineAge;
    check(QStringLiteral("trust_list"), list && now - list->issuedAt <= maxAge,
          list ? QStringLiteral("sequence %1, issued %2 s ago").arg(list->sequence).arg(now - list->issuedAt)
               : QStringLiteral("none installed"));
    check(QStringLiteral("log"), t.log() != nullptr, t.log() ? QStringLiteral("opened") : t.logError());
    const bool gatewayRequired =
        SettingsLayers(w.config, w.settings).value(QLatin1String(kEnrolRequireGatewayKey), true).toBool();
    if (config->sync.gateway.isValid() && t.log()) {
        auto tls = SyncClient::clientTls(config->sync);
        bool ok = false;
        QString detail = tls ? QString() : tls.error();
        if (tls) {
            SyncClient client(*t.log(), config->sync, *tls, clock);
            client.setTrustStore(&t.trust());
            QObject::connect(&client, &SyncClient::roundFinished, [&](bool success) {
                ok = success;
                QCoreApplication::quit();
            });
            client.syncNow();
            QCoreApplication::exec();
            const auto error = client.status().lastError;
            detail = ok      ? QStringLiteral("a sync round succeeded")
                     : error ? error->text()
                             : QStringLiteral("failed");
        }
        check(QStringLiteral("gateway"), ok, detail, gatewayRequired);
    } else {
        check(QStringLiteral("gateway"), false, QStringLiteral("not configured"), gatewayRequired);
    }
    // Devices: what the settings name must be there (the kiosk opens them itself).
    SettingsLayers s(w.config, w.settings);
    const QString camera = s.value(QStringLiteral("kiosk/camera")).toString();
    const QString cameraPath = camera.isEmpty() ? QStringLiteral("/dev/video0")
                               : camera.toInt() > 0 || camera == QLatin1String("0")
                                   ? QStringLiteral("/dev/video%1").arg(camera)
                                   : camera;
    check(QStringLiteral("camera"), QFileInfo::exists(cameraPath), cameraPath);
    for (const auto& [name, key] :
         {std::pair{QStringLiteral("id_card_reader"), QStringLiteral("idcard/port")},
          std::pair{QStringLiteral("scanner"), QStringLiteral("kiosk/scanner_port")}}) {
        const QString port = s.value(key).toString().trimmed();
        if (port.isEmpty() || port == QLatin1String("auto"))
            check(name, true, port.isEmpty() ? QStringLiteral("none configured") : QStringLiteral("auto"),
                  false);
        else
            check(name, QFileInfo::exists(port), port);
    }
    // The terminal (its state lock) closed first: a kiosk waiting for enrolment may start at once.
    terminal->reset();
    if (allOk)
        if (const int rc = writeSettings(w, {{QLatin1String(kEnrolSelfTestKey), clock.nowMs()}}, clock);
            rc != cli::kExitOk)
            return rc;
    cli::printJson({{QStringLiteral("passed"), allOk}, {QStringLiteral("checks"), checks}});
    return allOk ? cli::kExitOk : cli::kExitRejected;
}
} // namespace

int enrol(const QString& configPath, const cli::Options& o) {
    const QStringList words = o.positional();
    const QString sub = words.value(1);
    const Where w = where(configPath);
    const SystemClock clock;
    if (!QFileInfo::exists(configPath))
        return cli::fail(QStringLiteral("%1 does not exist").arg(configPath));
    if (!QDir().mkpath(w.state.path()) ||
        !QFile::setPermissions(w.state.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return cli::fail(QStringLiteral("cannot create the state directory %1").arg(w.state.path()));
    if (sub == QLatin1String("status") || sub.isEmpty()) {
        const EnrolmentStatus st = enrolmentStatus(configPath, clock.now());
        cli::printJson(statusJson(st));
        return st.complete() ? cli::kExitOk : cli::kExitRejected;
    }
    if (sub == QLatin1String("venue")) {
        const QString type = o.value(QStringLiteral("--type")),
                      id = o.value(QStringLiteral("--id")).trimmed();
        if (!venueTypeFromName(type) || id.isEmpty() || id.size() > 64)
            return cli::fail(QStringLiteral("usage: enrol venue --type hotel|internet_cafe|government_window|"
                                            "parcel_counter --id VENUE_CODE [--name NAME]"));
        QList<std::pair<QString, QVariant>> values{{QStringLiteral("venue/type"), type},
                                                   {QStringLiteral("venue/id"), id}};
        if (o.has(QStringLiteral("--name")))
            values.append({QStringLiteral("venue/name"), o.value(QStringLiteral("--name"))});
        if (const int rc = writeSettings(w, values, clock); rc != cli::kExitOk)
            return rc;
    } else if (sub == QLatin1String("terminal")) {
        const QString id = o.value(QStringLiteral("--id")).trimmed();
        static const QRegularExpression idPattern(
            QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9._-]{1,64}")));
        if (!idPattern.match(id).hasMatch())
            return cli::fail(
                QStringLiteral("usage: enrol terminal --id TERMINAL_ID (letters, digits, . _ -)"));
        if (const int rc = writeSettings(w, {{QStringLiteral("venue/terminal_id"), id}}, clock);
            rc != cli::kExitOk)
            return rc;
    } else if (sub == QLatin1String("trust") && words.size() == 3) {
        return enrolTrust(w, words.at(2), clock);
    } else if (sub == QLatin1String("gateway") && words.size() == 3) {
        return enrolGateway(w, o, words.at(2), clock);
    } else if (sub == QLatin1String("certificate") && words.size() == 3) {
        return enrolCertificate(w, words.at(2), clock);
    } else if (sub == QLatin1String("self-test")) {
        return enrolSelfTest(w, clock);
    } else {
        return cli::fail(
            QStringLiteral("usage: enrol status | venue | terminal | trust DIR | gateway --url URL "
                           "--ca CA.pem DIR | certificate FILE | self-test (see --help)"));
    }
    cli::printJson(statusJson(enrolmentStatus(configPath, clock.now())));
    return cli::kExitOk;
}

} // namespace lz::clicmd
