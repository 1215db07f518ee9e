#pragma once

#include "record/RunEvent.h"

#include <QJsonObject>
#include <QString>

namespace d3::ui {

/// What a figure says of a "plan" event (docs/EXPERIMENTS.md, events.jsonl): its short label, whether it is an oracle
/// probe or the restore after one, and the shape two plans are compared by. Stateless; any thread.
class PlanLabel
{
public:
    /// "HPA: 3-tier, 2x2 tiles": the planner's display name (PlannerStyle::displayName of details.planner) and
    /// details.short; without "short", the same computed from details.cuts [p, q], details.grid [rows, cols] (and
    /// details.stack) and details.layers (core::Plan::shortLabel); without those, the event's label (or "plan N").
    static QString of(const core::RunEvent &planEvent);
    /// The plan's shape: details.cuts, grid and stack; empty when the event carries neither cuts nor grid.
    static QJsonObject shape(const QJsonObject &details);
    /// True for the plan an oracle probe measures (details.reason "probe", or details.probe true).
    static bool isProbe(const core::RunEvent &planEvent);
    /// True for the plan restored after a probe (details.reason "after probe").
    static bool isAfterProbe(const core::RunEvent &planEvent);
};

} // namespace d3::ui
