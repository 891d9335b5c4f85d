#pragma once
// Runs one of the real executables from LZ_BIN_DIR and collects its exit code and output.
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

struct Run {
    int code = -1;
    QByteArray out, err;
    // The first JSON object printed (one per line, or one indented object for `inspect`).
    QJsonObject json() const {
        const QJsonObject whole = QJsonDocument::fromJson(out).object();
        return whole.isEmpty() ? QJsonDocument::fromJson(out.split('\n').first()).object() : whole;
    }
};

inline Run run(const QString& program, const QStringList& args, const QByteArray& input = {}) {
    QProcess p;
    p.start(qEnvironmentVariable("LZ_BIN_DIR") + QLatin1Char('/') + program, args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

inline bool writeText(const QString& path, const QByteArray& text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}
