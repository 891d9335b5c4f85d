#pragma once
// liangzheng-cli's arguments, parsed by QCommandLineParser against the one list of options the
// commands know (an unknown option or one missing its value is refused by name). The commands
// read the result through this small value type.
#include "util/Expected.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

namespace lz::cli {

class Options {
public:
    // args without the program name.
    static Expected<Options> parse(const QStringList& args);

    QString value(const QString& name, const QString& fallback = {}) const; // name: "--config"
    bool has(const QString& name) const;
    QStringList positional() const { return m_positional; } // the command and its words

private:
    QHash<QString, QString> m_values;
    QSet<QString> m_present;
    QStringList m_positional;
};

} // namespace lz::cli
