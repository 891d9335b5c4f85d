#pragma once
// The row of small status chips across the top: camera, scanner, trust list age, forwarding
// queue. Each chip is a dot and words (never colour alone); the whole row is one accessible text.
#include "ui/KioskTypes.h"

#include <QWidget>

class QLabel;

namespace lz::ui {

class StatusStrip : public QWidget {
    Q_OBJECT
public:
    explicit StatusStrip(QWidget* parent = nullptr);
    void setStatus(const KioskStatus& s);
    void setVenue(const VenueContext& venue);
    QString summary() const; // all chips as one line (tests, accessibility)

protected:
    void changeEvent(QEvent* e) override;

private:
    void render();
    KioskStatus m_status;
    VenueContext m_venue;
    QLabel* m_venueLabel;
    QLabel* m_demo;
    QList<QLabel*> m_chips;
};

// "3 分钟" / "2 小时" / "5 天": an age in the largest whole unit.
QString ageText(qint64 seconds);

} // namespace lz::ui
