#pragma once
// One verification's answer, unmistakable: a green "verified" or red "not verified" banner
// with an icon and words, the reason in plain words, the masked identity, the photo when the
// source has one, and, for a person the venue may register, the venue profile's form with the
// Register button. Returns to Ready by itself after the configured time without a touch, and
// then nothing personal is left in any of its widgets.
#include "ui/FacePanel.h"
#include "ui/KioskTypes.h"
#include "ui/RegistrationForm.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace lz::ui {

class ResultScreen : public QWidget {
    Q_OBJECT
public:
    explicit ResultScreen(QWidget* parent = nullptr);
    void show(const Verdict& verdict, VenueType venue, const QDateTime& now, const QString& windowNo);
    void clear();
    void setAutoReturnSeconds(int s) { m_autoReturn = s; }
    // The log's answer to our Register request.
    // Answers for another request (an earlier guest) are ignored; true when applied.
    bool registrationDone(quint64 request, const Registration& r);
    bool registrationFailed(quint64 request, const desk::DeskFailure& failure);
    bool registering() const { return m_registering; }
    // A registrable guest is on screen and not yet registered: the desk is serving them.
    bool serving() const {
        return m_shown && m_verdict.result.valid && m_verdict.decisionId != 0 && !m_registered;
    }
    // The next guest's code was read and waits until this guest is done (a chip says so).
    void setNextWaiting(bool waiting);
    bool nextWaiting() const;
    bool showing() const { return m_shown; }
    const Verdict& verdict() const { return m_verdict; }
    RegistrationForm* form() const { return m_form; }
    QPushButton* registerButton() const { return m_register; }
    QLineEdit* overrideReason() const { return m_override; }
    QPushButton* doneButton() const { return m_done; }
    FacePanel* facePanel() const { return m_face; }
    // The face check is making progress: the screen does not return to the start under it.
    void keepWhileFaceCheckRuns() {
        if (m_face->running())
            restartCountdown();
    }
    int secondsLeft() const { return m_left; }
    QString bannerText() const;
    QString reasonText() const;
    QString stepsText() const; // a refusal: the guest's next steps
    QString clerkText() const; // a refusal: the clerk's line
    QString statusText() const;

signals:
    void languageChosen(const QString& code); // the guest's language, while their result is shown
    // The desk's decision to register; overrideReason: the clerk's reason for a flagged one.
    // faceReason: the clerk's own check where the face check did not find the live holder.
    void registerRequested(quint64 decisionId, const QJsonObject& details, const QString& overrideReason,
                           const QString& faceReason, quint64 request);
    // The guest consents to the face check with this document photo; declines; or the screen
    // leaves while it runs.
    void faceCheckRequested(quint64 decisionId, const QImage& documentPhoto);
    void faceCheckDeclined(quint64 decisionId);
    void faceCheckCancelled();
    void finished(); // back to Ready (timeout, Done, or after registering)

protected:
    void changeEvent(QEvent* e) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    void render();
    void tick();
    void restartCountdown();
    void onRegister();

    Verdict m_verdict;
    bool m_shown = false;
    bool m_registering = false, m_registered = false;
    quint64 m_request = 0, m_nextRequest = 0;
    std::optional<desk::DeskFailure> m_registerError;
    int m_autoReturn = 15;
    int m_left = 0;
    QTimer m_timer;
    QLabel* m_banner;
    QLabel* m_reason;
    QLabel* m_steps;
    VenueType m_venue = VenueType::Hotel;
    QLabel* m_clerk;
    QLabel* m_photo;
    QLabel* m_noPhoto;
    FacePanel* m_face;
    QList<QLabel*> m_keys, m_values; // identity rows
    RegistrationForm* m_form;
    QWidget* m_formBox;
    QWidget* m_idBox;
    QLabel* m_formTitle;
    QLabel* m_status;
    QLineEdit* m_override; // the clerk's reason to register a flagged guest anyway
    QLabel* m_countdown;
    QLabel* m_nextChip;
    QPushButton* m_register;
    QPushButton* m_done;
};

} // namespace lz::ui
