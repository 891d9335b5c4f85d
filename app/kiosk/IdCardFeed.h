#pragma once
// The kiosk's ID-card reader: SamReader (devices/idcard) on a QThread of its own. A card read
// goes to the backend, which decides with the same Verifier and desk as every other credential;
// a card the SAM refused becomes a refusal verdict there too; anything else is a hint for the
// guest's screen. The reader's state is a device chip like the camera's.
#include "idcard/SamReader.h"
#include "ui/KioskTypes.h"

#include <QMutex>
#include <QObject>
#include <QThread>
#include <memory>

namespace lz {

// A card as the reader returned it (the raw blocks stay in memory; never logged or written).
struct IdCardTap {
    QByteArray text, photo, newAddress;
    QString samId;
};

class IdCardFeed : public QObject {
    Q_OBJECT
public:
    explicit IdCardFeed(idcard::SamReaderOptions options, QObject* parent = nullptr);
    ~IdCardFeed() override;
    void start();
    void stop();
    ui::DeviceView view() const;

signals:
    void cardRead(const lz::IdCardTap& tap, qint64 tapNs);
    // The SAM refused the card (card_auth_failed, sam_auth_failed, info_check_failed).
    void cardRefused(const QString& samError, const QString& samId, qint64 tapNs);
    void cardFailed(lz::idcard::SamError code);
    void stateChanged(const lz::ui::DeviceView& view);

private:
    idcard::SamReaderOptions m_options;
    StopToken m_stop;
    std::unique_ptr<QThread> m_thread; // the reader's loop (docs/architecture.md "Threads")
    mutable QMutex m_mutex;
    ui::DeviceView m_view;
    QString m_samId; // under m_mutex
};

ui::GuestHint idCardHint(idcard::SamError code);

} // namespace lz

Q_DECLARE_METATYPE(lz::IdCardTap)
