#pragma once
// Emulated passports: the signed demo passport (under the DEMO CSCA, with the demo face and
// active authentication), and filler LDS files of a given DG2 size for read tests (their DG2 and
// SOD are not a face and not signed: they pass no passive authentication).
#include "demo/DemoKit.h"
#include "icao/ChipReader.h"
#include "passport/PassportIssuer.h"

#include <QMap>

namespace lz::passport {

// TD3 specimen of ICAO 9303 (ERIKSSON, L898902C<, born 690806, expires 940623).
inline constexpr char kSpecimenMrz[] =
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<L898902C<3UTO6908061F9406236ZE184226B<<<<<14";

// The demo passport (demo::kDemoPassportMrz unless another MRZ is given): the demo face, signed
// by a document signer the DEMO CSCA issues now (valid a year either side), so that it passes
// passive authentication against the demo trust list.
Expected<PassportFiles> demoPassport(const demo::DemoKit& kit, qint64 now, const QByteArray& mrz = {},
                                     bool jpeg2000 = false);

QMap<quint16, QByteArray> demoPassportFiles(const QByteArray& mrz = kSpecimenMrz, int dg2Bytes = 20 * 1024);

} // namespace lz::passport
