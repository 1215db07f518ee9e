#include "RecordBuilder.h"

#include "CriticalPath.h"

#include <QHash>

#include <algorithm>

namespace d3::core {

RequestRecord RecordBuilder::completed(const RequestResult &result, const Deployment &d)
{
    RequestRecord r;
    r.id = result.id;
    r.planId = result.planId;
    r.plan = d.plan().describe();
    r.completed = true;
    r.endToEndMs = result.endToEndMs;
    r.criticalPathMs = CriticalPath::ms(result.hops, d.stitcher());
    QHash<QString, double> tileNodeMs; // tiles on one node run one after another
    QHash<QString, double> tileNodeQueueMs;
    // A link's time: sent one after another, except tiles' inputs and outputs, which travel in parallel (the
    // longest counts); a decode belongs to the transfer it finishes.
    QHash<QPair<int, int>, double> parallelMs; // (link, tile) -> transfer and decode ms
    auto linkOf = [&](const QString &from, const QString &to) {
        if (from == d.cloud() || to == d.cloud())
            return RequestRecord::Backbone;
        if (from == d.device())
            return RequestRecord::Uplink;
        return to == d.device() ? RequestRecord::Return : RequestRecord::EdgeEdge;
    };
    std::array<double *, RequestRecord::Links> ms{&r.uplinkMs, &r.edgeEdgeMs, &r.backboneMs, &r.returnMs};
    std::array<qint64 *, RequestRecord::Links> bytes{&r.uplinkBytes, &r.edgeEdgeBytes, &r.backboneBytes, &r.returnBytes};
    std::array<QStringList, RequestRecord::Links> used;
    for (const HopReport &h : result.hops) {
        if (h.kind == HopReport::Kind::Compute) {
            switch (h.stage) {
            case StageKind::Device:
                r.deviceMs += h.ms;
                r.deviceQueueMs += h.queuedMs;
                break;
            case StageKind::Tiles:
                tileNodeMs[h.node] += h.ms;
                tileNodeQueueMs[h.node] += h.queuedMs;
                break;
            case StageKind::Edge:
                r.edgeMs += h.ms;
                r.edgeQueueMs += h.queuedMs;
                break;
            case StageKind::Cloud:
                r.cloudMs += h.ms;
                r.cloudQueueMs += h.queuedMs;
                break;
            }
            continue;
        }
        const bool decode = h.kind == HopReport::Kind::Decode;
        const RequestRecord::Link link = decode ? linkOf(h.from, h.node) : linkOf(h.node, h.to);
        RequestRecord::LinkCodec &c = r.codecs[link];
        const bool parallel = (h.data == DataKind::TileIn || h.data == DataKind::TileOut) && link != RequestRecord::Backbone;
        if (parallel)
            parallelMs[{int(link), h.tile}] += h.ms;
        else
            *ms[link] += h.ms;
        r.linkQueueMs[link] = std::max(r.linkQueueMs[link], h.queuedMs);
        if (decode) {
            c.decodeMs += h.ms;
            continue;
        }
        *bytes[link] += h.bytes;
        c.rawBytes += h.rawBytes;
        c.encodeMs += h.encodeMs;
        if (!used[link].contains(WireCodecs::name(h.codec)))
            used[link] << WireCodecs::name(h.codec);
    }
    for (auto it = parallelMs.begin(); it != parallelMs.end(); ++it)
        *ms[it.key().first] = std::max(*ms[it.key().first], it.value());
    for (int link = 0; link < RequestRecord::Links; ++link) {
        used[link].sort();
        r.codecs[link].codec = used[link].join(QLatin1Char('+'));
    }
    for (double ms : tileNodeMs)
        r.tilesMs = std::max(r.tilesMs, ms);
    for (double ms : tileNodeQueueMs)
        r.tilesQueueMs = std::max(r.tilesQueueMs, ms);
    return r;
}

RequestRecord RecordBuilder::failed(quint64 id, quint64 planId, double startMs, const QString &reason)
{
    RequestRecord r;
    r.id = id;
    r.planId = planId;
    r.startMs = startMs;
    r.arrivalMs = startMs;
    r.failure = reason;
    return r;
}

} // namespace d3::core
