#include "kiosk/KioskBackend.h"
#include "common/TerminalBackup.h"

#include "face/DocumentPortrait.h"
#include "facenet/FaceModels.h"

#include "util/Logging.h"

#include "icao/Dg2.h"
#include "photo/FaceDecoder.h"
#include "ui/Texts.h"

#include "log/LogExport.h"

#include "util/DurableFile.h"
#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <QBuffer>
#include <QRandomGenerator>
#include <QTimer>

namespace lz {

KioskBackend::KioskBackend(TerminalConfig config, QString pinStateFile)
    : m_config(std::move(config))
    , m_pinStateFile(std::move(pinStateFile)) {
    qRegisterMetaType<ui::Verdict>();
    qRegisterMetaType<desk::DeskFailure>();
    qRegisterMetaType<PassportTap>();
    qRegisterMetaType<icao::MrzKey>();
    qRegisterMetaType<ui::KioskStatus>();
    qRegisterMetaType<ui::KioskSettings>();
    qRegisterMetaType<Registration>();
    qRegisterMetaType<QList<Registration>>();
    qRegisterMetaType<staff::PinAttempt>();
    m_thread.setObjectName(QStringLiteral("kiosk-backend"));
    moveToThread(&m_thread);
    m_thread.start();
}

KioskBackend::~KioskBackend() {
    // The terminal, log and sync client were made on the worker thread; they go there too.
    QMetaObject::invokeMethod(this, &KioskBackend::shutdown, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void KioskBackend::shutdown() {
    delete m_statusTimer; // a timer is stopped on the thread it runs on
    m_statusTimer = nullptr;
    m_sync.reset();
    m_terminal.reset();
}

QStringList KioskBackend::warnings() const {
    return m_warnings;
}

void KioskBackend::open() {
    TerminalOptions options;
    options.logging = true;
    // A liangzheng-cli command (a backup, enrolment's self-test, staff at the console) may hold the
    // state for a few seconds just as the kiosk starts — the enrolment gate hands over the moment a
    // self-test passes. Wait for it (on this backend thread) rather than show a broken terminal.
    options.stateWaitMs = 30000;
    auto t = Terminal::open(m_config, m_clock, options);
    if (!t) {
        m_openError = t.error();
        emit opened(false, m_openError);
        publishStatus();
        return;
    }
    m_terminal = std::move(*t);
    m_warnings = m_terminal->warnings();
    if (!m_config.idCard.wltLibrary.isEmpty())
        m_wlt = std::make_unique<idcard::WltDecoder>(
            idcard::WltDecoderConfig{m_config.idCard.wltLibrary, m_config.idCard.wltFunction,
                                     m_config.idCard.wltSignature, m_config.idCard.wltHelper, 2000});
    if (!m_terminal->logError().isEmpty())
        m_warnings.append(m_terminal->logError());
    m_pins = std::make_unique<staff::PinGuard>(m_pinStateFile);
    if (m_terminal->log() && m_config.sync.configured()) {
        auto tls = SyncClient::clientTls(m_config.sync);
        if (!tls) {
            m_warnings.append(tls.error());
        } else {
            m_sync = std::make_unique<SyncClient>(*m_terminal->log(), m_config.sync, *tls, m_clock);
            m_sync->setTrustStore(&m_terminal->trust());
            connect(m_sync.get(), &SyncClient::roundFinished, this, &KioskBackend::publishStatus);
            m_sync->start();
        }
    }
    m_statusTimer = new QTimer(this);
    connect(m_statusTimer, &QTimer::timeout, this, &KioskBackend::publishStatus);
    m_statusTimer->start(5000);
    emit opened(true, {});
    publishStatus();
}

void KioskBackend::verify(const QString& text, qint64 capturedNs, const QString& method) {
    if (!m_terminal)
        return;
    ui::Verdict v;
    v.result = m_terminal->verifier().verifyQrText(text);
    v.method = method;
    decide(std::move(v), capturedNs);
}

void KioskBackend::verifyTap(const QByteArray& presentation, const QByteArray& nonce, const QString& audience,
                             qint64 capturedNs, const QByteArray& portrait, bool portraitFailed) {
    if (!m_terminal)
        return;
    ui::Verdict v;
    v.result = m_terminal->verifier().verifyPresentation(presentation, nonce, audience);
    v.method = QStringLiteral("nfc");
    if (v.result.valid) {
        // The phone's portrait counts only if the issuer signed its hash inside the credential.
        switch (face::checkWalletPortrait(v.result, portrait)) {
        case face::PortraitProblem::None:
            v.photo = QImage::fromData(portrait, "JPEG");
            if (v.photo.isNull())
                v.faceUnavailable = face::FaceUnavailable::PhotoUnusable;
            break;
        case face::PortraitProblem::NoPhoto:
            v.faceUnavailable =
                portraitFailed ? face::FaceUnavailable::PhotoNotRead : face::FaceUnavailable::NoPhoto;
            break;
        case face::PortraitProblem::NotCommitted:
        case face::PortraitProblem::Mismatch:
            v.faceUnavailable = face::FaceUnavailable::PhotoNotSigned;
            break;
        }
    }
    decide(std::move(v), capturedNs);
}

bool KioskBackend::venueOffersFace() const {
    return face::faceCheckOffered(m_config.face.offer, venueTypeName(m_terminal->desk()->venue().type));
}

void KioskBackend::setFaceAvailable(bool available) {
    m_faceAvailable = available;
}

void KioskBackend::recordFaceCheck(quint64 decisionId, const face::FaceOutcome& outcome) {
    if (m_terminal)
        m_terminal->desk()->recordFaceCheck(decisionId, outcome);
}

void KioskBackend::verifyPassport(const PassportTap& tap, qint64 capturedNs) {
    if (!m_terminal)
        return;
    ui::Verdict v;
    v.method = QStringLiteral("passport");
    icao::PassiveAuthResult pa;
    v.result = m_terminal->verifier().verifyPassport(tap.dataGroups, tap.sod, tap.key, tap.activeAuth, &pa);
    ui::ChipView chip;
    chip.access = tap.access;
    chip.apdus = tap.apdus;
    chip.minimumApdus = tap.minimumApdus;
    chip.bytes = tap.bytes;
    chip.readMs = tap.readMs;
    chip.signerCountry = pa.signerCountry;
    chip.checkedDataGroups = pa.checkedDataGroups;
    chip.activeAuthenticated = pa.activeAuthenticated;
    // The face only for a document that proved genuine: a forged chip's picture is not shown as
    // the holder's.
    if (v.result.valid) {
        const auto face = icao::parseDg2(tap.dataGroups.value(2));
        if (!face) {
            chip.photoProblem = QStringLiteral("photo_undecodable");
        } else {
            chip.photoFormat = icao::faceFormatName(face->format);
            const photo::DecodedFace decoded = photo::decodeFace(*face);
            v.photo = decoded.image;
            chip.photoProblem = decoded.problem;
        }
    }
    v.chip = chip;
    decide(std::move(v), capturedNs);
}

void KioskBackend::verifyIdCard(const IdCardTap& tap, qint64 capturedNs) {
    if (!m_terminal)
        return;
    ui::Verdict v;
    v.method = QStringLiteral("id_card");
    v.result = m_terminal->verifier().verifyIdCard(tap.text, tap.samId, tap.newAddress);
    ui::CardView card;
    card.samId = tap.samId;
    // The photo only of a card that passed; decoded only by the venue's vendor library.
    if (v.result.valid) {
        if (!m_wlt || !m_wlt->configured()) {
            card.photoProblem = idcard::wltErrorName(idcard::WltError::NotConfigured);
        } else if (auto photo = m_wlt->decode(tap.photo)) {
            v.photo = *photo;
        } else {
            card.photoProblem = idcard::wltErrorName(photo.error().code);
            qCWarning(lcKiosk, "ID card photo not decoded: %s %s", qPrintable(card.photoProblem),
                      qPrintable(photo.error().detail));
        }
    }
    v.card = card;
    decide(std::move(v), capturedNs);
}

void KioskBackend::refuseIdCard(const QString& samError, const QString& samId, qint64 capturedNs) {
    if (!m_terminal)
        return;
    ui::Verdict v;
    v.method = QStringLiteral("id_card");
    v.result = m_terminal->verifier().refuseIdCard(samError, samId);
    v.card = ui::CardView{samId, {}};
    decide(std::move(v), capturedNs);
}

void KioskBackend::decide(ui::Verdict v, qint64 capturedNs) {
    // Every rule (attempts, the same guest again, eligibility, open stays, the party) is the desk's.
    const desk::Decision d = m_terminal->desk()->decide(v.result, v.method);
    v.decisionId = d.id;
    v.eligibility = d.refusal;
    v.stayRoom = d.openStay ? d.openStay->room : QString();
    v.needsOverride = d.needsOverride;
    v.repeatOfLast = d.repeatOfLast;
    v.party = d.party;
    // The face check: offered for a registrable decision whose document photo can be used.
    if (d.id != 0 && venueOffersFace()) {
        if (!m_faceAvailable)
            v.faceUnavailable = face::FaceUnavailable::ModelsMissing;
        else if (v.photo.isNull() && !v.faceUnavailable) // the chip's or card's problem is on screen already
            v.faceUnavailable =
                (v.chip && !v.chip->photoProblem.isEmpty()) || (v.card && !v.card->photoProblem.isEmpty())
                    ? face::FaceUnavailable::PhotoUnusable
                    : face::FaceUnavailable::NoPhoto;
        v.faceOffered = !v.faceUnavailable && m_terminal->desk()->offerFaceCheck(
                                                  d.id, QString::fromLatin1(face::kFaceModelVersion));
    } else {
        v.faceUnavailable.reset(); // not offered here at all: nothing to explain
    }
    emit verified(v, capturedNs);
}

void KioskBackend::registerGuest(quint64 decisionId, const QJsonObject& details, const QString& operatorId,
                                 const QString& overrideReason, const QString& faceReason, quint64 request) {
    if (!m_terminal) {
        emit registrationFailed(request, desk::DeskFailure{desk::DeskError::LogUnavailable, m_openError});
        return;
    }
    std::optional<desk::StaffOverride> override;
    if (!overrideReason.isEmpty())
        override = desk::StaffOverride{operatorId, overrideReason};
    std::optional<desk::StaffOverride> faceClerk;
    if (!faceReason.trimmed().isEmpty())
        faceClerk = desk::StaffOverride{operatorId, faceReason}; // who: the clerk on duty (staff settings)
    auto r = m_terminal->desk()->registerGuest(decisionId, details, operatorId, override, faceClerk);
    if (!r) {
        emit registrationFailed(request, r.error());
        return;
    }
    emit registered(request, *r); // durable: append() returned after the commit's fsync
    if (m_sync)
        m_sync->syncNow();
    publishStatus();
}

void KioskBackend::checkOut(const QByteArray& stayRecordId, const QString& operatorId) {
    if (!m_terminal)
        return;
    auto r = m_terminal->desk()->checkOut(stayRecordId, operatorId);
    if (!r) {
        emit staffMessage(r.error().error == desk::DeskError::StayNotOpen
                              ? tr("This guest has no open stay (checked out already).")
                              : tr("Check-out failed: %1").arg(r.error().text()),
                          true);
        return;
    }
    emit staffMessage(
        tr("Check-out recorded: room %1.").arg(r->details.value(QLatin1String("room")).toString()), false);
    if (m_sync)
        m_sync->syncNow();
    publishStatus();
}

void KioskBackend::voidRecord(const QByteArray& recordId, const QString& reason, const QString& operatorId) {
    if (!m_terminal)
        return;
    auto r = m_terminal->desk()->voidRecord(recordId, {operatorId, reason});
    if (!r) {
        emit staffMessage(amendFailure(r.error()), true);
        return;
    }
    emit staffMessage(tr("Registration voided: the void is recorded and forwarded."), false);
    if (m_sync)
        m_sync->syncNow();
    publishStatus();
}

void KioskBackend::correctRecord(const QByteArray& recordId, const QJsonObject& details,
                                 const QString& reason, const QString& operatorId) {
    if (!m_terminal)
        return;
    auto r = m_terminal->desk()->correctRecord(recordId, details, {operatorId, reason});
    if (!r) {
        emit staffMessage(amendFailure(r.error()), true);
        return;
    }
    emit staffMessage(tr("Registration corrected: the correction is recorded and forwarded."), false);
    if (m_sync)
        m_sync->syncNow();
    publishStatus();
}

QString KioskBackend::amendFailure(const desk::DeskFailure& f) const {
    switch (f.error) {
    case desk::DeskError::AlreadyVoided:
        return tr("This registration was voided already.");
    case desk::DeskError::NotAmendable:
        if (f.detail == QLatin1String("beyond_lookback") || f.detail == QLatin1String("purged"))
            return tr("Only a registration of the last %1 days can be voided or corrected.")
                .arg(m_terminal->desk()->policy().stayLookbackDays);
        return tr("This record cannot be voided or corrected.");
    case desk::DeskError::OverrideReason:
        return tr("The clerk on duty (staff settings) and a reason are needed.");
    default:
        return tr("Not saved: %1").arg(f.text());
    }
}

void KioskBackend::cancelParty() {
    if (m_terminal)
        m_terminal->desk()->cancelParty();
    publishStatus();
}

void KioskBackend::listToday(const QString& query) {
    if (!m_terminal || !m_terminal->log()) {
        emit staffMessage(tr("The registration log is unavailable."), true);
        return;
    }
    auto list = m_terminal->desk()->recordsOfDay(QDateTime::fromSecsSinceEpoch(m_clock.now()).date(), query);
    if (!list) {
        emit staffMessage(list.error().text(), true);
        return;
    }
    emit records(*list);
}

void KioskBackend::unmask(const QByteArray& id, const QString& reason, const QString& operatorId) {
    RegistrationLog* log = m_terminal ? m_terminal->log() : nullptr;
    if (!log)
        return;
    // The access is written first: if it cannot be logged, nothing is shown.
    auto noted = log->recordAccess({m_clock.now() * 1000, id, operatorId, reason});
    if (!noted) {
        emit staffMessage(noted.error().text(), true);
        return;
    }
    auto r = log->get(id);
    if (!r) {
        emit staffMessage(r.error().text(), true);
        return;
    }
    emit unmasked(*r);
}

void KioskBackend::backupTo(const QString& dir) {
    if (!m_terminal) {
        emit staffMessage(tr("Backup failed: the terminal is not open (%1).").arg(m_openError), true);
        return;
    }
    if (m_config.backup.escrowCert.isEmpty()) {
        emit staffMessage(tr("Backup is not set up on this terminal: no escrow certificate ([backup] "
                             "escrow_cert). Ask the supplier."),
                          true);
        return;
    }
    QFile cert(m_config.backup.escrowCert);
    if (cert.size() > (1 << 20) || !cert.open(QIODevice::ReadOnly)) {
        emit staffMessage(
            tr("Backup failed: the escrow certificate cannot be read (%1).").arg(cert.errorString()), true);
        return;
    }
    auto written = writeBackup(*m_terminal, dir, cert.readAll());
    if (!written) {
        qCWarning(lcKiosk, "backup failed: %s",
                  qPrintable(written.error().text.section(QLatin1Char(':'), 0, 0)));
        emit staffMessage(written.error().code == BackupWriteError::DiskFull
                              ? tr("Backup failed: the stick is full. Nothing on this terminal changed.")
                              : tr("Backup failed: %1").arg(written.error().text),
                          true);
        return;
    }
    qCInfo(lcKiosk, "backup written: %lld records, %lld not yet forwarded", written->records,
           written->unsent);
    emit staffMessage(
        tr("Backup written to %1: %n records, %2 not yet forwarded. Keep the stick safe; only the "
           "escrow holder can open its keys.",
           nullptr, int(written->records))
            .arg(dir)
            .arg(written->unsent),
        false);
}

void KioskBackend::exportCsv(const QString& path) {
    RegistrationLog* log = m_terminal ? m_terminal->log() : nullptr;
    if (!log)
        return;
    const QString target = QFileInfo(path).isAbsolute() ? path : QDir(m_config.stateDir).filePath(path);
    const QDateTime now = QDateTime::fromSecsSinceEpoch(m_clock.now());
    const qint64 from = QDateTime(now.date(), QTime(0, 0)).toMSecsSinceEpoch();
    auto list = log->listCreated(from, from + 86'400'000);
    if (!list) {
        emit staffMessage(tr("Export failed: %1").arg(list.error().text()), true);
        return;
    }
    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    writeRegistrationsCsv(csv, *list, false);
    if (auto saved = writeFileDurably(target, csv.data(), 0600); !saved) {
        emit staffMessage(
            saved.error().code == FileError::DiskFull
                ? tr("Export failed: the disk is full. Free some space or choose another place.")
                : tr("Export failed: %1").arg(saved.error().text()),
            true);
        return;
    }
    emit staffMessage(tr("Exported %n records (masked) to %1", nullptr, int(list->size())).arg(target),
                      false);
}

void KioskBackend::syncNow() {
    if (m_sync)
        m_sync->syncNow();
    else
        emit staffMessage(tr("No gateway is configured."), true);
}

staff::PinGuard& KioskBackend::guardFor(const QString& staffId, bool known) {
    if (staffId == staff::kAdministratorId) {
        if (!m_pins)
            m_pins = std::make_unique<staff::PinGuard>(m_pinStateFile);
        return *m_pins;
    }
    // Unknown numbers share one count: guessing numbers is guessing too.
    const QString key = known ? staffId.toLower() : QStringLiteral("?unknown");
    auto& guard = m_clerkPins[key];
    if (!guard)
        guard = std::make_unique<staff::PinGuard>(
            m_pinStateFile.isEmpty() ? QString()
                                     : m_pinStateFile + QLatin1Char('-') +
                                           (known ? staffId.toLower() : QStringLiteral("unknown")));
    return *guard;
}

void KioskBackend::checkPin(const QString& pin, const QString& storedHash, bool known,
                            const QString& staffId) {
    staff::PinGuard& guard = guardFor(staffId, known);
    if (known) {
        emit pinChecked(guard.attempt(pin, storedHash, m_clock.now()));
        return;
    }
    if (m_unknownStaffHash.isEmpty()) {
        // A random 12-digit PIN, hashed like a real one: the same work; a match is still refused.
        QString digits;
        for (int i = 0; i < 12; ++i)
            digits += QChar(u'0' + QRandomGenerator::system()->bounded(10));
        auto hash = staff::hashPin(digits);
        m_unknownStaffHash = hash ? *hash : QString();
    }
    staff::PinAttempt a = guard.attempt(pin, m_unknownStaffHash, m_clock.now());
    if (a.outcome == staff::PinOutcome::Accepted)
        a.outcome = staff::PinOutcome::Wrong; // one chance in 10^12: still not a staff member
    emit pinChecked(a);
}

void KioskBackend::manualRegister(const Identity& typed, const QJsonObject& details, const QString& reason,
                                  const QString& staffId) {
    if (!m_terminal)
        return;
    desk::Desk* desk = m_terminal->desk();
    const desk::Decision d = desk->decideManual(typed, {staffId, reason});
    if (d.id == 0) {
        emit staffMessage(
            d.refusal == QLatin1String("stay_open") && d.openStay
                ? tr("Not registered: already checked in (room %1).").arg(d.openStay->room)
            : d.refusal == QLatin1String("under_18") ? ui::Texts::eligibility(d.refusal)
            : d.typedProblem
                ? tr("Not registered: check the document's kind, number, name, sex and birth date.")
                : tr("Not registered: your staff number and a reason are needed."),
            true);
        return;
    }
    auto r = desk->registerGuest(d.id, details, staffId);
    if (!r) {
        emit staffMessage(ui::Texts::registrationError(r.error()), true);
        return;
    }
    emit manuallyRegistered(*r);
    emit staffMessage(tr("Registered by hand, marked as not verified; forwarded like every record."), false);
    if (m_sync)
        m_sync->syncNow();
    publishStatus();
}

void KioskBackend::hashClerkPin(const QString& id, const QString& name, const QString& pin) {
    auto hash = staff::hashPin(pin);
    emit clerkPinHashed(id, name, hash ? *hash : QString(), hash ? QString() : hash.error());
}

void KioskBackend::hashPin(const QString& pin) {
    auto hash = staff::hashPin(pin);
    emit pinHashed(hash ? *hash : QString(), hash ? QString() : hash.error());
}

void KioskBackend::applySettings(const ui::KioskSettings& s) {
    m_config.venue.type = s.venue.type;
    m_config.venue.venueId = s.venue.venueId;
    m_config.retentionDays = s.retentionDays;
    m_config.sync.retentionDays = s.retentionDays;
    if (m_sync)
        m_sync->setRetentionDays(s.retentionDays);
    if (m_terminal)
        m_terminal->setVenue(m_config.venue, s.retentionDays);
    publishStatus();
}

void KioskBackend::publishStatus() {
    ui::KioskStatus s;
    s.demo = m_config.demo;
    s.warnings = m_warnings;
    if (!m_terminal) {
        s.logError = m_openError;
        emit status(s);
        return;
    }
    const qint64 now = m_clock.now();
    if (const auto list = m_terminal->trust().current()) {
        s.trustPresent = true;
        s.trustSequence = list->sequence;
        s.trustAgeSeconds = now - list->issuedAt;
        s.trustNextUpdate = list->nextUpdate;
        s.trustStale = now > list->nextUpdate;
        for (const IssuerKey& k : list->issuers)
            s.issuers.append(QStringLiteral("%1 (%2)").arg(k.name, QString::fromUtf8(k.kid)));
    }
    s.party = m_terminal->desk()->party();
    s.syncConfigured = m_sync != nullptr;
    if (m_sync)
        s.sync = m_sync->status();
    if (RegistrationLog* log = m_terminal->log()) {
        s.logReady = true;
        if (auto st = log->status()) {
            s.records = st->headSeq;
            s.sync.queue = st->unsent;
            s.sync.setAside = st->setAside;
            s.sync.oldestUnsentMs = st->oldestUnsentMs;
        }
    } else {
        s.logError = m_terminal->logError();
    }
    emit status(s);
}

} // namespace lz
