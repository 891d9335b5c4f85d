#include "toolkit/CliSupport.h"

namespace lz::cli {

QString Options::value(const QString& name, const QString& fallback) const {
    const qsizetype i = m_args.indexOf(name);
    return i >= 0 && i + 1 < m_args.size() ? m_args.at(i + 1) : fallback;
}

long long Options::number(const char* name, long long fallback) const {
    const QString v = value(QLatin1String(name));
    return v.isEmpty() ? fallback : v.toLongLong();
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
