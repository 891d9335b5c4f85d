#include "ui/PinPad.h"

#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QStyle>
#include <QVBoxLayout>

namespace lz::ui {

PinPad::PinPad(QWidget* parent)
    : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->addStretch();
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("prompt"));
    m_title->setAlignment(Qt::AlignCenter);
    m_staffId = new QLineEdit(this);
    m_staffId->setObjectName(QStringLiteral("staffId"));
    m_staffId->setMaxLength(16);
    m_staffId->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[A-Za-z0-9_-]{0,16}")), this));
    m_staffId->setAlignment(Qt::AlignCenter);
    m_staffId->setMaximumWidth(420);
    m_staffId->setMinimumWidth(360); // the placeholder says who leaves it blank: it must be read whole
    m_field = new QLineEdit(this);
    m_field->setEchoMode(QLineEdit::Password);
    m_field->setMaxLength(12);
    m_field->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,12}")), this));
    m_field->setAlignment(Qt::AlignCenter);
    m_field->setMaximumWidth(420);
    m_field->setMinimumWidth(360);
    m_message = new QLabel(this);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    outer->addWidget(m_title);
    outer->addWidget(m_staffId, 0, Qt::AlignHCenter);
    outer->addWidget(m_field, 0, Qt::AlignHCenter);
    outer->addWidget(m_message);
    auto* keys = new QGridLayout;
    for (int i = 0; i < 10; ++i) {
        auto* b = new QPushButton(QString::number(i), this);
        b->setMinimumSize(88, 64);
        b->setFocusPolicy(Qt::NoFocus); // the keyboard types into the field directly
        connect(b, &QPushButton::clicked, this, [this, i] {
            // Into the staff number while it has the focus (staff numbers are mostly digits).
            (m_staffId->hasFocus() ? m_staffId : m_field)->insert(QString::number(i));
        });
        const int pos = i == 0 ? 10 : i - 1;
        keys->addWidget(b, pos / 3, pos % 3);
    }
    m_back = new QPushButton(QStringLiteral("⌫"), this);
    m_back->setMinimumSize(88, 64);
    m_back->setFocusPolicy(Qt::NoFocus);
    connect(m_back, &QPushButton::clicked, this,
            [this] { (m_staffId->hasFocus() ? m_staffId : m_field)->backspace(); });
    keys->addWidget(m_back, 3, 2);
    auto* keyBox = new QWidget(this);
    keyBox->setLayout(keys);
    keyBox->setMaximumWidth(420);
    outer->addWidget(keyBox, 0, Qt::AlignHCenter);
    auto* buttons = new QHBoxLayout;
    m_cancel = new QPushButton(this);
    m_ok = new QPushButton(this);
    m_ok->setProperty("primary", true);
    buttons->addStretch();
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_ok);
    buttons->addStretch();
    outer->addLayout(buttons);
    outer->addStretch();
    auto submit = [this] { emit submitted(m_staffId->text().trimmed(), m_field->text()); };
    connect(m_ok, &QPushButton::clicked, this, submit);
    connect(m_field, &QLineEdit::returnPressed, this, submit);
    connect(m_staffId, &QLineEdit::returnPressed, m_field, qOverload<>(&QWidget::setFocus));
    connect(m_cancel, &QPushButton::clicked, this, &PinPad::cancelled);
    retranslate();
}

void PinPad::reset() {
    m_staffId->clear();
    m_field->clear();
    m_message->clear();
    m_ok->setEnabled(true);
    m_field->setFocus();
}

QString PinPad::message() const {
    return m_message->text();
}

void PinPad::showAttempt(const staff::PinAttempt& a) {
    m_field->clear();
    const QString until = QDateTime::fromSecsSinceEpoch(a.lockedUntil).toString(QStringLiteral("HH:mm"));
    switch (a.outcome) {
    case staff::PinOutcome::Accepted:
        m_message->clear();
        return;
    case staff::PinOutcome::NotSet:
        m_message->setText(tr("No staff PIN is set. Set one with: liangzheng-cli staff set-pin"));
        break;
    case staff::PinOutcome::Locked:
        m_message->setText(tr("Too many wrong PINs. Locked until %1.").arg(until));
        break;
    case staff::PinOutcome::Wrong:
        if (a.problem == staff::PinAttempt::Problem::HashUnusable)
            m_message->setText(tr("The stored PIN is unusable (%1). Set a new one.").arg(a.error));
        else if (a.lockedUntil > 0)
            m_message->setText(tr("Wrong PIN. Locked until %1.").arg(until));
        else
            m_message->setText(tr("Wrong PIN. %n tries left.", nullptr, a.remaining));
        break;
    }
    m_message->setObjectName(QStringLiteral("error"));
    m_message->style()->polish(m_message);
}

void PinPad::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void PinPad::retranslate() {
    m_title->setText(tr("Staff sign-in"));
    m_staffId->setPlaceholderText(tr("Staff number (blank: administrator)"));
    m_staffId->setAccessibleName(tr("Staff number"));
    m_field->setPlaceholderText(tr("PIN"));
    m_field->setAccessibleName(tr("Staff PIN"));
    m_ok->setText(tr("Sign in"));
    m_cancel->setText(tr("Cancel"));
    m_back->setAccessibleName(tr("Delete last digit"));
}

} // namespace lz::ui
