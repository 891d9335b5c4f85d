#pragma once
// Staff mode's first page: today's records, searchable and masked; one record shown in full for
// a while with a reason that is itself logged; a guest's check-out; a registration voided or
// corrected by a new record with the reason (issue 18); the masked CSV export.
#include "log/Registration.h"

#include <QTimer>
#include <QWidget>

class QLabel;
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
    void voidRequested(const QByteArray& recordId, const QString& reason);
    void correctionRequested(const QByteArray& recordId, const QJsonObject& details, const QString& reason);
    void exportRequested(const QString& path);
    void message(const QString& text, bool error);

protected:
    void changeEvent(QEvent* e) override;

private:
    void retranslate();
    void render();
    const Registration* selected() const;
    // The selected registration that staff may amend, else a message and null.
    const Registration* amendable();
    void openCorrection(const Registration& r);
    void closeCorrection();

    QList<Registration> m_records;
    QByteArray m_unmaskedId; // shown unmasked until the timer or a new list
    QTimer m_unmaskTimer;
    QLineEdit* m_search;
    QPushButton* m_searchButton;
    QTableWidget* m_table;
    QLineEdit* m_reason;
    QPushButton* m_unmask;
    QPushButton* m_checkout;
    QPushButton* m_void;
    QPushButton* m_correct;
    QWidget* m_correction; // the form of the registration being corrected, with Save and Cancel
    QLabel* m_correctionTitle;
    class RegistrationForm* m_correctionForm;
    QPushButton* m_saveCorrection;
    QPushButton* m_cancelCorrection;
    QByteArray m_correcting; // the record being corrected
    QByteArray m_voidArmed;  // Void pressed once for this record: a second press within 10 s voids it
    QTimer m_voidTimer;
    QLineEdit* m_exportPath;
    QPushButton* m_export;
};

} // namespace lz::ui
