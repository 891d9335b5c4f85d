#include "log/TerminalKey.h"

#include "util/DurableFile.h"
#include <QFile>

namespace lz {

LogResult<PrivateKey> loadOrCreateTerminalKey(const QString& path) {
    QFile f(path);
    if (!f.exists()) {
        PrivateKey key = PrivateKey::generate(Algorithm::EdDSA);
        if (auto saved = writeFileDurably(path, key.toPem(), 0600); !saved)
            return unexpected(fileWriteFailure(LogError::TerminalKeyUnwritable, saved.error()));
        return key;
    }
    if (f.permissions() &
        (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther))
        return logFailure(LogError::KeyFilePermissions,
                          QStringLiteral("%1 is readable by others; chmod 600 it").arg(path));
    if (!f.open(QIODevice::ReadOnly))
        return logFailure(LogError::TerminalKeyUnreadable,
                          QStringLiteral("%1: %2").arg(path, f.errorString()));
    auto key = PrivateKey::fromPem(f.readAll());
    if (!key)
        return logFailure(LogError::TerminalKeyMalformed, QStringLiteral("%1: %2").arg(path, key.error()));
    return *key;
}

} // namespace lz
