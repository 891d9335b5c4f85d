#include "ui/ReadyScreen.h"

#include "ui/KioskSettings.h"
#include "ui/LanguageBar.h"
#include "ui/PreviewView.h"
#include "ui/Texts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace lz::ui {
namespace {
// Room kept free at the bottom right: the result screen's Done button is there (large text too).
constexpr int kDoneClearance = 180;
} // namespace

ReadyScreen::ReadyScreen(QWidget* parent)
    : QWidget(parent) {
    auto* page = new QVBoxLayout(this);
    page->setContentsMargins(24, 16, 24, 16);
    auto* outer = m_columns = new QHBoxLayout;
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
    m_how = new QLabel(this);
    m_how->setObjectName(QStringLiteral("how"));
    m_how->setWordWrap(true);
    m_seen = new QLabel(this);
    m_seen->setObjectName(QStringLiteral("okText"));
    m_seen->setWordWrap(true);
    m_seen->hide();
    m_heldTimer = new QTimer(this);
    m_heldTimer->setSingleShot(true);
    m_heldTimer->setInterval(1500);
    connect(m_heldTimer, &QTimer::timeout, this, [this] {
        m_seenState = Seen::Held;
        retranslate();
    });
    m_goneTimer = new QTimer(this);
    m_goneTimer->setSingleShot(true);
    m_goneTimer->setInterval(2000); // previews come after each decode: slower on a loaded machine
    connect(m_goneTimer, &QTimer::timeout, this, [this] { codeInView(false); });
    m_endParty = new QPushButton(this);
    m_endParty->setObjectName(QStringLiteral("endParty"));
    connect(m_endParty, &QPushButton::clicked, this, &ReadyScreen::partyCancelled);
    side->addStretch();
    side->addWidget(m_prompt);
    side->addSpacing(12);
    side->addWidget(m_hint);
    side->addWidget(m_seen);
    side->addSpacing(12);
    side->addWidget(m_party);
    side->addWidget(m_endParty);
    side->addSpacing(12);
    side->addWidget(m_elderSlot = new QWidget(this)); // 长辈模式, where an elderly guest is looking
    side->addStretch();
    // How, in short steps, under the picture and the prompt: the whole width, so large text fits.
    page->addWidget(m_how);

    // The clerk's buttons on the left, the guest's on the right — but never where the result
    // screen's Done is (bottom right): a second tap on Done must not open staff mode or switch
    // anything (issue 18).
    auto* bottom = new QHBoxLayout;
    m_staff = new QPushButton(this);
    m_staff->setObjectName(QStringLiteral("staff"));
    connect(m_staff, &QPushButton::clicked, this, &ReadyScreen::staffRequested);
    bottom->addWidget(m_staff);
    m_passport = new QPushButton(this);
    m_passport->setObjectName(QStringLiteral("passport"));
    connect(m_passport, &QPushButton::clicked, this, &ReadyScreen::passportRequested);
    bottom->addWidget(m_passport);
    bottom->addStretch();
    auto* languages = new LanguageBar(this);
    connect(languages, &LanguageBar::languageChosen, this, &ReadyScreen::languageChosen);
    bottom->addWidget(languages);
    m_elder = new QPushButton(m_elderSlot);
    m_elder->setObjectName(QStringLiteral("elderMode"));
    m_elder->setCheckable(true);
    connect(m_elder, &QPushButton::toggled, this, &ReadyScreen::elderModeToggled);
    auto* elderRow = new QHBoxLayout(m_elderSlot);
    elderRow->setContentsMargins(0, 0, 0, 0);
    elderRow->addWidget(m_elder);
    elderRow->addStretch();
    bottom->addSpacing(kDoneClearance);
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

void ReadyScreen::codeInView(bool inView) {
    if (inView) {
        m_goneTimer->start();
        if (m_seenState == Seen::None) {
            m_seenState = Seen::Checking;
            m_heldTimer->start();
            retranslate();
        }
        return;
    }
    m_heldTimer->stop();
    m_goneTimer->stop();
    if (m_seenState != Seen::None) {
        m_seenState = Seen::None;
        retranslate();
    }
}

QString ReadyScreen::seenText() const {
    return m_seen->isHidden() ? QString() : m_seen->text();
}

QString ReadyScreen::howText() const {
    return m_how->text();
}

void ReadyScreen::setElderMode(bool on) {
    const QSignalBlocker quiet(m_elder);
    m_elder->setChecked(on);
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
    // Large text (elder mode, or the venue's setting): the prompt's column gets half the width,
    // so that a long prompt in large type is read whole (the tour's clipping check).
    if (e->type() == QEvent::FontChange || e->type() == QEvent::StyleChange) {
        const bool large = font().pointSize() >= 20;
        m_columns->setStretch(0, large ? 1 : 3);
        m_columns->setStretch(1, large ? 1 : 2);
    }
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
    // How, in short steps: where to hold the phone, where the NFC spot is.
    QStringList how;
    if (m_camera || m_scanner || m_nfc)
        how << tr("Open the e-ID app on your phone");
    if (m_camera || m_scanner)
        how << tr("Show your ID code, the screen about 20 cm from the camera");
    if (m_nfc)
        how << ((m_camera || m_scanner)
                    ? tr("Or lay the phone flat on the reader's NFC mark and keep it there")
                    : tr("Lay the phone flat on the reader's NFC mark and keep it there"));
    static const QString kNumbers = QStringLiteral("①②③④");
    for (int i = 0; i < how.size(); ++i)
        how[i] = kNumbers.mid(i, 1) + QLatin1Char(' ') + how[i];
    m_how->setText(how.join(QStringLiteral("    ")));
    m_how->setVisible(!how.isEmpty());
    m_seen->setText(m_seenState == Seen::Checking ? tr("✓ Code recognised, checking…")
                    : m_seenState == Seen::Held
                        ? tr("This code was just checked. To check again, refresh it in the app.")
                        : QString());
    m_seen->setVisible(m_seenState != Seen::None);
    m_elder->setText(tr("Elder mode"));
    m_elder->setAccessibleName(tr("Elder mode: larger text, spoken prompts, more time"));
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
