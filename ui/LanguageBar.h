#pragma once
// The guest's language buttons (简体中文 / 繁體中文 / English), each named in its own language: on
// the Ready screen, the result and the passport screens (issue 18: a foreign guest at the passport
// read switches too). The choice lasts for the guest; the window returns to the venue's language.
#include <QWidget>

namespace lz::ui {

class LanguageBar : public QWidget {
    Q_OBJECT
public:
    explicit LanguageBar(QWidget* parent = nullptr);

signals:
    void languageChosen(const QString& code);
};

} // namespace lz::ui
