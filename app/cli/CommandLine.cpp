#include "cli/CommandLine.h"

#include <QCommandLineParser>

namespace lz::cli {
namespace {

// Every option of every command (docs/tools.md lists which command takes which).
const QStringList kValueOptions{QStringLiteral("config"),      QStringLiteral("state-dir"),
                                QStringLiteral("at"),          QStringLiteral("image"),
                                QStringLiteral("video"),       QStringLiteral("images"),
                                QStringLiteral("camera"),      QStringLiteral("seconds"),
                                QStringLiteral("serial"),      QStringLiteral("baud"),
                                QStringLiteral("details"),     QStringLiteral("operator"),
                                QStringLiteral("method"),      QStringLiteral("date"),
                                QStringLiteral("room"),        QStringLiteral("override-reason"),
                                QStringLiteral("reason"),      QStringLiteral("name"),
                                QStringLiteral("escrow-cert"), QStringLiteral("escrow-key"),
                                QStringLiteral("type"),        QStringLiteral("id"),
                                QStringLiteral("url"),         QStringLiteral("ca")};
const QStringList kFlags{QStringLiteral("demo"),  QStringLiteral("unmasked"),
                         QStringLiteral("paced"), QStringLiteral("synthetic"),
                         QStringLiteral("help"),  QStringLiteral("from-gateway")};

} // namespace

Expected<Options> Options::parse(const QStringList& args) {
    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    for (const QString& name : kValueOptions)
        parser.addOption(QCommandLineOption(name, QString(), name));
    for (const QString& name : kFlags)
        parser.addOption(QCommandLineOption(name));
    if (!parser.parse(QStringList{QStringLiteral("liangzheng-cli")} + args))
        return unexpected(parser.errorText());
    Options o;
    for (const QString& name : kValueOptions)
        if (parser.isSet(name)) {
            o.m_present.insert(QStringLiteral("--") + name);
            o.m_values.insert(QStringLiteral("--") + name, parser.value(name));
        }
    for (const QString& name : kFlags)
        if (parser.isSet(name))
            o.m_present.insert(QStringLiteral("--") + name);
    o.m_positional = parser.positionalArguments();
    return o;
}

QString Options::value(const QString& name, const QString& fallback) const {
    return m_values.value(name, fallback);
}

bool Options::has(const QString& name) const {
    return m_present.contains(name);
}

} // namespace lz::cli
