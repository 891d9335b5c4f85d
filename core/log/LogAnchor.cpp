#include "log/LogAnchor.h"

#include "util/DurableFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace lz {

LogResult<std::optional<LogAnchor>> LogAnchor::read(const QString& path) {
    QFile f(path);
    if (!f.exists())
        return std::optional<LogAnchor>{};
    if (!f.open(QIODevice::ReadOnly))
        return logFailure(LogError::AnchorUnreadable, QStringLiteral("%1: %2").arg(path, f.errorString()));
    const QJsonObject o = QJsonDocument::fromJson(f.read(4096)).object();
    LogAnchor a;
    a.logId = QByteArray::fromHex(o.value(QLatin1String("log_id")).toString().toLatin1());
    a.checkpointSeq = qint64(o.value(QLatin1String("checkpoint_seq")).toDouble(-1));
    a.checkpointChain = QByteArray::fromHex(o.value(QLatin1String("checkpoint_chain")).toString().toLatin1());
    a.gatewaySeq = qint64(o.value(QLatin1String("gateway_seq")).toDouble(-1));
    a.gatewayChain = QByteArray::fromHex(o.value(QLatin1String("gateway_chain")).toString().toLatin1());
    const auto chainOk = [](qint64 seq, const QByteArray& chain) {
        return seq == 0 ? chain.isEmpty() : seq > 0 && seq < (qint64(1) << 53) && chain.size() == 32;
    };
    if (a.logId.size() != 16 || !chainOk(a.checkpointSeq, a.checkpointChain) ||
        !chainOk(a.gatewaySeq, a.gatewayChain))
        return logFailure(LogError::AnchorMalformed, QStringLiteral("%1").arg(path));
    return std::optional<LogAnchor>(a);
}

LogResult<void> LogAnchor::write(const QString& path) const {
    const QJsonObject o{{QStringLiteral("log_id"), QString::fromLatin1(logId.toHex())},
                        {QStringLiteral("checkpoint_seq"), checkpointSeq},
                        {QStringLiteral("checkpoint_chain"), QString::fromLatin1(checkpointChain.toHex())},
                        {QStringLiteral("gateway_seq"), gatewaySeq},
                        {QStringLiteral("gateway_chain"), QString::fromLatin1(gatewayChain.toHex())}};
    if (auto written = writeFileDurably(path, QJsonDocument(o).toJson(QJsonDocument::Compact), 0600);
        !written)
        return unexpected(fileWriteFailure(LogError::AnchorUnwritable, written.error()));
    return {};
}

} // namespace lz
