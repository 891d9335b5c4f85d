#include "ui/ResultScreen.h"

#include "credential/Masking.h"
#include "log/VenueFields.h"
#include "ui/LanguageBar.h"
#include "ui/Texts.h"

#include <QDateTime>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace lz::ui {
namespace {
constexpr int kRows = 7; // name, sex, ethnicity, birth, number, document, level

// A new style-sheet role for a label; re-polishing costs the UI thread, so only on a change.
void restyle(QWidget* w, const QString& role) {
    if (w->objectName() == role)
        return;
    w->setObjectName(role);
    w->style()->unpolish(w);
    w->style()->polish(w);
}
} // namespace

ResultScreen::ResultScreen(QWidget* parent)
    : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 16, 24, 16);
    m_banner = new QLabel(this);
    m_banner->setAlignment(Qt::AlignCenter);
    m_reason = new QLabel(this);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setWordWrap(true);
    m_reason->setAlignment(Qt::AlignCenter);
    // A refusal: what the guest does next, in a few numbered steps, and apart from it a line
    // for the clerk (issue 18). No personal detail is shown with a refusal.
    m_steps = new QLabel(this);
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setWordWrap(true);
    m_steps->setAlignment(Qt::AlignCenter);
    m_clerk = new QLabel(this);
    m_clerk->setObjectName(QStringLiteral("clerkNote"));
    m_clerk->setWordWrap(true);
    m_clerk->setAlignment(Qt::AlignCenter);
    outer->addWidget(m_banner);
    outer->addWidget(m_reason);
    outer->addSpacing(12);
    outer->addWidget(m_steps);
    outer->addWidget(m_clerk);

    auto* body = new QHBoxLayout;
    outer->addLayout(body, 1);
    auto* idBox = new QFrame(this);
    m_idBox = idBox;
    idBox->setObjectName(QStringLiteral("panel"));
    // The identity rows scroll when they cannot all fit (large text); the face check below them
    // stays in view, as the Register button does in the form's box.
    auto* idLayout = new QVBoxLayout(idBox);
    idLayout->setContentsMargins(0, 0, 0, 0);
    auto* rows = new QWidget;
    auto* idScroll = new QScrollArea(idBox);
    idScroll->setWidgetResizable(true);
    idScroll->setFrameShape(QFrame::NoFrame);
    idScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    idScroll->setWidget(rows);
    idLayout->addWidget(idScroll, 1);
    auto* grid = new QGridLayout(rows);
    for (int i = 0; i < kRows; ++i) {
        m_keys.append(new QLabel(rows));
        m_keys.last()->setObjectName(QStringLiteral("key"));
        m_values.append(new QLabel(rows));
        m_values.last()->setObjectName(QStringLiteral("value"));
        m_values.last()->setTextInteractionFlags(Qt::NoTextInteraction);
        grid->addWidget(m_keys.last(), i, 0);
        grid->addWidget(m_values.last(), i, 1);
    }
    m_photo = new QLabel(rows);
    m_photo->setFixedSize(150, 200);
    m_photo->setAlignment(Qt::AlignCenter);
    grid->addWidget(m_photo, 0, 2, kRows, 1, Qt::AlignTop);
    // Without a photo (QR credentials) a line says so under the rows; the photo's column goes.
    m_noPhoto = new QLabel(rows);
    m_noPhoto->setObjectName(QStringLiteral("key"));
    m_noPhoto->setWordWrap(true); // a long reason (the ID card photo's decoder) must not widen the box
    grid->addWidget(m_noPhoto, kRows, 0, 1, 2);
    m_face = new FacePanel(idBox);
    // The face panel's words are read whole; the identity rows above scroll instead.
    m_face->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    idScroll->setMinimumHeight(60);
    idLayout->addWidget(m_face);
    connect(m_face, &FacePanel::consentGiven, this, [this] {
        restartCountdown();
        emit faceCheckRequested(m_verdict.decisionId, m_verdict.photo);
    });
    connect(m_face, &FacePanel::declined, this, [this] {
        restartCountdown();
        emit faceCheckDeclined(m_verdict.decisionId);
    });
    grid->setColumnStretch(1, 1);
    grid->setRowStretch(kRows + 1, 1); // rows keep their height; the space goes below them
    body->addWidget(idBox, 1);

    m_formBox = new QFrame(this);
    m_formBox->setObjectName(QStringLiteral("panel"));
    auto* formLayout = new QVBoxLayout(m_formBox);
    m_formTitle = new QLabel(m_formBox);
    m_formTitle->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_form = new RegistrationForm(m_formBox);
    m_override = new QLineEdit(m_formBox);
    m_override->setObjectName(QStringLiteral("overrideReason"));
    m_status = new QLabel(m_formBox);
    m_status->setWordWrap(true);
    m_register = new QPushButton(m_formBox);
    m_register->setProperty("primary", true);
    m_register->setDefault(true);
    connect(m_register, &QPushButton::clicked, this, &ResultScreen::onRegister);
    formLayout->addWidget(m_formTitle);
    // The rows scroll when they cannot all fit (a foreign guest's rows in large text); the
    // Register button below them never leaves the screen.
    auto* scroll = new QScrollArea(m_formBox);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(m_form);
    formLayout->addWidget(scroll, 1);
    formLayout->addWidget(m_override);
    formLayout->addWidget(m_status);
    formLayout->addWidget(m_register);
    body->addWidget(m_formBox, 1);

    auto* bottom = new QHBoxLayout;
    m_countdown = new QLabel(this);
    m_done = new QPushButton(this);
    connect(m_done, &QPushButton::clicked, this, [this] {
        clear();
        emit finished();
    });
    bottom->addWidget(m_countdown);
    m_nextChip = new QLabel(this);
    m_nextChip->setObjectName(QStringLiteral("nextWaiting"));
    m_nextChip->setStyleSheet(
        QStringLiteral("border: 1px solid palette(mid); border-radius: 6px; padding: 4px 10px;"));
    m_nextChip->hide();
    bottom->addSpacing(16);
    auto* languages = new LanguageBar(this);
    connect(languages, &LanguageBar::languageChosen, this, [this](const QString& code) {
        restartCountdown(); // a touch: the guest is reading
        emit languageChosen(code);
    });
    bottom->addWidget(languages);
    bottom->addSpacing(16);
    bottom->addWidget(m_nextChip);
    bottom->addStretch();
    bottom->addWidget(m_done);
    outer->addLayout(bottom);

    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &ResultScreen::tick);
    connect(m_form, &RegistrationForm::changed, this, &ResultScreen::restartCountdown);
    // Any touch or key on this screen restarts the countdown: a clerk typing is not cut off.
    installEventFilter(this);
    for (QWidget* w : findChildren<QWidget*>())
        w->installEventFilter(this);
    retranslate();
    clear();
}

void ResultScreen::show(const Verdict& verdict, VenueType venue, const QDateTime& now,
                        const QString& windowNo) {
    m_verdict = verdict;
    m_venue = venue;
    m_shown = true;
    m_registering = m_registered = false;
    m_registerError.reset();
    m_override->setText(QString()); // also empties its undo history
    if (m_face->running())
        emit faceCheckCancelled();
    m_face->reset(verdict);
    m_form->reset(venue, now, windowNo, verdict.party,
                  verdict.result.valid && verdict.result.identity ? &*verdict.result.identity : nullptr);
    for (QWidget* w : m_form->findChildren<QWidget*>())
        w->installEventFilter(this);
    render();
    restartCountdown();
    m_timer.start();
    if (QWidget* first = !m_formBox->isHidden() ? m_form->firstField() : nullptr)
        first->setFocus();
    else
        m_done->setFocus();
}

void ResultScreen::setNextWaiting(bool waiting) {
    m_nextChip->setText(tr("Next guest's code read: please wait"));
    m_nextChip->setVisible(waiting);
}

bool ResultScreen::nextWaiting() const {
    return !m_nextChip->isHidden();
}

void ResultScreen::clear() {
    m_timer.stop();
    m_nextChip->hide();
    m_verdict = Verdict();
    m_shown = false;
    m_registering = m_registered = false;
    m_registerError.reset();
    m_form->clear();
    m_override->setText(QString());
    if (m_face->running())
        emit faceCheckCancelled();
    m_face->clear();
    render();
}

QString ResultScreen::bannerText() const {
    return m_banner->text();
}

QString ResultScreen::reasonText() const {
    return m_reason->text();
}

QString ResultScreen::stepsText() const {
    return m_steps->text();
}

QString ResultScreen::clerkText() const {
    return m_clerk->text();
}

QString ResultScreen::statusText() const {
    return m_status->text();
}

bool ResultScreen::registrationDone(quint64 request, const Registration& r) {
    Q_UNUSED(r);
    if (!m_registering || request != m_request)
        return false;
    m_registering = false;
    m_registered = true;
    // A short look at "registered", then back to Ready by itself.
    m_left = std::min(m_left, 4);
    render();
    return true;
}

bool ResultScreen::registrationFailed(quint64 request, const desk::DeskFailure& failure) {
    if (!m_registering || request != m_request)
        return false;
    m_registering = false;
    m_registerError = failure;
    render();
    return true;
}

void ResultScreen::onRegister() {
    if (!m_shown || m_registering || m_registered)
        return;
    const QString missing = m_form->missingField();
    if (!missing.isEmpty()) {
        m_registerError.reset();
        restyle(m_status, QStringLiteral("error"));
        m_status->setText(tr("Please fill in: %1").arg(missing));
        return;
    }
    if (m_verdict.needsOverride && m_override->text().trimmed().isEmpty()) {
        m_registerError.reset();
        restyle(m_status, QStringLiteral("error"));
        m_status->setText(tr("Please fill in: %1").arg(tr("Reason to register anyway")));
        m_override->setFocus();
        return;
    }
    if (m_face->running()) {
        m_registerError.reset();
        restyle(m_status, QStringLiteral("error"));
        m_status->setText(tr("The face check is still running."));
        return;
    }
    if (m_face->needsClerk() && m_face->clerkReason().isEmpty()) {
        m_registerError.reset();
        restyle(m_status, QStringLiteral("error"));
        m_status->setText(tr("Please fill in: %1").arg(tr("the clerk's check of the document photo")));
        m_face->askClerk();
        return;
    }
    m_registering = true;
    m_request = ++m_nextRequest;
    render();
    emit registerRequested(m_verdict.decisionId, m_form->details(),
                           m_verdict.needsOverride ? m_override->text().trimmed() : QString(),
                           m_face->needsClerk() ? m_face->clerkReason() : QString(), m_request);
}

void ResultScreen::restartCountdown() {
    m_left = m_autoReturn;
    if (m_shown)
        m_countdown->setText(tr("Returns to the start in %n s", nullptr, m_left));
}

void ResultScreen::tick() {
    if (!m_shown)
        return;
    // A registration in flight is never abandoned: wait for the log's answer.
    if (m_registering)
        return;
    if (--m_left <= 0) {
        clear();
        emit finished();
        return;
    }
    m_countdown->setText(tr("Returns to the start in %n s", nullptr, m_left));
}

bool ResultScreen::eventFilter(QObject* watched, QEvent* event) {
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::KeyPress:
    case QEvent::TouchBegin:
        if (m_shown && !m_registered)
            restartCountdown();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void ResultScreen::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void ResultScreen::retranslate() {
    m_register->setText(tr("Register"));
    m_register->setAccessibleName(tr("Register"));
    m_done->setText(tr("Done"));
    m_done->setAccessibleName(tr("Done, back to the start"));
    m_formTitle->setText(tr("Registration"));
    m_override->setPlaceholderText(tr("Reason to register anyway (logged with your staff id)"));
    m_override->setAccessibleName(tr("Reason to register anyway"));
    render();
}

void ResultScreen::render() {
    const VerificationResult& r = m_verdict.result;
    const bool valid = m_shown && r.valid;
    const bool refused = valid && !m_verdict.eligibility.isEmpty();
    m_banner->setVisible(m_shown);
    m_reason->setVisible(m_shown);
    if (m_shown) {
        // Colour, icon and words together: never colour alone.
        restyle(m_banner, valid && !refused ? QStringLiteral("verdictOk") : QStringLiteral("verdictBad"));
        m_banner->setText(!valid    ? tr("✗  Not verified")
                          : refused ? QStringLiteral("✗  ") + Texts::refusalTitle(m_verdict.eligibility)
                                    : tr("✓  Verified"));
        m_banner->setAccessibleName(m_banner->text());
        // How it was read goes under a valid verdict (one line: the screen has no room for a row).
        // A document's chip says more than how it was read: that it proved genuine, and by whom.
        // Without active authentication the data is proven genuine, the chip itself is not.
        const QString readBy =
            !m_verdict.chip ? tr("Read by: %1").arg(Texts::method(m_verdict.method))
            : m_verdict.chip->activeAuthenticated
                ? tr("Document chip genuine: signed in %1 (%2, active authentication)")
                      .arg(Texts::country(m_verdict.chip->signerCountry), m_verdict.chip->access)
                : tr("Chip data genuine: signed in %1 (%2); chip not checked against copying")
                      .arg(Texts::country(m_verdict.chip->signerCountry), m_verdict.chip->access);
        m_reason->setText(!valid    ? Texts::reasonFor(r.reason, m_verdict.method)
                          : refused ? Texts::eligibility(m_verdict.eligibility, m_verdict.stayRoom)
                          : m_verdict.needsOverride
                              ? Texts::eligibility(QStringLiteral("stay_open_flag"), m_verdict.stayRoom)
                          : r.demo ? tr("Demo credential (DEMO issuer): for demonstration only") +
                                         QStringLiteral(" · ") + readBy
                                   : readBy);
    } else {
        m_banner->clear();
        m_reason->clear();
    }
    const bool refusal = m_shown && (!valid || refused);
    QStringList steps;
    if (refusal) {
        const QStringList plain = Texts::guestSteps(r.reason, m_verdict.method, m_verdict.eligibility);
        static const QString kNumbers = QStringLiteral("①②③④⑤");
        for (int i = 0; i < plain.size(); ++i)
            steps.append(plain.size() > 1 ? kNumbers.mid(i, 1) + QLatin1Char(' ') + plain[i] : plain[i]);
    }
    m_steps->setText(steps.join(QStringLiteral("  →  ")));
    m_steps->setVisible(!steps.isEmpty());
    m_clerk->setText(refusal ? Texts::clerkNote(r.reason, m_verdict.eligibility, m_verdict.stayRoom)
                             : QString());
    m_clerk->setVisible(!m_clerk->text().isEmpty());
    const bool travel = valid && r.identity && isTravelDocument(r.identity->kind);
    // A physical card read by the SAM reader: its validity instead of a credential level.
    const bool card = m_verdict.card.has_value();
    // A travel document (and a foreigner's card) has a nationality where a Chinese credential
    // has an ethnicity; a document has an expiry where an e-credential has a level.
    const bool nationality = travel || (valid && r.identity && !r.identity->nationality.isEmpty());
    const QStringList keys = {
        tr("Name"),   tr("Sex"),      nationality ? tr("Nationality") : tr("Ethnicity"),  tr("Age"),
        tr("Number"), tr("Document"), travel || card ? tr("Date of expiry") : tr("Level")};
    QStringList values(kRows);
    // A refusal shows no personal detail: the rows stay empty (hidden or not).
    const bool person = valid && !refused && r.identity;
    if (person) {
        const Identity& id = *r.identity;
        // The masking rule of core (credential/Masking.h): the age statement, never the birth date.
        const QDate on = QDateTime::fromSecsSinceEpoch(r.checkedAt).date();
        values = {masking::name(id.name),
                  Texts::sex(id.sex),
                  nationality    ? Texts::country(id.nationality)
                  : id.ethnicity ? Texts::ethnicity(id.ethnicity)
                                 : QStringLiteral("—"),
                  masking::isAdult(id.birthDate, on) ? tr("18 or over") : tr("Under 18"),
                  masking::documentNumber(id.documentNumber),
                  card ? Texts::cardKind(id.kind) : Texts::documentKind(id.kind),
                  travel || card
                      ? (id.expiryDate.isValid() ? id.expiryDate.toString(QStringLiteral("yyyy-MM-dd"))
                                                 : tr("Long-term"))
                      : Texts::level(id.level)};
    }
    // 民族 only where the venue's registration records it (core: venueRecordsEthnicity).
    const int ethnicityRow = 2;
    const bool ethnicityShown = nationality || venueRecordsEthnicity(m_venue);
    for (int i = 0; i < kRows; ++i) {
        const bool shown = person && (i != ethnicityRow || ethnicityShown);
        m_keys[i]->setText(shown ? keys[i] : QString());
        m_values[i]->setText(shown ? values[i] : QString());
        m_values[i]->setAccessibleName(shown ? keys[i] : QString());
        m_keys[i]->setVisible(shown);
        m_values[i]->setVisible(shown);
    }
    const bool photo = person && !m_verdict.photo.isNull();
    m_photo->setVisible(photo);
    m_photo->setPixmap(photo ? QPixmap::fromImage(m_verdict.photo.scaled(m_photo->size(), Qt::KeepAspectRatio,
                                                                         Qt::SmoothTransformation))
                             : QPixmap());
    // QR credentials carry no photo: say so rather than show an empty frame; a chip's face that
    // cannot be shown says why (never a broken image).
    const QString photoProblem = m_verdict.chip   ? Texts::photoProblem(m_verdict.chip->photoProblem)
                                 : m_verdict.card ? Texts::photoProblem(m_verdict.card->photoProblem)
                                                  : QString();
    m_noPhoto->setText(person && !photo
                           ? (photoProblem.isEmpty() ? tr("No photo in this credential") : photoProblem)
                           : QString());
    m_noPhoto->setVisible(person && !photo);
    m_idBox->setVisible(valid && !refused); // a refusal shows no personal detail
    m_formBox->setVisible(valid && !refused);
    m_override->setVisible(valid && !refused && m_verdict.needsOverride);
    m_register->setEnabled(valid && !refused && !m_registering && !m_registered);
    QString status;
    QString statusName = QStringLiteral("reason");
    if (m_registering)
        status = tr("Registering…");
    else if (m_registered)
        status = tr("✓ Registered and saved"), statusName = QStringLiteral("banner");
    else if (m_registerError)
        status = Texts::registrationError(*m_registerError), statusName = QStringLiteral("error");
    restyle(m_status, statusName);
    m_status->setText(status);
    m_status->setVisible(!status.isEmpty()); // an empty line would take the rows' room
    m_countdown->setText(m_shown ? tr("Returns to the start in %n s", nullptr, m_left) : QString());
    m_done->setVisible(m_shown);
    m_done->setEnabled(!m_registering); // a registration in flight is seen through
}

} // namespace lz::ui
