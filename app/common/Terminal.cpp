#include "common/Terminal.h"

#include <QDir>

namespace lz {

Expected<std::unique_ptr<Terminal>> Terminal::open(const TerminalConfig& config, const Clock& clock,
                                                   TerminalOptions options) {
    std::unique_ptr<Terminal> t(new Terminal(config, clock));
    if (!QDir().mkpath(config.stateDir))
        return unexpected(QStringLiteral("cannot create state directory %1").arg(config.stateDir));
    const QDir state(config.stateDir);
    const bool persistent = options.verifying && !options.ephemeralState;
    if (persistent) {
        t->m_lock = std::make_unique<QLockFile>(state.filePath(QStringLiteral("terminal.lock")));
        if (!t->m_lock->tryLock(0)) {
            qint64 pid = 0;
            QString host, app;
            t->m_lock->getLockInfo(&pid, &host, &app);
            return unexpected(
                QStringLiteral("state directory %1 is in use by another terminal process (pid %2)")
                    .arg(config.stateDir)
                    .arg(pid));
        }
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
            return unexpected(installed.error());
    } else if (auto loaded = t->m_trust->loadCached(); !loaded) {
        t->m_warnings.append(loaded.error());
    }
    if (!options.verifying)
        return t;
    t->m_guard = std::make_unique<TimeGuard>(persistent ? state.filePath(QStringLiteral("clock-high-water"))
                                                        : QString());
    t->m_replay = std::make_unique<ReplayCache>(
        persistent ? state.filePath(QStringLiteral("replay.journal")) : QString(), now);
    for (const QString& w : {t->m_guard->warning(), t->m_replay->warning()})
        if (!w.isEmpty())
            t->m_warnings.append(w);
    t->m_verifier =
        std::make_unique<Verifier>(*t->m_trust, clock, t->m_guard.get(), t->m_replay.get(), config.policy);
    return t;
}

QStringList Terminal::warnings() const {
    QStringList out = m_warnings;
    if (m_replay && !m_replay->warning().isEmpty() && !out.contains(m_replay->warning()))
        out.append(m_replay->warning());
    return out;
}

} // namespace lz
