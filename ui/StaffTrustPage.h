#pragma once
// Staff mode: the trust list in force — version, age, next update, whether it is current, the
// issuers it names, and the start-up warnings the operator must see.
#include "ui/KioskTypes.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace lz::ui {

class StaffTrustPage : public QWidget {
    Q_OBJECT
public:
    explicit StaffTrustPage(QWidget* parent = nullptr);
    void setStatus(const KioskStatus& status);

protected:
    void changeEvent(QEvent* e) override;

private:
    void render();
    KioskStatus m_status;
    QLabel* m_text;
    QListWidget* m_issuers;
};

} // namespace lz::ui
