#include "ui/Theme.h"

#include <QApplication>
#include <QFont>

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
    const bool hc = o.highContrast;
    const QString bg = hc ? QStringLiteral("#000000") : QStringLiteral("#f4f6f8");
    const QString fg = hc ? QStringLiteral("#ffffff") : QStringLiteral("#1d2733");
    const QString panel = hc ? QStringLiteral("#000000") : QStringLiteral("#ffffff");
    const QString accent = hc ? QStringLiteral("#ffff00") : QStringLiteral("#1565c0");
    const QString ok = hc ? QStringLiteral("#00ff66") : QStringLiteral("#1b7f3a");
    const QString bad = hc ? QStringLiteral("#ff5050") : QStringLiteral("#b3261e");
    const QString border = hc ? QStringLiteral("#ffffff") : QStringLiteral("#c9d1da");
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
QPushButton:disabled { color: #8a96a3; border-color: #c9d1da; }
QLineEdit, QComboBox, QSpinBox, QDateTimeEdit { min-height: %8px; padding: 0 8px; border: 1px solid %7;
  border-radius: 6px; background: %3; }
QPlainTextEdit { border: 1px solid %7; border-radius: 6px; background: %3; }
QCheckBox { min-height: %8px; }
QCheckBox::indicator { width: 28px; height: 28px; }
QTabBar::tab { min-height: %8px; padding: 0 18px; }
QLabel#prompt { font-size: %9pt; font-weight: bold; }
QLabel#hint { font-size: %10pt; color: %4; }
QLabel#verdictOk { background: %5; color: #ffffff; font-size: %9pt; font-weight: bold; border-radius: 10px; padding: 12px; }
QLabel#verdictBad { background: %6; color: #ffffff; font-size: %9pt; font-weight: bold; border-radius: 10px; padding: 12px; }
QLabel#reason { font-size: %10pt; }
QLabel#banner { background: %4; color: %1; font-size: %10pt; border-radius: 8px; padding: 8px; }
QLabel#error { color: %6; font-weight: bold; }
QLabel#chip { border: 1px solid %7; border-radius: 12px; padding: 2px 8px; font-size: 14pt; }
QLabel#venue { font-size: 14pt; }
QLabel#value { font-size: %10pt; font-weight: bold; }
QLabel#key { color: #5f6b78; }
)")
                          .arg(bg, fg, panel, accent, ok, bad, border)
                          .arg(target)
                          .arg(o.largeText ? 36 : 30)
                          .arg(int(basePointSize(o) * 1.3))
                          .arg(basePointSize(o)));
}

} // namespace lz::ui
