#include "RecordBuilder.h"

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
    QHash<QString, double> tileNodeMs; // tiles on one node run one after another
    for (const HopReport &h : result.hops) {
        if (h.kind == HopReport::Kind::Compute) {
            if (h.stage == QLatin1String("device"))
                r.deviceMs += h.ms;
            else if (h.stage == QLatin1String("tiles"))
                tileNodeMs[h.node] += h.ms;
            else if (h.stage == QLatin1String("edge"))
                r.edgeMs += h.ms;
            else
                r.cloudMs += h.ms;
            continue;
        }
        const bool fromDevice = h.node == d.device(), toDevice = h.to == d.device();
        const bool cloudSide = h.node == d.cloud() || h.to == d.cloud();
        if (cloudSide) {
            r.backboneMs += h.ms;
            r.backboneBytes += h.bytes;
        } else if (fromDevice) {
            r.uplinkMs = h.stage == QLatin1String("tile_in") ? std::max(r.uplinkMs, h.ms) : r.uplinkMs + h.ms;
            r.uplinkBytes += h.bytes;
        } else if (toDevice) {
            r.returnMs += h.ms;
            r.returnBytes += h.bytes;
        } else {
            r.edgeEdgeMs = std::max(r.edgeEdgeMs, h.ms);
            r.edgeEdgeBytes += h.bytes;
        }
    }
    for (double ms : tileNodeMs)
        r.tilesMs = std::max(r.tilesMs, ms);
    return r;
}

RequestRecord RecordBuilder::failed(quint64 id, quint64 planId, double startMs, const QString &reason)
{
    RequestRecord r;
    r.id = id;
    r.planId = planId;
    r.startMs = startMs;
    r.failure = reason;
    return r;
}

} // namespace d3::core
