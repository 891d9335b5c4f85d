#include "ui/NotEnrolledScreen.h"

#include "ui/Language.h"
#include "ui/LanguageBar.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lz::ui {

NotEnrolledScreen::NotEnrolledScreen(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_why(new QLabel(this))
    , m_list(new QLabel(this))
    , m_how(new QLabel(this))
    , m_enrol(new QPushButton(this)) {
    setObjectName(QStringLiteral("notEnrolled"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 24);
    layout->setSpacing(16);
    m_title->setObjectName(QStringLiteral("prompt"));
    for (QLabel* l : {m_title, m_why, m_list, m_how}) {
        l->setWordWrap(true);
        l->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    }
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_title->setFont(big);
    layout->addWidget(m_title);
    layout->addWidget(m_why);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_how);
    m_enrol->setObjectName(QStringLiteral("startEnrolment"));
    m_enrol->setMinimumHeight(64);
    m_enrol->setMaximumWidth(520);
    layout->addWidget(m_enrol);
    connect(m_enrol, &QPushButton::clicked, this, &NotEnrolledScreen::enrolRequested);
    auto* languages = new LanguageBar(this);
    connect(languages, &LanguageBar::languageChosen, this, [](const QString& code) { applyLanguage(code); });
    layout->addWidget(languages);
    retranslate();
}

void NotEnrolledScreen::setSteps(const QList<EnrolStepView>& steps) {
    m_steps = steps;
    retranslate();
}

QString NotEnrolledScreen::stepName(const QString& key) {
    if (key == QLatin1String("pin"))
        return tr("Staff PIN");
    if (key == QLatin1String("venue"))
        return tr("Venue: type and code");
    if (key == QLatin1String("terminal"))
        return tr("Terminal ID");
    if (key == QLatin1String("trust"))
        return tr("Trust list");
    if (key == QLatin1String("gateway"))
        return tr("Police gateway and this terminal's key");
    if (key == QLatin1String("certificate"))
        return tr("This terminal's certificate");
    if (key == QLatin1String("self_test"))
        return tr("Self-test: camera, readers, clock, gateway");
    return key;
}

QString NotEnrolledScreen::stepsText() const {
    QStringList lines;
    for (const EnrolStepView& s : m_steps) {
        if (!s.required && !s.done)
            continue;
        lines << (s.done ? QStringLiteral("✓  ") : QStringLiteral("○  ")) + stepName(s.key);
    }
    return lines.join(QLatin1Char('\n'));
}

void NotEnrolledScreen::retranslate() {
    m_title->setText(tr("This terminal is not enrolled yet"));
    m_why->setText(tr("It verifies no one until enrolment is complete. Guests: please go to the desk."));
    m_list->setText(stepsText());
    m_how->setText(tr("Staff: enrol it here, or with the command liangzheng-cli enrol (man liangzheng-cli). "
                      "This screen changes by itself when the terminal is ready."));
    m_enrol->setText(tr("Staff: enrol this terminal"));
}

void NotEnrolledScreen::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

} // namespace lz::ui
