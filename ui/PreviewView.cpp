#include "ui/PreviewView.h"

#include <QPainter>
#include <QPainterPath>

namespace lz::ui {

PreviewView::PreviewView(QWidget* parent)
    : QWidget(parent) {
    setMinimumSize(320, 180);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void PreviewView::setFrame(const QImage& frame, const QRect& code) {
    m_frame = frame;
    m_code = code;
    m_message.clear();
    ++m_shown;
    update();
}

void PreviewView::setUnavailable(const QString& message) {
    m_frame = QImage();
    m_message = message;
    update();
}

void PreviewView::clear() {
    m_frame = QImage();
    m_code = QRect();
    update();
}

void PreviewView::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), QColor(0x20, 0x24, 0x2a));
    QRectF target = rect();
    if (!m_frame.isNull()) {
        const QSizeF s = QSizeF(m_frame.size()).scaled(size(), Qt::KeepAspectRatio);
        target = QRectF(QPointF((width() - s.width()) / 2, (height() - s.height()) / 2), s);
        p.drawImage(target, m_frame);
    }
    // Framing guide: corner brackets around the middle of the picture, where the code belongs.
    const double side = std::min(target.width(), target.height()) * 0.62;
    const QRectF guide(target.center() - QPointF(side / 2, side / 2), QSizeF(side, side));
    const double arm = side * 0.18;
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(255, 255, 255, 220), 5, Qt::SolidLine, Qt::RoundCap));
    for (const QPointF& c : {guide.topLeft(), guide.topRight(), guide.bottomLeft(), guide.bottomRight()}) {
        const double dx = c.x() < guide.center().x() ? arm : -arm;
        const double dy = c.y() < guide.center().y() ? arm : -arm;
        p.drawLine(c, c + QPointF(dx, 0));
        p.drawLine(c, c + QPointF(0, dy));
    }
    if (!m_frame.isNull() && m_code.isValid()) {
        const double k = target.width() / m_frame.width();
        p.setPen(QPen(QColor(0x2e, 0xcc, 0x71), 4));
        p.drawRect(QRectF(target.left() + m_code.x() * k, target.top() + m_code.y() * k, m_code.width() * k,
                          m_code.height() * k));
    }
    if (m_frame.isNull() && !m_message.isEmpty()) {
        p.setPen(Qt::white);
        QFont f = font();
        f.setPointSize(f.pointSize() + 4);
        p.setFont(f);
        p.drawText(rect().adjusted(24, 24, -24, -24), Qt::AlignCenter | Qt::TextWordWrap, m_message);
    }
}

} // namespace lz::ui
