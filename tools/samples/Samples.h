#pragma once
// The one sample person and the one shape of a verified QR registration that the conformance
// vectors, the tests and the benchmarks build on (header-only: the core-only sanitizer build
// uses it too). Test data, never linked into the product.
#include "credential/Identity.h"
#include "log/Registration.h"

#include <QDate>

namespace lz::samples {

// 张三, resident ID 110105194912310011 (a valid GB 11643 number), full level.
inline Identity residentIdentity() {
    Identity id;
    id.kind = DocumentKind::ResidentId;
    id.level = CredentialLevel::Full;
    id.name = QStringLiteral("张三");
    id.sex = Sex::Male;
    id.ethnicity = 1;
    id.birthDate = QDate(1949, 12, 31);
    id.documentNumber = QStringLiteral("110105194912310011");
    id.address = QStringLiteral("北京市朝阳区建国路1号");
    return id;
}

// A valid registration of a resident ID shown as a QR code, as the desk writes one; the caller
// sets identity, details, ids and hashes as its case needs.
inline Registration qrRegistration(qint64 createdAtMs, const QString& issuer, const QByteArray& credentialId,
                                   VenueContext venue) {
    Registration r;
    r.createdAtMs = createdAtMs;
    r.utcOffsetS = 8 * 3600;
    r.kind = RecordKind::Registration;
    r.valid = true;
    r.method = QStringLiteral("qr");
    r.documentKind = QStringLiteral("resident_id");
    r.issuer = issuer;
    r.credentialId = credentialId;
    r.venue = std::move(venue);
    return r;
}

} // namespace lz::samples
