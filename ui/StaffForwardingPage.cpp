#include "ui/StaffForwardingPage.h"

#include "ui/StaffPage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace lz::ui {

using staffpage::timeText;

StaffForwardingPage::StaffForwardingPage(QWidget* parent)
    : StaffStatusPage(parent) {
    auto* v = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("forwardingText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_syncNow = new QPushButton(this);
    m_syncNow->setObjectName(QStringLiteral("syncNow"));
    m_backup = new QPushButton(this);
    m_backup->setObjectName(QStringLiteral("backup"));
    m_backup->setVisible(false);
    m_setAside = new QListWidget(this);
    v->addWidget(m_text);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_syncNow);
    buttons->addWidget(m_backup);
    buttons->addStretch(1);
    v->addLayout(buttons);
    v->addWidget(m_setAside, 1);
    connect(m_syncNow, &QPushButton::clicked, this, &StaffForwardingPage::syncNowRequested);
    connect(m_backup, &QPushButton::clicked, this, &StaffForwardingPage::backupRequested);
    render();
}

void StaffForwardingPage::setRecords(const QList<Registration>& records) {
    m_records = records;
    render();
}

void StaffForwardingPage::setBackupAllowed(bool allowed) {
    m_backup->setVisible(allowed);
}

void StaffForwardingPage::render() {
    m_syncNow->setText(tr("Sync now"));
    m_backup->setText(tr("Back up to the USB stick"));
    const SyncStatus& s = status().sync;
    QStringList lines;
    lines << (status().syncConfigured ? tr("Gateway configured.")
                                      : tr("No gateway configured: records stay here."));
    lines << tr("Waiting to be forwarded: %1").arg(s.queue)
          << tr("Set aside by the gateway: %1").arg(s.setAside);
    if (s.oldestUnsentMs)
        lines << tr("Oldest waiting: %1").arg(timeText(s.oldestUnsentMs));
    lines << tr("Last success: %1").arg(s.lastSuccessMs ? timeText(s.lastSuccessMs) : tr("never"));
    if (s.lastError)
        lines << tr("Last error: %1").arg(s.lastError->text());
    if (s.nextTryMs)
        lines << tr("Next attempt: %1").arg(timeText(s.nextTryMs));
    if (s.clockWarning)
        lines << tr("Warning: this terminal's clock differs from the gateway's by %n s.", nullptr,
                    int(s.clockOffsetMs / 1000));
    if (!status().logReady)
        lines << tr("Registration log unavailable: %1").arg(status().logError);
    m_text->setText(lines.join(QLatin1Char('\n')));
    m_setAside->clear();
    for (const Registration& r : std::as_const(m_records))
        if (!r.setAsideReason.isEmpty())
            m_setAside->addItem(QStringLiteral("%1  %2").arg(timeText(r.createdAtMs), r.setAsideReason));
}

} // namespace lz::ui
