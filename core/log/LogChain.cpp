#include "log/LogChain.h"

#include "crypto/Digest.h"

#include <QCborArray>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QtEndian>

namespace lz {

QByteArray checkpointMessage(const QString& terminalId, qint64 seq, const QByteArray& chain,
                             qint64 createdMs) {
    return QCborValue(QCborArray{QStringLiteral("lz-log-checkpoint-v1"), terminalId, seq, chain, createdMs})
        .toCbor();
}

QByteArray chainHash(const QByteArray& previous, qint64 seq, const QByteArray& content) {
    uchar be[8];
    qToBigEndian<qint64>(seq, be);
    return sha256({previous, QByteArrayView(be, 8), content});
}

// The record's stored, non-secret fields and the hash of its sealed personal fields, in a
// fixed CBOR array: what the chain commits to. Forwarding state is not part of it (it changes).
QByteArray contentHash(const Registration& r, const QByteArray& personalHash) {
    // Streamed into one reused buffer (this runs for every record of `log verify`: a QCborArray
    // of 16 values cost twice as much). Same bytes as the equivalent QCborArray.
    thread_local QByteArray buffer;
    buffer.clear();
    QCborStreamWriter w(&buffer);
    w.startArray(16);
    w.appendByteString(r.id.constData(), r.id.size());
    w.append(r.createdAtMs);
    w.append(qint64(r.utcOffsetS));
    w.append(QLatin1StringView(recordKindName(r.kind).toLatin1()));
    w.append(r.method);
    w.append(r.valid);
    w.append(r.reason);
    w.append(r.documentKind);
    w.append(r.issuer);
    w.appendByteString(r.credentialId.constData(), r.credentialId.size());
    w.append(qint64(r.trustListSequence));
    w.append(r.venue.venueId);
    w.append(QLatin1StringView(venueTypeName(r.venue.type).toLatin1()));
    w.append(r.venue.terminalId);
    w.append(r.venue.operatorId);
    if (personalHash.isNull())
        w.appendNull();
    else
        w.appendByteString(personalHash.constData(), personalHash.size());
    w.endArray();
    return sha256({buffer});
}

} // namespace lz
