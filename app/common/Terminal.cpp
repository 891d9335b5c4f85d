#include "common/Terminal.h"

#include <QDir>

namespace lz {

Expected<std::unique_ptr<Terminal>> Terminal::open(const TerminalConfig& config, const Clock& clock) {
    std::unique_ptr<Terminal> t(new Terminal(config, clock));
    if (!QDir().mkpath(config.stateDir))
        return unexpected(QStringLiteral("cannot create state directory %1").arg(config.stateDir));
    const QDir state(config.stateDir);
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
    t->m_trust = std::make_unique<TrustStore>(anchors, config.trustCache);
    if (config.demo) {
        auto installed = t->m_trust->install(t->m_demo->signTrustList(now));
        if (!installed)
            return unexpected(installed.error());
    } else if (auto loaded = t->m_trust->loadCached(); !loaded) {
        t->m_warning = loaded.error();
    }
    t->m_guard = std::make_unique<TimeGuard>(state.filePath(QStringLiteral("clock-high-water")));
    t->m_replay = std::make_unique<ReplayCache>(state.filePath(QStringLiteral("replay.journal")), now);
    t->m_verifier =
        std::make_unique<Verifier>(*t->m_trust, clock, t->m_guard.get(), t->m_replay.get(), config.policy);
    return t;
}

} // namespace lz
