#pragma once
// Staff mode's first page: today's records, searchable and masked; one record shown in full for
// a while with a reason that is itself logged; a guest's check-out; the masked CSV export.
#include "log/Registration.h"

#include <QTimer>
#include <QWidget>

class QLineEdit;
class QPushButton;
class QTableWidget;

namespace lz::ui {

class StaffRecordsPage : public QWidget {
    Q_OBJECT
public:
    explicit StaffRecordsPage(QWidget* parent = nullptr);
    void open();  // a fresh list (asked for), the export file named for today
    void clear(); // nothing personal left in any widget
    void setRecords(const QList<Registration>& records);
    void showUnmasked(const Registration& r);
    const QList<Registration>& records() const { return m_records; }
    QTableWidget* table() const { return m_table; }

signals:
    void recordsRequested(const QString& query);
    void unmaskRequested(const QByteArray& id, const QString& reason);
    void checkoutRequested(const QByteArray& stayRecordId);
    void exportRequested(const QString& path);
    void message(const QString& text, bool error);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void render();
    const Registration* selected() const;

    QList<Registration> m_records;
    QByteArray m_unmaskedId; // shown unmasked until the timer or a new list
    QTimer m_unmaskTimer;
    QLineEdit* m_search;
    QPushButton* m_searchButton;
    QTableWidget* m_table;
    QLineEdit* m_reason;
    QPushButton* m_unmask;
    QPushButton* m_checkout;
    QLineEdit* m_exportPath;
    QPushButton* m_export;
};

} // namespace lz::ui
