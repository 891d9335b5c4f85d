#pragma once
// The issuing side of test passports (ICAO 9303-10/-12), for lz-issuer, the emulator and tests:
// CSCA and document signer certificates, CSCA CRLs, LDS files (EF.COM, DG1 from an MRZ, DG2
// around a face image) and EF.SOD — CMS SignedData over the LDSSecurityObject, signed by the
// document signer. Also the broken passports the terminal must refuse. Never used by the kiosk.
#include "icao/Mrz.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <memory>

struct evp_pkey_st;
typedef struct x509_st X509;

namespace lz::passport {

struct CertificateSpec {
    QString country = QStringLiteral("UT"); // C=, ISO 3166 two letters (X.520); "UT" for ICAO's Utopia
    QString commonName;
    qint64 notBefore = 0, notAfter = 0;      // Unix seconds
    QString curve = QStringLiteral("P-256"); // or brainpoolP256r1
    qint64 serial = 1;
    bool digitalSignature = true; // document signers: keyUsage digitalSignature (false: a broken one)
};

// A key with its certificate.
class Signer {
public:
    Signer() = default;
    // certificate DER, private key PEM. Errors: signer_malformed.
    static Expected<Signer> load(const QByteArray& certificateDer, const QByteArray& keyPem);
    QByteArray certificateDer() const;
    QByteArray keyPem() const;
    bool isNull() const { return !m_key; }
    evp_pkey_st* key() const { return m_key.get(); }
    X509* certificate() const { return m_cert.get(); }

private:
    friend Signer makeCsca(const CertificateSpec&);
    friend Signer makeDocumentSigner(const Signer&, const CertificateSpec&);
    std::shared_ptr<evp_pkey_st> m_key;
    std::shared_ptr<X509> m_cert;
};

Signer makeCsca(const CertificateSpec& spec); // self-signed, CA, keyCertSign + cRLSign
Signer makeDocumentSigner(const Signer& csca, const CertificateSpec& spec); // issued by csca
// A CRL of csca listing these serials.
QByteArray makeCrl(const Signer& csca, const QList<qint64>& revokedSerials, qint64 thisUpdate,
                   qint64 nextUpdate);

// LDS files. tlv: one BER-TLV object, its length in the shortest form ("61", DG1's contents).
QByteArray tlv(const QByteArray& tagHex, const QByteArray& value);
QByteArray efCom(const QList<int>& dataGroups);
QByteArray dg1(const QByteArray& mrz);
// image: JPEG or JPEG 2000 bytes (jpeg2000 says which); width/height for the 19794-5 header.
QByteArray dg2(const QByteArray& image, bool jpeg2000, int width, int height, const QString& sex = {});
// EF.SOD over the data groups (number → file bytes).
QByteArray efSod(const QMap<int, QByteArray>& dataGroups, const Signer& documentSigner,
                 const QString& hash = QStringLiteral("SHA256"));

struct PassportSpec {
    QByteArray mrz;     // the printed MRZ (two or three lines joined, as in DG1)
    QByteArray chipMrz; // the MRZ whose key the chip accepts, if not mrz (a broken chip)
    QByteArray photo;   // JPEG or JPEG 2000
    int photoWidth = 0, photoHeight = 0;
    int paceParameterId = 0; // 0: BAC only; 12 P-256, 13 brainpoolP256r1: PACE offered too
    QString tamper;          // "" or "dg1": DG1 changed after signing (the name), "dg2": the photo
    // Active authentication: "" none, "ec" (P-256, ECDSA-plain-SHA256 named in DG14) or "rsa"
    // (1024 bits, ISO 9796-2: a 2048-bit answer would not fit a PN532's 262-byte frame under SM).
    QString activeAuth;
    bool clone = false; // the files copied onto another chip: its AA key is not the one in DG15
};

// A passport as a directory: 011E.bin (EF.COM), 0101.bin (DG1), 0102.bin (DG2), 010E.bin /
// 010F.bin (DG14 / DG15 with active authentication), 011D.bin (EF.SOD), passport.json {mrz,
// chip_mrz?, pace} and chip-aa-key.pem, the chip's own secret (docs/passports.md).
struct PassportFiles {
    QByteArray mrz, chipMrz;
    int paceParameterId = 0;
    QByteArray activeAuthKeyPem;     // the chip's private key for INTERNAL AUTHENTICATE, if any
    QMap<quint16, QByteArray> files; // FID → bytes

    icao::MrzKey chipKey() const; // from chipMrz, else mrz
    Expected<void> save(const QString& dir) const;
    static Expected<PassportFiles> load(const QString& dir);
};

// Errors: passport_bad_mrz, passport_bad_photo.
Expected<PassportFiles> makePassport(const PassportSpec& spec, const Signer& documentSigner);

} // namespace lz::passport
