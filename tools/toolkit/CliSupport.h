#pragma once
// The tools' option reader (the product's CLI has its own on QCommandLineParser); output, files
// and times come from the product's cli/CliOutput.h.
#include "cli/CliOutput.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace lz::cli {

// Minimal "--name value" / "--flag" option reader over a list of arguments.
class Options {
public:
    explicit Options(QStringList args)
        : m_args(std::move(args)) {}
    QString value(const QString& name, const QString& fallback = {}) const;
    // The value of --name as a number (the benchmarks' sizes); fallback when absent.
    long long number(const char* name, long long fallback) const;
    bool has(const QString& name) const;
    QStringList positional(const QStringList& flagsWithoutValue = {}) const;
    // Names of --options present that are not in `known`; used to refuse typos.
    QStringList unknown(const QStringList& known) const;

private:
    QStringList m_args;
};

} // namespace lz::cli
