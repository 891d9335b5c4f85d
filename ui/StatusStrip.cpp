#include "ui/StatusStrip.h"

#include "ui/Texts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace lz::ui {
namespace {
constexpr int kChips = 6; // camera, scanner, NFC reader, ID-card reader, trust list, forwarding

QString dot(bool good) {
    return good ? QStringLiteral("● ") : QStringLiteral("○ ");
}
} // namespace

QString ageText(qint64 s) {
    if (s < 0)
        return StatusStrip::tr("none");
    if (s < 3600)
        return StatusStrip::tr("%n min", nullptr, int(s / 60));
    if (s < 2 * 86400)
        return StatusStrip::tr("%n h", nullptr, int(s / 3600));
    return StatusStrip::tr("%n days", nullptr, int(s / 86400));
}

StatusStrip::StatusStrip(QWidget* parent)
    : QWidget(parent) {
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(12, 6, 12, 6);
    // The status row stays small in large-text mode too: it is for the clerk, and it must leave
    // the screen's width to the guest's texts.
    m_venueLabel = new QLabel(this);
    m_venueLabel->setObjectName(QStringLiteral("venue"));
    // The venue's name gives way (cut short) before the chips push the window off the screen.
    m_venueLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_venueLabel->setMinimumWidth(80);
    m_demo = new QLabel(this);
    m_demo->setObjectName(QStringLiteral("banner"));
    row->addWidget(m_demo);
    row->addWidget(m_venueLabel, 1); // takes the room the chips leave
    for (int i = 0; i < kChips; ++i) {
        auto* chip = new QLabel(this);
        chip->setObjectName(QStringLiteral("chip"));
        // May be narrower than its text rather than widen the window past the screen; the venue's
        // name gives way first, so in practice every chip is shown whole.
        chip->setMinimumWidth(40);
        row->addWidget(chip);
        m_chips.append(chip);
    }
    render();
}

void StatusStrip::setStatus(const KioskStatus& s) {
    m_status = s;
    render();
}

void StatusStrip::setVenue(const VenueContext& venue) {
    m_venue = venue;
    render();
}

void StatusStrip::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        render();
    QWidget::changeEvent(e);
}

QString StatusStrip::summary() const {
    QStringList parts;
    for (QLabel* c : m_chips)
        if (!c->isHidden())
            parts.append(c->text());
    return parts.join(QStringLiteral(" · "));
}

void StatusStrip::render() {
    m_venueLabel->setText(tr("%1 · terminal %2").arg(Texts::venueType(m_venue.type), m_venue.terminalId));
    m_demo->setText(tr("DEMO"));
    m_demo->setVisible(m_status.demo);
    auto device = [&](const QString& id) -> DeviceView {
        for (const DeviceView& d : m_status.devices)
            if (d.id == id)
                return d;
        return {id, DeviceView::State::NotConfigured, {}, 0};
    };
    auto deviceText = [&](const QString& name, const DeviceView& d) {
        switch (d.state) {
        case DeviceView::State::Present:
            return dot(true) + tr("%1 ready").arg(name);
        case DeviceView::State::Starting:
            return dot(false) + tr("%1 starting").arg(name);
        case DeviceView::State::Absent:
            return dot(false) + tr("%1 unavailable").arg(name);
        case DeviceView::State::NotConfigured:
            break;
        }
        return dot(false) + tr("%1 not configured").arg(name);
    };
    const DeviceView scanner = device(QStringLiteral("scanner"));
    m_chips[0]->setText(deviceText(tr("Camera"), device(QStringLiteral("camera"))));
    m_chips[1]->setText(deviceText(tr("Scanner"), scanner));
    m_chips[1]->setVisible(scanner.state != DeviceView::State::NotConfigured);
    const DeviceView nfc = device(QStringLiteral("nfc"));
    m_chips[2]->setText(deviceText(tr("NFC"), nfc)); // short: six chips share the row
    m_chips[2]->setVisible(nfc.state != DeviceView::State::NotConfigured);
    const DeviceView idCard = device(QStringLiteral("idcard"));
    m_chips[3]->setText(deviceText(tr("ID card"), idCard));
    m_chips[3]->setVisible(idCard.state != DeviceView::State::NotConfigured);
    // Guests see no trust-list age and no outbox count (issue 18): the staff screen has them. What
    // needs staff — no current trust list, records not reaching the police — is one plain line.
    m_chips[4]->setText(!m_status.trustPresent ? dot(false) + tr("Staff: no trust list")
                                               : dot(false) + tr("Staff: trust list out of date"));
    m_chips[4]->setVisible(!m_status.trustPresent || m_status.trustStale);
    m_chips[5]->setText(!m_status.syncConfigured
                            ? dot(false) + tr("Staff: no police gateway set, records stay here")
                            : dot(false) + tr("Staff: records are not reaching the police gateway"));
    m_chips[5]->setVisible(!m_status.syncConfigured || m_status.sync.lastError.has_value());
    setAccessibleName(summary());
}

} // namespace lz::ui
