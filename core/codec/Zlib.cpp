#include "codec/Zlib.h"

#include <zlib.h>

namespace lz::zlib {

QByteArray deflate(const QByteArray& data, int level) {
    uLongf size = compressBound(uLong(data.size()));
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    const int rc = compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                             reinterpret_cast<const Bytef*>(data.constData()), uLong(data.size()), level);
    if (rc != Z_OK)
        return {};
    out.truncate(qsizetype(size));
    return out;
}

namespace {
// One inflate state per thread, reset between streams: inflateInit/inflateEnd per QR code
// would allocate and clear zlib's 32 KiB window every time, which cost more than the rest of
// the decoding (measured with bench/verify_bench).
struct Inflater {
    z_stream zs{};
    bool ready = inflateInit(&zs) == Z_OK;
    ~Inflater() { inflateEnd(&zs); }
};
} // namespace

Expected<QByteArray> inflate(const QByteArray& data, qsizetype maxOutput) {
    thread_local Inflater inflater;
    if (!inflater.ready || inflateReset(&inflater.zs) != Z_OK)
        return unexpected(QStringLiteral("zlib: cannot initialise"));
    z_stream& zs = inflater.zs;
    // Inflate into a buffer one byte larger than the cap: filling it proves the cap is exceeded.
    QByteArray out(qMin<qsizetype>(maxOutput + 1, qMax<qsizetype>(1024, data.size() * 4)), Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
    zs.avail_in = uInt(data.size());
    int rc = Z_OK;
    while (true) {
        zs.next_out = reinterpret_cast<Bytef*>(out.data()) + zs.total_out;
        zs.avail_out = uInt(out.size() - qsizetype(zs.total_out));
        rc = ::inflate(&zs, Z_FINISH);
        if (rc == Z_STREAM_END || (rc != Z_OK && rc != Z_BUF_ERROR))
            break;
        if (zs.avail_out == 0) {
            if (out.size() > maxOutput)
                break;
            out.resize(qMin<qsizetype>(maxOutput + 1, out.size() * 2));
            continue;
        }
        break; // input exhausted before the end of the stream
    }
    const qsizetype produced = qsizetype(zs.total_out);
    const bool trailing = zs.avail_in != 0;
    zs.next_in = nullptr; // do not keep pointers into the caller's buffers
    zs.next_out = nullptr;
    if (produced > maxOutput)
        return unexpected(QStringLiteral("zlib: inflates beyond the %1-byte cap").arg(maxOutput));
    if (rc != Z_STREAM_END)
        return unexpected(QStringLiteral("zlib: corrupt or truncated stream"));
    if (trailing)
        return unexpected(QStringLiteral("zlib: trailing bytes after the stream"));
    out.truncate(produced);
    return out;
}

} // namespace lz::zlib
