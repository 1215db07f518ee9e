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
            switch (h.stage) {
            case StageKind::Device:
                r.deviceMs += h.ms;
                break;
            case StageKind::Tiles:
                tileNodeMs[h.node] += h.ms;
                break;
            case StageKind::Edge:
                r.edgeMs += h.ms;
                break;
            case StageKind::Cloud:
                r.cloudMs += h.ms;
                break;
            }
            continue;
        }
        const bool fromDevice = h.node == d.device(), toDevice = h.to == d.device();
        const bool cloudSide = h.node == d.cloud() || h.to == d.cloud();
        if (cloudSide) {
            r.backboneMs += h.ms;
            r.backboneBytes += h.bytes;
        } else if (fromDevice) {
            r.uplinkMs = h.data == DataKind::TileIn ? std::max(r.uplinkMs, h.ms) : r.uplinkMs + h.ms;
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
