#pragma once
// Small helpers shared by the command-line programs: files, times, options and errors.
#include "util/Expected.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lz::cli {

// Exit codes shared by all tools: 0 success (or "valid"), 1 rejected, 2 usage or I/O error.
inline constexpr int kExitOk = 0, kExitRejected = 1, kExitUsage = 2;

Expected<QByteArray> readFile(const QString& path); // "-" reads standard input
// Writes atomically (temporary file + rename). mode0600 for private keys.
Expected<bool> writeFile(const QString& path, const QByteArray& data, bool mode0600 = false);
// "now", seconds since the epoch, or ISO 8601 (2026-11-22T08:00:00Z).
Expected<qint64> parseTime(const QString& text, qint64 now);
void printJson(const QJsonObject& o, bool indented = false); // one line on stdout unless indented
int fail(const QString& message, int code = kExitUsage);     // prints "error: ..." to stderr

// Minimal "--name value" / "--flag" option reader over a list of arguments.
class Options {
public:
    explicit Options(QStringList args)
        : m_args(std::move(args)) {}
    QString value(const QString& name, const QString& fallback = {}) const;
    bool has(const QString& name) const;
    QStringList positional(const QStringList& flagsWithoutValue = {}) const;
    // Names of --options present that are not in `known`; used to refuse typos.
    QStringList unknown(const QStringList& known) const;

private:
    QStringList m_args;
};

} // namespace lz::cli
