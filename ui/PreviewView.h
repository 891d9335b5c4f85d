#pragma once
// The live camera picture on the Ready screen, with a framing guide (where to hold the code)
// and a box around a code the scanner found. Without a camera it says so in words.
#include <QImage>
#include <QWidget>

namespace lz::ui {

class PreviewView : public QWidget {
    Q_OBJECT
public:
    explicit PreviewView(QWidget* parent = nullptr);
    void setFrame(const QImage& frame, const QRect& code);
    void setUnavailable(const QString& message); // camera absent: no stale picture stays up
    void clear();
    qint64 framesShown() const { return m_shown; }
    bool hasFrame() const { return !m_frame.isNull(); }
    QString message() const { return m_message; }

protected:
    void paintEvent(QPaintEvent*) override;

private:
    QImage m_frame;
    QRect m_code;
    QString m_message;
    qint64 m_shown = 0;
};

} // namespace lz::ui
