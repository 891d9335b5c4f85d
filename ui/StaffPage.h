#pragma once
// What the staff screen's pages share: a page whose text grows scrolls rather than pushing the
// screen's buttons off the display, and times are shown in local time to the second.
#include <QDateTime>
#include <QFrame>
#include <QScrollArea>

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
