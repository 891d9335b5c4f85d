#pragma once
// Staff mode: the devices (camera, scanners, NFC reader) and their state, the self-test, and the
// camera's live picture while the page is open (the self-test's eye).
#include "ui/StaffPage.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace lz::ui {
class PreviewView;

class StaffDevicesPage : public StaffStatusPage {
    Q_OBJECT
public:
    explicit StaffDevicesPage(QWidget* parent = nullptr);
    void setSelfTest(const QString& report);
    PreviewView* preview() const { return m_preview; }

signals:
    void selfTestRequested();

private:
    void render() override;
    QLabel* m_text;
    QPushButton* m_selfTest;
    QLabel* m_selfTestText;
    PreviewView* m_preview;
};

} // namespace lz::ui
