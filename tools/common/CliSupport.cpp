#include "common/CliSupport.h"

#include "util/DurableFile.h"
#include <QDateTime>
#include <QFile>
#include <QJsonDocument>

#include <cstdio>

namespace lz::cli {

Expected<QByteArray> readFile(const QString& path) {
    QFile f;
    if (path == QLatin1String("-")) {
        if (!f.open(stdin, QIODevice::ReadOnly))
            return unexpected(QStringLiteral("cannot read standard input"));
    } else {
        f.setFileName(path);
        if (!f.open(QIODevice::ReadOnly))
            return unexpected(QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    }
    return f.readAll();
}

Expected<bool> writeFile(const QString& path, const QByteArray& data, bool mode0600) {
    return writeFileDurably(path, data, mode0600 ? 0600 : 0644);
}

Expected<qint64> parseTime(const QString& text, qint64 now) {
    if (text.isEmpty() || text == QLatin1String("now"))
        return now;
    bool ok = false;
    const qint64 seconds = text.toLongLong(&ok);
    if (ok)
        return seconds;
    const QDateTime dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid())
        return unexpected(QStringLiteral("not a time: %1 (use 'now', epoch seconds or ISO 8601)").arg(text));
    return dt.toSecsSinceEpoch();
}

void printJson(const QJsonObject& o, bool indented) {
    const QByteArray line =
        QJsonDocument(o).toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact).trimmed() + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

int fail(const QString& message, int code) {
    std::fprintf(stderr, "error: %s\n", qPrintable(message));
    return code;
}

QString Options::value(const QString& name, const QString& fallback) const {
    const qsizetype i = m_args.indexOf(name);
    return i >= 0 && i + 1 < m_args.size() ? m_args.at(i + 1) : fallback;
}

bool Options::has(const QString& name) const {
    return m_args.contains(name);
}

QStringList Options::positional(const QStringList& flagsWithoutValue) const {
    QStringList out;
    for (qsizetype i = 0; i < m_args.size(); ++i) {
        const QString& a = m_args.at(i);
        if (a.startsWith(QLatin1String("--"))) {
            if (!flagsWithoutValue.contains(a))
                ++i; // skip its value
            continue;
        }
        out.append(a);
    }
    return out;
}

QStringList Options::unknown(const QStringList& known) const {
    QStringList out;
    for (const QString& a : m_args)
        if (a.startsWith(QLatin1String("--")) && !known.contains(a))
            out.append(a);
    return out;
}

} // namespace lz::cli
