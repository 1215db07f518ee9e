#pragma once

#include "plan/CostModel.h"
#include "plan/Planner.h"

#include <QJsonObject>
#include <QString>

namespace d3::cli {

/// The JSON of one planner's answer (the contract keys of `d3ctl plan`) and its one-line text form.
class PlanReport
{
public:
    /// {"planner","cuts","grid","predicted_ms","breakdown","backbone_bytes","decision_us", "stack", "note",
    /// "objective", "rate_hz" (under latency_under_rate), ...}.
    static QJsonObject toJson(const core::PlanResult &result, const core::CostModel &model);
    /// "stream: bottleneck cloud 15.50 ms per request, at most 64.5 requests/s; objective throughput".
    static QString streamText(const core::PlanResult &result, const core::CostModel &model);
    /// What the costs came from: "measured (...)" or "estimated (...)".
    static QString costsText(const core::CostModel &model);
    /// "codecs: uplink zero, 802,816 -> 412,160 bytes; backbone none, 4,000 bytes" (each link's codec and its bytes
    /// before and after), or why no codec is usable.
    static QString codecsText(const core::PlanResult &r, const core::CostModel &model);
};

} // namespace d3::cli
