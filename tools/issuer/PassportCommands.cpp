#include "issuer/PassportCommands.h"

#include "passport/PassportIssuer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>

#include <opencv2/imgcodecs.hpp>

namespace lz::issuer {
namespace {

constexpr qint64 kDay = 86400;

Expected<passport::Signer> loadCsca(const cli::Options& o) {
    auto cert = cli::readFile(o.value(QStringLiteral("--csca-cert")));
    auto key = cli::readFile(o.value(QStringLiteral("--csca-key")));
    if (!cert || !key)
        return unexpected(QStringLiteral("needs --csca-cert CERT.der and --csca-key KEY.pem: %1")
                              .arg(cert ? key.error() : cert.error()));
    return passport::Signer::load(*cert, *key);
}

Expected<passport::CertificateSpec> certificateSpec(const cli::Options& o, qint64 defaultDays) {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    passport::CertificateSpec spec;
    spec.country = o.value(QStringLiteral("--country"), spec.country);
    spec.curve = o.value(QStringLiteral("--curve"), spec.curve);
    auto from = cli::parseTime(o.value(QStringLiteral("--not-before")), now - kDay);
    if (!from)
        return unexpected(from.error());
    auto to = cli::parseTime(o.value(QStringLiteral("--not-after")), *from + defaultDays * kDay);
    if (!to)
        return unexpected(to.error());
    if (spec.country.size() != 2 || *to <= *from)
        return unexpected(
            QStringLiteral("--country must be two letters and --not-after later than --not-before"));
    spec.notBefore = *from;
    spec.notAfter = *to;
    spec.serial =
        o.value(QStringLiteral("--serial"), QString::number(QRandomGenerator::system()->bounded(1, 1 << 30)))
            .toLongLong();
    return spec;
}

} // namespace

int csca(const cli::Options& o) {
    auto spec = certificateSpec(o, 15 * 365);
    if (!spec)
        return cli::fail(spec.error());
    spec->commonName = o.value(QStringLiteral("--name"), QStringLiteral("CSCA %1 (test)").arg(spec->country));
    const QString keyOut = o.value(QStringLiteral("--out-key")),
                  certOut = o.value(QStringLiteral("--out-cert"));
    if (keyOut.isEmpty() || certOut.isEmpty())
        return cli::fail(QStringLiteral("csca needs --out-key KEY.pem and --out-cert CERT.der"));
    const passport::Signer s = passport::makeCsca(*spec);
    if (s.certificateDer().isEmpty())
        return cli::fail(QStringLiteral("could not make the certificate (curve %1?)").arg(spec->curve));
    auto k = cli::writeFile(keyOut, s.keyPem(), true);
    auto c = k ? cli::writeFile(certOut, s.certificateDer()) : k;
    if (!c)
        return cli::fail(c.error());
    cli::printJson({{QStringLiteral("country"), spec->country},
                    {QStringLiteral("serial"), spec->serial},
                    {QStringLiteral("not_after"), spec->notAfter}});
    return cli::kExitOk;
}

int crl(const cli::Options& o) {
    auto ca = loadCsca(o);
    if (!ca)
        return cli::fail(ca.error());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QList<qint64> serials;
    for (const QString& s : o.value(QStringLiteral("--revoke")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        serials.append(s.toLongLong());
    const QString out = o.value(QStringLiteral("--out"));
    if (out.isEmpty())
        return cli::fail(QStringLiteral("crl needs --out CRL.der (and --revoke SERIAL,SERIAL…)"));
    const qint64 days = o.value(QStringLiteral("--next-update-days"), QStringLiteral("90")).toLongLong();
    auto w = cli::writeFile(out, passport::makeCrl(*ca, serials, now, now + days * kDay));
    if (!w)
        return cli::fail(w.error());
    cli::printJson({{QStringLiteral("revoked"), qint64(serials.size())}});
    return cli::kExitOk;
}

int passportCommand(const cli::Options& o) {
    auto ca = loadCsca(o);
    if (!ca)
        return cli::fail(ca.error());
    passport::PassportSpec spec;
    spec.mrz = o.value(QStringLiteral("--mrz")).remove(QLatin1Char('\n')).toLatin1();
    spec.chipMrz = o.value(QStringLiteral("--chip-mrz")).remove(QLatin1Char('\n')).toLatin1();
    spec.paceParameterId = o.value(QStringLiteral("--pace"), QStringLiteral("0")).toInt();
    spec.tamper = o.value(QStringLiteral("--tamper"));
    spec.activeAuth = o.value(QStringLiteral("--active-auth"));
    spec.clone = o.has(QStringLiteral("--clone"));
    const QString out = o.value(QStringLiteral("--out"));
    auto photo = cli::readFile(o.value(QStringLiteral("--photo")));
    if (!photo)
        return cli::fail(QStringLiteral("passport needs --photo FILE (JPEG or JPEG 2000): ") + photo.error());
    if (out.isEmpty() || spec.mrz.isEmpty())
        return cli::fail(QStringLiteral("passport needs --mrz MRZ and --out DIR"));
    if (!QList<int>{0, 12, 13}.contains(spec.paceParameterId) ||
        !QStringList{QString(), QStringLiteral("dg1"), QStringLiteral("dg2")}.contains(spec.tamper))
        return cli::fail(QStringLiteral("--pace is 0, 12 or 13; --tamper dg1 or dg2"));
    // The 19794-5 header states the image's size: decoded once here, as the terminal will.
    const cv::Mat image =
        cv::imdecode(cv::Mat(1, int(photo->size()), CV_8U, photo->data()), cv::IMREAD_COLOR);
    if (image.empty())
        return cli::fail(QStringLiteral("--photo is not an image OpenCV can decode"));
    spec.photo = *photo;
    spec.photoWidth = image.cols;
    spec.photoHeight = image.rows;
    // A fresh document signer per passport, as a country's DS signs a batch.
    auto dsSpec = certificateSpec(o, 10 * 365);
    if (!dsSpec)
        return cli::fail(dsSpec.error());
    dsSpec->commonName = QStringLiteral("Document signer %1 (test)").arg(dsSpec->country);
    dsSpec->digitalSignature = !o.has(QStringLiteral("--ds-without-digital-signature"));
    const passport::Signer ds = passport::makeDocumentSigner(*ca, *dsSpec);
    auto p = passport::makePassport(spec, ds);
    if (!p)
        return cli::fail(p.error());
    auto saved = p->save(out);
    if (!saved)
        return cli::fail(saved.error());
    QJsonObject sizes;
    for (auto it = p->files.begin(); it != p->files.end(); ++it)
        sizes.insert(QString::number(it.key(), 16).rightJustified(4, QLatin1Char('0')).toUpper(),
                     it.value().size());
    cli::printJson({{QStringLiteral("dir"), out},
                    {QStringLiteral("document_signer_serial"), dsSpec->serial},
                    {QStringLiteral("pace"), spec.paceParameterId},
                    {QStringLiteral("files"), sizes}});
    return cli::kExitOk;
}

} // namespace lz::issuer
