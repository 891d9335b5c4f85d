// libFuzzer: the face models' TF.js weights manifest and .bin (core/face/FaceWeights). The first
// two bytes give the manifest's length; the rest after it is the .bin.
#include "face/FaceWeights.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size < 2)
        return 0;
    const size_t manifestSize = std::min<size_t>(size - 2, size_t(data[0]) << 8 | data[1]);
    const QByteArray manifest(reinterpret_cast<const char*>(data + 2), qsizetype(manifestSize));
    const QByteArray bin(reinterpret_cast<const char*>(data + 2 + manifestSize),
                         qsizetype(size - 2 - manifestSize));
    if (auto w = lz::face::FaceWeights::parse(manifest, bin)) {
        (void)w->parameterCount();
        (void)w->get("q", {2, 2});
    }
    return 0;
}
