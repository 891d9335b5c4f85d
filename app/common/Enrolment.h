#pragma once
// Enrolment at the desk (docs/configuration.md "Enrolment"): what a terminal installed from the
// package still needs before it may verify anyone, read from its defaults, its settings and its
// state directory — the staff PIN, the venue, the terminal id, the trust list, the gateway with
// the terminal's own key and certificate, and a self-test at the end. The kiosk's enrolment
// screens and `liangzheng-cli enrol …` both write the same settings (SettingsLayers) and read this.
#include <QList>
#include <QString>
#include <optional>

namespace lz {

enum class EnrolStep { Pin, Venue, Terminal, Trust, Gateway, Certificate, SelfTest };
QString enrolStepName(EnrolStep step); // pin, venue, terminal, trust, gateway, certificate, self_test

struct EnrolStepState {
    EnrolStep step;
    bool done = false;
    bool required = true;
    QString detail; // what is missing, or what is there (no secret, no personal data)
};

struct EnrolmentStatus {
    QList<EnrolStepState> steps;
    bool started = false;   // an enrolment step was taken (by the screens or the CLI)
    bool completed = false; // the self-test at the end passed once
    // It has a registration log or was enrolled once: not a blank terminal fresh from the package.
    // The screens then never let anyone in without a PIN (a broken configuration is no way in).
    bool inUse = false;
    // The first required step not done.
    std::optional<EnrolStep> next() const;
    bool complete() const { return !next(); }
    // Until enrolment is complete, what the screen and the CLI say: "not_enrolled: <step>: <detail>".
    QString reason() const;
};

// The terminal whose defaults are `configPath`, at time `nowS` (certificate validity).
EnrolmentStatus enrolmentStatus(const QString& configPath, qint64 nowS);

// Settings keys enrolment writes (besides [venue], [trust] and [sync]).
inline constexpr char kEnrolStartedKey[] = "enrol/started_ms";
inline constexpr char kEnrolSelfTestKey[] = "enrol/self_test_ms";
inline constexpr char kEnrolRequireGatewayKey[] = "enrol/require_gateway";
// Staff chose to have the trust list fetched from the gateway (the defaults name its anchor): the
// trust step waits for the self-test's sync round, which must bring the list.
inline constexpr char kEnrolTrustFromGatewayKey[] = "enrol/trust_from_gateway";

} // namespace lz
