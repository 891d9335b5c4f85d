#include "common/EnrolmentSteps.h"

#include "common/SettingsLayers.h"
#include "common/Terminal.h"
#include "common/TerminalConfig.h"
#include "crypto/Digest.h"
#include "crypto/Keys.h"
#include "staff/StaffPin.h"
#include "sync/SyncClient.h"
#include "trust/TrustList.h"
#include "trust/TrustStore.h"
#include "util/DurableFile.h"
#include "verify/Clock.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>
#include <QSslCertificate>
#include <QStorageInfo>
#include <QTimer>
#include <QUrl>
#include <optional>

namespace lz::enrol {

namespace {
// The terminal's TLS keys in the state directory: client-ID.key.pem with its certificate
// client-ID.pem, ID naming the request the key was made for. A key waits as
// client-ID.key.pem.pending until its certificate is imported; the settings' sync/client_key and
// sync/client_cert name the pair in use, and that one settings write is what switches pairs.
constexpr int kSelfTestSyncDeadlineMs = 60000;
const QString kPendingPattern = QStringLiteral("client-*.key.pem.pending");

Unexpected<Failure> failed(EnrolError code, const QString& text) {
    return unexpected(Failure{code, text});
}

Unexpected<Failure> failed(const FileFailure& f) {
    return failed(f.code == FileError::DiskFull ? EnrolError::DiskFull : EnrolError::Io, f.text());
}

// Writes `values` into the settings (never the defaults), and marks enrolment as started.
Result<void> writeSettings(const Paths& p, const QList<std::pair<QString, QVariant>>& values) {
    const qint64 now = SystemClock().nowMs();
    auto saved = editSettingsDurably(p.settings, [&](QSettings& s) {
        for (const auto& [key, value] : values)
            s.setValue(key, value);
        if (!s.contains(QLatin1String(kEnrolStartedKey)))
            s.setValue(QLatin1String(kEnrolStartedKey), now);
    });
    if (!saved)
        return failed(saved.error());
    return {};
}

Result<void> writeFile(const QString& path, const QByteArray& bytes, int mode) {
    if (auto wrote = writeFileDurably(path, bytes, mode); !wrote)
        return failed(wrote.error());
    return {};
}

// Everything enrolment reads from a stick or the state is small; a huge file is a mistake.
Expected<QByteArray> readSmall(const QString& path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("%1: %2").arg(path, f.errorString()));
    if (f.size() > (4 << 20))
        return unexpected(QStringLiteral("%1 is too large").arg(path));
    return f.readAll();
}

bool isIdentifier(const QString& s) {
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9._-]{1,64}")));
    return pattern.match(s).hasMatch();
}

QStringList configuredAnchors(const SettingsLayers& s) {
    QStringList anchors = s.value(QStringLiteral("trust/anchors")).toStringList();
    anchors.removeAll(QString());
    return anchors;
}
} // namespace

Paths Paths::of(const QString& configPath) {
    return {configPath, TerminalConfig::settingsPathFor(configPath),
            QDir(TerminalConfig::stateDirFor(configPath))};
}

Result<Paths> open(const QString& configPath) {
    if (!QFileInfo::exists(configPath))
        return failed(EnrolError::Io, QStringLiteral("%1 does not exist").arg(configPath));
    Paths p = Paths::of(configPath);
    if (!QDir().mkpath(p.state.path()) ||
        !QFile::setPermissions(p.state.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner))
        return failed(EnrolError::Io,
                      QStringLiteral("cannot create the state directory %1").arg(p.state.path()));
    return p;
}

Result<void> setPin(const Paths& p, const QString& pin) {
    if (!staff::acceptablePin(pin))
        return failed(EnrolError::PinUnacceptable,
                      QStringLiteral("pin_unacceptable: the PIN must be 4 to 12 digits"));
    auto hash = staff::hashPin(pin);
    if (!hash)
        return failed(EnrolError::Io, hash.error());
    return writeSettings(p, {{QStringLiteral("kiosk/pin_hash"), *hash}});
}

Result<void> setVenue(const Paths& p, const QString& type, const QString& id, const QString& name) {
    const QString code = id.trimmed();
    if (!venueTypeFromName(type))
        return failed(EnrolError::VenueInvalid,
                      QStringLiteral("venue_type_unknown: '%1'").arg(type.left(40)));
    if (code.isEmpty() || code.size() > 64)
        return failed(EnrolError::VenueInvalid,
                      QStringLiteral("venue_id_invalid: the venue code must be 1 to 64 characters"));
    QList<std::pair<QString, QVariant>> values{{QStringLiteral("venue/type"), type},
                                               {QStringLiteral("venue/id"), code}};
    if (!name.isNull())
        values.append({QStringLiteral("venue/name"), name.trimmed().left(120)});
    return writeSettings(p, values);
}

Result<void> setTerminalId(const Paths& p, const QString& id) {
    if (!isIdentifier(id.trimmed()))
        return failed(EnrolError::TerminalIdInvalid,
                      QStringLiteral("terminal_id_invalid: 1 to 64 letters, digits, . _ -"));
    return writeSettings(p, {{QStringLiteral("venue/terminal_id"), id.trimmed()}});
}

Result<TrustImported> importTrust(const Paths& p, const QString& dir) {
    if (!QFileInfo(dir).isDir())
        return failed(EnrolError::StickMissing,
                      QStringLiteral("stick_missing: %1 is not a directory (is the stick in?)").arg(dir));
    SettingsLayers s(p.config, p.settings);
    const QStringList anchors = configuredAnchors(s);
    QList<TrustAnchor> keys;
    QList<std::pair<QString, QVariant>> settings;
    // Only a choice made before is undone: a roll-out terminal that only takes a newer list from a
    // stick must not count as an enrolment begun (it would stop verifying until a self-test).
    if (s.value(QLatin1String(kEnrolTrustFromGatewayKey)).toBool())
        settings.append({QLatin1String(kEnrolTrustFromGatewayKey), false});
    TrustImported out;
    if (anchors.isEmpty()) {
        // The roll-out's defaults name no anchor: the stick brings exactly one, anchor-KID.pub.pem.
        const QStringList found =
            QDir(dir).entryList({QStringLiteral("anchor-*.pub.pem")}, QDir::Files, QDir::Name);
        if (found.size() != 1)
            return failed(EnrolError::TrustFilesMissing,
                          QStringLiteral("enrol_trust: %1 must hold trust-list.cose and exactly one "
                                         "anchor-KID.pub.pem (found %2)")
                              .arg(dir)
                              .arg(found.size()));
        const QString kid = found.first().mid(7).chopped(8);
        if (!isIdentifier(kid))
            return failed(EnrolError::TrustRejected,
                          QStringLiteral("enrol_trust: '%1' is not a usable key id").arg(kid));
        auto pem = readSmall(QDir(dir).filePath(found.first()));
        if (!pem)
            return failed(EnrolError::TrustFilesMissing, pem.error());
        auto key = PublicKey::fromPem(*pem);
        if (!key)
            return failed(EnrolError::TrustRejected,
                          QStringLiteral("enrol_trust: %1: %2").arg(found.first(), key.error()));
        keys.append({kid.toUtf8(), *key});
        out.anchorFingerprint = QString::fromLatin1(key->fingerprint().toHex(':'));
        const QString local = QStringLiteral("trust-anchor-%1.pub.pem").arg(kid);
        if (auto wrote = writeFile(p.state.filePath(local), *pem, 0600); !wrote)
            return unexpected(wrote.error());
        settings.append(
            {QStringLiteral("trust/anchors"), QStringLiteral("%1=%2").arg(kid, p.state.filePath(local))});
    } else {
        for (const QString& entry : anchors) {
            const qsizetype eq = entry.indexOf(QLatin1Char('='));
            auto pem = readSmall(
                QDir(s.dirOf(QStringLiteral("trust/anchors"))).filePath(entry.mid(eq + 1).trimmed()));
            auto key = pem ? PublicKey::fromPem(*pem) : Expected<PublicKey>(unexpected(pem.error()));
            if (eq <= 0 || !key)
                return failed(
                    EnrolError::Io,
                    QStringLiteral("enrol_trust: the configured anchor '%1' cannot be read").arg(entry));
            keys.append({entry.left(eq).trimmed().toUtf8(), *key});
        }
    }
    auto list = readSmall(QDir(dir).filePath(QStringLiteral("trust-list.cose")));
    if (!list)
        return failed(EnrolError::TrustFilesMissing, QStringLiteral("enrol_trust: %1").arg(list.error()));
    TrustStore store(keys, p.state.filePath(QStringLiteral("trust-list.cose")),
                     p.state.filePath(QStringLiteral("trust-sequence")));
    (void)store.loadCached();
    auto installed = store.install(*list);
    if (!installed)
        return failed(EnrolError::TrustRejected, installed.error().text());
    out.sequence = *installed;
    if (!settings.isEmpty())
        if (auto wrote = writeSettings(p, settings); !wrote)
            return unexpected(wrote.error());
    return out;
}

Result<void> trustFromGateway(const Paths& p) {
    if (configuredAnchors(SettingsLayers(p.config, p.settings)).isEmpty())
        return failed(EnrolError::TrustNoAnchor,
                      QStringLiteral("enrol_trust: the defaults name no trust anchor, so the list cannot be "
                                     "fetched: import it with its anchor from a stick"));
    return writeSettings(p, {{QLatin1String(kEnrolTrustFromGatewayKey), true}});
}

Result<GatewayRequest> setGateway(const Paths& p, const QString& url, const QByteArray& caPem,
                                  const QString& requestDir) {
    const QUrl parsed(url.trimmed());
    if (!url.trimmed().startsWith(QLatin1String("https://")) || !parsed.isValid() || parsed.host().isEmpty())
        return failed(EnrolError::GatewayUrlInvalid,
                      QStringLiteral("gateway_url_invalid: the address must be https://HOST[:PORT]"));
    if (!requestDir.isEmpty() && !QFileInfo(requestDir).isDir())
        return failed(
            EnrolError::StickMissing,
            QStringLiteral("stick_missing: %1 is not a directory (is the stick in?)").arg(requestDir));
    SettingsLayers s(p.config, p.settings);
    GatewayRequest out;
    out.terminalId = s.value(QStringLiteral("venue/terminal_id")).toString().trimmed();
    if (out.terminalId.isEmpty())
        return failed(EnrolError::StepOrder, QStringLiteral("enrol_gateway: set the terminal id first"));
    if (QSslCertificate::fromData(caPem, QSsl::Pem).isEmpty())
        return failed(EnrolError::GatewayCaInvalid,
                      QStringLiteral("gateway_ca_invalid: the gateway CA is not a PEM certificate"));
    auto request = makeTerminalRequest(out.terminalId, s.value(QStringLiteral("venue/id")).toString());
    if (!request)
        return failed(EnrolError::KeyFailed, request.error().text());
    out.csrPem = request->csrPem;
    // The new key stays here, pending until its certificate comes back: changing only the address
    // must not cost the terminal the identity it already has, and a request already sent to the
    // CA stays importable after another one is made (each pending key is named by its request).
    const QString id = QString::fromLatin1(sha256({request->csrPem}).left(6).toHex());
    QList<std::tuple<QString, QByteArray, int>> files{
        {p.state.filePath(QStringLiteral("gateway-ca.pem")), caPem, 0644},
        {p.state.filePath(QStringLiteral("client-%1.key.pem.pending").arg(id)), request->keyPem, 0600}};
    if (!requestDir.isEmpty()) {
        QString safeId = out.terminalId;
        safeId.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
        out.csrPath = QDir(requestDir).filePath(QStringLiteral("liangzheng-%1.csr.pem").arg(safeId));
        files.append({out.csrPath, request->csrPem, 0644});
    }
    // The latest request kept here too: the screen shows it again as a QR code after a restart.
    files.append({p.state.filePath(QStringLiteral("client.csr.pem")), request->csrPem, 0644});
    for (const auto& [path, bytes, mode] : files)
        if (auto wrote = writeFile(path, bytes, mode); !wrote)
            return unexpected(wrote.error());
    if (auto wrote = writeSettings(
            p, {{QStringLiteral("sync/url"), url.trimmed()},
                {QStringLiteral("sync/ca"), p.state.filePath(QStringLiteral("gateway-ca.pem"))}});
        !wrote)
        return unexpected(wrote.error());
    return out;
}

QStringList pendingKeys(const Paths& p) {
    // Newest first: the request just made is the likeliest to come back.
    return p.state.entryList({kPendingPattern}, QDir::Files, QDir::Time);
}

Result<CertificateInfo> importCertificate(const Paths& p, const QByteArray& certPem) {
    const SettingsLayers s(p.config, p.settings);
    const QString terminalId = s.value(QStringLiteral("venue/terminal_id")).toString().trimmed();
    const auto fileOf = [&](const QString& key) {
        const QString v = s.value(key).toString().trimmed();
        return v.isEmpty() ? QString() : QDir(s.dirOf(key)).filePath(v);
    };
    const QString currentKey = fileOf(QStringLiteral("sync/client_key")),
                  currentCert = fileOf(QStringLiteral("sync/client_cert"));
    // The pending keys (newest first), then the key in use (a renewal).
    QStringList candidates;
    for (const QString& name : pendingKeys(p))
        candidates << p.state.filePath(name);
    if (!currentKey.isEmpty() && QFileInfo::exists(currentKey))
        candidates << currentKey;
    if (candidates.isEmpty())
        return failed(EnrolError::StepOrder,
                      QStringLiteral("enrol_certificate: no terminal key: make the request first"));
    const qint64 now = SystemClock().now();
    std::optional<CertificateFailure> firstError;
    for (const QString& keyPath : candidates) {
        const auto key = readSmall(keyPath);
        if (!key)
            continue;
        auto info = checkTerminalCertificate(certPem, *key, terminalId, now);
        if (!info) {
            if (!firstError || firstError->error == CertificateError::KeyMismatch)
                firstError = info.error();
            continue;
        }
        // The pair to use: a pending key becomes client-ID.key.pem beside its client-ID.pem; a
        // renewal's certificate goes beside the key in use.
        const bool pending = keyPath.endsWith(QLatin1String(".pending"));
        const QString newKey = pending ? keyPath.chopped(int(qstrlen(".pending"))) : keyPath;
        const QString newCert = newKey.endsWith(QLatin1String(".key.pem"))
                                    ? newKey.chopped(int(qstrlen(".key.pem"))) + QStringLiteral(".pem")
                                    : newKey + QStringLiteral(".crt.pem");
        if (pending)
            if (auto wrote = writeFile(newKey, *key, 0600); !wrote)
                return unexpected(wrote.error());
        if (auto wrote = writeFile(newCert, certPem, 0644); !wrote)
            return unexpected(wrote.error());
        // The one write that switches pairs: a crash before it leaves the old pair in use, after
        // it the new one; files no longer named are removed only then.
        if (auto wrote = writeSettings(p, {{QStringLiteral("sync/client_key"), newKey},
                                           {QStringLiteral("sync/client_cert"), newCert}});
            !wrote)
            return unexpected(wrote.error());
        if (pending)
            QFile::remove(keyPath);
        const QString stateDir = QFileInfo(p.state.path()).absoluteFilePath();
        for (const QString& old : {currentKey, currentCert})
            if (!old.isEmpty() && old != newKey && old != newCert &&
                QFileInfo(old).absolutePath() == stateDir &&
                QFileInfo(old).fileName().startsWith(QLatin1String("client")))
                QFile::remove(old); // the replaced pair, when it was enrolment's own
        return *info;
    }
    return failed(EnrolError::CertificateRejected,
                  firstError ? firstError->text()
                             : QStringLiteral("enrol_certificate: no terminal key can be read"));
}

SelfTestReport selfTest(const Paths& p, const std::function<void(const SelfTestCheck&)>& progress) {
    SelfTestReport report;
    report.passed = true;
    auto check = [&](const QString& name, bool ok, const QString& detail, bool required = true) {
        report.checks.append({name, ok, required, detail});
        report.passed = report.passed && (ok || !required);
        if (progress)
            progress(report.checks.last());
    };
    const SystemClock clock;
    auto config = TerminalConfig::fromFile(p.config);
    if (!config) {
        check(QStringLiteral("configuration"), false, config.error());
        return report;
    }
    TerminalOptions options;
    options.verifying = true;
    options.logging = true;
    auto terminal = Terminal::open(*config, clock, options);
    if (!terminal) {
        check(QStringLiteral("terminal"), false, terminal.error());
        return report;
    }
    Terminal& t = **terminal;
    const SettingsLayers s(p.config, p.settings);
    // The clock: after 2025, and not behind the latest trusted time this terminal has seen.
    const qint64 now = clock.now();
    const qint64 mark = TimeGuard(p.state.filePath(QStringLiteral("clock-high-water")), true).highWater();
    check(QStringLiteral("clock"), now > 1735689600 && now + config->policy.clockSkew >= mark,
          mark > 0 ? QStringLiteral("%1 (latest trusted time %2)")
                         .arg(QDateTime::fromSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate),
                              QDateTime::fromSecsSinceEpoch(mark, Qt::UTC).toString(Qt::ISODate))
                   : QDateTime::fromSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODate));
    check(QStringLiteral("log"), t.log() != nullptr, t.log() ? QStringLiteral("opened") : t.logError());
    // The gateway before the trust list: its round fetches the list when staff chose that.
    const bool gatewayRequired = s.value(QLatin1String(kEnrolRequireGatewayKey), true).toBool();
    if (config->sync.configured() && t.log()) {
        auto tls = SyncClient::clientTls(config->sync);
        bool ok = false;
        QString detail = tls ? QString() : tls.error();
        if (tls) {
            SyncClient client(*t.log(), config->sync, *tls, clock);
            client.setTrustStore(&t.trust());
            // Its own loop: the kiosk's screens call this from the UI thread, the CLI before exec().
            QEventLoop loop;
            bool finished = false;
            QObject::connect(&client, &SyncClient::roundFinished, &loop, [&](bool success) {
                ok = success;
                finished = true;
                loop.quit();
            });
            // The transfer timeout is for silence only: a gateway that trickles must not hold the
            // screens (every button disabled) for ever.
            QTimer deadline;
            deadline.setSingleShot(true);
            QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
            deadline.start(kSelfTestSyncDeadlineMs);
            client.syncNow();
            loop.exec();
            const auto error = client.status().lastError;
            detail = ok          ? QStringLiteral("a sync round succeeded")
                     : !finished ? QStringLiteral("gateway_timeout: no answer within %1 s")
                                       .arg(kSelfTestSyncDeadlineMs / 1000)
                     : error ? error->text()
                             : QStringLiteral("failed");
        }
        check(QStringLiteral("gateway"), ok, detail, gatewayRequired);
    } else {
        check(QStringLiteral("gateway"), false, QStringLiteral("not configured"), gatewayRequired);
    }
    const auto list = t.trust().current();
    const qint64 maxAge = config->policy.maxOfflineAge;
    check(QStringLiteral("trust_list"), list && now - list->issuedAt <= maxAge,
          list ? QStringLiteral("sequence %1, issued %2 s ago").arg(list->sequence).arg(now - list->issuedAt)
          : s.value(QLatin1String(kEnrolTrustFromGatewayKey)).toBool()
              ? QStringLiteral("none installed: the gateway did not provide one")
              : QStringLiteral("none installed"));
    // Devices: what the settings name must be there (the kiosk opens them itself).
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
    if (report.passed)
        if (auto wrote = writeSettings(p, {{QLatin1String(kEnrolSelfTestKey), clock.nowMs()}}); !wrote) {
            check(QStringLiteral("settings"), false, wrote.error().text);
        }
    return report;
}

QStringList certificateCandidates(const QString& dir) {
    QStringList out;
    for (const QString& name :
         QDir(dir).entryList({QStringLiteral("*.pem"), QStringLiteral("*.crt"), QStringLiteral("*.cer")},
                             QDir::Files, QDir::Name)) {
        if (name.endsWith(QLatin1String(".csr.pem")) || name.startsWith(QLatin1String("anchor-")) ||
            name == QLatin1String("gateway-ca.pem"))
            continue;
        out << name;
    }
    return out;
}

QStringList removableMedia() {
    QStringList out;
    for (const QStorageInfo& v : QStorageInfo::mountedVolumes()) {
        const QString root = v.rootPath();
        if (v.isValid() && v.isReady() &&
            (root.startsWith(QLatin1String("/media/")) || root.startsWith(QLatin1String("/run/media/")) ||
             root.startsWith(QLatin1String("/mnt/")) || root == QLatin1String("/mnt")))
            out << root;
    }
    out.sort();
    return out;
}

} // namespace lz::enrol
