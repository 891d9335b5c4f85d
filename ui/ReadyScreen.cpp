#include "ui/ReadyScreen.h"

#include "ui/KioskSettings.h"
#include "ui/PreviewView.h"
#include "ui/Texts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lz::ui {

ReadyScreen::ReadyScreen(QWidget* parent)
    : QWidget(parent) {
    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(24, 16, 24, 16);
    auto* outer = new QHBoxLayout;
    outer->setSpacing(24);
    page->addLayout(outer, 1);
    m_preview = new PreviewView(this);
    outer->addWidget(m_preview, 3);

    auto* side = new QVBoxLayout;
    outer->addLayout(side, 2);
    m_prompt = new QLabel(this);
    m_prompt->setObjectName(QStringLiteral("prompt"));
    m_prompt->setWordWrap(true);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("hint"));
    m_hint->setWordWrap(true);
    m_party = new QLabel(this);
    m_party->setObjectName(QStringLiteral("banner"));
    m_party->setWordWrap(true);
    m_endParty = new QPushButton(this);
    m_endParty->setObjectName(QStringLiteral("endParty"));
    connect(m_endParty, &QPushButton::clicked, this, &ReadyScreen::partyCancelled);
    side->addStretch();
    side->addWidget(m_prompt);
    side->addSpacing(12);
    side->addWidget(m_hint);
    side->addSpacing(12);
    side->addWidget(m_party);
    side->addWidget(m_endParty);
    side->addStretch();

    auto* bottom = new QHBoxLayout;
    for (const QString& code : supportedLanguages()) {
        auto* b = new QPushButton(Texts::languageName(code), this);
        b->setObjectName(QStringLiteral("language_") + code);
        b->setAccessibleName(Texts::languageName(code));
        connect(b, &QPushButton::clicked, this, [this, code] { emit languageChosen(code); });
        bottom->addWidget(b);
        m_languages.append(b);
    }
    bottom->addStretch();
    m_passport = new QPushButton(this);
    m_passport->setObjectName(QStringLiteral("passport"));
    connect(m_passport, &QPushButton::clicked, this, &ReadyScreen::passportRequested);
    bottom->addWidget(m_passport);
    m_staff = new QPushButton(this);
    m_staff->setObjectName(QStringLiteral("staff"));
    connect(m_staff, &QPushButton::clicked, this, &ReadyScreen::staffRequested);
    bottom->addWidget(m_staff);
    page->addLayout(bottom); // the whole width: large text must not squeeze the buttons
    retranslate();
}

void ReadyScreen::setInputs(bool camera, bool scanner, bool nfc, bool idCard) {
    m_camera = camera;
    m_scanner = scanner;
    m_nfc = nfc;
    m_idCard = idCard;
    retranslate();
}

void ReadyScreen::setHint(GuestHint hint) {
    m_hintValue = hint;
    m_hint->setText(Texts::hint(hint));
}

void ReadyScreen::setParty(const PartyProgress& party) {
    m_partyValue = party;
    retranslate();
}

QString ReadyScreen::promptText() const {
    return m_prompt->text();
}

QString ReadyScreen::hintText() const {
    return m_hint->text();
}

void ReadyScreen::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void ReadyScreen::retranslate() {
    QString prompt;
    // Only the inputs that work right now are offered.
    if ((m_camera || m_scanner) && m_nfc)
        prompt = tr("Please show the QR code of your electronic ID, or hold your phone to the reader");
    else if (m_camera || m_scanner)
        prompt = tr("Please show the QR code of your electronic ID");
    else if (m_nfc)
        prompt = tr("Please hold your phone to the reader");
    else if (m_idCard)
        prompt = tr("Please place your ID card on the card reader");
    else
        prompt = tr("Scanning is unavailable right now. Please ask staff for help.");
    // The physical card, when its reader works, as a second line under the phone's ways.
    if (m_idCard && (m_camera || m_scanner || m_nfc))
        prompt += QLatin1Char('\n') + tr("Or place your ID card on the card reader");
    m_prompt->setText(prompt);
    m_prompt->setAccessibleName(prompt);
    m_hint->setText(Texts::hint(m_hintValue));
    m_preview->setAccessibleName(tr("Camera picture"));
    m_party->setVisible(m_partyValue.active);
    m_endParty->setVisible(m_partyValue.active);
    m_party->setText(m_partyValue.active ? tr("Same party, room %1: guest %2 of %3, please show your code")
                                               .arg(m_partyValue.room)
                                               .arg(m_partyValue.next)
                                               .arg(m_partyValue.total)
                                         : QString());
    m_endParty->setText(tr("End party registration"));
    // Passports need the reader (their chips are read over NFC).
    m_passport->setVisible(m_nfc);
    m_passport->setText(tr("Passport / travel permit"));
    m_passport->setAccessibleName(tr("Read a passport or travel permit"));
    m_staff->setText(tr("Staff"));
    m_staff->setAccessibleName(tr("Staff mode"));
}

} // namespace lz::ui
