#pragma once
// The kiosk's look: one style sheet for normal, large-text (elder) and high-contrast modes.
// Verdicts are never told by colour alone: every colour comes with an icon and words.
#include <QList>
#include <QString>

class QApplication;

namespace lz::ui {

struct ThemeOptions {
    bool largeText = false;
    bool highContrast = false;
};

// Every colour of the style sheet, by role. Text roles are checked against the backgrounds they
// are drawn on (themeTextPairs, tests/ui/tst_theme.cpp): high contrast ≥ 7:1 (WCAG AAA), normal
// ≥ 4.5:1, a disabled button's text ≥ 4.5:1 in both.
struct ThemeColors {
    QString background, text, panel, accent, ok, onOk, bad, onBad, border, muted, disabled, okText;
};
ThemeColors themeColors(ThemeOptions options);
struct TextPair {
    QString role, foreground, background;
    bool disabled = false; // a disabled control's text
};
QList<TextPair> themeTextPairs(ThemeOptions options);     // every text colour on what it is drawn on
double contrastRatio(const QString& a, const QString& b); // WCAG 2 relative-luminance ratio

// Applies font size and style sheet to the whole application.
void applyTheme(QApplication& app, ThemeOptions options);
int basePointSize(ThemeOptions options);

} // namespace lz::ui
