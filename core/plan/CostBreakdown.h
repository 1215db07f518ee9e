#pragma once

#include "BusyTimes.h"
#include "PlanLink.h"
#include "codec/WireCodec.h"

#include <QJsonObject>

#include <array>

namespace d3::core {

/// A plan's predicted end-to-end time for one request, stage by stage (ms), its traffic (bytes), and what it costs a
/// stream: how long each resource is busy per request, the busiest (the bottleneck) and the rate it allows.
struct CostBreakdown {
    double device = 0;      ///< device compute [0, p)
    double uplink = 0;      ///< device -> edge transfer (tile inputs with halos when tiled)
    double tiles = 0;       ///< parallel tile phase: the slowest edge node's tiles plus gathering them
    double edge = 0;        ///< untiled edge compute up to q
    double backbone = 0;    ///< edge -> cloud transfer
    double cloud = 0;       ///< cloud compute [q, n)
    double ret = 0;         ///< result back to the device
    double total = 0;       ///< sum of the above
    qint64 uplinkBytes = 0;   ///< bytes leaving the device, on the wire (after the uplink's codec)
    qint64 backboneBytes = 0; ///< bytes over the backbone, on the wire (crossing q, plus the result on its way back)
    qint64 uplinkRawBytes = 0;   ///< uplinkBytes before the codec
    qint64 backboneRawBytes = 0; ///< backboneBytes before the codecs
    std::array<WireCodec, kPlanLinks> codecs{}; ///< each link's codec (PlanLink order), as chosen
    BusyTimes busy;          ///< per resource, its busy ms per request (docs/ARCHITECTURE.md, Planning for streams)
    double bottleneckMs = 0; ///< the busiest resource's busy ms per request: a stream's least time between requests
    QString bottleneck;      ///< its name (BusyTimes::name: "device", "edge:0", "cloud", "uplink", "backbone", ...)
    double throughputRps = 0; ///< the most requests per second a stream of this plan sustains: 1000 / bottleneckMs

    /// Sets busy and the bottleneck and throughput it implies.
    void setBusy(const BusyTimes &b)
    {
        busy = b;
        const int r = b.busiest();
        bottleneckMs = b.at(r);
        bottleneck = b.name(r);
        throughputRps = bottleneckMs > 0 ? 1000.0 / bottleneckMs : 0.0;
    }

    /// {"device_ms", ..., "total_ms", "uplink_bytes", "backbone_bytes", "uplink_raw_bytes", "backbone_raw_bytes",
    /// "codecs": {link: codec}, "bottleneck_ms", "bottleneck", "throughput_rps", "busy_ms": {resource: ms}}.
    QJsonObject toJson() const
    {
        QJsonObject links;
        for (PlanLink link : kAllPlanLinks)
            links.insert(planLinkNames()[int(link)], WireCodecs::name(codecs[size_t(link)]));
        return {{QStringLiteral("device_ms"), device},       {QStringLiteral("uplink_ms"), uplink},
                {QStringLiteral("tiles_ms"), tiles},         {QStringLiteral("edge_ms"), edge},
                {QStringLiteral("backbone_ms"), backbone},   {QStringLiteral("cloud_ms"), cloud},
                {QStringLiteral("return_ms"), ret},          {QStringLiteral("total_ms"), total},
                {QStringLiteral("uplink_bytes"), double(uplinkBytes)},
                {QStringLiteral("backbone_bytes"), double(backboneBytes)},
                {QStringLiteral("uplink_raw_bytes"), double(uplinkRawBytes)},
                {QStringLiteral("backbone_raw_bytes"), double(backboneRawBytes)},
                {QStringLiteral("codecs"), links},
                {QStringLiteral("bottleneck_ms"), bottleneckMs},
                {QStringLiteral("bottleneck"), bottleneck},
                {QStringLiteral("throughput_rps"), throughputRps},
                {QStringLiteral("busy_ms"), busy.toJson()}};
    }
};

} // namespace d3::core
