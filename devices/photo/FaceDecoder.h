#pragma once
// The face image of a travel document's DG2 (core/icao/Dg2) decoded for the screen: JPEG and
// JPEG 2000 through OpenCV's imgcodecs (Debian's links libjpeg-turbo and OpenJPEG). Anything
// else, or bytes that do not decode, is a named problem — never a broken picture.
#include "icao/Dg2.h"

#include <QImage>

namespace lz::photo {

struct DecodedFace {
    QImage image;    // null when there is a problem
    QString problem; // "", "photo_format_unsupported", "photo_undecodable"
};

DecodedFace decodeFace(const icao::FaceImage& face);

} // namespace lz::photo
