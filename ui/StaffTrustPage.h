#pragma once
// Staff mode: the trust list in force — version, age, next update, whether it is current, the
// issuers it names, and the start-up warnings the operator must see.
#include "ui/StaffPage.h"

#include <QWidget>

class QLabel;
class QListWidget;

namespace lz::ui {

class StaffTrustPage : public StaffStatusPage {
    Q_OBJECT
public:
    explicit StaffTrustPage(QWidget* parent = nullptr);

private:
    void render() override;
    QLabel* m_text;
    QListWidget* m_issuers;
};

} // namespace lz::ui
