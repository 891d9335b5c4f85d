#pragma once
// Staff mode: the devices (camera, scanners, NFC reader) and their state, the self-test, and the
// camera's live picture while the page is open (the self-test's eye).
#include "ui/KioskTypes.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace lz::ui {
class PreviewView;

class StaffDevicesPage : public QWidget {
    Q_OBJECT
public:
    explicit StaffDevicesPage(QWidget* parent = nullptr);
    void setStatus(const KioskStatus& status);
    void setSelfTest(const QString& report);
    PreviewView* preview() const { return m_preview; }

signals:
    void selfTestRequested();

protected:
    void changeEvent(QEvent* e) override;

private:
    void render();
    KioskStatus m_status;
    QLabel* m_text;
    QPushButton* m_selfTest;
    QLabel* m_selfTestText;
    PreviewView* m_preview;
};

} // namespace lz::ui
