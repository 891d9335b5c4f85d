// libFuzzer: the sync API's JSON as both ends parse it — a terminal's batch at the gateway
// (records, checkpoint) and the gateway's answer at the terminal (per-record acks).
#include "sync/RecordWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const QJsonObject o =
        QJsonDocument::fromJson(QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size)))
            .object();
    for (const QJsonValue& v : o.value(QLatin1String("records")).toArray()) {
        auto r = lz::wire::recordFromJson(v.toObject());
        if (r) {
            // What the gateway accepts, it must be able to send on unchanged.
            auto again = lz::wire::recordFromJson(lz::wire::recordToJson(*r));
            if (!again || again->id != r->id || again->seq != r->seq || again->chainHash != r->chainHash ||
                again->identity != r->identity || again->details != r->details)
                __builtin_trap();
        }
    }
    (void)lz::wire::checkpointFromJson(o.value(QLatin1String("checkpoint")).toObject());
    (void)lz::wire::acksFromJson(o);
    return 0;
}
