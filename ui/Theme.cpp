#include "ui/Theme.h"

#include <QApplication>
#include <QFont>

#include <algorithm>
#include <cmath>

namespace lz::ui {

int basePointSize(ThemeOptions o) {
    return o.largeText ? 22 : 15;
}

void applyTheme(QApplication& app, ThemeOptions o) {
    QFont font = app.font();
    // Noto Sans CJK (fonts-noto-cjk) draws Chinese and Latin alike; fontconfig picks it up.
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans CJK TC"),
                      QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("sans-serif")});
    font.setPointSize(basePointSize(o));
    app.setFont(font);
    // The size is in the style sheet too: widgets polished by a style sheet keep the font they
    // had then, and a new sheet re-polishes every one (large-text mode switched at run time).
    const ThemeColors c = themeColors(o);
    // Touch targets: every button and field at least 48 px high (more in large-text mode).
    const int target = o.largeText ? 64 : 48;
    app.setStyleSheet(QStringLiteral(R"(
QWidget { background: %1; color: %2; font-size: %11pt; }
QLabel { background: transparent; }
QFrame#panel, QGroupBox, QTableWidget, QListWidget, QTabWidget::pane { background: %3; border: 1px solid %7; border-radius: 8px; }
QPushButton, QToolButton { min-height: %8px; min-width: %8px; padding: 4px 16px; border-radius: 8px;
  border: 2px solid %4; background: %3; color: %2; }
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDateTimeEdit:focus,
QCheckBox:focus, QTableWidget:focus, QPlainTextEdit:focus { border: 3px solid %4; }
QPushButton[primary="true"] { background: %4; color: %1; font-weight: bold; }
QPushButton:disabled { color: %12; border-color: %7; }
QLineEdit, QComboBox, QSpinBox, QDateTimeEdit { min-height: %8px; padding: 0 8px; border: 1px solid %7;
  border-radius: 6px; background: %3; }
QPlainTextEdit { border: 1px solid %7; border-radius: 6px; background: %3; }
QCheckBox { min-height: %8px; }
QCheckBox::indicator { width: 28px; height: 28px; }
QTabBar::tab { min-height: %8px; padding: 0 18px; }
QLabel#prompt { font-size: %9pt; font-weight: bold; }
QLabel#hint { font-size: %10pt; color: %4; }
QLabel#verdictOk { background: %5; color: %13; font-size: %9pt; font-weight: bold; border-radius: 10px; padding: 12px; }
QLabel#verdictBad { background: %6; color: %14; font-size: %9pt; font-weight: bold; border-radius: 10px; padding: 12px; }
QLabel#reason { font-size: %10pt; }
QLabel#banner { background: %4; color: %1; font-size: %10pt; border-radius: 8px; padding: 8px; }
QLabel#error { color: %15; font-weight: bold; }
QLabel#okText { color: %17; font-weight: bold; }
QLabel#steps { font-size: %10pt; font-weight: bold; }
QLabel#clerkNote { color: %16; border-top: 1px solid %7; padding-top: 8px; }
QLabel#chip { border: 1px solid %7; border-radius: 12px; padding: 2px 8px; font-size: 14pt; }
QLabel#venue { font-size: 14pt; }
QLabel#value { font-size: %10pt; font-weight: bold; }
QLabel#key { color: %16; }
)")
                          .arg(c.background, c.text, c.panel, c.accent, c.ok, c.bad, c.border)
                          .arg(target)
                          .arg(o.largeText ? 32 : 30)
                          .arg(int(basePointSize(o) * 1.3))
                          .arg(basePointSize(o))
                          .arg(c.disabled, c.onOk, c.onBad, c.bad, c.muted, c.okText));
}

ThemeColors themeColors(ThemeOptions o) {
    if (o.highContrast) // black, white, yellow; the verdicts' words in black on light colours
        return {QStringLiteral("#000000"), QStringLiteral("#ffffff"), QStringLiteral("#000000"),
                QStringLiteral("#ffff00"), QStringLiteral("#00ff66"), QStringLiteral("#000000"),
                QStringLiteral("#ff8080"), QStringLiteral("#000000"), QStringLiteral("#ffffff"),
                QStringLiteral("#c0c0c0"), QStringLiteral("#b0b0b0"), QStringLiteral("#00ff66")};
    return {QStringLiteral("#f4f6f8"), QStringLiteral("#1d2733"), QStringLiteral("#ffffff"),
            QStringLiteral("#1565c0"), QStringLiteral("#1b7f3a"), QStringLiteral("#ffffff"),
            QStringLiteral("#b3261e"), QStringLiteral("#ffffff"), QStringLiteral("#c9d1da"),
            QStringLiteral("#5f6b78"), QStringLiteral("#6b7785"), QStringLiteral("#1b7f3a")};
}

QList<TextPair> themeTextPairs(ThemeOptions o) {
    const ThemeColors c = themeColors(o);
    QList<TextPair> pairs;
    for (const QString& under : {c.background, c.panel}) {
        pairs.append({QStringLiteral("text"), c.text, under});
        pairs.append({QStringLiteral("muted (key, clerk's note)"), c.muted, under});
        pairs.append({QStringLiteral("hint (accent)"), c.accent, under});
        pairs.append({QStringLiteral("error"), c.bad, under});
        pairs.append({QStringLiteral("ok text (face check: same person)"), c.okText, under});
    }
    pairs.append({QStringLiteral("primary button"), c.background, c.accent});
    pairs.append({QStringLiteral("banner"), c.background, c.accent});
    pairs.append({QStringLiteral("verdict ok"), c.onOk, c.ok});
    pairs.append({QStringLiteral("verdict bad"), c.onBad, c.bad});
    pairs.append({QStringLiteral("disabled button"), c.disabled, c.panel, true});
    return pairs;
}

double contrastRatio(const QString& a, const QString& b) {
    auto luminance = [](const QString& hex) {
        auto channel = [&](int i) {
            const double v = hex.mid(1 + 2 * i, 2).toInt(nullptr, 16) / 255.0;
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

} // namespace lz::ui
