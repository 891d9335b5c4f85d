#include "cli/CliOutput.h"

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

Expected<void> writeFile(const QString& path, const QByteArray& data, bool mode0600) {
    if (auto written = writeFileDurably(path, data, mode0600 ? 0600 : 0644); !written)
        return unexpected(written.error().text());
    return {};
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

} // namespace lz::cli
