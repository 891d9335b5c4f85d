#pragma once
// A running terminal's verification side: trust store (cache loaded, or the demo list
// signed fresh), clock guard and replay cache in the state directory, and the verifier.
#include "common/TerminalConfig.h"
#include "demo/DemoKit.h"
#include "log/RegistrationLog.h"
#include "util/StateLock.h"

#include <memory>
#include <optional>

namespace lz {

struct TerminalOptions {
    // Verifying needs the replay journal and clock mark; only one process at a time may own
    // them (a lock file in the state directory), or two could accept the same code.
    bool verifying = true;
    // Consult the real replay journal and clock mark but never write them (a clock fixed by
    // --at: its times must not leak into the terminal's state, and it must not weaken a check —
    // a code the terminal accepted is still a replay, a time before the mark still untrusted).
    bool readOnlyState = false;
    // Open the registration log. A log that cannot be opened (damaged, another terminal's, a
    // full disk) does not stop the terminal: it keeps verifying and refuses to register until
    // an operator acts; logError() says why.
    bool logging = false;
    // How long to wait (blocking) while another process holds the state — a liangzheng-cli command
    // at work — before failing with state_in_use. 0: fail at once.
    int stateWaitMs = 0;
};

class Terminal {
public:
    // Creates the state directory if needed. A corrupt trust cache is reported, not fatal:
    // the terminal then has no list and fails closed until a good one is installed.
    static Expected<std::unique_ptr<Terminal>> open(const TerminalConfig& config, const Clock& clock,
                                                    TerminalOptions options = {});

    Verifier& verifier() { return *m_verifier; }
    TrustStore& trust() { return *m_trust; }
    const TerminalConfig& config() const { return m_config; }
    const Clock& clock() const { return m_clock; }
    const demo::DemoKit* demoKit() const { return m_demo ? &*m_demo : nullptr; }
    // Problems found at start-up that the operator must see (corrupt cache, journal, clock mark).
    QStringList warnings() const;

    // Staff changed the venue's settings: new registrations use them (the terminal id stays,
    // it is bound to the log's key and the client certificate).
    void setVenue(const VenueContext& venue, int retentionDays) {
        const QString terminalId = m_config.venue.terminalId;
        m_config.venue = venue;
        m_config.venue.terminalId = terminalId;
        m_config.retentionDays = retentionDays;
        if (m_desk)
            m_desk->setVenue(m_config.venue);
    }

    RegistrationLog* log() { return m_log.get(); }
    QString logError() const { return m_logError; }
    // The venue's rules: every registration, attempt and check-out is written through it
    // (options.logging; null otherwise).
    desk::Desk* desk() { return m_desk.get(); }

private:
    void openLog();
    Terminal(TerminalConfig config, const Clock& clock)
        : m_config(std::move(config))
        , m_clock(clock) {}

    TerminalConfig m_config;
    const Clock& m_clock;
    std::unique_ptr<StateLock> m_lock;
    std::optional<demo::DemoKit> m_demo;
    std::unique_ptr<TrustStore> m_trust;
    std::unique_ptr<TimeGuard> m_guard;
    std::unique_ptr<ReplayCache> m_replay;
    std::unique_ptr<Verifier> m_verifier;
    std::unique_ptr<RegistrationLog> m_log;
    std::unique_ptr<desk::Desk> m_desk;
    QString m_logError;
    QStringList m_warnings;
};

} // namespace lz
