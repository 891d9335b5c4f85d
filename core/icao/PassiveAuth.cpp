#include "icao/PassiveAuth.h"

#include "crypto/OpenSslPtr.h"
#include "icao/Tlv.h"

#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <array>

namespace lz::icao {
namespace {

// id-icao-mrtd-security-ldsSecurityObject, 2.23.136.1.1.1 (9303-10 §4.6.2.2)
constexpr char kLdsSecurityObjectOid[] = "2.23.136.1.1.1";

struct HashOid {
    const char* der; // OID contents, hex
    const char* name;
};
// The hash algorithms 9303-12 §4.2 allows for the LDSSecurityObject.
constexpr std::array<HashOid, 5> kHashes{{
    {"2b0e03021a", "SHA1"},
    {"608648016503040204", "SHA224"},
    {"608648016503040201", "SHA256"},
    {"608648016503040202", "SHA384"},
    {"608648016503040203", "SHA512"},
}};

Unexpected<QString> malformed(const QString& what) {
    return unexpected(QStringLiteral("sod_malformed: ") + what);
}

// A DER INTEGER that fits an int and is not negative.
std::optional<int> smallInteger(const Tlv& t) {
    if (t.tag != 0x02 || t.value.isEmpty() || t.value.size() > 3 || (quint8(t.value[0]) & 0x80))
        return std::nullopt;
    int v = 0;
    for (char c : t.value)
        v = (v << 8) | quint8(c);
    return v;
}

using CmsPtr = OpenSslPtr<CMS_ContentInfo, CMS_ContentInfo_free>;
using CtxPtr = OpenSslPtr<X509_STORE_CTX, X509_STORE_CTX_free>;
using ObjPtr = OpenSslPtr<ASN1_OBJECT, ASN1_OBJECT_free>;
using MdPtr = OpenSslPtr<EVP_MD, EVP_MD_free>;

QString countryOf(X509* cert) {
    X509_NAME* name = X509_get_subject_name(cert);
    const int i = X509_NAME_get_index_by_NID(name, NID_countryName, -1);
    if (i < 0)
        return {};
    const ASN1_STRING* s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
    const QString c =
        QString::fromLatin1(reinterpret_cast<const char*>(ASN1_STRING_get0_data(s)), ASN1_STRING_length(s));
    return c.size() == 2 && c[0].isUpper() && c[1].isUpper() && c[0].unicode() < 128 && c[1].unicode() < 128
               ? c
               : QString();
}

} // namespace

Expected<LdsSecurityObject> parseLdsSecurityObject(const QByteArray& der) {
    auto top = Tlv::parse(der);
    if (!top || top->tag != 0x30)
        return malformed(QStringLiteral("LDSSecurityObject is not one SEQUENCE"));
    auto fields = Tlv::children(top->value);
    if (!fields || fields->size() < 3 || fields->size() > 4)
        return malformed(QStringLiteral("LDSSecurityObject has the wrong fields"));
    LdsSecurityObject so;
    const auto version = smallInteger(fields->at(0));
    if (!version || *version > 1)
        return malformed(QStringLiteral("LDSSecurityObject version is not 0 or 1"));
    so.version = *version;
    if ((so.version == 1) != (fields->size() == 4))
        return malformed(QStringLiteral("ldsVersionInfo present exactly in version 1"));

    const Tlv& alg = fields->at(1);
    auto algParts = alg.tag == 0x30 ? Tlv::children(alg.value) : Expected<QList<Tlv>>(unexpected(QString()));
    if (!algParts || algParts->isEmpty() || algParts->size() > 2 || algParts->at(0).tag != 0x06)
        return malformed(QStringLiteral("hashAlgorithm is not an AlgorithmIdentifier"));
    const QByteArray oid = algParts->at(0).value.toHex();
    for (const auto& h : kHashes)
        if (oid == h.der)
            so.hashAlgorithm = QString::fromLatin1(h.name);
    if (so.hashAlgorithm.isEmpty())
        return malformed(
            QStringLiteral("hash algorithm %1 is not one ICAO allows").arg(QString::fromLatin1(oid)));
    const int hashSize = so.hashAlgorithm == QLatin1String("SHA1")     ? 20
                         : so.hashAlgorithm == QLatin1String("SHA224") ? 28
                         : so.hashAlgorithm == QLatin1String("SHA256") ? 32
                         : so.hashAlgorithm == QLatin1String("SHA384") ? 48
                                                                       : 64;

    const Tlv& list = fields->at(2);
    auto entries = list.tag == 0x30 ? Tlv::children(list.value) : Expected<QList<Tlv>>(unexpected(QString()));
    // 9303-10: SIZE (2..16) — DG1 and DG2 are mandatory.
    if (!entries || entries->size() < 2 || entries->size() > 16)
        return malformed(QStringLiteral("dataGroupHashValues is not a SEQUENCE of 2 to 16 hashes"));
    for (const Tlv& e : *entries) {
        auto parts = e.tag == 0x30 ? Tlv::children(e.value) : Expected<QList<Tlv>>(unexpected(QString()));
        if (!parts || parts->size() != 2)
            return malformed(QStringLiteral("DataGroupHash is not a SEQUENCE of number and hash"));
        const auto number = smallInteger(parts->at(0));
        if (!number || *number < 1 || *number > 16)
            return malformed(QStringLiteral("data group number out of 1..16"));
        if (parts->at(1).tag != 0x04 || parts->at(1).value.size() != hashSize)
            return malformed(
                QStringLiteral("DG%1 hash is not a %2-byte OCTET STRING").arg(*number).arg(hashSize));
        if (so.hashes.contains(*number))
            return malformed(QStringLiteral("DG%1 hashed twice").arg(*number));
        so.hashes.insert(*number, parts->at(1).value);
    }
    return so;
}

Expected<QList<int>> securityObjectDataGroups(const QByteArray& efSod) {
    auto wrapper = Tlv::parse(efSod);
    if (!wrapper || wrapper->tag != 0x77)
        return malformed(QStringLiteral("EF.SOD is not one object of tag 77"));
    const auto* p = reinterpret_cast<const unsigned char*>(wrapper->value.constData());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, wrapper->value.size()));
    ASN1_OCTET_STRING** content = cms && OBJ_obj2nid(CMS_get0_type(cms.get())) == NID_pkcs7_signed
                                      ? CMS_get0_content(cms.get())
                                      : nullptr;
    if (!content || !*content)
        return malformed(QStringLiteral("EF.SOD holds no signed content"));
    auto so = parseLdsSecurityObject(QByteArray(
        reinterpret_cast<const char*>(ASN1_STRING_get0_data(*content)), ASN1_STRING_length(*content)));
    if (!so)
        return unexpected(so.error());
    return so->hashes.keys();
}

QString paFailureName(PaFailure failure) {
    switch (failure) {
    case PaFailure::SodMalformed:
        return QStringLiteral("sod_malformed");
    case PaFailure::BadDocumentSignature:
        return QStringLiteral("bad_document_signature");
    case PaFailure::UnknownCsca:
        return QStringLiteral("unknown_csca");
    case PaFailure::CertificateExpired:
        return QStringLiteral("certificate_expired");
    case PaFailure::CertificateInvalid:
        return QStringLiteral("certificate_invalid");
    case PaFailure::Revoked:
        return QStringLiteral("revoked");
    case PaFailure::DataGroupMismatch:
        return QStringLiteral("data_group_mismatch");
    }
    return {};
}

PassiveAuthResult passiveAuthenticate(const QByteArray& efSod, const QMap<int, QByteArray>& dataGroups,
                                      const CscaStore& cscas, qint64 now) {
    PassiveAuthResult r;
    auto fail = [&r](PaFailure failure, QString detail) {
        r.failure = failure;
        r.detail = std::move(detail);
        r.checkedDataGroups.clear();
        return r;
    };

    // 1. EF.SOD → ContentInfo → SignedData with the LDS security object inside.
    auto wrapper = Tlv::parse(efSod);
    if (!wrapper || wrapper->tag != 0x77)
        return fail(PaFailure::SodMalformed, QStringLiteral("EF.SOD is not one object of tag 77"));
    const auto* p = reinterpret_cast<const unsigned char*>(wrapper->value.constData());
    CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, wrapper->value.size()));
    if (!cms ||
        p != reinterpret_cast<const unsigned char*>(wrapper->value.constData()) + wrapper->value.size())
        return fail(PaFailure::SodMalformed, QStringLiteral("EF.SOD does not hold one DER CMS ContentInfo"));
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
        return fail(PaFailure::SodMalformed, QStringLiteral("EF.SOD is not CMS SignedData"));
    const ObjPtr ldsOid(OBJ_txt2obj(kLdsSecurityObjectOid, 1));
    if (!CMS_get0_eContentType(cms.get()) || OBJ_cmp(CMS_get0_eContentType(cms.get()), ldsOid.get()) != 0)
        return fail(PaFailure::SodMalformed,
                    QStringLiteral("the signed content is not an LDSSecurityObject"));
    ASN1_OCTET_STRING** content = CMS_get0_content(cms.get());
    if (!content || !*content)
        return fail(PaFailure::SodMalformed, QStringLiteral("the LDSSecurityObject is missing (detached)"));
    const QByteArray soDer(reinterpret_cast<const char*>(ASN1_STRING_get0_data(*content)),
                           ASN1_STRING_length(*content));
    auto so = parseLdsSecurityObject(soDer);
    if (!so)
        return fail(PaFailure::SodMalformed, so.error().mid(QStringLiteral("sod_malformed: ").size()));
    r.hashAlgorithm = so->hashAlgorithm;
    r.signedDataGroups = so->hashes.keys();

    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms.get());
    if (sk_CMS_SignerInfo_num(signers) != 1)
        return fail(PaFailure::SodMalformed, QStringLiteral("EF.SOD must have exactly one signer"));
    // Matches the SignerInfo's sid against the certificates inside; the DS certificate must be
    // there (a trust list does not carry document signer certificates).
    CMS_set1_signers_certs(cms.get(), nullptr, 0);
    X509* ds = nullptr;
    CMS_SignerInfo_get0_algs(sk_CMS_SignerInfo_value(signers, 0), nullptr, &ds, nullptr, nullptr);
    if (!ds)
        return fail(PaFailure::UnknownCsca,
                    QStringLiteral("EF.SOD does not carry its document signer certificate"));

    // 2. The signature, over the signed attributes whose messageDigest must be the content's.
    if (CMS_verify(cms.get(), nullptr, nullptr, nullptr, nullptr, CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) !=
        1)
        return fail(
            PaFailure::BadDocumentSignature,
            QStringLiteral("the document signer's signature over the security object does not verify"));

    // 3. The DS certificate under a CSCA of the trust list, at the terminal's time.
    CtxPtr ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), cscas.store(), ds, nullptr) != 1)
        return fail(PaFailure::CertificateInvalid, QStringLiteral("could not set up the chain check"));
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()), time_t(now));
    if (X509_verify_cert(ctx.get()) != 1) {
        const int err = X509_STORE_CTX_get_error(ctx.get());
        const QString who = X509_STORE_CTX_get_error_depth(ctx.get()) == 0 ? QStringLiteral("document signer")
                                                                           : QStringLiteral("CSCA");
        switch (err) {
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
        case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
        case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
        case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
            return fail(PaFailure::UnknownCsca,
                        QStringLiteral("no CSCA of the trust list issued the document signer"));
        case X509_V_ERR_CERT_HAS_EXPIRED:
            return fail(PaFailure::CertificateExpired,
                        QStringLiteral("the %1 certificate has expired").arg(who));
        case X509_V_ERR_CERT_NOT_YET_VALID:
            return fail(PaFailure::CertificateExpired,
                        QStringLiteral("the %1 certificate is not yet valid").arg(who));
        default:
            return fail(PaFailure::CertificateInvalid,
                        QStringLiteral("%1 certificate: %2")
                            .arg(who, QString::fromLatin1(X509_verify_cert_error_string(err))));
        }
    }
    // The signer's country, believed only now that a CSCA vouched for the certificate; two
    // letters (X.520 countryName) or nothing.
    r.signerCountry = countryOf(ds);
    // Caches the extensions; a DS certificate without keyUsage or without digitalSignature is not
    // one (9303-12 §7.1.1 makes the extension mandatory).
    X509_check_purpose(ds, -1, 0);
    if (!(X509_get_extension_flags(ds) & EXFLAG_KUSAGE) || !(X509_get_key_usage(ds) & KU_DIGITAL_SIGNATURE))
        return fail(PaFailure::CertificateInvalid,
                    QStringLiteral("the document signer certificate lacks digitalSignature"));

    // 4. Revocation, where the trust list carries the CSCA's CRL.
    STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(ctx.get());
    if (sk_X509_num(chain) >= 2 && cscas.isRevoked(ds, sk_X509_value(chain, 1)))
        return fail(PaFailure::Revoked,
                    QStringLiteral("the document signer certificate is on its CSCA's CRL"));

    // 5. The data groups read, each against its hash.
    const MdPtr md(EVP_MD_fetch(nullptr, so->hashAlgorithm.toLatin1().constData(), nullptr));
    if (!md)
        return fail(PaFailure::SodMalformed, QStringLiteral("hash algorithm unavailable"));
    for (auto it = dataGroups.begin(); it != dataGroups.end(); ++it) {
        const auto expected = so->hashes.constFind(it.key());
        if (expected == so->hashes.cend())
            return fail(PaFailure::DataGroupMismatch,
                        QStringLiteral("DG%1 is not in the security object").arg(it.key()));
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        if (EVP_Digest(it.value().constData(), size_t(it.value().size()), digest, &size, md.get(), nullptr) !=
            1)
            return fail(PaFailure::SodMalformed, QStringLiteral("hashing failed"));
        if (QByteArray(reinterpret_cast<const char*>(digest), int(size)) != *expected)
            return fail(PaFailure::DataGroupMismatch,
                        QStringLiteral("DG%1 differs from its signed hash").arg(it.key()));
        r.checkedDataGroups.append(it.key());
    }
    return r;
}

} // namespace lz::icao
