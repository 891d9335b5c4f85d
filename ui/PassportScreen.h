#pragma once
// The clerk's way to read a passport or travel permit: the access key from the MRZ — typed
// (document number, date of birth, date of expiry, each checked as it is typed) or the whole
// zone scanned or pasted — then "place the document on the reader" with the read's progress.
// The chip's answer and its verdict come back through the kiosk like any other verification.
// Room for camera OCR of the MRZ later: it would fill the same fields.
#include "ui/KioskTypes.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace lz::ui {

class PassportScreen : public QWidget {
    Q_OBJECT
public:
    explicit PassportScreen(QWidget* parent = nullptr);

    // The entry page, empty (a demo terminal offers its demo passport's key).
    void start(bool demo = false);
    void clear(); // nothing personal left in any field
    // The chip's progress: fid 0 once it opened, then each file's bytes so far.
    void showProgress(quint16 fid, qint64 done, qint64 total);
    // The read failed: a refused key goes back to the entry page, anything else waits for the
    // document to be placed again.
    void showReadProblem(lz::nfc::NfcCode code);
    void showChecking(); // read complete, the verdict is being worked out
    // The desk camera read the MRZ (two frames agreeing, every check digit passed): the key is
    // filled in for the clerk to confirm — unless the clerk has typed their own.
    void offerCameraKey(const QString& documentNumber, const QString& birthDate, const QString& expiryDate);
    // What the camera sees when it has no key yet (an MrzHint's name, see devices/mrz).
    void showCameraHint(const QString& hint);
    QString cameraText() const;

    bool reading() const;
    QLineEdit* numberField() const { return m_number; }
    QLineEdit* birthField() const { return m_birth; }
    QLineEdit* expiryField() const { return m_expiry; }
    QPlainTextEdit* mrzField() const { return m_mrz; }
    QPushButton* readButton() const { return m_read; }
    QPushButton* cancelButton() const { return m_cancel; }
    QString errorText() const;
    QString stageText() const;
    int progressValue() const;

signals:
    void readRequested(const lz::icao::MrzKey& key);
    void cancelled();
    void languageChosen(const QString& code); // the foreign guest's language
    // The entry page is shown (true: the camera may look for the MRZ) or left (false).
    void entryShown(bool shown);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void fitMrzBox();
    bool clerkTyped() const; // the fields hold the clerk's own key (typed or a scanned zone)
    void updateCameraLine();
    void onMrzChanged();
    void onRead();
    void setError(const QString& text);
    void toEntry();

    QStackedWidget* m_pages;
    QWidget* m_entry;
    QWidget* m_reading;
    QLabel* m_title;
    QLabel* m_explain;
    QLabel* m_numberLabel;
    QLabel* m_birthLabel;
    QLabel* m_expiryLabel;
    QLabel* m_mrzLabel;
    QLabel* m_camera; // the desk camera's MRZ reading: what it sees, or that it filled the key
    QString m_cameraHint;
    bool m_cameraFilled = false; // the fields hold the camera's key
    bool m_replaceable = false;  // ... or the demo's: not the clerk's typing, the camera may replace it
    QLineEdit* m_number;
    QLineEdit* m_birth;
    QLineEdit* m_expiry;
    QPlainTextEdit* m_mrz;
    QLabel* m_error;
    QPushButton* m_read;
    QPushButton* m_back;
    QLabel* m_place;
    QLabel* m_stage;
    QLabel* m_problem;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    // Reading: no document within a minute → back to the entry page. Entry: two minutes without
    // a key press → cleared and back to the guests (typed details do not stay on screen).
    QTimer m_waiting;
    quint16 m_fid = 0;
    qint64 m_done = 0, m_total = 0;
    bool m_opened = false, m_checking = false;
};

} // namespace lz::ui
