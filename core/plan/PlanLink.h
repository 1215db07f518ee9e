#pragma once

#include <QString>
#include <QStringList>

#include <array>

namespace d3::core {

/// The links a request's transfers cross, by direction (docs/ARCHITECTURE.md, Codecs): each carries its own wire
/// codec in a plan. A message between device and cloud crosses two of them through the relaying edge node.
enum class PlanLink : int {
    Uplink = 0,   ///< device -> edge: the tensors at p (or the tiles' inputs)
    Gather = 1,   ///< edge -> edge: tile outputs to the stitching node
    Backbone = 2, ///< edge -> cloud: the tensors at q
    Return = 3,   ///< cloud -> edge: the result on its way back
    Downlink = 4, ///< edge -> device: the result
};

/// Number of PlanLink values.
constexpr int kPlanLinks = 5;

/// A link's name: "uplink", "gather", "backbone", "return" or "downlink".
inline QString planLinkName(PlanLink link)
{
    switch (link) {
    case PlanLink::Uplink:
        return QStringLiteral("uplink");
    case PlanLink::Gather:
        return QStringLiteral("gather");
    case PlanLink::Backbone:
        return QStringLiteral("backbone");
    case PlanLink::Return:
        return QStringLiteral("return");
    case PlanLink::Downlink:
        break;
    }
    return QStringLiteral("downlink");
}

/// The names of the links in PlanLink order (planLinkName).
inline QStringList planLinkNames()
{
    return {planLinkName(PlanLink::Uplink), planLinkName(PlanLink::Gather), planLinkName(PlanLink::Backbone),
            planLinkName(PlanLink::Return), planLinkName(PlanLink::Downlink)};
}

/// Every PlanLink, in order.
constexpr std::array<PlanLink, kPlanLinks> kAllPlanLinks{PlanLink::Uplink, PlanLink::Gather, PlanLink::Backbone,
                                                         PlanLink::Return, PlanLink::Downlink};

} // namespace d3::core
