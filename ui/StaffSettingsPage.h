#pragma once
// Staff mode: the kiosk's settings — venue, clerk on duty, window, camera, sounds, language,
// large text and contrast, the auto-return time, retention, and a new staff PIN.
#include "ui/KioskSettings.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace lz::ui {

class StaffSettingsPage : public QWidget {
    Q_OBJECT
public:
    explicit StaffSettingsPage(QWidget* parent = nullptr);
    // administrator: the session may change settings and manage the clerks (a clerk's may not).
    void open(const KioskSettings& settings, bool administrator = true);
    void setClerks(const staff::StaffRoster& clerks); // the roster after a change
    void clear();                                     // the new PIN field is emptied

signals:
    void settingsSaved(const lz::ui::KioskSettings& settings, const QString& newPin);
    void message(const QString& text, bool error);
    // The administrator adds a clerk or gives one a new PIN (hashed by the application), or removes one.
    void clerkPutRequested(const QString& id, const QString& name, const QString& pin);
    void clerkRemoveRequested(const QString& id);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void save();

    KioskSettings m_settings;
    QComboBox* m_venueType;
    QLineEdit* m_venueId;
    QLineEdit* m_terminalId;
    QLineEdit* m_operator; // shown, not typed: the last clerk who signed in
    // The clerks (the administrator's session only): staff number, name, PIN; add or remove.
    QLabel* m_clerkList;
    QLineEdit* m_clerkId;
    QLineEdit* m_clerkName;
    QLineEdit* m_clerkPin;
    QPushButton* m_putClerk;
    QPushButton* m_removeClerk;
    QWidget* m_clerkBox;
    QList<QLabel*> m_clerkLabels;
    QLineEdit* m_windowNo;
    QLineEdit* m_camera;
    QComboBox* m_resolution;
    QCheckBox* m_sounds;
    QComboBox* m_language;
    QCheckBox* m_largeText;
    QCheckBox* m_highContrast;
    QSpinBox* m_autoReturn;
    QSpinBox* m_retention;
    QLineEdit* m_newPin;
    QPushButton* m_save;
    QList<QLabel*> m_labels;
};

} // namespace lz::ui
