#pragma once
// The face check on the result screen (docs/face-match.md): the notice and the guest's separate
// consent, then the live prompt ("turn your head to your left") with a progress bar beside the
// live picture, then the verdict in words (同一人 / 不一致 / 无法判断) with the distance for the
// clerk. Whenever the machine did not find the live holder — declined, not live, not the same,
// cannot tell, or it could not run — it asks for the clerk's own check of the document photo and
// a reason, which the desk records with the clerk's id. Shows; decides nothing.
#include "ui/KioskTypes.h"

#include <QElapsedTimer>
#include <QFrame>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace lz::ui {

class FacePanel : public QFrame {
    Q_OBJECT
public:
    enum class State { Hidden, Unavailable, Offered, Running, Done, Declined };

    explicit FacePanel(QWidget* parent = nullptr);
    void reset(const Verdict& verdict);
    void clear(); // nothing of the guest left (live picture, reason, result)
    void showProgress(const FaceProgressView& p);
    void showLive(const QImage& frame);
    void showResult(const FaceResultView& r);

    State state() const { return m_state; }
    bool running() const { return m_state == State::Running; }
    // The desk will need the clerk's own check: the check was offered and did not find the live holder.
    bool needsClerk() const;
    QString clerkReason() const;
    // The clerk tried to register without the check: show the row for their own check now.
    void askClerk();
    QLineEdit* reasonEdit() const { return m_reason; }
    QPushButton* consentButton() const { return m_consent; }
    QPushButton* declineButton() const { return m_decline; }
    QPushButton* clerkMatchButton() const { return m_clerkMatch; }
    QString text() const;      // what the guest reads now
    QString clerkText() const; // the score line for the clerk

signals:
    void consentGiven();
    void declined();
    // What the guest is asked or told now, when it changes: to be spoken as well as shown.
    void promptChanged(const QString& text);

protected:
    void changeEvent(QEvent* e) override;

private:
    void render();
    void announce();
    QString promptText() const;
    QString resultText() const;
    QString unavailableText() const;

    State m_state = State::Hidden;
    bool m_clerkAsked = false;
    QString m_lastPrompt;
    QElapsedTimer m_spokenAt;
    Verdict m_verdict;
    std::optional<FaceProgressView> m_progress;
    std::optional<FaceResultView> m_result;
    QLabel* m_title;
    QLabel* m_text;
    QLabel* m_clerk;
    QLabel* m_live;
    QProgressBar* m_bar;
    QPushButton* m_consent;
    QPushButton* m_decline;
    QLineEdit* m_reason;
    QPushButton* m_clerkMatch; // the clerk compared photo and guest: they match (a standard reason)
};

} // namespace lz::ui
