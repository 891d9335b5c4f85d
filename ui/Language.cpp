#include "ui/Language.h"

#include <QCoreApplication>
#include <QTranslator>
#include <memory>

namespace lz::ui {
namespace {
std::unique_ptr<QTranslator> g_translator;
QString g_current;
} // namespace

bool applyLanguage(const QString& code) {
    auto t = std::make_unique<QTranslator>();
    if (!t->load(QStringLiteral(":/i18n/liangzheng_%1.qm").arg(code)))
        return false;
    if (g_translator)
        QCoreApplication::removeTranslator(g_translator.get());
    QCoreApplication::installTranslator(t.get());
    g_translator = std::move(t);
    g_current = code;
    return true;
}

QString currentLanguage() {
    return g_current;
}

} // namespace lz::ui
