#include "log/RecordId.h"

#include <QMutex>
#include <QUuid>
#include <openssl/rand.h>

namespace lz {

QByteArray newRecordId(qint64 unixMs) {
    static QMutex mutex;
    static qint64 lastMs = -1;
    static quint16 counter = 0;
    quint16 seq;
    {
        QMutexLocker lock(&mutex);
        if (unixMs <= lastMs) {
            // Same millisecond (or the clock stepped back): keep ordering by counting on from
            // the last time used; on counter overflow borrow the next millisecond.
            unixMs = lastMs;
            if (++counter > 0x0fff) {
                ++unixMs;
                counter = 0;
            }
        } else {
            counter = 0;
        }
        lastMs = unixMs;
        seq = counter;
    }
    QByteArray id(16, Qt::Uninitialized);
    auto* b = reinterpret_cast<unsigned char*>(id.data());
    for (int i = 0; i < 6; ++i)
        b[i] = static_cast<unsigned char>(quint64(unixMs) >> (8 * (5 - i)));
    b[6] = static_cast<unsigned char>(0x70 | (seq >> 8)); // version 7, rand_a high bits
    b[7] = static_cast<unsigned char>(seq);
    if (RAND_bytes(b + 8, 8) != 1)
        qFatal("RAND_bytes failed"); // no entropy: refuse rather than issue colliding ids
    b[8] = static_cast<unsigned char>(0x80 | (b[8] & 0x3f)); // variant 10
    return id;
}

QString recordIdText(const QByteArray& id) {
    if (id.size() != 16)
        return {};
    return QUuid::fromRfc4122(id).toString(QUuid::WithoutBraces);
}

QByteArray recordIdFromText(const QString& text) {
    const QUuid u = QUuid::fromString(text);
    return u.isNull() ? QByteArray() : u.toRfc4122();
}

} // namespace lz
