#pragma once

#include "PlanLink.h"
#include "codec/WireCodec.h"

#include <QJsonObject>

#include <array>

namespace d3::core {

/// A plan's predicted end-to-end time for one request, stage by stage (ms), and its traffic (bytes).
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

    /// {"device_ms", ..., "total_ms", "uplink_bytes", "backbone_bytes", "uplink_raw_bytes", "backbone_raw_bytes",
    /// "codecs": {link: codec}}.
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
                {QStringLiteral("codecs"), links}};
    }
};

} // namespace d3::core
