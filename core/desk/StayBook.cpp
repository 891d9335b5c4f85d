#include "desk/StayBook.h"

#include "log/RecordId.h"

#include <algorithm>

namespace lz::desk {

QString identityKey(const Identity& identity) {
    const QString number = identity.documentNumber.trimmed().toUpper();
    if (isTravelDocument(identity.kind))
        return identity.issuingState + QLatin1Char(':') + number;
    return QStringLiteral("CN:") + number;
}

void StayBook::apply(const Registration& r) {
    if (r.venue.type != VenueType::Hotel)
        return;
    if (r.kind == RecordKind::Checkout) {
        m_stays.remove(recordIdFromText(r.details.value(QLatin1String("stay")).toString()));
        return;
    }
    if (r.kind == RecordKind::Void) { // the stay never was: the identity may check in again
        m_stays.remove(amendedRecordId(r));
        return;
    }
    if (r.kind == RecordKind::Correction) { // the room or dates as they should have been
        const auto it = m_stays.find(amendedRecordId(r));
        if (it == m_stays.end())
            return;
        it->room = r.details.value(QLatin1String("room")).toString();
        it->expectedCheckout = QDateTime::fromString(
            r.details.value(QLatin1String("expected_checkout")).toString(), Qt::ISODate);
        if (r.identity)
            it->identityKey = identityKey(*r.identity);
        return;
    }
    if (!r.registered() || !r.identity)
        return; // an attempt, or a registration whose personal fields were purged
    Stay s;
    s.recordId = r.id;
    s.identityKey = identityKey(*r.identity);
    s.room = r.details.value(QLatin1String("room")).toString();
    s.checkInMs = r.createdAtMs;
    s.expectedCheckout =
        QDateTime::fromString(r.details.value(QLatin1String("expected_checkout")).toString(), Qt::ISODate);
    s.method = r.method;
    m_stays.insert(s.recordId, s);
}

bool StayBook::isOpen(const Stay& s, qint64 nowS) const {
    // An unreadable expected check-out cannot end the stay by itself: the clerk's check-out does.
    return !s.expectedCheckout.isValid() || nowS < s.expectedCheckout.toSecsSinceEpoch() + m_grace;
}

std::optional<Stay> StayBook::openStayOf(const Identity& identity, qint64 nowS) const {
    const QString key = identityKey(identity);
    for (const Stay& s : m_stays)
        if (s.identityKey == key && isOpen(s, nowS))
            return s;
    return std::nullopt;
}

std::optional<Stay> StayBook::notCheckedOut(const QByteArray& recordId) const {
    const auto it = m_stays.constFind(recordId);
    if (it == m_stays.constEnd())
        return std::nullopt;
    return *it;
}

QList<Stay> StayBook::openStays(qint64 nowS) const {
    QList<Stay> out;
    for (const Stay& s : m_stays)
        if (isOpen(s, nowS))
            out.append(s);
    std::sort(out.begin(), out.end(), [](const Stay& a, const Stay& b) { return a.checkInMs < b.checkInMs; });
    return out;
}

} // namespace lz::desk
