#pragma once
// Record ids: UUIDv7 (RFC 9562 section 5.7), a 48-bit Unix millisecond time then random bits.
// Time-ordered, so ids sort like the log and index well; globally unique without coordination,
// so the gateway can deduplicate on the id alone. Qt 6.4's QUuid cannot make version 7 ids
// (createUuidV7 arrived in Qt 6.9), hence these few lines.
#include <QByteArray>
#include <QString>

namespace lz {

// 16 bytes. Strictly increasing within this process, even within one millisecond
// (the 12-bit rand_a field carries a counter, RFC 9562 section 6.2 method 1).
QByteArray newRecordId(qint64 unixMs);
QString recordIdText(const QByteArray& id);       // 8-4-4-4-12 lower-case hex
QByteArray recordIdFromText(const QString& text); // empty if not a UUID

} // namespace lz
