#include "ui/StaffDevicesPage.h"

#include "ui/PreviewView.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace lz::ui {

StaffDevicesPage::StaffDevicesPage(QWidget* parent)
    : StaffStatusPage(parent) {
    auto* v = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("devicesText"));
    m_text->setWordWrap(true);
    m_selfTest = new QPushButton(this);
    m_selfTest->setObjectName(QStringLiteral("selfTest"));
    m_selfTestText = new QLabel(this);
    m_selfTestText->setObjectName(QStringLiteral("selfTestReport"));
    m_selfTestText->setWordWrap(true);
    v->addWidget(m_text);
    v->addWidget(m_selfTest, 0, Qt::AlignLeft);
    v->addWidget(m_selfTestText);
    m_preview = new PreviewView(this);
    m_preview->setMinimumSize(320, 180);
    m_preview->setMaximumHeight(260);
    v->addWidget(m_preview);
    v->addStretch();
    connect(m_selfTest, &QPushButton::clicked, this, [this] {
        m_selfTestText->setText(tr("Testing the devices…"));
        emit selfTestRequested();
    });
    render();
}

void StaffDevicesPage::setSelfTest(const QString& report) {
    m_selfTestText->setText(report);
}

void StaffDevicesPage::render() {
    m_selfTest->setText(tr("Run self-test"));
    QStringList lines;
    for (const DeviceView& d : status().devices) {
        const QString name = d.id == QLatin1String("camera") ? tr("Camera")
                             : d.id == QLatin1String("nfc")  ? tr("NFC reader")
                                                             : tr("Scanner");
        QString state;
        switch (d.state) {
        case DeviceView::State::Present:
            state = d.fps > 0 ? tr("working, %1 frames/s").arg(d.fps, 0, 'f', 1) : tr("working");
            break;
        case DeviceView::State::Starting:
            state = tr("starting");
            break;
        case DeviceView::State::Absent:
            state = tr("unavailable");
            break;
        case DeviceView::State::NotConfigured:
            state = tr("not configured");
            break;
        }
        lines << QStringLiteral("%1: %2 — %3").arg(name, state, d.detail);
    }
    m_text->setText(lines.join(QLatin1Char('\n')));
}

} // namespace lz::ui
