#include "ui/FacePanel.h"

#include "face/FaceVerdict.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>

namespace lz::ui {

FacePanel::FacePanel(QWidget* parent)
    : QFrame(parent) {
    setObjectName(QStringLiteral("facePanel"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 8, 0, 0);
    m_title = new QLabel(this);
    m_title->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_text = new QLabel(this);
    m_text->setWordWrap(true);
    m_text->setObjectName(QStringLiteral("faceText"));
    m_clerk = new QLabel(this);
    m_clerk->setObjectName(QStringLiteral("key"));
    m_clerk->setWordWrap(true);
    m_live = new QLabel(this);
    m_live->setFixedSize(96, 120);
    m_live->setAlignment(Qt::AlignCenter);
    m_bar = new QProgressBar(this);
    m_bar->setRange(0, 100);
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(12);
    m_consent = new QPushButton(this);
    m_consent->setObjectName(QStringLiteral("faceConsent"));
    m_consent->setProperty("primary", true);
    m_consent->setMinimumHeight(48);
    m_decline = new QPushButton(this);
    m_decline->setObjectName(QStringLiteral("faceDecline"));
    m_decline->setMinimumHeight(48);
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("faceReason"));
    m_clerkMatch = new QPushButton(this);
    m_clerkMatch->setObjectName(QStringLiteral("faceClerkMatch"));
    m_clerkMatch->setMinimumHeight(48);
    connect(m_clerkMatch, &QPushButton::clicked, this, [this] {
        m_reason->setText(tr("Clerk compared the document photo with the guest: they match"));
    });
    connect(m_consent, &QPushButton::clicked, this, &FacePanel::consentGiven);
    connect(m_decline, &QPushButton::clicked, this, [this] {
        m_state = State::Declined;
        render();
        emit declined();
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_consent);
    buttons->addWidget(m_decline);
    grid->setVerticalSpacing(4);
    grid->addWidget(m_title, 0, 0);
    grid->addWidget(m_text, 1, 0);
    grid->addWidget(m_live, 0, 1, 4, 1, Qt::AlignTop);
    grid->addWidget(m_bar, 2, 0);
    grid->addLayout(buttons, 3, 0);
    grid->addWidget(m_clerk, 4, 0, 1, 2);
    auto* clerkRow = new QHBoxLayout;
    clerkRow->addWidget(m_reason, 1);
    clerkRow->addWidget(m_clerkMatch);
    grid->addLayout(clerkRow, 5, 0, 1, 2);
    grid->setColumnStretch(0, 1);
    clear();
}

void FacePanel::reset(const Verdict& verdict) {
    clear();
    m_verdict = verdict;
    const bool registrable = verdict.result.valid && verdict.decisionId != 0;
    if (registrable && verdict.faceOffered)
        m_state = State::Offered;
    else if (registrable && verdict.faceUnavailable)
        m_state = State::Unavailable;
    render();
}

void FacePanel::askClerk() {
    m_clerkAsked = true;
    render();
    if (m_reason->isVisible())
        m_reason->setFocus();
}

void FacePanel::clear() {
    m_state = State::Hidden;
    m_clerkAsked = false;
    m_lastPrompt.clear();
    m_spokenAt.invalidate();
    m_verdict = Verdict{};
    m_progress.reset();
    m_result.reset();
    m_live->clear();
    m_reason->setText(QString()); // also empties its undo history
    render();
}

void FacePanel::showProgress(const FaceProgressView& p) {
    if (p.decisionId != m_verdict.decisionId || (m_state != State::Offered && m_state != State::Running))
        return;
    m_state = State::Running;
    m_progress = p;
    render();
}

void FacePanel::showLive(const QImage& frame) {
    if (m_state != State::Running)
        return;
    // The middle of the desk camera's picture, where the guest is: shown, never kept.
    const int side = std::min(frame.width(), frame.height());
    const QImage middle =
        frame.copy((frame.width() - side * 4 / 5) / 2, (frame.height() - side) / 2, side * 4 / 5, side);
    m_live->setPixmap(
        QPixmap::fromImage(middle.scaled(m_live->size(), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void FacePanel::showResult(const FaceResultView& r) {
    if (r.decisionId != m_verdict.decisionId || m_state == State::Hidden || m_state == State::Declined)
        return;
    m_result = r;
    m_state = State::Done;
    m_live->clear();
    render();
}

bool FacePanel::needsClerk() const {
    switch (m_state) {
    case State::Offered:
    case State::Running:
    case State::Declined:
        return true;
    case State::Done:
        return !m_result || m_result->problem || !m_result->outcome.confirmsHolder();
    case State::Hidden:
    case State::Unavailable:
        return false;
    }
    return false;
}

QString FacePanel::clerkReason() const {
    return m_reason->text().trimmed();
}

QString FacePanel::text() const {
    return m_text->text();
}

QString FacePanel::clerkText() const {
    return m_clerk->text();
}

QString FacePanel::promptText() const {
    if (!m_progress)
        return tr("Please look at the camera.");
    if (!m_progress->faceVisible)
        return tr("We cannot see your face: please face the camera.");
    if (!m_progress->moving)
        return tr("Please look at the camera.");
    if (m_progress->challenge == QLatin1String("turn_left"))
        return tr("Slowly turn your head to your left.");
    if (m_progress->challenge == QLatin1String("turn_right"))
        return tr("Slowly turn your head to your right.");
    return tr("Please blink.");
}

QString FacePanel::resultText() const {
    if (m_result->problem) {
        switch (*m_result->problem) {
        case face::FaceCheckProblem::DocumentNoFace:
            return tr("No face found in the document photo. The clerk checks the photo.");
        case face::FaceCheckProblem::CameraAbsent:
            return tr("The camera is not available. The clerk checks the photo.");
        case face::FaceCheckProblem::Unavailable:
            break;
        }
        return tr("The face check is not available. The clerk checks the photo.");
    }
    const face::FaceOutcome& o = m_result->outcome;
    if (o.liveness != QLatin1String("passed"))
        return tr("The live check was not passed. The clerk checks the photo.");
    switch (o.verdict.value_or(face::FaceVerdict::Undecided)) {
    case face::FaceVerdict::Same:
        return tr("Same person");
    case face::FaceVerdict::Different:
        return tr("Not the same person. The clerk checks the photo.");
    case face::FaceVerdict::Undecided:
        break;
    }
    return tr("Cannot tell. The clerk checks the photo.");
}

QString FacePanel::unavailableText() const {
    switch (m_verdict.faceUnavailable.value_or(face::FaceUnavailable::PhotoUnusable)) {
    case face::FaceUnavailable::NoPhoto:
        return tr("This document carries no photo (a QR code cannot), so there is no face check.");
    case face::FaceUnavailable::PhotoNotSigned:
        return tr("The photo from the phone is not the one the issuer signed: not used.");
    case face::FaceUnavailable::PhotoNotRead:
        return tr("The photo could not be read from the phone: no face check.");
    case face::FaceUnavailable::ModelsMissing:
        return tr("The face check is not available on this terminal (models not installed).");
    case face::FaceUnavailable::PhotoUnusable:
        break; // a chip's or a card's photo problem is already said beside the identity rows
    }
    return tr("No usable document photo: no face check.");
}

void FacePanel::render() {
    setVisible(m_state != State::Hidden);
    m_title->setText(tr("Face check"));
    m_consent->setText(tr("I agree"));
    m_decline->setText(tr("No thanks"));
    m_reason->setPlaceholderText(tr("Clerk: compared the photo with the guest because…"));
    const bool offered = m_state == State::Offered;
    m_consent->setVisible(offered);
    m_decline->setVisible(offered);
    m_bar->setVisible(m_state == State::Running);
    m_live->setVisible(m_state == State::Running);
    // The clerk's own check is asked for whenever it will be needed, also before the guest
    // answers (a guest who walks on without a word).
    m_reason->setVisible(needsClerk() &&
                         (m_state == State::Declined || m_state == State::Done || m_clerkAsked));
    m_clerkMatch->setVisible(m_reason->isVisible());
    m_clerkMatch->setText(tr("Photo matches the guest"));
    m_clerk->clear();
    if (m_text->objectName() != QLatin1String("faceText")) { // a previous guest's "same" colour goes
        m_text->setObjectName(QStringLiteral("faceText"));
        m_text->style()->unpolish(m_text);
        m_text->style()->polish(m_text);
    }
    switch (m_state) {
    case State::Hidden:
        m_text->clear();
        break;
    case State::Unavailable:
        m_text->setText(unavailableText());
        break;
    case State::Offered:
        m_text->setText(
            tr("Optional: the camera compares you with the document photo. No picture of your face is "
               "kept. If you prefer, the clerk checks the document instead."));
        break;
    case State::Running:
        m_text->setText(promptText());
        m_bar->setValue(m_progress ? int(m_progress->progress * 100) : 0);
        break;
    case State::Declined:
        m_text->setText(tr("No face check. The clerk checks the document photo."));
        break;
    case State::Done: {
        m_text->setText(resultText());
        const face::FaceOutcome& o = m_result->outcome;
        if (o.distance)
            m_clerk->setText(
                tr("For the clerk: distance %1 (same person below %2, not the same from %3), model %4")
                    .arg(*o.distance, 0, 'f', 3)
                    .arg(face::kSamePersonBelow, 0, 'f', 2)
                    .arg(face::kDifferentFrom, 0, 'f', 2)
                    .arg(o.model));
        else if (o.liveness == QLatin1String("liveness_wrong_direction"))
            m_clerk->setText(tr("For the clerk: the head turned the other way."));
        else if (o.liveness == QLatin1String("liveness_face_changed"))
            m_clerk->setText(
                tr("For the clerk: the face in the picture changed suddenly (a picture swapped?)."));
        else if (!o.liveness.isEmpty() && o.liveness != QLatin1String("passed"))
            m_clerk->setText(
                tr("For the clerk: the asked movement was not seen in time (a still picture?)."));
        const bool same = o.confirmsHolder() && !m_result->problem;
        // The machine's "same person" reads at a glance; anything else is an ordinary line.
        // The theme's colour for it (high contrast too): a role, not a colour written here.
        m_text->setObjectName(same ? QStringLiteral("okText") : QStringLiteral("faceText"));
        m_text->style()->unpolish(m_text);
        m_text->style()->polish(m_text);
        break;
    }
    }
    announce();
}

void FacePanel::announce() {
    // The guest's steps are spoken (the notice is long and is for reading; the clerk's line is not spoken).
    const bool spoken = m_state == State::Running || m_state == State::Done || m_state == State::Declined;
    const QString now = spoken ? m_text->text() : QString();
    // While the check runs the prompt may flicker (a face coming and going between frames): a new
    // one is spoken at most every 2 s; the outcome always.
    const bool settled = m_state != State::Running || !m_spokenAt.isValid() || m_spokenAt.elapsed() > 2000;
    if (now != m_lastPrompt && settled) {
        m_lastPrompt = now;
        if (!now.isEmpty()) {
            m_spokenAt.start();
            emit promptChanged(now);
        }
    }
}

void FacePanel::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        render();
    QFrame::changeEvent(e);
}

} // namespace lz::ui
