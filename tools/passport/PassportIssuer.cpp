#include "passport/PassportIssuer.h"

#include "crypto/OpenSslPtr.h"
#include "icao/ChipReader.h"

#include "util/DurableFile.h"
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace lz::passport {
namespace {

using BioPtr = OpenSslPtr<BIO, BIO_free_all>;
using CmsPtr = OpenSslPtr<CMS_ContentInfo, CMS_ContentInfo_free>;
using CrlPtr = OpenSslPtr<X509_CRL, X509_CRL_free>;
using ObjPtr = OpenSslPtr<ASN1_OBJECT, ASN1_OBJECT_free>;
using TimePtr = OpenSslPtr<ASN1_TIME, ASN1_TIME_free>;

QByteArray length(qsizetype n) {
    if (n < 0x80)
        return QByteArray(1, char(n));
    QByteArray digits;
    for (; n > 0; n >>= 8)
        digits.prepend(char(n & 0xFF));
    return char(0x80 | digits.size()) + digits;
}

QByteArray u16(int v) {
    QByteArray b;
    b += char((v >> 8) & 0xFF);
    b += char(v & 0xFF);
    return b;
}

QByteArray u32(quint32 v) {
    return u16(int(v >> 16)) + u16(int(v & 0xFFFF));
}

std::shared_ptr<EVP_PKEY> generateKey(const QString& curve) {
    return std::shared_ptr<EVP_PKEY>(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve.toLatin1().constData()),
                                     EVP_PKEY_free);
}

void addExtension(X509* cert, X509* issuer, int nid, const char* value) {
    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value);
    X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
}

std::shared_ptr<X509> certificate(const CertificateSpec& spec, EVP_PKEY* subjectKey, X509* issuer,
                                  EVP_PKEY* issuerKey) {
    std::shared_ptr<X509> cert(X509_new(), X509_free);
    X509_set_version(cert.get(), X509_VERSION_3);
    ASN1_INTEGER_set_int64(X509_get_serialNumber(cert.get()), spec.serial);
    X509_NAME* name = X509_get_subject_name(cert.get());
    auto add = [name](const char* field, const QString& value) {
        const QByteArray v = value.toUtf8();
        X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char*>(v.constData()), int(v.size()), -1,
                                   0);
    };
    add("C", spec.country);
    add("O", QStringLiteral("Liangzheng test PKI"));
    add("CN", spec.commonName);
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
    ASN1_TIME_set(X509_getm_notBefore(cert.get()), time_t(spec.notBefore));
    ASN1_TIME_set(X509_getm_notAfter(cert.get()), time_t(spec.notAfter));
    X509_set_pubkey(cert.get(), subjectKey);
    X509* issuerCert = issuer ? issuer : cert.get();
    addExtension(cert.get(), issuerCert, NID_subject_key_identifier, "hash");
    addExtension(cert.get(), issuerCert, NID_authority_key_identifier, "keyid:always");
    if (!issuer) {
        addExtension(cert.get(), issuerCert, NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
        addExtension(cert.get(), issuerCert, NID_key_usage, "critical,keyCertSign,cRLSign");
    } else {
        addExtension(cert.get(), issuerCert, NID_key_usage,
                     spec.digitalSignature ? "critical,digitalSignature" : "critical,keyEncipherment");
    }
    X509_sign(cert.get(), issuerKey ? issuerKey : subjectKey, EVP_sha256());
    return cert;
}

QByteArray toDer(X509* cert) {
    unsigned char* out = nullptr;
    const int n = i2d_X509(cert, &out);
    QByteArray der(reinterpret_cast<const char*>(out), qMax(0, n));
    OPENSSL_free(out);
    return der;
}

char sexCode(const QString& mrzSex) {
    return mrzSex == QLatin1String("M") ? 1 : mrzSex == QLatin1String("F") ? 2 : 0;
}

} // namespace

QByteArray tlv(const QByteArray& tagHex, const QByteArray& value) {
    return QByteArray::fromHex(tagHex) + length(value.size()) + value;
}

Expected<Signer> Signer::load(const QByteArray& certificateDer, const QByteArray& keyPem) {
    Signer s;
    const auto* p = reinterpret_cast<const unsigned char*>(certificateDer.constData());
    s.m_cert.reset(d2i_X509(nullptr, &p, certificateDer.size()), X509_free);
    BioPtr bio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())));
    s.m_key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    if (!s.m_cert || !s.m_key || X509_check_private_key(s.m_cert.get(), s.m_key.get()) != 1)
        return unexpected(QStringLiteral("signer_malformed: certificate and private key do not match"));
    return s;
}

QByteArray Signer::certificateDer() const {
    return m_cert ? toDer(m_cert.get()) : QByteArray();
}

QByteArray Signer::keyPem() const {
    BioPtr bio(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(n));
}

Signer makeCsca(const CertificateSpec& spec) {
    Signer s;
    s.m_key = generateKey(spec.curve);
    s.m_cert = certificate(spec, s.m_key.get(), nullptr, nullptr);
    return s;
}

Signer makeDocumentSigner(const Signer& csca, const CertificateSpec& spec) {
    Signer s;
    s.m_key = generateKey(spec.curve);
    s.m_cert = certificate(spec, s.m_key.get(), csca.certificate(), csca.key());
    return s;
}

QByteArray makeCrl(const Signer& csca, const QList<qint64>& revokedSerials, qint64 thisUpdate,
                   qint64 nextUpdate) {
    CrlPtr crl(X509_CRL_new());
    X509_CRL_set_version(crl.get(), 1);
    X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(csca.certificate()));
    TimePtr t1(ASN1_TIME_set(nullptr, time_t(thisUpdate))), t2(ASN1_TIME_set(nullptr, time_t(nextUpdate)));
    X509_CRL_set1_lastUpdate(crl.get(), t1.get());
    X509_CRL_set1_nextUpdate(crl.get(), t2.get());
    for (qint64 serial : revokedSerials) {
        X509_REVOKED* r = X509_REVOKED_new();
        ASN1_INTEGER* n = ASN1_INTEGER_new();
        ASN1_INTEGER_set_int64(n, serial);
        X509_REVOKED_set_serialNumber(r, n);
        X509_REVOKED_set_revocationDate(r, t1.get());
        ASN1_INTEGER_free(n);
        X509_CRL_add0_revoked(crl.get(), r);
    }
    X509_CRL_sort(crl.get());
    X509_CRL_sign(crl.get(), csca.key(), EVP_sha256());
    unsigned char* out = nullptr;
    const int n = i2d_X509_CRL(crl.get(), &out);
    QByteArray der(reinterpret_cast<const char*>(out), qMax(0, n));
    OPENSSL_free(out);
    return der;
}

QByteArray efCom(const QList<int>& dataGroups) {
    QByteArray tags;
    for (int dg : dataGroups)
        tags += char(dg == 1 ? 0x61 : dg == 2 ? 0x75 : dg == 3 ? 0x63 : dg == 4 ? 0x76 : 0x65 + dg - 5);
    return tlv("60", tlv("5F01", "0107") + tlv("5F36", "040000") + tlv("5C", tags));
}

QByteArray dg1(const QByteArray& mrz) {
    return tlv("61", tlv("5F1F", mrz));
}

QByteArray dg2(const QByteArray& image, bool jpeg2000, int width, int height, const QString& sex) {
    // ISO/IEC 19794-5:2005 facial record: general header, facial information (no feature
    // points), image information (full frontal, JPEG or JPEG 2000, 24-bit RGB, digital still).
    QByteArray info;
    info += u32(quint32(20 + 12 + image.size())); // facial record data block length
    info += u16(0);                               // feature points
    info += sexCode(sex);
    info += char(0);          // eye colour unspecified
    info += char(0);          // hair colour unspecified
    info += QByteArray(3, 0); // feature mask
    info += u16(0);           // expression unspecified
    info += QByteArray(3, 0); // pose angles
    info += QByteArray(3, 0); // pose angle uncertainty
    info += char(1);          // face image type: full frontal
    info += char(jpeg2000 ? 1 : 0);
    info += u16(width) + u16(height);
    info += char(1);         // colour space: 24-bit RGB
    info += char(2);         // source: digital still camera
    info += u16(0) + u16(0); // device type, quality
    const QByteArray record = QByteArray("FAC\0", 4) + QByteArray("010\0", 4) +
                              u32(quint32(14 + info.size() + image.size())) + u16(1) + info + image;
    // Biometric header template: ICAO header version 1.1, format owner 0x0101 (ISO/IEC JTC 1
    // SC 37), format type 0x0008 (face image).
    const QByteArray header =
        tlv("A1", tlv("80", QByteArray::fromHex("0101")) + tlv("87", QByteArray::fromHex("0101")) +
                      tlv("88", QByteArray::fromHex("0008")));
    return tlv("75", tlv("7F61", tlv("02", QByteArray(1, 1)) + tlv("7F60", header + tlv("5F2E", record))));
}

QByteArray efSod(const QMap<int, QByteArray>& dataGroups, const Signer& documentSigner, const QString& hash) {
    const EVP_MD* md = EVP_get_digestbyname(hash.toLatin1().constData());
    const int nid = EVP_MD_get_type(md);
    // AlgorithmIdentifier with the OID's DER from OpenSSL's table, parameters absent.
    const ObjPtr oid(OBJ_nid2obj(nid) ? OBJ_dup(OBJ_nid2obj(nid)) : nullptr);
    unsigned char* oidDer = nullptr;
    const int oidSize = i2d_ASN1_OBJECT(oid.get(), &oidDer);
    const QByteArray algorithm = tlv("30", QByteArray(reinterpret_cast<const char*>(oidDer), oidSize));
    OPENSSL_free(oidDer);
    QByteArray hashes;
    for (auto it = dataGroups.begin(); it != dataGroups.end(); ++it) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int size = 0;
        EVP_Digest(it.value().constData(), size_t(it.value().size()), digest, &size, md, nullptr);
        hashes += tlv("30", tlv("02", QByteArray(1, char(it.key()))) +
                                tlv("04", QByteArray(reinterpret_cast<const char*>(digest), int(size))));
    }
    const QByteArray so = tlv("30", tlv("02", QByteArray(1, 0)) + algorithm + tlv("30", hashes));

    // CMS SignedData, content embedded, eContentType id-icao-mrtd-security-ldsSecurityObject,
    // signed attributes (contentType, messageDigest, signingTime), the DS certificate included.
    BioPtr in(BIO_new_mem_buf(so.constData(), int(so.size())));
    CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_PARTIAL | CMS_BINARY));
    const ObjPtr lds(OBJ_txt2obj("2.23.136.1.1.1", 1));
    CMS_set1_eContentType(cms.get(), lds.get());
    CMS_add1_signer(cms.get(), documentSigner.certificate(), documentSigner.key(), md,
                    CMS_BINARY | CMS_NOSMIMECAP);
    CMS_final(cms.get(), in.get(), nullptr, CMS_BINARY);
    unsigned char* out = nullptr;
    const int n = i2d_CMS_ContentInfo(cms.get(), &out);
    const QByteArray der(reinterpret_cast<const char*>(out), qMax(0, n));
    OPENSSL_free(out);
    return tlv("77", der);
}

icao::MrzKey PassportFiles::chipKey() const {
    auto parsed = icao::parseMrz(QString::fromLatin1(chipMrz.isEmpty() ? mrz : chipMrz));
    return parsed ? parsed->key : icao::MrzKey{};
}

Expected<void> PassportFiles::save(const QString& dir) const {
    if (!QDir().mkpath(dir))
        return unexpected(QStringLiteral("cannot create %1").arg(dir));
    auto write = [&dir](const QString& name, const QByteArray& bytes) {
        return writeFileDurably(QDir(dir).filePath(name), bytes, 0644).hasValue();
    };
    for (auto it = files.begin(); it != files.end(); ++it)
        if (!write(QString::number(it.key(), 16).rightJustified(4, QLatin1Char('0')).toUpper() +
                       QLatin1String(".bin"),
                   it.value()))
            return unexpected(QStringLiteral("cannot write into %1").arg(dir));
    QJsonObject o{{QStringLiteral("mrz"), QString::fromLatin1(mrz)},
                  {QStringLiteral("pace"), paceParameterId}};
    if (!chipMrz.isEmpty())
        o.insert(QStringLiteral("chip_mrz"), QString::fromLatin1(chipMrz));
    if (!write(QStringLiteral("passport.json"), QJsonDocument(o).toJson()))
        return unexpected(QStringLiteral("cannot write into %1").arg(dir));
    if (!activeAuthKeyPem.isEmpty()) {
        if (!write(QStringLiteral("chip-aa-key.pem"), activeAuthKeyPem))
            return unexpected(QStringLiteral("cannot write into %1").arg(dir));
        QFile::setPermissions(QDir(dir).filePath(QStringLiteral("chip-aa-key.pem")),
                              QFile::ReadOwner | QFile::WriteOwner);
    }
    return {};
}

Expected<PassportFiles> PassportFiles::load(const QString& dir) {
    QFile meta(QDir(dir).filePath(QStringLiteral("passport.json")));
    if (!meta.open(QIODevice::ReadOnly))
        return unexpected(QStringLiteral("%1: no passport.json").arg(dir));
    const QJsonObject o = QJsonDocument::fromJson(meta.readAll()).object();
    PassportFiles p;
    p.mrz = o.value(QLatin1String("mrz")).toString().toLatin1();
    p.chipMrz = o.value(QLatin1String("chip_mrz")).toString().toLatin1();
    p.paceParameterId = o.value(QLatin1String("pace")).toInt();
    if (!icao::parseMrz(QString::fromLatin1(p.mrz)))
        return unexpected(QStringLiteral("%1: passport.json has no valid mrz").arg(dir));
    const QStringList names = QDir(dir).entryList({QStringLiteral("*.bin")}, QDir::Files);
    for (const QString& name : names) {
        bool ok = false;
        const quint16 fid = quint16(name.left(name.size() - 4).toUInt(&ok, 16));
        QFile f(QDir(dir).filePath(name));
        if (!ok || name.size() != 8 || !f.open(QIODevice::ReadOnly))
            return unexpected(QStringLiteral("%1: %2 is not a FID file").arg(dir, name));
        p.files.insert(fid, f.readAll());
    }
    if (QFile key(QDir(dir).filePath(QStringLiteral("chip-aa-key.pem"))); key.open(QIODevice::ReadOnly))
        p.activeAuthKeyPem = key.readAll();
    if (!p.files.contains(icao::kEfCom) || !p.files.contains(icao::kEfDg1))
        return unexpected(QStringLiteral("%1: EF.COM (011E.bin) and DG1 (0101.bin) are required").arg(dir));
    return p;
}

Expected<PassportFiles> makePassport(const PassportSpec& spec, const Signer& documentSigner) {
    auto mrz = icao::parseMrz(QString::fromLatin1(spec.mrz));
    if (!mrz)
        return unexpected(QStringLiteral("passport_bad_mrz: ") + mrz.error().code);
    if (!spec.chipMrz.isEmpty() && !icao::parseMrz(QString::fromLatin1(spec.chipMrz)))
        return unexpected(QStringLiteral("passport_bad_mrz: chip MRZ"));
    const bool jp2 = spec.photo.startsWith(QByteArray::fromHex("0000000c6a502020")) ||
                     spec.photo.startsWith(QByteArray::fromHex("ff4fff51"));
    if (!jp2 && !spec.photo.startsWith(QByteArray::fromHex("ffd8ff")))
        return unexpected(QStringLiteral("passport_bad_photo: neither JPEG nor JPEG 2000"));
    QMap<int, QByteArray> groups{{1, dg1(spec.mrz)},
                                 {2, dg2(spec.photo, jp2, spec.photoWidth, spec.photoHeight, mrz->sex)}};
    PassportFiles p;
    p.mrz = spec.mrz;
    p.chipMrz = spec.chipMrz;
    p.paceParameterId = spec.paceParameterId;
    if (!spec.activeAuth.isEmpty()) {
        const bool rsa = spec.activeAuth == QLatin1String("rsa");
        if (!rsa && spec.activeAuth != QLatin1String("ec"))
            return unexpected(QStringLiteral("passport_bad_aa: active authentication is ec or rsa"));
        auto makeKey = [rsa] {
            return std::shared_ptr<EVP_PKEY>(rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(1024))
                                                 : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"),
                                             EVP_PKEY_free);
        };
        const auto key = makeKey();
        unsigned char* spki = nullptr;
        const int n = i2d_PUBKEY(key.get(), &spki);
        groups.insert(15, tlv("6F", QByteArray(reinterpret_cast<const char*>(spki), n)));
        OPENSSL_free(spki);
        if (!rsa) // ActiveAuthenticationInfo: id-AA, version 1, ecdsa-plain-SHA256
            groups.insert(
                14,
                tlv("6E", tlv("31", tlv("30", tlv("06", QByteArray::fromHex("678108010105")) +
                                                  tlv("02", QByteArray(1, 1)) +
                                                  tlv("06", QByteArray::fromHex("04007F00070101040103"))))));
        // A clone carries the genuine files but cannot carry the chip's private key.
        const auto chipKey = spec.clone ? makeKey() : key;
        BioPtr bio(BIO_new(BIO_s_mem()));
        PEM_write_bio_PrivateKey(bio.get(), chipKey.get(), nullptr, nullptr, 0, nullptr, nullptr);
        char* data = nullptr;
        const long size = BIO_get_mem_data(bio.get(), &data);
        p.activeAuthKeyPem = QByteArray(data, int(size));
    }
    p.files.insert(icao::kEfCom, efCom(groups.keys()));
    p.files.insert(icao::kEfSod, efSod(groups, documentSigner));
    if (spec.tamper == QLatin1String("dg1") && mrz->format != icao::Mrz::Format::TD3)
        return unexpected(QStringLiteral("passport_bad_mrz: tampering DG1 needs a TD3 MRZ"));
    if (spec.tamper == QLatin1String("dg1")) {
        // Another holder's name in the same MRZ layout: the access key still opens the chip.
        QByteArray forged = spec.mrz;
        const qsizetype at = forged.indexOf("<<");
        if (at > 5)
            forged.replace(5, at - 5, QByteArray("MALLORY").leftJustified(at - 5, '<', true));
        groups[1] = dg1(forged);
    } else if (spec.tamper == QLatin1String("dg2")) {
        groups[2][groups[2].size() - 3] ^= 0x55;
    }
    for (auto it = groups.begin(); it != groups.end(); ++it)
        p.files.insert(quint16(icao::kEfDg1 + it.key() - 1), it.value());
    return p;
}

} // namespace lz::passport
