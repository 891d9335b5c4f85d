#include "sync/RecordWire.h"

#include "credential/IdentityJson.h"
#include "crypto/Digest.h"
#include "log/RecordId.h"
#include "log/VenueFields.h"

#include <QCborArray>
#include <QCborStreamWriter>
#include <QCborValue>
#include <QJsonArray>
#include <QtEndian>
#include <cmath>

namespace lz::wire {
namespace {

QString hex(const QByteArray& b) {
    return QString::fromLatin1(b.toHex());
}

// Strict field access: a missing or mistyped field names itself.
struct Reader {
    const QJsonObject& o;
    QString error;
    QJsonValue get(const char* key, QJsonValue::Type type) {
        const QJsonValue v = o.value(QLatin1String(key));
        if (error.isEmpty() && v.type() != type)
            error = QStringLiteral("field %1 missing or not a %2")
                        .arg(QLatin1String(key), type == QJsonValue::String   ? QStringLiteral("string")
                                                 : type == QJsonValue::Double ? QStringLiteral("number")
                                                 : type == QJsonValue::Bool   ? QStringLiteral("boolean")
                                                                              : QStringLiteral("object"));
        return v;
    }
    QString text(const char* key) { return get(key, QJsonValue::String).toString(); }
    qint64 integer(const char* key) {
        const double d = get(key, QJsonValue::Double).toDouble();
        // Range first: casting an out-of-range double to an integer is undefined behaviour.
        if (!(d >= -9e15 && d <= 9e15) || d != std::trunc(d)) {
            if (error.isEmpty())
                error = QStringLiteral("field %1 is not an integer").arg(QLatin1String(key));
            return 0;
        }
        return qint64(d);
    }
    QByteArray bytes(const char* key, int size = -1) {
        const QString s = text(key);
        const QByteArray b = QByteArray::fromHex(s.toLatin1());
        if (error.isEmpty() && (b.size() * 2 != s.size() || (size >= 0 && b.size() != size)))
            error =
                QStringLiteral("field %1 is not %2hex")
                    .arg(QLatin1String(key), size >= 0 ? QStringLiteral("%1-byte ").arg(size) : QString());
        return b;
    }
};

} // namespace

QJsonObject recordToJson(const Registration& r) {
    QJsonObject o{{QStringLiteral("id"), recordIdText(r.id)},
                  {QStringLiteral("seq"), r.seq},
                  {QStringLiteral("created_ms"), r.createdAtMs},
                  {QStringLiteral("utc_offset_s"), r.utcOffsetS},
                  {QStringLiteral("v"), kRecordVersion},
                  {QStringLiteral("kind"), recordKindName(r.kind)},
                  {QStringLiteral("method"), r.method},
                  {QStringLiteral("valid"), r.valid},
                  {QStringLiteral("reason"), r.reason},
                  {QStringLiteral("document_kind"), r.documentKind},
                  {QStringLiteral("issuer"), r.issuer},
                  {QStringLiteral("credential_id"), hex(r.credentialId)},
                  {QStringLiteral("trust_seq"), qint64(r.trustListSequence)},
                  {QStringLiteral("venue_id"), r.venue.venueId},
                  {QStringLiteral("venue_type"), venueTypeName(r.venue.type)},
                  {QStringLiteral("terminal_id"), r.venue.terminalId},
                  {QStringLiteral("operator"), r.venue.operatorId},
                  {QStringLiteral("details"), r.details},
                  {QStringLiteral("personal_hash"),
                   r.personalHash.isEmpty() ? QJsonValue() : QJsonValue(hex(r.personalHash))},
                  {QStringLiteral("content_hash"), hex(r.contentHash)},
                  // The terminal's own finding (its log's check as the record left): the gateway cannot see
                  // a change inside the sealed fields, the terminal can.
                  {QStringLiteral("terminal_check"),
                   r.contentMismatch ? QStringLiteral("changed_after_written") : QStringLiteral("ok")},
                  {QStringLiteral("chain_hash"), hex(r.chainHash)}};
    if (r.identity)
        o.insert(QStringLiteral("identity"), identityToJson(*r.identity));
    return o;
}

Expected<Registration> recordFromJson(const QJsonObject& o) {
    Reader in{o, {}};
    Registration r;
    r.id = recordIdFromText(in.text("id"));
    r.seq = in.integer("seq");
    r.createdAtMs = in.integer("created_ms");
    r.utcOffsetS = int(in.integer("utc_offset_s"));
    const QString kind = in.text("kind");
    const std::optional<RecordKind> recordKind = recordKindFromName(kind);
    r.kind = recordKind.value_or(RecordKind::Attempt);
    r.method = in.text("method");
    r.valid = in.get("valid", QJsonValue::Bool).toBool();
    r.reason = in.text("reason");
    r.documentKind = in.text("document_kind");
    r.issuer = in.text("issuer");
    r.credentialId = in.bytes("credential_id");
    r.trustListSequence = quint64(in.integer("trust_seq"));
    r.venue.venueId = in.text("venue_id");
    const auto type = venueTypeFromName(in.text("venue_type"));
    r.venue.terminalId = in.text("terminal_id");
    r.venue.operatorId = in.text("operator");
    r.details = in.get("details", QJsonValue::Object).toObject();
    // Null when the record has no personal fields (an attempt without identity); otherwise the
    // sealed fields' hash, which the content hash covers (docs/sync-api.md).
    // Absent (a terminal from before issue 14): not null — the content hash cannot be recomputed.
    if (!o.contains(QLatin1String("personal_hash")))
        r.personalHashKnown = false;
    else if (!o.value(QLatin1String("personal_hash")).isNull())
        r.personalHash = in.bytes("personal_hash", 32);
    r.contentMismatch =
        o.value(QLatin1String("terminal_check")).toString() == QLatin1String("changed_after_written");
    r.contentHash = in.bytes("content_hash", 32);
    r.chainHash = in.bytes("chain_hash", 32);
    if (!in.error.isEmpty())
        return unexpected(in.error);
    if (r.id.isEmpty())
        return unexpected(QStringLiteral("field id is not a UUID"));
    if (r.seq < 1)
        return unexpected(QStringLiteral("field seq must be >= 1"));
    // Versions and kinds (docs/sync-api.md "Versions"): absent v is 1; a newer one is refused by
    // name, so the terminal sets the record aside (kept in its log) until the gateway knows it.
    if (o.contains(QLatin1String("v")) && o.value(QLatin1String("v")).toDouble() != kRecordVersion)
        return unexpected(
            QStringLiteral("unsupported_record_version: v %1").arg(o.value(QLatin1String("v")).toDouble()));
    if (!recordKind)
        return unexpected(QStringLiteral(
            "field kind must be registration, attempt, checkout, manual_registration, void or correction"));
    if (!type)
        return unexpected(QStringLiteral("field venue_type is not a venue type"));
    r.venue.type = *type;
    const bool amendment = r.kind == RecordKind::Void || r.kind == RecordKind::Correction;
    // A registration or a checkout is about a verified person; an attempt is a refusal; a manual
    // registration is a person staff typed in, verified by nobody. A void or a correction takes
    // `valid` from the registration it amends (the gateway checks that against what it holds).
    if (!amendment) {
        const bool verified = r.kind == RecordKind::Registration || r.kind == RecordKind::Checkout;
        if (verified != r.valid)
            return unexpected(
                r.kind == RecordKind::ManualRegistration
                    ? QStringLiteral("a manual_registration is never valid (nothing verified it)")
                    : QStringLiteral("a registration or checkout must be valid and an attempt rejected"));
    }
    if (o.contains(QLatin1String("identity"))) {
        auto id = identityFromJson(o.value(QLatin1String("identity")).toObject());
        if (!id)
            return unexpected(QStringLiteral("identity: %1").arg(id.error()));
        r.identity = *id;
    }
    // Who: a registration, checkout or correction says it; an attempt has none, and a void names
    // its registration instead of the person again.
    const bool aboutAPerson = r.kind != RecordKind::Attempt && r.kind != RecordKind::Void;
    if (aboutAPerson && !r.identity)
        return unexpected(QStringLiteral("a %1 must carry the identity").arg(kind));
    if (!aboutAPerson && r.identity)
        return unexpected(QStringLiteral("a %1 carries no identity").arg(kind));
    if (r.registered())
        if (const QString bad = validateDetails(r.venue.type, r.details, r.identity ? &*r.identity : nullptr);
            !bad.isEmpty())
            return unexpected(bad);
    // Staff's own decision says who and why.
    if (r.kind == RecordKind::ManualRegistration && !r.details.contains(QLatin1String("override_reason")))
        return unexpected(QStringLiteral("details_missing: override_reason"));
    if (r.kind == RecordKind::Checkout)
        if (const QString bad = validateCheckoutDetails(r.venue.type, r.details); !bad.isEmpty())
            return unexpected(bad);
    if (amendment)
        if (const QString bad =
                validateAmendDetails(r.kind, r.venue.type, r.details, r.identity ? &*r.identity : nullptr);
            !bad.isEmpty())
            return unexpected(bad);
    return r;
}

QJsonObject checkpointToJson(const LogCheckpoint& c) {
    return {{QStringLiteral("seq"), c.seq},
            {QStringLiteral("chain_hash"), hex(c.chainHash)},
            {QStringLiteral("created_ms"), c.createdMs},
            {QStringLiteral("signature"), hex(c.signature)}};
}

Expected<LogCheckpoint> checkpointFromJson(const QJsonObject& o) {
    Reader in{o, {}};
    LogCheckpoint c;
    c.seq = in.integer("seq");
    c.chainHash = in.bytes("chain_hash", 32);
    c.createdMs = in.integer("created_ms");
    c.signature = in.bytes("signature");
    if (!in.error.isEmpty())
        return unexpected(QStringLiteral("checkpoint: %1").arg(in.error));
    return c;
}

QString ackStatusName(AckStatus s) {
    switch (s) {
    case AckStatus::Stored:
        return QStringLiteral("stored");
    case AckStatus::Duplicate:
        return QStringLiteral("duplicate");
    case AckStatus::Invalid:
        return QStringLiteral("invalid");
    }
    return {};
}

std::optional<Head> headFromJson(const QJsonObject& response) {
    const QJsonObject o = response.value(QLatin1String("head")).toObject();
    Reader in{o, {}};
    Head h;
    h.seq = in.integer("seq");
    h.chainHash = in.bytes("chain_hash", 32);
    if (!in.error.isEmpty() || h.seq <= 0)
        return std::nullopt;
    return h;
}

QJsonObject headToJson(const Head& h) {
    return {{QStringLiteral("seq"), h.seq}, {QStringLiteral("chain_hash"), hex(h.chainHash)}};
}

Expected<QList<Ack>> acksFromJson(const QJsonObject& response) {
    const QJsonValue results = response.value(QLatin1String("results"));
    if (!results.isArray())
        return unexpected(QStringLiteral("gateway answer has no results array"));
    QList<Ack> out;
    for (const QJsonValue& v : results.toArray()) {
        const QJsonObject o = v.toObject();
        Ack a;
        a.id = recordIdFromText(o.value(QLatin1String("id")).toString());
        const QString status = o.value(QLatin1String("status")).toString();
        if (a.id.isEmpty())
            return unexpected(QStringLiteral("gateway answer: a result without a record id"));
        if (status == QLatin1String("stored"))
            a.status = AckStatus::Stored;
        else if (status == QLatin1String("duplicate"))
            a.status = AckStatus::Duplicate;
        else if (status == QLatin1String("invalid"))
            a.status = AckStatus::Invalid;
        else
            return unexpected(QStringLiteral("gateway answer: unknown status '%1'").arg(status));
        a.reason = o.value(QLatin1String("reason")).toString();
        out.append(a);
    }
    return out;
}

} // namespace lz::wire
