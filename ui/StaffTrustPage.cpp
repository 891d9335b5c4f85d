#include "ui/StaffTrustPage.h"

#include "ui/StaffPage.h"
#include "ui/StatusStrip.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

namespace lz::ui {

StaffTrustPage::StaffTrustPage(QWidget* parent)
    : StaffStatusPage(parent) {
    auto* v = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("trustText"));
    m_text->setWordWrap(true);
    m_issuers = new QListWidget(this);
    m_issuers->setObjectName(QStringLiteral("issuers"));
    v->addWidget(m_text);
    v->addWidget(m_issuers, 1);
    render();
}

void StaffTrustPage::render() {
    QStringList lines;
    if (!status().trustPresent)
        lines << tr("No trust list installed: every code is refused until one is.");
    else
        lines << tr("Version (sequence): %1").arg(status().trustSequence)
              << tr("Age: %1").arg(ageText(status().trustAgeSeconds))
              << tr("Next update due: %1").arg(staffpage::timeText(status().trustNextUpdate * 1000))
              << (status().trustStale ? tr("Out of date: update it.") : tr("Current."));
    if (status().demo)
        lines << tr("DEMO trust list: demo mode only.");
    for (const QString& w : status().warnings)
        lines << tr("Warning: %1").arg(w);
    m_text->setText(lines.join(QLatin1Char('\n')));
    m_issuers->clear();
    m_issuers->addItems(status().issuers);
}

} // namespace lz::ui
