#include "ui/StaffRecordsPage.h"

#include "credential/Masking.h"
#include "ui/RegistrationForm.h"
#include "ui/StaffPage.h"
#include "ui/Texts.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace lz::ui {
namespace {
constexpr int kUnmaskSeconds = 30; // an unmasked record goes back to masked after this

QString detailsText(const QJsonObject& d) {
    QStringList parts;
    for (const char* key : {"room", "seat", "service_item", "window_no", "waybill"})
        if (d.contains(QLatin1String(key)))
            parts.append(d.value(QLatin1String(key)).toString());
    return parts.join(QStringLiteral(" / "));
}
} // namespace

StaffRecordsPage::StaffRecordsPage(QWidget* parent)
    : QWidget(parent) {
    auto* v = new QVBoxLayout(this);
    auto* searchRow = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_searchButton = new QPushButton(this);
    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_searchButton);
    v->addLayout(searchRow);
    m_table = new QTableWidget(0, 6, this);
    m_table->setObjectName(QStringLiteral("records"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(40);
    m_table->setMinimumHeight(120);
    v->addWidget(m_table, 1);
    // One row for the actions: the table keeps the height.
    auto* actions = new QHBoxLayout;
    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("unmaskReason"));
    m_unmask = new QPushButton(this);
    m_unmask->setObjectName(QStringLiteral("unmask"));
    m_checkout = new QPushButton(this);
    m_checkout->setObjectName(QStringLiteral("checkout"));
    m_void = new QPushButton(this);
    m_void->setObjectName(QStringLiteral("voidRecord"));
    m_correct = new QPushButton(this);
    m_correct->setObjectName(QStringLiteral("correctRecord"));
    m_exportPath = new QLineEdit(this);
    m_exportPath->setObjectName(QStringLiteral("exportPath"));
    m_export = new QPushButton(this);
    m_export->setObjectName(QStringLiteral("export"));
    actions->addWidget(m_reason, 1);
    actions->addWidget(m_unmask);
    actions->addWidget(m_checkout);
    actions->addWidget(m_void);
    actions->addWidget(m_correct);
    v->addLayout(actions);
    // A correction: the registration's fields as recorded, changed and saved as a new record.
    m_correction = new QWidget(this);
    m_correction->setObjectName(QStringLiteral("correction"));
    auto* c = new QVBoxLayout(m_correction);
    c->setContentsMargins(0, 0, 0, 0);
    m_correctionTitle = new QLabel(m_correction);
    m_correctionForm = new RegistrationForm(m_correction);
    auto* correctionButtons = new QHBoxLayout;
    m_saveCorrection = new QPushButton(m_correction);
    m_saveCorrection->setObjectName(QStringLiteral("saveCorrection"));
    m_cancelCorrection = new QPushButton(m_correction);
    m_cancelCorrection->setObjectName(QStringLiteral("cancelCorrection"));
    correctionButtons->addStretch(1);
    correctionButtons->addWidget(m_cancelCorrection);
    correctionButtons->addWidget(m_saveCorrection);
    c->addWidget(m_correctionTitle);
    c->addWidget(m_correctionForm);
    c->addLayout(correctionButtons);
    m_correction->hide();
    v->addWidget(m_correction);
    auto* exportRow = new QHBoxLayout;
    exportRow->addWidget(m_exportPath, 1);
    exportRow->addWidget(m_export);
    v->addLayout(exportRow);
    auto search = [this] { emit recordsRequested(m_search->text().trimmed()); };
    connect(m_searchButton, &QPushButton::clicked, this, search);
    connect(m_search, &QLineEdit::returnPressed, this, search);
    connect(m_unmask, &QPushButton::clicked, this, [this] {
        const Registration* r = selected();
        if (!r) {
            emit message(tr("Select a record first."), true);
            return;
        }
        if (m_reason->text().trimmed().isEmpty()) {
            emit message(tr("Give a reason for showing the full record; it is logged."), true);
            m_reason->setFocus();
            return;
        }
        emit unmaskRequested(r->id, m_reason->text().trimmed());
    });
    connect(m_checkout, &QPushButton::clicked, this, [this] {
        const Registration* r = selected();
        if (!r || !r->registered() || r->venue.type != VenueType::Hotel) {
            emit message(tr("Select a guest's hotel registration first."), true);
            return;
        }
        emit checkoutRequested(r->id);
        // Queued after the check-out on the backend's thread: the list comes back with it.
        emit recordsRequested(m_search->text().trimmed());
    });
    connect(m_void, &QPushButton::clicked, this, [this] {
        const Registration* r = amendable();
        if (r && m_reason->text().trimmed().isEmpty()) {
            emit message(tr("Give a reason for the void; it is logged and forwarded."), true);
            m_reason->setFocus();
        } else if (r && m_voidArmed != r->id) {
            // A void is final: asked twice, so that a mis-tap voids nothing.
            m_voidArmed = r->id;
            m_voidTimer.start();
            emit message(tr("Press Void again to void this registration (final; logged and forwarded)."),
                         false);
        } else if (r) {
            m_voidArmed.clear();
            m_voidTimer.stop();
            emit voidRequested(r->id, m_reason->text().trimmed());
            m_reason->clear();
            emit recordsRequested(m_search->text().trimmed()); // queued after the void
        }
    });
    connect(m_correct, &QPushButton::clicked, this, [this] {
        if (const Registration* r = amendable())
            openCorrection(*r);
    });
    connect(m_cancelCorrection, &QPushButton::clicked, this, &StaffRecordsPage::closeCorrection);
    connect(m_saveCorrection, &QPushButton::clicked, this, [this] {
        if (const QString missing = m_correctionForm->missingField(); !missing.isEmpty()) {
            emit message(tr("Fill in: %1").arg(missing), true);
            return;
        }
        if (m_reason->text().trimmed().isEmpty()) {
            emit message(tr("Give a reason for the correction; it is logged and forwarded."), true);
            m_reason->setFocus();
            return;
        }
        emit correctionRequested(m_correcting, m_correctionForm->details(), m_reason->text().trimmed());
        m_reason->clear();
        closeCorrection();
        emit recordsRequested(m_search->text().trimmed()); // queued after the correction
    });
    connect(m_export, &QPushButton::clicked, this,
            [this] { emit exportRequested(m_exportPath->text().trimmed()); });
    m_voidTimer.setSingleShot(true);
    m_voidTimer.setInterval(10 * 1000);
    connect(&m_voidTimer, &QTimer::timeout, this, [this] { m_voidArmed.clear(); });
    connect(m_table, &QTableWidget::currentCellChanged, this, [this] { m_voidArmed.clear(); });
    m_unmaskTimer.setSingleShot(true);
    connect(&m_unmaskTimer, &QTimer::timeout, this, [this] {
        m_unmaskedId.clear();
        render();
    });
    retranslate();
}

const Registration* StaffRecordsPage::selected() const {
    const int row = m_table->currentRow();
    return row >= 0 && row < m_records.size() ? &m_records.at(row) : nullptr;
}

const Registration* StaffRecordsPage::amendable() {
    const Registration* r = selected();
    if (!r || !r->registered() || !r->identity) {
        emit message(tr("Select a registration first."), true);
        return nullptr;
    }
    if (r->amendedBy == RecordKind::Void) {
        emit message(tr("This registration was voided already."), true);
        return nullptr;
    }
    return r;
}

void StaffRecordsPage::openCorrection(const Registration& r) {
    m_correcting = r.id;
    m_correctionForm->load(r.venue.type, r.correctedDetails.value_or(r.details),
                           r.identity ? &*r.identity : nullptr);
    m_correctionTitle->setText(
        tr("Correct the registration of %1 (%2): the record stays, a correction is added")
            .arg(masking::name(r.identity ? r.identity->name : QString()),
                 staffpage::timeText(r.createdAtMs)));
    m_correction->show();
    m_table->setEnabled(false); // one record at a time
}

void StaffRecordsPage::closeCorrection() {
    m_correcting.clear();
    m_correctionForm->clear();
    m_correction->hide();
    m_table->setEnabled(true);
}

void StaffRecordsPage::open() {
    clear();
    m_exportPath->setText(
        QStringLiteral("registrations-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
    emit recordsRequested({});
}

void StaffRecordsPage::clear() {
    m_unmaskTimer.stop();
    closeCorrection();
    m_records.clear();
    m_unmaskedId.clear();
    m_reason->clear();
    m_search->clear();
    render();
}

void StaffRecordsPage::setRecords(const QList<Registration>& records) {
    m_records = records;
    m_unmaskedId.clear();
    render();
}

void StaffRecordsPage::showUnmasked(const Registration& r) {
    for (Registration& mine : m_records)
        if (mine.id == r.id)
            mine = r;
    m_unmaskedId = r.id;
    m_reason->clear();
    m_unmaskTimer.start(kUnmaskSeconds * 1000);
    emit message(tr("Shown in full for %n s; this access was logged.", nullptr, kUnmaskSeconds), false);
    render();
}

void StaffRecordsPage::changeEvent(QEvent* e) {
    if (e->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(e);
}

void StaffRecordsPage::retranslate() {
    m_search->setPlaceholderText(tr("Search name, number, room, seat…"));
    m_search->setAccessibleName(tr("Search"));
    m_searchButton->setText(tr("Search"));
    m_reason->setPlaceholderText(tr("Reason to show in full, void or correct (logged)"));
    m_reason->setAccessibleName(tr("Reason"));
    m_unmask->setText(tr("Show in full"));
    m_checkout->setText(tr("Check out"));
    m_checkout->setAccessibleName(tr("Record the guest's departure"));
    m_void->setText(tr("Void"));
    m_void->setAccessibleName(tr("Void the registration (made by mistake)"));
    m_correct->setText(tr("Correct"));
    m_correct->setAccessibleName(tr("Correct the registration's details"));
    m_saveCorrection->setText(tr("Save correction"));
    m_cancelCorrection->setText(tr("Cancel"));
    m_exportPath->setAccessibleName(tr("Export file"));
    m_export->setText(tr("Export CSV (masked)"));
    m_table->setHorizontalHeaderLabels(
        {tr("Time"), tr("Name"), tr("Number"), tr("Outcome"), tr("Room / seat / item"), tr("Forwarding")});
    render();
}

void StaffRecordsPage::render() {
    m_table->setRowCount(int(m_records.size()));
    for (int i = 0; i < m_records.size(); ++i) {
        const Registration& r = m_records.at(i);
        const bool full = !m_unmaskedId.isEmpty() && r.id == m_unmaskedId;
        QString name, number;
        if (r.identity) {
            name = full ? r.identity->name : masking::name(r.identity->name);
            number = full ? r.identity->documentNumber : masking::documentNumber(r.identity->documentNumber);
        } else if (r.purgedAtMs) {
            name = tr("(removed after retention)");
        }
        QString outcome;
        switch (r.kind) {
        case RecordKind::Registration:
            outcome = tr("Registered");
            break;
        case RecordKind::Checkout:
            outcome = tr("Checked out");
            break;
        case RecordKind::ManualRegistration:
            outcome = tr("Registered by staff (not verified)");
            break;
        case RecordKind::Attempt:
            outcome = tr("Refused: %1")
                          .arg(Texts::reasonShort(reasonFromName(r.reason).value_or(Reason::Malformed)));
            break;
        case RecordKind::Void:
            outcome = tr("Void of an earlier registration: %1")
                          .arg(r.details.value(QLatin1String("amend_reason")).toString());
            break;
        case RecordKind::Correction:
            outcome = tr("Correction of an earlier registration: %1")
                          .arg(r.details.value(QLatin1String("amend_reason")).toString());
            break;
        }
        if (r.amendedBy == RecordKind::Void)
            outcome += QStringLiteral(" · ") + tr("voided");
        else if (r.amendedBy == RecordKind::Correction)
            outcome += QStringLiteral(" · ") + tr("corrected");
        QString forwarding = r.ackedAtMs ? tr("Forwarded") : tr("Queued");
        if (!r.setAsideReason.isEmpty())
            forwarding = tr("Set aside: %1").arg(r.setAsideReason);
        const QStringList cells = {staffpage::timeText(r.createdAtMs),
                                   name,
                                   number,
                                   outcome,
                                   detailsText(r.correctedDetails.value_or(r.details)),
                                   forwarding};
        for (int c = 0; c < cells.size(); ++c)
            m_table->setItem(i, c, new QTableWidgetItem(cells[c]));
    }
    m_table->resizeColumnsToContents();
}

} // namespace lz::ui
