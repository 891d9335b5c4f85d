#include "idcard/WltDecoder.h"

#include <QProcess>

namespace lz::idcard {
namespace {
constexpr int kWidth = 102, kHeight = 126;

Unexpected<WltFailure> fail(WltError e, QString detail = {}) {
    return Unexpected<WltFailure>{WltFailure{e, std::move(detail)}};
}
} // namespace

QString wltErrorName(WltError e) {
    switch (e) {
    case WltError::NotConfigured:
        return QStringLiteral("wlt_not_configured");
    case WltError::LibraryMissing:
        return QStringLiteral("wlt_library_missing");
    case WltError::FunctionMissing:
        return QStringLiteral("wlt_function_missing");
    case WltError::Refused:
        return QStringLiteral("wlt_refused");
    case WltError::Crashed:
        return QStringLiteral("wlt_crashed");
    case WltError::TimedOut:
        return QStringLiteral("wlt_timed_out");
    case WltError::BadImage:
        return QStringLiteral("wlt_bad_image");
    }
    return {};
}

Expected<QImage, WltFailure> WltDecoder::decode(const QByteArray& photo) const {
    if (!configured())
        return fail(WltError::NotConfigured);
    QProcess p;
    p.setProgram(m_config.helperPath);
    p.setArguments({m_config.library, m_config.function, m_config.signature});
    p.start();
    if (!p.waitForStarted(m_config.timeoutMs))
        return fail(WltError::Crashed, QStringLiteral("%1: %2").arg(m_config.helperPath, p.errorString()));
    p.write(photo);
    p.closeWriteChannel();
    if (!p.waitForFinished(m_config.timeoutMs)) {
        p.kill();
        p.waitForFinished(1000);
        return fail(WltError::TimedOut, QStringLiteral("after %1 ms").arg(m_config.timeoutMs));
    }
    const QString err = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
    if (p.exitStatus() != QProcess::NormalExit)
        return fail(WltError::Crashed, err);
    switch (p.exitCode()) {
    case 0:
        break;
    case 2:
        return fail(WltError::Refused, err);
    case 3:
        return fail(WltError::LibraryMissing, err);
    case 4:
        return fail(WltError::FunctionMissing, err);
    case 5:
        return fail(WltError::Refused, err);
    default:
        return fail(WltError::Crashed, err);
    }
    const QByteArray out = p.readAllStandardOutput();
    QImage image;
    if (m_config.signature == QLatin1String("raw_bgr")) {
        if (out.size() != kWidth * kHeight * 3)
            return fail(WltError::BadImage, QStringLiteral("%1 bytes").arg(out.size()));
        image = QImage(reinterpret_cast<const uchar*>(out.constData()), kWidth, kHeight, kWidth * 3,
                       QImage::Format_BGR888)
                    .copy();
    } else {
        image = QImage::fromData(out, "BMP");
    }
    if (image.size() != QSize(kWidth, kHeight))
        return fail(WltError::BadImage, QStringLiteral("not a %1×%2 image").arg(kWidth).arg(kHeight));
    return image.convertToFormat(QImage::Format_RGB32);
}

} // namespace lz::idcard
