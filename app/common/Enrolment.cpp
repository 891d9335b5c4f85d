#include "common/Enrolment.h"

#include "common/SettingsLayers.h"
#include "common/TerminalConfig.h"
#include "crypto/TerminalCertificate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace lz {

namespace {
QString fileOf(const SettingsLayers& s, const QString& key) {
    const QString value = s.value(key).toString().trimmed();
    return value.isEmpty() ? QString() : QDir(s.dirOf(key)).filePath(value);
}

QByteArray readAll(const QString& path) {
    QFile f(path);
    return f.size() < (1 << 20) && f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

QString enrolStepName(EnrolStep step) {
    switch (step) {
    case EnrolStep::Pin:
        return QStringLiteral("pin");
    case EnrolStep::Venue:
        return QStringLiteral("venue");
    case EnrolStep::Terminal:
        return QStringLiteral("terminal");
    case EnrolStep::Trust:
        return QStringLiteral("trust");
    case EnrolStep::Gateway:
        return QStringLiteral("gateway");
    case EnrolStep::Certificate:
        return QStringLiteral("certificate");
    case EnrolStep::SelfTest:
        return QStringLiteral("self_test");
    }
    return QStringLiteral("unknown");
}

std::optional<EnrolStep> EnrolmentStatus::next() const {
    for (const EnrolStepState& s : steps)
        if (s.required && !s.done)
            return s.step;
    return std::nullopt;
}

QString EnrolmentStatus::reason() const {
    for (const EnrolStepState& s : steps)
        if (s.required && !s.done)
            return QStringLiteral("not_enrolled: %1: %2").arg(enrolStepName(s.step), s.detail);
    return {};
}

EnrolmentStatus enrolmentStatus(const QString& configPath, qint64 nowS) {
    const SettingsLayers s(configPath, TerminalConfig::settingsPathFor(configPath));
    const QDir state(TerminalConfig::stateDirFor(configPath));
    EnrolmentStatus st;
    st.started = s.value(QLatin1String(kEnrolStartedKey)).toLongLong() > 0;
    st.completed = s.value(QLatin1String(kEnrolSelfTestKey)).toLongLong() > 0;
    // A terminal that has registered someone (its log exists) or was enrolled is no blank one.
    st.inUse = st.completed ||
               QFileInfo::exists(QDir(state).filePath(
                   s.value(QStringLiteral("log/path"), QStringLiteral("registrations.db")).toString()));
    auto add = [&](EnrolStep step, bool done, const QString& detail, bool required = true) {
        st.steps.append({step, done, required, detail});
    };

    add(EnrolStep::Pin, !s.value(QStringLiteral("kiosk/pin_hash")).toString().isEmpty(),
        QStringLiteral("the staff PIN is %1")
            .arg(s.value(QStringLiteral("kiosk/pin_hash")).toString().isEmpty() ? QStringLiteral("not set")
                                                                                : QStringLiteral("set")));
    const QString venueId = s.value(QStringLiteral("venue/id")).toString().trimmed();
    const bool typeOk =
        bool(venueTypeFromName(s.value(QStringLiteral("venue/type"), QStringLiteral("hotel")).toString()));
    add(EnrolStep::Venue, !venueId.isEmpty() && typeOk,
        venueId.isEmpty() ? QStringLiteral("no venue code")
        : typeOk          ? venueId
                          : QStringLiteral("an unknown venue type"));
    const QString terminalId = s.value(QStringLiteral("venue/terminal_id")).toString().trimmed();
    add(EnrolStep::Terminal, !terminalId.isEmpty(),
        terminalId.isEmpty() ? QStringLiteral("no terminal id") : terminalId);

    QStringList anchors = s.value(QStringLiteral("trust/anchors")).toStringList();
    anchors.removeAll(QString());
    const bool listInstalled = QFileInfo::exists(state.filePath(QStringLiteral("trust-list.cose")));
    const bool fromGateway =
        !anchors.isEmpty() && !listInstalled && s.value(QLatin1String(kEnrolTrustFromGatewayKey)).toBool();
    add(EnrolStep::Trust, !anchors.isEmpty() && listInstalled,
        anchors.isEmpty() ? QStringLiteral("no trust anchor")
        : fromGateway     ? QStringLiteral("to be fetched from the gateway by the self-test")
        : !listInstalled  ? QStringLiteral("no trust list installed")
                          : QStringLiteral("trust list installed"),
        !fromGateway); // the self-test requires it then

    const bool gatewayRequired = s.value(QLatin1String(kEnrolRequireGatewayKey), true).toBool();
    const QStringList urls = gatewayAddresses(s);
    const QString url = urls.value(0);
    const QString ca = fileOf(s, QStringLiteral("sync/ca")),
                  key = fileOf(s, QStringLiteral("sync/client_key"));
    // A request made and its key pending counts: the certificate step is what waits for the CA.
    const bool keyMade =
        (!key.isEmpty() && QFileInfo::exists(key)) ||
        !state.entryList({QStringLiteral("client-*.key.pem.pending")}, QDir::Files).isEmpty();
    const bool gatewayDone =
        url.startsWith(QLatin1String("https://")) && !ca.isEmpty() && QFileInfo::exists(ca) && keyMade;
    add(EnrolStep::Gateway, gatewayDone,
        url.isEmpty()                                ? QStringLiteral("no gateway address")
        : !url.startsWith(QLatin1String("https://")) ? QStringLiteral("the gateway address is not https://")
        : ca.isEmpty() || !QFileInfo::exists(ca)     ? QStringLiteral("no gateway CA certificate")
        : !keyMade                                   ? QStringLiteral("no terminal key (no request made)")
                                                     : url,
        gatewayRequired);

    const QString cert = fileOf(s, QStringLiteral("sync/client_cert"));
    QString certDetail = QStringLiteral("no certificate imported");
    bool certDone = false;
    if (!cert.isEmpty() && QFileInfo::exists(cert) && !key.isEmpty()) {
        auto info = checkTerminalCertificate(readAll(cert), readAll(key), terminalId, nowS);
        certDone = bool(info);
        certDetail = info ? QStringLiteral("valid until %1").arg(info->notAfterS) : info.error().text();
    }
    add(EnrolStep::Certificate, certDone, certDetail, gatewayRequired);
    add(EnrolStep::SelfTest, st.completed,
        st.completed ? QStringLiteral("passed") : QStringLiteral("the self-test has not passed yet"));
    return st;
}

} // namespace lz
