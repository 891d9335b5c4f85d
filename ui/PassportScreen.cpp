#include "ui/PassportScreen.h"

#include "demo/DemoKit.h"
#include "icao/ChipReader.h"
#include "ui/Texts.h"

#include "ui/LanguageBar.h"
#include <QEvent>
#include <QGridLayout>

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lz::ui {
namespace {

// Where each file's bytes fall on the progress bar (the face is most of a read).
struct Span {
    quint16 fid;
    int from, to;
};
constexpr int kEntryIdleMs = 120 * 1000, kReadingIdleMs = 60 * 1000;

constexpr Span kSpans[] = {
    {icao::kEfCom, 10, 14}, {icao::kEfDg1, 14, 20}, {icao::kEfDg2, 20, 85}, {icao::kEfSod, 85, 97}};

QLineEdit* field(QWidget* parent, int maxLength) {
    auto* e = new QLineEdit(parent);
    e->setMaxLength(maxLength);
    return e;
}

} // namespace

PassportScreen::PassportScreen(QWidget* parent)
    : QWidget(parent) {
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 16, 24, 16);
    m_pages = new QStackedWidget(this);
    outer->addWidget(m_pages);

    // The entry page: three fields or the whole zone.
    m_entry = new QWidget(m_pages);
    auto* entry = new QVBoxLayout(m_entry);
    m_title = new QLabel(m_entry);
    m_title->setObjectName(QStringLiteral("prompt"));
    m_explain = new QLabel(m_entry);
    m_explain->setWordWrap(true);
    m_camera = new QLabel(m_entry);
    m_camera->setObjectName(QStringLiteral("cameraMrz"));
    m_camera->setWordWrap(true);
    // The three fields side by side, each under its label: the screen is wide, and three rows
    // would leave large text no room for the zone's box below them.
    auto* form = new QGridLayout;
    m_number = field(m_entry, 22);
    m_birth = field(m_entry, 6);
    m_expiry = field(m_entry, 6);
    m_birth->setInputMethodHints(Qt::ImhDigitsOnly);
    m_expiry->setInputMethodHints(Qt::ImhDigitsOnly);
    m_numberLabel = new QLabel(m_entry);
    m_birthLabel = new QLabel(m_entry);
    m_expiryLabel = new QLabel(m_entry);
    const std::pair<QLabel*, QLineEdit*> columns[] = {
        {m_numberLabel, m_number}, {m_birthLabel, m_birth}, {m_expiryLabel, m_expiry}};
    for (int c = 0; c < 3; ++c) {
        columns[c].first->setWordWrap(true);
        columns[c].first->setBuddy(columns[c].second);
        form->addWidget(columns[c].first, 0, c, Qt::AlignBottom);
        form->addWidget(columns[c].second, 1, c);
        form->setColumnStretch(c, c == 0 ? 4 : 3);
    }
    m_mrzLabel = new QLabel(m_entry);
    m_mrzLabel->setWordWrap(true);
    m_mrz = new QPlainTextEdit(m_entry);
    m_mrz->setObjectName(QStringLiteral("mrz"));
    m_mrz->setTabChangesFocus(true);
    m_mrz->setLineWrapMode(QPlainTextEdit::NoWrap);
    fitMrzBox();
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::TypeWriter);
    m_mrz->setFont(mono);
    m_error = new QLabel(m_entry);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    auto* buttons = new QHBoxLayout;
    m_back = new QPushButton(m_entry);
    m_read = new QPushButton(m_entry);
    m_read->setProperty("primary", true);
    m_read->setDefault(true);
    buttons->addWidget(m_back);
    buttons->addStretch();
    buttons->addWidget(m_read);
    entry->addWidget(m_title);
    entry->addWidget(m_explain);
    entry->addWidget(m_camera);
    entry->addSpacing(8);
    entry->addLayout(form);
    entry->addSpacing(8);
    entry->addWidget(m_mrzLabel);
    entry->addWidget(m_mrz);
    entry->addWidget(m_error);
    entry->addStretch();
    entry->addLayout(buttons);
    m_pages->addWidget(m_entry);

    // The reading page.
    m_reading = new QWidget(m_pages);
    auto* readingPage = new QVBoxLayout(m_reading);
    m_place = new QLabel(m_reading);
    m_place->setObjectName(QStringLiteral("prompt"));
    m_place->setWordWrap(true);
    m_place->setAlignment(Qt::AlignCenter);
    m_stage = new QLabel(m_reading);
    m_stage->setAlignment(Qt::AlignCenter);
    m_stage->setWordWrap(true);
    m_progress = new QProgressBar(m_reading);
    m_progress->setRange(0, 100);
    m_progress->setTextVisible(true);
    m_problem = new QLabel(m_reading);
    m_problem->setObjectName(QStringLiteral("error"));
    m_problem->setWordWrap(true);
    m_problem->setAlignment(Qt::AlignCenter);
    m_cancel = new QPushButton(m_reading);
    auto* cancelRow = new QHBoxLayout;
    auto* languages = new LanguageBar(m_reading);
    connect(languages, &LanguageBar::languageChosen, this, &PassportScreen::languageChosen);
    cancelRow->addWidget(languages);
    cancelRow->addStretch();
    cancelRow->addWidget(m_cancel);
    readingPage->addStretch();
    readingPage->addWidget(m_place);
    readingPage->addSpacing(16);
    readingPage->addWidget(m_progress);
    readingPage->addWidget(m_stage);
    readingPage->addSpacing(16);
    readingPage->addWidget(m_problem);
    readingPage->addStretch();
    readingPage->addLayout(cancelRow);
    m_pages->addWidget(m_reading);

    connect(m_mrz, &QPlainTextEdit::textChanged, this, &PassportScreen::onMrzChanged);
    for (QLineEdit* e : {m_number, m_birth, m_expiry}) {
        connect(e, &QLineEdit::textEdited, this, [this] {
            setError({});
            m_replaceable = m_cameraFilled = false; // the clerk's own typing: the camera leaves it
            updateCameraLine();
        });
        connect(e, &QLineEdit::returnPressed, this, &PassportScreen::onRead);
    }
    connect(m_read, &QPushButton::clicked, this, &PassportScreen::onRead);
    connect(m_back, &QPushButton::clicked, this, [this] {
        clear();
        emit cancelled();
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        clear();
        emit cancelled();
    });
    // A clerk who walked away: the reader stops waiting and the screen goes back to the guests.
    m_waiting.setSingleShot(true);
    connect(&m_waiting, &QTimer::timeout, this, [this] {
        if (m_checking)
            return;
        if (!reading()) {
            clear();
            emit cancelled();
            return;
        }
        emit cancelled();
        toEntry();
        setError(Texts::passportTimeout());
    });
    for (QLineEdit* e : {m_number, m_birth, m_expiry})
        connect(e, &QLineEdit::textEdited, this, [this] { m_waiting.start(kEntryIdleMs); });
    connect(m_mrz, &QPlainTextEdit::textChanged, this, [this] {
        if (!reading())
            m_waiting.start(kEntryIdleMs);
    });
    retranslate();
}

void PassportScreen::start(bool demo) {
    clear();
    if (demo) {
        // The demo reader carries the demo passport: its key is offered as typed.
        const auto mrz = icao::parseMrz(QString::fromLatin1(demo::kDemoPassportMrz));
        if (mrz) {
            m_number->setText(mrz->key.documentNumber);
            m_birth->setText(mrz->key.birthDate);
            m_expiry->setText(mrz->key.expiryDate);
            m_replaceable = true;
        }
    }
    m_number->setFocus();
    m_waiting.start(kEntryIdleMs);
    emit entryShown(true);
}

void PassportScreen::clear() {
    m_waiting.stop();
    for (QLineEdit* e : {m_number, m_birth, m_expiry})
        e->clear();
    m_mrz->blockSignals(true);
    m_mrz->clear();
    m_mrz->blockSignals(false);
    m_error->clear();
    m_problem->clear();
    m_opened = m_checking = false;
    m_fid = 0;
    m_done = m_total = 0;
    m_cameraFilled = m_replaceable = false;
    m_cameraHint.clear();
    m_pages->setCurrentWidget(m_entry);
    retranslate();
}

bool PassportScreen::reading() const {
    return m_pages->currentWidget() == m_reading;
}

QString PassportScreen::errorText() const {
    return reading() ? m_problem->text() : m_error->text();
}

QString PassportScreen::stageText() const {
    return m_stage->text();
}

int PassportScreen::progressValue() const {
    return m_progress->value();
}

void PassportScreen::setError(const QString& text) {
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

void PassportScreen::toEntry() {
    m_waiting.start(kEntryIdleMs);
    m_pages->setCurrentWidget(m_entry);
    m_read->setFocus();
    // The key was refused (or the wait timed out): the fields are the clerk's to correct now —
    // the camera would only put the same refused key back, and wipe the reason with it.
    m_cameraFilled = m_replaceable = false;
    emit entryShown(true);
}

void PassportScreen::offerCameraKey(const QString& number, const QString& birth, const QString& expiry) {
    if (reading() || !isVisible())
        return;
    if (clerkTyped()) // the clerk's own typing stays; the camera's key is not forced on it
        return;
    m_number->setText(number);
    m_birth->setText(birth);
    m_expiry->setText(expiry);
    m_cameraFilled = m_replaceable = true;
    m_cameraHint = QStringLiteral("read");
    setError({});
    m_read->setFocus();
    m_waiting.start(kEntryIdleMs);
    retranslate();
}

void PassportScreen::showCameraHint(const QString& hint) {
    if (m_cameraFilled || reading() || !isVisible())
        return; // "read" stays until the screen is left; a late hint after leaving is dropped
    m_cameraHint = hint;
    retranslate();
}

QString PassportScreen::cameraText() const {
    return m_camera->text();
}

void PassportScreen::onMrzChanged() {
    // A scanner types the lines with Enter between them; a paste may carry spaces.
    QString text = m_mrz->toPlainText().toUpper();
    text.remove(QLatin1Char(' '));
    const QString joined = QString(text).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    if (joined.size() < 72) { // not yet a whole zone: nothing to say
        setError({});
        return;
    }
    auto mrz = icao::parseMrz(text);
    if (!mrz) {
        setError(Texts::mrzError(mrz.error().code));
        return;
    }
    setError({});
    m_number->setText(mrz->key.documentNumber);
    m_birth->setText(mrz->key.birthDate);
    m_expiry->setText(mrz->key.expiryDate);
    m_cameraFilled = m_replaceable = false; // the clerk's own zone: the camera leaves it alone
    retranslate();
}

void PassportScreen::onRead() {
    auto key = icao::MrzKey::fromFields(m_number->text(), m_birth->text(), m_expiry->text());
    if (!key) {
        const QString code = key.error().code;
        setError(Texts::mrzError(code));
        QLineEdit* wrong = code.contains(QLatin1String("birth"))    ? m_birth
                           : code.contains(QLatin1String("expiry")) ? m_expiry
                                                                    : m_number;
        wrong->setFocus();
        wrong->selectAll();
        return;
    }
    setError({});
    m_problem->clear();
    m_opened = m_checking = false;
    m_fid = 0;
    m_done = m_total = 0;
    m_pages->setCurrentWidget(m_reading);
    m_waiting.start(kReadingIdleMs);
    retranslate();
    emit entryShown(false);
    emit readRequested(*key);
}

void PassportScreen::showProgress(quint16 fid, qint64 done, qint64 total) {
    if (!reading())
        return;
    m_waiting.stop(); // the document is there
    m_problem->clear();
    if (fid == 0)
        m_opened = true;
    m_fid = fid;
    m_done = done;
    m_total = total;
    retranslate();
}

void PassportScreen::showChecking() {
    m_checking = true;
    m_waiting.stop();
    retranslate();
}

void PassportScreen::showReadProblem(nfc::NfcCode code) {
    if (code == nfc::NfcCode::BacRefused || code == nfc::NfcCode::PaceRefused) {
        toEntry();
        setError(Texts::passportProblem(code));
        m_number->setFocus();
        return;
    }
    // Wait for the document again, from the start.
    m_opened = m_checking = false;
    m_fid = 0;
    m_done = m_total = 0;
    m_waiting.start(kReadingIdleMs);
    retranslate();
    m_problem->setText(Texts::passportProblem(code));
}

void PassportScreen::fitMrzBox() {
    // Two lines show (a passport's MRZ; a card's third line scrolls): in large text a third
    // line's height would squeeze the three fields above it into each other.
    m_mrz->setFixedHeight(m_mrz->fontMetrics().lineSpacing() * 2 + 20);
}

bool PassportScreen::clerkTyped() const {
    return !m_replaceable &&
           !(m_number->text().isEmpty() && m_birth->text().isEmpty() && m_expiry->text().isEmpty());
}

void PassportScreen::updateCameraLine() {
    // Only once the camera has started looking (the kiosk has a camera), and not over the
    // clerk's own key.
    QString camera;
    if (clerkTyped())
        camera.clear(); // the clerk's own key: the camera has nothing to say about it
    else if (m_cameraFilled)
        camera = tr("✓ Read from the machine-readable zone by the camera. Check the three fields, then read "
                    "the chip.");
    else if (m_cameraHint == QLatin1String("no_mrz") || m_cameraHint == QLatin1String("read"))
        camera = tr("Or lay the photo page face up under the camera: the fields fill themselves.");
    else if (m_cameraHint == QLatin1String("too_small"))
        camera = tr("Camera: the machine-readable zone is too small. Bring the page closer.");
    else if (m_cameraHint == QLatin1String("glare"))
        camera = tr("Camera: a reflection covers the machine-readable zone. Tilt the page a little.");
    else if (!m_cameraHint.isEmpty())
        camera = tr("Camera: the machine-readable zone cannot be read. Lay the page flat and hold it still, "
                    "or type the fields.");
    m_camera->setText(camera);
    m_camera->setVisible(!camera.isEmpty());
}

void PassportScreen::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    if (e->type() == QEvent::FontChange || e->type() == QEvent::StyleChange)
        fitMrzBox();
    QWidget::changeEvent(e);
}

void PassportScreen::retranslate() {
    m_title->setText(tr("Passport or travel permit"));
    m_explain->setText(tr("Type the document number, date of birth and date of expiry as printed in the "
                          "machine-readable zone, or scan the zone's lines. The chip opens only with them."));
    updateCameraLine();
    m_numberLabel->setText(tr("Document number"));
    m_birthLabel->setText(tr("Date of birth (YYMMDD)"));
    m_expiryLabel->setText(tr("Date of expiry (YYMMDD)"));
    m_mrzLabel->setText(tr("Or the machine-readable zone (scanned or typed, two or three lines):"));
    m_number->setAccessibleName(m_numberLabel->text());
    m_birth->setAccessibleName(m_birthLabel->text());
    m_expiry->setAccessibleName(m_expiryLabel->text());
    m_mrz->setAccessibleName(tr("Machine-readable zone"));
    m_birth->setPlaceholderText(tr("e.g. 880314"));
    m_expiry->setPlaceholderText(tr("e.g. 330101"));
    m_read->setText(tr("Read the chip"));
    m_read->setAccessibleName(m_read->text());
    m_back->setText(tr("Back"));
    m_back->setAccessibleName(tr("Back to the start"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setAccessibleName(tr("Cancel reading"));
    m_error->setVisible(!m_error->text().isEmpty());

    m_place->setText(tr("Place the document on the reader and keep it still"));
    int percent = 0;
    QString stage;
    if (m_checking) {
        percent = 100;
        stage = tr("Checking the document's signature…");
    } else if (!m_opened) {
        stage = tr("Waiting for the document…");
    } else if (m_fid == 0) {
        percent = 10;
        stage = tr("Chip opened. Reading…");
    } else {
        for (const Span& s : kSpans)
            if (s.fid == m_fid)
                percent = s.from + int((s.to - s.from) * (m_total ? double(m_done) / double(m_total) : 0.0));
        if (m_fid == icao::kEfDg2)
            stage = tr("Reading the photo… %1 / %2 KB").arg(m_done / 1024).arg((m_total + 1023) / 1024);
        else if (m_fid == icao::kEfSod)
            stage = tr("Reading the security data…");
        else
            stage = tr("Reading the personal data…");
    }
    m_progress->setValue(percent);
    m_progress->setAccessibleName(tr("Reading progress"));
    m_stage->setText(stage);
}

} // namespace lz::ui
