#include "kiosk/IdCardFeed.h"

#include "util/SteadyClock.h"

#include <QMutexLocker>

namespace lz {
IdCardFeed::IdCardFeed(idcard::SamReaderOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options)) {
    qRegisterMetaType<IdCardTap>();
    m_view.id = QStringLiteral("idcard");
    m_view.state = ui::DeviceView::State::Starting;
    m_view.detail = m_options.port;
}

IdCardFeed::~IdCardFeed() {
    stop();
}

void IdCardFeed::start() {
    if (m_thread)
        return;
    m_stop.reset();
    m_thread.reset(QThread::create([this] {
        idcard::SamReader reader(m_options);
        reader.run(
            m_stop,
            [this](const idcard::SamReaderStatus& s) {
                ui::DeviceView v;
                v.id = QStringLiteral("idcard");
                switch (s.state) {
                case idcard::SamReaderStatus::State::Ready:
                case idcard::SamReaderStatus::State::Reading:
                    v.state = ui::DeviceView::State::Present;
                    v.detail = QStringLiteral("SAM %1, %2").arg(s.samId, s.port);
                    break;
                case idcard::SamReaderStatus::State::Starting:
                    v.state = ui::DeviceView::State::Starting;
                    v.detail = m_options.port;
                    break;
                case idcard::SamReaderStatus::State::Absent:
                    v.state = ui::DeviceView::State::Absent;
                    v.detail = QStringLiteral("%1 (%2)").arg(
                        s.lastError ? idcard::samErrorName(*s.lastError) : QString(), m_options.port);
                    break;
                }
                {
                    QMutexLocker l(&m_mutex);
                    m_samId = s.samId;
                    if (v.state == m_view.state && v.detail == m_view.detail)
                        return;
                    m_view = v;
                }
                emit stateChanged(v);
            },
            [this](const idcard::CardRead& r) {
                // The moment the card was found: the verdict's latency is measured from there.
                const qint64 foundNs = r.exchanges.isEmpty() ? steadyNowNs() : r.exchanges.first().sentNs;
                emit cardRead(IdCardTap{r.text, r.photo, r.newAddress, r.samId}, foundNs);
            },
            [this](const idcard::SamFailure& f) {
                if (idcard::samFailureKind(f.code) == idcard::SamFailureKind::CardNotAuthentic) {
                    QString samId;
                    {
                        QMutexLocker l(&m_mutex);
                        samId = m_samId;
                    }
                    emit cardRefused(idcard::samErrorName(f.code), samId, steadyNowNs());
                } else {
                    emit cardFailed(f.code);
                }
            });
    }));
    m_thread->setObjectName(QStringLiteral("idcard-reader"));
    m_thread->start();
}

void IdCardFeed::stop() {
    m_stop.request();
    if (m_thread) {
        m_thread->wait();
        m_thread.reset();
    }
}

ui::DeviceView IdCardFeed::view() const {
    QMutexLocker l(&m_mutex);
    return m_view;
}

ui::GuestHint idCardHint(idcard::SamError code) {
    switch (idcard::samFailureKind(code)) {
    case idcard::SamFailureKind::CardMoved:
        return ui::GuestHint::IdCardLayAgain;
    case idcard::SamFailureKind::Unreadable:
        return ui::GuestHint::IdCardUnreadable;
    case idcard::SamFailureKind::ReaderFault:
    case idcard::SamFailureKind::CardNotAuthentic: // a verdict, not a hint (cardRefused)
        break;
    }
    return ui::GuestHint::IdCardReaderFault;
}

} // namespace lz
