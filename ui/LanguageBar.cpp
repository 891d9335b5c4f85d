#include "ui/LanguageBar.h"

#include "ui/KioskSettings.h"
#include "ui/Texts.h"

#include <QHBoxLayout>
#include <QPushButton>

namespace lz::ui {

LanguageBar::LanguageBar(QWidget* parent)
    : QWidget(parent) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    for (const QString& code : supportedLanguages()) {
        auto* b = new QPushButton(Texts::languageName(code), this);
        b->setObjectName(QStringLiteral("language_") + code);
        b->setAccessibleName(Texts::languageName(code));
        connect(b, &QPushButton::clicked, this, [this, code] { emit languageChosen(code); });
        row->addWidget(b);
    }
}

} // namespace lz::ui
