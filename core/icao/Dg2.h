#pragma once
// DG2, the encoded face (ICAO 9303-10 §4.7.2): 75 { 7F61 { 02 count, 7F60 { A1 header,
// 5F2E or 7F2E biometric data } } }, the data an ISO/IEC 19794-5 facial record whose image is
// JPEG or JPEG 2000. Only the first face is taken (documents carry one).
#include "util/Expected.h"

#include <QByteArray>

namespace lz::icao {

struct FaceImage {
    enum class Format { Jpeg, Jpeg2000, Unknown };
    Format format = Format::Unknown; // from the image's own signature bytes, not the header's claim
    QByteArray data;                 // the image file as stored
    int width = 0, height = 0;       // as the 19794-5 header says (0 if it does not)
};

// Errors: dg2_malformed: … (and the tlv_* names); a face of an unknown format is not an error.
Expected<FaceImage> parseDg2(const QByteArray& file);
QString faceFormatName(FaceImage::Format f); // "jpeg", "jpeg2000", "unknown"

} // namespace lz::icao
