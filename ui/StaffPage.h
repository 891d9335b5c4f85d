#pragma once
// What the staff screen's pages share: a page whose text grows scrolls rather than pushing the
// screen's buttons off the display, and times are shown in local time to the second.
#include "ui/KioskTypes.h"

#include <QDateTime>
#include <QEvent>
#include <QFrame>
#include <QScrollArea>

namespace lz::ui {

// A page that shows the kiosk's status (forwarding, trust list, devices): the newest status,
// drawn again when it changes or the language does.
class StaffStatusPage : public QWidget {
public:
    using QWidget::QWidget;
    void setStatus(const KioskStatus& status) {
        m_status = status;
        render();
    }

protected:
    virtual void render() = 0;
    const KioskStatus& status() const { return m_status; }
    void changeEvent(QEvent* e) override {
        if (e->type() == QEvent::LanguageChange)
            render();
        QWidget::changeEvent(e);
    }

private:
    KioskStatus m_status;
};

} // namespace lz::ui

namespace lz::ui::staffpage {

inline QWidget* scrolled(QWidget* page, QWidget* parent) {
    auto* scroll = new QScrollArea(parent);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(page);
    return scroll;
}

inline QString timeText(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                  : QString();
}

} // namespace lz::ui::staffpage
