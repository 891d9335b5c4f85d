#include "ui/EnrolmentScreen.h"

#include "log/Registration.h"
#include "ui/Texts.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace lz::ui {

namespace {
const QStringList kSteps{QStringLiteral("pin"),      QStringLiteral("venue"),   QStringLiteral("terminal"),
                         QStringLiteral("trust"),    QStringLiteral("gateway"), QStringLiteral("certificate"),
                         QStringLiteral("self_test")};
const QList<VenueType> kVenueTypes{VenueType::Hotel, VenueType::InternetCafe, VenueType::GovernmentWindow,
                                   VenueType::ParcelCounter};

QLabel* helpLabel(QWidget* parent) {
    auto* l = new QLabel(parent);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::NoTextInteraction);
    return l;
}
} // namespace

EnrolmentScreen::EnrolmentScreen(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_stickLabel(new QLabel(this))
    , m_stick(new QComboBox(this))
    , m_refresh(new QPushButton(this))
    , m_list(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_message(new QLabel(this))
    , m_back(new QPushButton(this)) {
    setObjectName(QStringLiteral("enrolment"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 16);
    layout->setSpacing(16);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_title->setFont(big);
    layout->addWidget(m_title);

    auto* stickRow = new QHBoxLayout;
    m_stick->setEditable(true); // a path typed by hand when the stick is mounted elsewhere
    m_stick->setObjectName(QStringLiteral("stick"));
    m_stick->setMinimumWidth(360);
    m_refresh->setObjectName(QStringLiteral("refreshMedia"));
    stickRow->addWidget(m_stickLabel);
    stickRow->addWidget(m_stick, 1);
    stickRow->addWidget(m_refresh);
    layout->addLayout(stickRow);
    connect(m_refresh, &QPushButton::clicked, this, &EnrolmentScreen::mediaRefreshRequested);

    auto* middle = new QHBoxLayout;
    m_list->setObjectName(QStringLiteral("enrolSteps"));
    m_list->setMinimumWidth(340);
    m_list->setMaximumWidth(440);
    m_list->setWordWrap(true); // long step names wrap rather than scroll sideways
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSpacing(4);
    m_list->setTextElideMode(Qt::ElideNone);
    middle->addWidget(m_list);
    for (QWidget* page : {pinPage(), venuePage(), terminalPage(), trustPage(), gatewayPage(),
                          certificatePage(), selfTestPage()})
        m_pages->addWidget(page);
    middle->addWidget(m_pages, 1);
    layout->addLayout(middle, 1);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_pages->setCurrentIndex(row);
        if (kSteps.at(row) == QLatin1String("certificate"))
            emit certificateListRequested(stick());
    });

    auto* bottom = new QHBoxLayout;
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("enrolMessage"));
    m_back->setObjectName(QStringLiteral("leaveEnrolment"));
    bottom->addWidget(m_message, 1);
    bottom->addWidget(m_back);
    layout->addLayout(bottom);
    connect(m_back, &QPushButton::clicked, this, [this] {
        close();
        emit leaveRequested();
    });

    m_idle.setSingleShot(true);
    m_idle.setInterval(kIdleSeconds * 1000);
    connect(&m_idle, &QTimer::timeout, this, [this] {
        close();
        emit leaveRequested();
    });
    for (QWidget* w : findChildren<QWidget*>())
        w->installEventFilter(this);
    retranslate();
}

QPushButton* EnrolmentScreen::actionButton(const QString& objectName) {
    auto* b = new QPushButton(this);
    b->setObjectName(objectName);
    b->setMinimumHeight(56);
    m_actions.append(b);
    return b;
}

QPushButton* EnrolmentScreen::button(const QString& objectName) const {
    return findChild<QPushButton*>(objectName);
}

QWidget* EnrolmentScreen::pinPage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_pinHelp = helpLabel(page);
    m_pinLabel = new QLabel(page);
    m_pinRepeatLabel = new QLabel(page);
    m_pin = new QLineEdit(page);
    m_pinRepeat = new QLineEdit(page);
    auto* digits = new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,12}")), page);
    for (QLineEdit* f : {m_pin, m_pinRepeat}) {
        f->setEchoMode(QLineEdit::Password);
        f->setValidator(digits);
        f->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    }
    QPushButton* save = actionButton(QStringLiteral("savePin"));
    form->addRow(m_pinHelp);
    form->addRow(m_pinLabel, m_pin);
    form->addRow(m_pinRepeatLabel, m_pinRepeat);
    form->addRow(save);
    connect(save, &QPushButton::clicked, this, [this] {
        if (m_pin->text() != m_pinRepeat->text()) {
            setMessage(tr("The two PINs differ. Type the new PIN twice."), true);
            return;
        }
        emit pinChosen(m_pin->text());
    });
    return page;
}

QWidget* EnrolmentScreen::venuePage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_venueHelp = helpLabel(page);
    m_venueTypeLabel = new QLabel(page);
    m_venueIdLabel = new QLabel(page);
    m_venueNameLabel = new QLabel(page);
    m_venueType = new QComboBox(page);
    m_venueId = new QLineEdit(page);
    m_venueName = new QLineEdit(page);
    m_venueId->setMaxLength(64);
    m_venueName->setMaxLength(120);
    QPushButton* save = actionButton(QStringLiteral("saveVenue"));
    form->addRow(m_venueHelp);
    form->addRow(m_venueTypeLabel, m_venueType);
    form->addRow(m_venueIdLabel, m_venueId);
    form->addRow(m_venueNameLabel, m_venueName);
    form->addRow(save);
    connect(save, &QPushButton::clicked, this, [this] {
        emit venueChosen(m_venueType->currentData().toString(), m_venueId->text(), m_venueName->text());
    });
    return page;
}

QWidget* EnrolmentScreen::terminalPage() {
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    m_terminalHelp = helpLabel(page);
    m_terminalLabel = new QLabel(page);
    m_terminalId = new QLineEdit(page);
    m_terminalId->setMaxLength(64);
    QPushButton* save = actionButton(QStringLiteral("saveTerminal"));
    form->addRow(m_terminalHelp);
    form->addRow(m_terminalLabel, m_terminalId);
    form->addRow(save);
    connect(save, &QPushButton::clicked, this, [this] { emit terminalChosen(m_terminalId->text()); });
    return page;
}

QWidget* EnrolmentScreen::trustPage() {
    auto* page = new QWidget(this);
    auto* box = new QVBoxLayout(page);
    m_trustHelp = helpLabel(page);
    m_trustResult = helpLabel(page);
    m_trustResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton* fromStick = actionButton(QStringLiteral("importTrust"));
    QPushButton* fromGateway = actionButton(QStringLiteral("trustFromGateway"));
    box->addWidget(m_trustHelp);
    box->addWidget(fromStick);
    box->addWidget(fromGateway);
    box->addWidget(m_trustResult);
    box->addStretch(1);
    connect(fromStick, &QPushButton::clicked, this, [this] { emit trustImportRequested(stick()); });
    connect(fromGateway, &QPushButton::clicked, this, &EnrolmentScreen::trustFromGatewayRequested);
    return page;
}

QWidget* EnrolmentScreen::gatewayPage() {
    auto* page = new QWidget(this);
    auto* box = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    m_gatewayHelp = helpLabel(page);
    m_gatewayUrlLabel = new QLabel(page);
    m_gatewayUrl = new QLineEdit(page);
    m_gatewayUrl->setPlaceholderText(QStringLiteral("https://gateway.example:8443"));
    m_gatewayUrl->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    form->addRow(m_gatewayUrlLabel, m_gatewayUrl);
    QPushButton* request = actionButton(QStringLiteral("makeRequest"));
    m_requestText = helpLabel(page);
    m_requestText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_requestQr = new QLabel(page);
    m_requestQr->setObjectName(QStringLiteral("requestQr"));
    m_requestQr->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    box->addWidget(m_gatewayHelp);
    box->addLayout(form);
    box->addWidget(request);
    // The QR code and its words; in large text they may need more room than the page has.
    auto* resultArea = new QWidget(page);
    auto* result = new QHBoxLayout(resultArea);
    result->setContentsMargins(0, 0, 0, 0);
    result->addWidget(m_requestQr);
    result->addWidget(m_requestText, 1);
    auto* scroll = new QScrollArea(page);
    scroll->setWidget(resultArea);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    box->addWidget(scroll, 1);
    connect(request, &QPushButton::clicked, this,
            [this] { emit gatewayRequested(m_gatewayUrl->text(), stick()); });
    return page;
}

QWidget* EnrolmentScreen::certificatePage() {
    auto* page = new QWidget(this);
    auto* box = new QVBoxLayout(page);
    m_certificateHelp = helpLabel(page);
    m_certificateLabel = new QLabel(page);
    m_certificate = new QComboBox(page);
    m_certificate->setObjectName(QStringLiteral("certificateFile"));
    m_certificateResult = helpLabel(page);
    m_certificateResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton* import = actionButton(QStringLiteral("importCertificate"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_certificateLabel);
    row->addWidget(m_certificate, 1);
    box->addWidget(m_certificateHelp);
    box->addLayout(row);
    box->addWidget(import);
    box->addWidget(m_certificateResult);
    box->addStretch(1);
    connect(import, &QPushButton::clicked, this,
            [this] { emit certificateRequested(stick(), m_certificate->currentText()); });
    return page;
}

QWidget* EnrolmentScreen::selfTestPage() {
    auto* page = new QWidget(this);
    auto* box = new QVBoxLayout(page);
    m_selfTestHelp = helpLabel(page);
    m_selfTestResult = helpLabel(page);
    m_selfTestResult->setObjectName(QStringLiteral("selfTestResult"));
    m_selfTestResult->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QPushButton* run = actionButton(QStringLiteral("runSelfTest"));
    // Long details (a certificate's path) and large text may need more room than the page has.
    auto* scroll = new QScrollArea(page);
    scroll->setWidget(m_selfTestResult);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    box->addWidget(m_selfTestHelp);
    box->addWidget(run);
    box->addWidget(scroll, 1);
    connect(run, &QPushButton::clicked, this, &EnrolmentScreen::selfTestRequested);
    return page;
}

void EnrolmentScreen::open(const QList<EnrolStepView>& steps, const Prefill& prefill,
                           const QStringList& media) {
    close();
    m_prefill = prefill;
    m_venueId->setText(prefill.venueId);
    m_venueName->setText(prefill.venueName);
    m_terminalId->setText(prefill.terminalId);
    m_gatewayUrl->setText(prefill.gatewayUrl);
    setMedia(media);
    setSteps(steps);
    retranslate();
    const int type =
        m_venueType->findData(prefill.venueType.isEmpty() ? QStringLiteral("hotel") : prefill.venueType);
    m_venueType->setCurrentIndex(qMax(0, type));
    QString first = kSteps.last();
    for (const EnrolStepView& s : steps)
        if (s.required && !s.done) {
            first = s.key;
            break;
        }
    showStep(first);
    m_idle.start();
}

void EnrolmentScreen::close() {
    m_idle.stop();
    for (QLineEdit* f : {m_pin, m_pinRepeat})
        f->clear();
    m_trustSequence = 0;
    m_anchorFingerprint.clear();
    m_requestSavedTo.clear();
    m_requestQr->clear();
    m_certificateShown.clear();
    m_selfTest.clear();
    m_selfTestFinished = m_selfTestPassed = false;
    m_message->clear();
    setBusy(false);
}

void EnrolmentScreen::setSteps(const QList<EnrolStepView>& steps) {
    m_steps = steps;
    const int row = m_list->currentRow();
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    for (const QString& key : kSteps) {
        QString mark = QStringLiteral("○  ");
        for (const EnrolStepView& s : steps)
            if (s.key == key)
                mark = s.done ? QStringLiteral("✓  ") : !s.required ? QStringLiteral("…  ") : mark;
        m_list->addItem(mark + NotEnrolledScreen::stepName(key));
    }
    m_list->setCurrentRow(qMax(0, row));
}

void EnrolmentScreen::setMedia(const QStringList& mountPoints) {
    const QString typed = m_stick->currentText();
    m_stick->clear();
    m_stick->addItems(mountPoints);
    if (!typed.isEmpty() && !mountPoints.contains(typed) && mountPoints.isEmpty())
        m_stick->setEditText(typed); // a path typed by hand stays
}

void EnrolmentScreen::setCertificateCandidates(const QStringList& files) {
    m_certificate->clear();
    m_certificate->addItems(files);
}

void EnrolmentScreen::showStep(const QString& key) {
    const int row = kSteps.indexOf(key);
    if (row >= 0)
        m_list->setCurrentRow(row);
}

QString EnrolmentScreen::currentStep() const {
    return kSteps.value(m_pages->currentIndex());
}

QString EnrolmentScreen::stick() const {
    return m_stick->currentText().trimmed();
}

void EnrolmentScreen::setMessage(const QString& text, bool error) {
    m_message->setProperty("error", error);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_message->setText(text);
}

QString EnrolmentScreen::messageText() const {
    return m_message->text();
}

void EnrolmentScreen::showTrustImported(quint64 sequence, const QString& anchorFingerprint) {
    m_trustSequence = sequence;
    m_anchorFingerprint = anchorFingerprint;
    retranslate();
}

void EnrolmentScreen::showRequest(const QString& savedTo, const QImage& qr) {
    m_requestSavedTo = savedTo;
    m_requestQr->setPixmap(QPixmap::fromImage(qr));
    retranslate();
}

bool EnrolmentScreen::showingRequestQr() const {
    return !m_requestQr->pixmap().isNull();
}

void EnrolmentScreen::showCertificate(const QString& subject, const QString& validUntil,
                                      const QString& sha256) {
    m_certificateShown = {subject, validUntil, sha256};
    retranslate();
}

void EnrolmentScreen::setSelfTest(const QList<SelfTestLine>& lines, bool finished, bool passed) {
    m_selfTest = lines;
    m_selfTestFinished = finished;
    m_selfTestPassed = passed;
    retranslate();
}

QString EnrolmentScreen::selfTestText() const {
    return m_selfTestResult->text();
}

void EnrolmentScreen::setBusy(bool busy) {
    m_busy = busy;
    for (QPushButton* b : m_actions)
        b->setEnabled(!busy);
    m_back->setEnabled(!busy);
    m_list->setEnabled(!busy);
    m_refresh->setEnabled(!busy);
    if (QPushButton* b = button(QStringLiteral("trustFromGateway")))
        b->setEnabled(!busy && m_prefill.anchorConfigured);
    // Never closed under a running step (its local event loop would carry on behind the notice).
    if (busy)
        m_idle.stop();
    else if (isVisible())
        m_idle.start();
}

QString EnrolmentScreen::checkDetail(const QString& detail) const {
    // The self-test's fixed words; paths, times and named errors are shown as they are.
    if (detail == QLatin1String("opened"))
        return tr("opened");
    if (detail == QLatin1String("a sync round succeeded"))
        return tr("a sync round succeeded");
    if (detail == QLatin1String("failed"))
        return tr("failed");
    if (detail == QLatin1String("not configured"))
        return tr("not configured");
    if (detail == QLatin1String("none configured"))
        return tr("none configured");
    if (detail == QLatin1String("auto"))
        return tr("found automatically");
    if (detail == QLatin1String("none installed"))
        return tr("none installed");
    if (detail.startsWith(QLatin1String("none installed: the gateway")))
        return tr("none installed: the gateway did not provide one");
    static const QRegularExpression sequence(QStringLiteral("^sequence (\\d+), issued (-?\\d+) s ago$"));
    if (const auto m = sequence.match(detail); m.hasMatch())
        return tr("list %1, issued %2 s ago").arg(m.captured(1), m.captured(2));
    return detail;
}

QString EnrolmentScreen::checkName(const QString& check) const {
    if (check == QLatin1String("clock"))
        return tr("Clock");
    if (check == QLatin1String("log"))
        return tr("Registration log");
    if (check == QLatin1String("gateway"))
        return tr("Police gateway (one sync round)");
    if (check == QLatin1String("trust_list"))
        return tr("Trust list");
    if (check == QLatin1String("camera"))
        return tr("Camera");
    if (check == QLatin1String("id_card_reader"))
        return tr("ID card reader");
    if (check == QLatin1String("scanner"))
        return tr("Code scanner");
    if (check == QLatin1String("configuration"))
        return tr("Configuration");
    if (check == QLatin1String("terminal"))
        return tr("Terminal state");
    return check;
}

void EnrolmentScreen::retranslate() {
    m_title->setText(tr("Enrol this terminal"));
    m_stickLabel->setText(tr("USB stick:"));
    m_refresh->setText(tr("Refresh"));
    m_back->setText(tr("Back"));
    setSteps(m_steps);

    m_pinHelp->setText(m_prefill.pinSet ? tr("The staff PIN is set. To change it, type a new one twice.")
                                        : tr("Choose the administrator PIN (4 to 12 digits). Staff mode, "
                                             "enrolment and settings are behind it."));
    m_pinLabel->setText(tr("New PIN"));
    m_pinRepeatLabel->setText(tr("New PIN again"));
    button(QStringLiteral("savePin"))->setText(tr("Save PIN"));

    m_venueHelp->setText(tr("From the police's registration letter for this venue."));
    m_venueTypeLabel->setText(tr("Venue type"));
    m_venueIdLabel->setText(tr("Venue code"));
    m_venueNameLabel->setText(tr("Venue name"));
    {
        const QString chosen = m_venueType->currentData().toString();
        const QSignalBlocker quiet(m_venueType);
        m_venueType->clear();
        for (VenueType t : kVenueTypes)
            m_venueType->addItem(Texts::venueType(t), venueTypeName(t));
        m_venueType->setCurrentIndex(qMax(0, m_venueType->findData(chosen)));
    }
    button(QStringLiteral("saveVenue"))->setText(tr("Save venue"));

    m_terminalHelp->setText(tr("The number the supplier gave this terminal (letters, digits, . _ -). "
                               "The police's certificate is made out to it."));
    m_terminalLabel->setText(tr("Terminal ID"));
    button(QStringLiteral("saveTerminal"))->setText(tr("Save terminal ID"));

    m_trustHelp->setText(
        tr("The trust list says whose credentials this terminal accepts. The supplier's stick "
           "holds trust-list.cose and, for a new roll-out, the anchor key anchor-….pub.pem."));
    button(QStringLiteral("importTrust"))->setText(tr("Import the trust list from the stick"));
    button(QStringLiteral("trustFromGateway"))->setText(tr("Fetch it from the gateway at the self-test"));
    button(QStringLiteral("trustFromGateway"))->setEnabled(!m_busy && m_prefill.anchorConfigured);
    QStringList trust;
    if (m_trustSequence > 0)
        trust << tr("Trust list %1 installed.").arg(m_trustSequence);
    if (!m_anchorFingerprint.isEmpty())
        trust << tr("Compare the anchor's fingerprint with the supplier's letter:") << m_anchorFingerprint;
    if (m_trustSequence == 0 && m_prefill.trustFromGateway)
        trust << tr("The self-test will fetch the trust list from the gateway.");
    m_trustResult->setText(trust.join(QLatin1Char('\n')));

    m_gatewayHelp->setText(
        tr("The police gateway's address, and its CA certificate gateway-ca.pem on the stick. "
           "This terminal makes its own key here and writes a certificate request for "
           "the police's terminal CA to the stick; it is also shown as a QR code."));
    m_gatewayUrlLabel->setText(tr("Gateway address"));
    button(QStringLiteral("makeRequest"))->setText(tr("Make the key and the request"));
    if (m_requestQr->pixmap().isNull())
        m_requestText->clear();
    else
        m_requestText->setText(
            (m_requestSavedTo.isEmpty() ? tr("The request made earlier (kept on this terminal).")
                                        : tr("The request was written to the stick as %1.")
                                              .arg(QFileInfo(m_requestSavedTo).fileName())) +
            QLatin1Char('\n') +
            tr("Send it to the police's terminal CA; the supplier may scan the QR code. Import the "
               "certificate that comes back in the next step."));

    m_certificateHelp->setText(
        tr("The certificate the police's terminal CA signed for this terminal's request, "
           "on the stick."));
    m_certificateLabel->setText(tr("File"));
    button(QStringLiteral("importCertificate"))->setText(tr("Import the certificate"));
    m_certificateResult->setText(
        m_certificateShown.size() == 3
            ? tr("Certificate for %1, valid until %2.\nSHA-256: %3")
                  .arg(m_certificateShown.at(0), m_certificateShown.at(1), m_certificateShown.at(2))
            : QString());

    m_selfTestHelp->setText(
        tr("Checks the clock, the registration log, the gateway (one real sync round), the "
           "trust list, the camera and the readers. When all pass, the terminal starts."));
    button(QStringLiteral("runSelfTest"))->setText(tr("Run the self-test"));
    QStringList lines;
    for (const SelfTestLine& l : m_selfTest)
        lines << QStringLiteral("%1  %2 — %3")
                     .arg(l.ok         ? QStringLiteral("✓")
                          : l.required ? QStringLiteral("✗")
                                       : QStringLiteral("–"),
                          checkName(l.check), checkDetail(l.detail));
    if (m_selfTestFinished)
        lines << QString()
              << (m_selfTestPassed ? tr("Enrolment is complete. The terminal starts now.")
                                   : tr("Not passed: put right what is marked ✗ and run it again."));
    m_selfTestResult->setText(lines.join(QLatin1Char('\n')));
}

void EnrolmentScreen::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

bool EnrolmentScreen::eventFilter(QObject* watched, QEvent* event) {
    if ((event->type() == QEvent::MouseButtonPress || event->type() == QEvent::KeyPress) && m_idle.isActive())
        m_idle.start();
    return QWidget::eventFilter(watched, event);
}

} // namespace lz::ui
