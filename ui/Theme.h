#pragma once
// The kiosk's look: one style sheet for normal, large-text (elder) and high-contrast modes.
// Verdicts are never told by colour alone: every colour comes with an icon and words.
#include <QString>

class QApplication;

namespace lz::ui {

struct ThemeOptions {
    bool largeText = false;
    bool highContrast = false;
};

// Applies font size and style sheet to the whole application.
void applyTheme(QApplication& app, ThemeOptions options);
int basePointSize(ThemeOptions options);

} // namespace lz::ui
