#pragma once
// What every command-line program of the project shares: exit codes, files, times, one JSON line
// per answer, errors on stderr. Owned by the product (liangzheng-cli); the tools use it too.
#include "util/Expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace lz::cli {

// Exit codes shared by all tools: 0 success (or "valid"), 1 rejected, 2 usage or I/O error.
inline constexpr int kExitOk = 0, kExitRejected = 1, kExitUsage = 2;

Expected<QByteArray> readFile(const QString& path); // "-" reads standard input
// Writes durably (temporary file, fsync, rename). mode0600 for private keys.
Expected<void> writeFile(const QString& path, const QByteArray& data, bool mode0600 = false);
// "now", seconds since the epoch, or ISO 8601 (2026-11-22T08:00:00Z).
Expected<qint64> parseTime(const QString& text, qint64 now);
void printJson(const QJsonObject& o, bool indented = false); // one line on stdout unless indented
int fail(const QString& message, int code = kExitUsage);     // prints "error: ..." to stderr
// A module's typed failure (LogFailure, FileFailure, ...) printed as its named error.
template <typename Failure>
requires requires(const Failure& f) {
    f.text();
}
int fail(const Failure& failure, int code = kExitUsage) {
    return fail(failure.text(), code);
}

} // namespace lz::cli
