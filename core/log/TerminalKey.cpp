#include "log/TerminalKey.h"

#include "util/DurableFile.h"
#include <QFile>

namespace lz {

Expected<PrivateKey> loadOrCreateTerminalKey(const QString& path) {
    QFile f(path);
    if (!f.exists()) {
        PrivateKey key = PrivateKey::generate(Algorithm::EdDSA);
        if (auto saved = writeFileDurably(path, key.toPem(), 0600); !saved)
            return unexpected(QStringLiteral("terminal_key_unwritable: %1").arg(saved.error()));
        return key;
    }
    if (f.permissions() &
        (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther))
        return unexpected(
            QStringLiteral("key_file_permissions: %1 is readable by others; chmod 600 it").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("terminal_key_unreadable: %1: %2").arg(path, f.errorString()));
    auto key = PrivateKey::fromPem(f.readAll());
    if (!key)
        return unexpected(QStringLiteral("terminal_key_malformed: %1: %2").arg(path, key.error()));
    return key;
}

} // namespace lz
