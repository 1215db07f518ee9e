#pragma once

#include "ExperimentLink.h"
#include "ExperimentPlan.h"

#include <QString>
#include <QStringList>

namespace d3::core {

/// One event of an experiment's timeline (docs/EXPERIMENTS.md, "timeline"): when it happens (seconds after the
/// phase's start, or just before a request of the phase is sent) and the one action it takes.
struct ExperimentEvent {
    /// What the event does.
    enum class Action {
        SetLink,     ///< reshape a link (link)
        SetSlowdown, ///< change a node's compute padding (node, factor)
        Kill,        ///< kill a node's worker, as a crash would (node; a remote one by an Exit message)
        Restart,     ///< restart a node's worker (node; a remote one comes back by its supervisor)
        ForcePlan,   ///< deploy plan and keep it until a later Planner event (plan)
        Planner,     ///< switch to another planner (planner)
    };

    double atS = -1;         ///< seconds after the phase's start, >= 0; -1 when the event is keyed by request
    qint64 atRequest = -1;   ///< just before request atRequest (from 0) of the phase is sent; -1 when keyed by time
    Action action = Action::SetLink; ///< the action
    ExperimentLink link;     ///< SetLink: the link name and its new figures
    QString node;            ///< SetSlowdown, Kill, Restart: a node's name
    double factor = 1;       ///< SetSlowdown: the new slowdown, 1..1000
    ExperimentPlan plan;     ///< ForcePlan: the plan
    QString planner;         ///< Planner: the planner's name
    QString label;           ///< text shown on plots at the event ("" = none)

    /// True when keyed by request number (at_request), false when by time (at_s).
    bool byRequest() const { return atRequest >= 0; }
    /// The action's key in the file: "set_link", "set_slowdown", "kill", "restart", "force_plan", "planner".
    static QString actionKey(Action action) { return actionKeys().at(int(action)); }
    /// Every action key, in Action order.
    static QStringList actionKeys()
    {
        return {QStringLiteral("set_link"), QStringLiteral("set_slowdown"), QStringLiteral("kill"),
                QStringLiteral("restart"), QStringLiteral("force_plan"), QStringLiteral("planner")};
    }
};

} // namespace d3::core
