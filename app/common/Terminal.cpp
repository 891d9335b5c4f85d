#include "common/Terminal.h"

#include "log/TerminalKey.h"
#include "util/StateLock.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace lz {

Expected<std::unique_ptr<Terminal>> Terminal::open(const TerminalConfig& config, const Clock& clock,
                                                   TerminalOptions options) {
    std::unique_ptr<Terminal> t(new Terminal(config, clock));
    if (!QDir().mkpath(config.stateDir))
        return unexpected(QStringLiteral("cannot create state directory %1").arg(config.stateDir));
    const QDir state(config.stateDir);
    const bool persistent = options.verifying && !options.readOnlyState;
    // The log is single-writer too (its chain head is cached in the process).
    if (persistent || options.logging) {
        auto lock = StateLock::acquire(state.filePath(QStringLiteral("terminal.lock")), options.stateWaitMs);
        if (!lock)
            return unexpected(QStringLiteral("%1 (%2)").arg(lock.error(), config.stateDir));
        t->m_lock = std::move(*lock);
    }
    const qint64 now = clock.now();
    QList<TrustAnchor> anchors = config.anchors;
    if (config.demo) {
        auto kit = demo::DemoKit::load(now);
        if (!kit)
            return unexpected(kit.error());
        t->m_demo = std::move(*kit);
        anchors = {t->m_demo->anchor()};
        t->m_config.anchors = anchors;
    }
    // The demo re-signs its list at every start (sequence = start time), in memory only.
    const QString sequenceFile = config.demo ? QString() : state.filePath(QStringLiteral("trust-sequence"));
    t->m_trust = std::make_unique<TrustStore>(anchors, config.trustCache, sequenceFile);
    if (config.demo) {
        auto installed = t->m_trust->install(t->m_demo->signTrustList(now));
        if (!installed)
            return unexpected(installed.error().text());
    } else if (auto loaded = t->m_trust->loadCached(); !loaded) {
        t->m_warnings.append(loaded.error().text());
    }
    if (options.logging) {
        t->openLog();
        t->m_desk = std::make_unique<desk::Desk>(t->m_log.get(), t->m_config.venue, clock, config.desk,
                                                 t->m_logError);
        if (auto opened = t->m_desk->open(); !opened)
            t->m_warnings.append(opened.error().text());
    }
    if (!options.verifying)
        return t;
    t->m_guard = std::make_unique<TimeGuard>(state.filePath(QStringLiteral("clock-high-water")),
                                             options.readOnlyState);
    // Expired entries are dropped against the trusted time, never this start's clock reading
    // (a clock an hour fast at start-up would otherwise empty the journal).
    t->m_replay = std::make_unique<ReplayCache>(
        state.filePath(QStringLiteral("replay.journal")), t->m_guard->highWater(), now,
        options.readOnlyState ? ReplayCache::Mode::ReadOnly : ReplayCache::Mode::ReadWrite,
        /*expectJournal=*/t->m_guard->highWater() > 0);
    for (const QString& w : {t->m_guard->warning(), t->m_replay->warning()})
        if (!w.isEmpty())
            t->m_warnings.append(w);
    t->m_verifier =
        std::make_unique<Verifier>(*t->m_trust, clock, t->m_guard.get(), t->m_replay.get(), config.policy);
    return t;
}

void Terminal::openLog() {
    if (m_config.venue.venueId.isEmpty() || m_config.venue.terminalId.isEmpty()) {
        m_logError = QStringLiteral("log_unconfigured: set venue/id and venue/terminal_id to register");
        return;
    }
    const QDir state(m_config.stateDir);
    // A log whose key file is gone must not get a fresh key: its records would become
    // unreadable behind a key id the new file reuses. The operator restores the file.
    if (QFileInfo::exists(state.filePath(m_config.logPath)) &&
        !QFileInfo::exists(state.filePath(m_config.fieldKeyFile))) {
        m_logError =
            QStringLiteral("key_file_missing: %1 holds records but %2 is gone; restore it from backup")
                .arg(state.filePath(m_config.logPath), state.filePath(m_config.fieldKeyFile));
        return;
    }
    auto keys = FieldKeys::openOrCreate(state.filePath(m_config.fieldKeyFile));
    if (!keys) {
        m_logError = keys.error().text();
        return;
    }
    auto key = loadOrCreateTerminalKey(state.filePath(m_config.terminalKeyFile));
    if (!key) {
        m_logError = key.error().text();
        return;
    }
    LogOptions options;
    options.checkpointEvery = m_config.checkpointEvery;
    // A cap keeps a runaway log from filling the disk the rest of the system needs; past it the
    // terminal refuses to register, exactly as on a full disk (SQLite pages are 4 KiB).
    options.maxPageCount = qint64(m_config.maxLogSizeMb) * 256;
    options.anchorPath = state.filePath(QStringLiteral("log-anchor"));
    auto log = RegistrationLog::open(state.filePath(m_config.logPath), std::move(*keys), std::move(*key),
                                     m_config.venue.terminalId, options);
    if (!log) {
        m_logError = log.error().text();
        return;
    }
    m_log = std::move(*log);
}

QStringList Terminal::warnings() const {
    QStringList out = m_warnings;
    // Live ones too: a journal or a clock mark that could not be written since the start.
    for (const QString& w :
         {m_replay ? m_replay->warning() : QString(), m_guard ? m_guard->warning() : QString()})
        if (!w.isEmpty() && !out.contains(w))
            out.append(w);
    return out;
}

} // namespace lz
