#pragma once
// Switches the user-visible language at run time: loads the compiled translation from the
// application's resources (:/i18n/liangzheng_<code>.qm) and installs it; every screen
// re-translates itself on the LanguageChange event that follows.
#include <QString>

namespace lz::ui {

// False (and the previous language kept) when no translation for `code` is built in.
bool applyLanguage(const QString& code);
QString currentLanguage();

} // namespace lz::ui
