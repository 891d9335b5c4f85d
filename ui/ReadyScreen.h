#pragma once
// The screen the guest sees while nobody is being served: the live camera picture with its
// framing guide, a large prompt naming only the inputs that work right now, the scanner's
// hint, the language buttons, and (for hotel parties) which guest of the party is next.
#include "ui/KioskTypes.h"

#include <QTimer>
#include <QWidget>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace lz::ui {

class PreviewView;

struct PartyProgress {
    bool active = false;
    int next = 0, total = 0; // "guest 2 of 3"
    QString room;
};

class ReadyScreen : public QWidget {
    Q_OBJECT
public:
    explicit ReadyScreen(QWidget* parent = nullptr);
    PreviewView* preview() const { return m_preview; }
    void setInputs(bool camera, bool scanner, bool nfc = false,
                   bool idCard = false); // what the prompt may offer
    void setHint(GuestHint hint);
    void setParty(const PartyProgress& party);
    QString promptText() const;
    QString hintText() const;
    QPushButton* passportButton() const { return m_passport; }
    QPushButton* staffButton() const { return m_staff; }
    QPushButton* elderButton() const { return m_elder; }
    // The camera sees a code (its region in the picture) or none: "recognised, checking…" at
    // once; a code still held up that brings no verdict (one just checked, held up after the
    // result went away) is told so instead of silence.
    void codeInView(bool inView);
    QString seenText() const;
    QString howText() const;
    void setElderMode(bool on); // the button's state (the window decides what it changes)

signals:
    void languageChosen(const QString& code);
    void staffRequested();
    void passportRequested(); // the clerk reads a passport or travel permit (NFC reader works)
    void partyCancelled();
    void elderModeToggled(bool on);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    PreviewView* m_preview;
    QLabel* m_prompt;
    QLabel* m_hint;
    QLabel* m_party;
    QPushButton* m_endParty;
    QPushButton* m_staff;
    QPushButton* m_passport;
    QPushButton* m_elder;
    QWidget* m_elderSlot;
    QHBoxLayout* m_columns; // the picture and the prompt
    QLabel* m_how;          // how to hold the phone, where the NFC spot is
    QLabel* m_seen;         // "recognised, checking…" / "just checked: refresh the code"
    enum class Seen { None, Checking, Held } m_seenState = Seen::None;
    QTimer* m_heldTimer; // a code in view this long with no verdict: it was just checked
    QTimer* m_goneTimer; // no code in view this long: the line goes
    bool m_camera = true, m_scanner = false, m_nfc = false, m_idCard = false;
    GuestHint m_hintValue = GuestHint::None;
    PartyProgress m_partyValue;
};

} // namespace lz::ui
