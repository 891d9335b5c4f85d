#pragma once
// The ID card's photo: the 1024-byte WLT block turned into a 102×126 image by the reader
// vendor's decoder library, when the venue has configured one ([idcard] wlt_library). The
// decoder runs in lz-wlt-decode, a process of its own, under a time limit: a vendor library
// that crashes or hangs costs the photo, never the kiosk. Without a decoder there is no photo,
// and the diagnostics say why ("证件照片需读卡器厂商解码库").
#include "util/Expected.h"

#include <QByteArray>
#include <QImage>
#include <QString>

namespace lz::idcard {

struct WltDecoderConfig {
    QString library; // path of the vendor's .so; empty: no decoder
    QString function = QStringLiteral("wlt2bmpBuffer");
    QString signature = QStringLiteral("bmp_buffer"); // or raw_bgr (see lz-wlt-decode)
    QString helperPath;                               // lz-wlt-decode
    int timeoutMs = 2000;
};

enum class WltError {
    NotConfigured, // no decoder library configured
    LibraryMissing,
    FunctionMissing,
    Refused,  // the decoder returned failure (a damaged block, or no licence)
    Crashed,  // the decoder process died
    TimedOut, // the decoder did not finish in time (killed)
    BadImage, // what it returned is not a 102×126 image
};
QString wltErrorName(WltError e); // "wlt_not_configured", ...

struct WltFailure {
    WltError code = WltError::NotConfigured;
    QString detail;
};

class WltDecoder {
public:
    explicit WltDecoder(WltDecoderConfig config)
        : m_config(std::move(config)) {}
    bool configured() const { return !m_config.library.isEmpty(); }
    // Blocking (up to timeoutMs): called on the backend's thread.
    Expected<QImage, WltFailure> decode(const QByteArray& photo) const;

private:
    WltDecoderConfig m_config;
};

} // namespace lz::idcard
