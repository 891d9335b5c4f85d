#pragma once
// The terminal's configuration (docs/configuration.md): an INI file read with QSettings, or
// the embedded demo defaults. Plain values only; Terminal turns them into live objects.
#include "trust/TrustList.h"
#include "verify/Verifier.h"

#include <QString>

namespace lz {

struct TerminalConfig {
    static constexpr char kDefaultPath[] = "/etc/liangzheng/liangzheng.conf";

    bool demo = false;
    QList<TrustAnchor> anchors;
    QString stateDir;   // replay journal, clock high-water mark, trust cache
    QString trustCache; // empty: memory only (demo re-signs its list at every start)
    VerifierPolicy policy;

    static Expected<TerminalConfig> fromFile(const QString& path);
    // Demo: anchors come from the demo kit; state in stateDir (default: XDG state dir).
    static TerminalConfig demoDefaults(const QString& stateDir = {});
};

} // namespace lz
