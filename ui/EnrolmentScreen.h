#pragma once
// Enrolment at the desk, in staff mode (docs/configuration.md "Enrolment"): the steps down the
// left — staff PIN, venue, terminal id, trust list, gateway and this terminal's key, its
// certificate, the self-test — each done or not, and a page for the step chosen. The USB stick the
// supplier brought is chosen once at the top. The pages only collect what staff type or pick and
// show what came back; app/kiosk/EnrolmentDesk runs the steps (app/common/EnrolmentSteps, the same
// code as `liangzheng-cli enrol`) and decides whether they worked.
#include "ui/NotEnrolledScreen.h"

#include <QImage>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace lz::ui {

struct SelfTestLine {
    QString check; // clock, log, gateway, trust_list, camera, id_card_reader, scanner, configuration …
    bool ok = false;
    bool required = true;
    QString detail; // technical (a path, a sequence number): shown as it is
};

class EnrolmentScreen : public QWidget {
    Q_OBJECT
public:
    static constexpr int kIdleSeconds = 300; // left alone, back to the notice (a guest may walk up)
    explicit EnrolmentScreen(QWidget* parent = nullptr);

    // Each time staff come in: what is filled in already, the sticks mounted now, the first step
    // not done. anchorConfigured: the defaults name the trust anchor (the list may come from the
    // gateway).
    struct Prefill {
        QString venueType, venueId, venueName, terminalId, gatewayUrl;
        bool pinSet = false;
        bool anchorConfigured = false;
        bool trustFromGateway = false;
    };
    void open(const QList<EnrolStepView>& steps, const Prefill& prefill, const QStringList& media);
    void close(); // forget what was typed
    void setSteps(const QList<EnrolStepView>& steps);
    void setMedia(const QStringList& mountPoints);
    void setCertificateCandidates(const QStringList& files);
    void showStep(const QString& key);
    QString currentStep() const;
    QString stick() const; // the directory chosen or typed

    // What came back from a step.
    void setMessage(const QString& text, bool error = false);
    void showTrustImported(quint64 sequence, const QString& anchorFingerprint);
    void showRequest(const QString& savedTo, const QImage& qr);
    void showCertificate(const QString& subject, const QString& validUntil, const QString& sha256);
    void setSelfTest(const QList<SelfTestLine>& lines, bool finished, bool passed);
    void setBusy(bool busy); // a step is running: nothing else may start

    // For tests and the screenshot tour: the widgets staff use.
    QLineEdit* pinField() const { return m_pin; }
    QLineEdit* pinRepeatField() const { return m_pinRepeat; }
    QComboBox* venueTypeBox() const { return m_venueType; }
    QLineEdit* venueIdField() const { return m_venueId; }
    QLineEdit* venueNameField() const { return m_venueName; }
    QLineEdit* terminalIdField() const { return m_terminalId; }
    QComboBox* stickBox() const { return m_stick; }
    QLineEdit* gatewayUrlField() const { return m_gatewayUrl; }
    QComboBox* certificateBox() const { return m_certificate; }
    QPushButton* button(const QString& objectName) const;
    QString messageText() const;
    QString selfTestText() const;
    bool showingRequestQr() const;

signals:
    void pinChosen(const QString& pin);
    void venueChosen(const QString& type, const QString& id, const QString& name);
    void terminalChosen(const QString& id);
    void trustImportRequested(const QString& dir);
    void trustFromGatewayRequested();
    void gatewayRequested(const QString& url, const QString& dir);
    void certificateListRequested(const QString& dir);
    void certificateRequested(const QString& dir, const QString& file);
    void selfTestRequested();
    void mediaRefreshRequested();
    void leaveRequested(); // back to the notice (also when left alone)

protected:
    void changeEvent(QEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* pinPage();
    QWidget* venuePage();
    QWidget* terminalPage();
    QWidget* trustPage();
    QWidget* gatewayPage();
    QWidget* certificatePage();
    QWidget* selfTestPage();
    QPushButton* actionButton(const QString& objectName);
    void retranslate();
    QString checkName(const QString& check) const;
    QString checkDetail(const QString& detail) const;

    QList<EnrolStepView> m_steps;
    Prefill m_prefill;
    QTimer m_idle;
    QLabel* m_title;
    QLabel* m_stickLabel;
    QComboBox* m_stick;
    QPushButton* m_refresh;
    QListWidget* m_list;
    QStackedWidget* m_pages;
    QLabel* m_message;
    QPushButton* m_back;
    QList<QPushButton*> m_actions;
    // The pages' texts and fields.
    QLabel *m_pinHelp, *m_pinLabel, *m_pinRepeatLabel;
    QLineEdit *m_pin, *m_pinRepeat;
    QLabel *m_venueHelp, *m_venueTypeLabel, *m_venueIdLabel, *m_venueNameLabel;
    QComboBox* m_venueType;
    QLineEdit *m_venueId, *m_venueName;
    QLabel *m_terminalHelp, *m_terminalLabel;
    QLineEdit* m_terminalId;
    QLabel *m_trustHelp, *m_trustResult;
    QLabel *m_gatewayHelp, *m_gatewayUrlLabel, *m_requestText, *m_requestQr;
    QLineEdit* m_gatewayUrl;
    QLabel *m_certificateHelp, *m_certificateLabel, *m_certificateResult;
    QComboBox* m_certificate;
    QLabel *m_selfTestHelp, *m_selfTestResult;
    // Results kept as data, so that a change of language says them again.
    quint64 m_trustSequence = 0;
    QString m_anchorFingerprint, m_requestSavedTo;
    QStringList m_certificateShown; // subject, valid until, sha256
    QList<SelfTestLine> m_selfTest;
    bool m_selfTestFinished = false, m_selfTestPassed = false;
    bool m_busy = false;
};

} // namespace lz::ui
