#pragma once
// The screen the guest sees while nobody is being served: the live camera picture with its
// framing guide, a large prompt naming only the inputs that work right now, the scanner's
// hint, the language buttons, and (for hotel parties) which guest of the party is next.
#include "ui/KioskTypes.h"

#include <QWidget>

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

signals:
    void languageChosen(const QString& code);
    void staffRequested();
    void passportRequested(); // the clerk reads a passport or travel permit (NFC reader works)
    void partyCancelled();

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
    QList<QPushButton*> m_languages;
    bool m_camera = true, m_scanner = false, m_nfc = false, m_idCard = false;
    GuestHint m_hintValue = GuestHint::None;
    PartyProgress m_partyValue;
};

} // namespace lz::ui
