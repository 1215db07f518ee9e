#pragma once

#include "experiment/ExperimentEvent.h"
#include "experiment/ExperimentLink.h"
#include "experiment/ExperimentPlan.h"
#include "experiment/ExperimentStream.h"
#include "plan/Objective.h"

#include <QJsonObject>
#include <QString>

namespace d3::core {

/// What an action on a session did, in one line and as an event's details: the same words for an operator's action in
/// the console and for an experiment's timeline event, so that events.jsonl, the plots' markers and requests.csv's
/// "actions" column read alike either way (docs/EXPERIMENTS.md, Outputs). Stateless.
class ActionLabel
{
public:
    /// "edge<->cloud 5 Mbit/s, 20 ms" (rate 0: "unlimited").
    static QString link(const ExperimentLink &link);
    /// "cloud slowdown 8".
    static QString slowdown(const QString &node, double factor);
    /// "kill edge1".
    static QString kill(const QString &node);
    /// "restart edge1".
    static QString restart(const QString &node);
    /// "cuts 5, 40" or "cuts 0, 24, 2x2 tiles of [0, 17)".
    static QString plan(const ExperimentPlan &plan);
    /// "planner hpa" or "planner hpa (no tiles)".
    static QString planner(const QString &planner, bool tiles);
    /// "stream poisson 30 req/s, 4 in flight", "stream closed, 8 in flight" or "stream off".
    static QString stream(const ExperimentStream &stream);
    /// "objective throughput" or "objective latency_under_rate 30 Hz".
    static QString objective(const Objective &objective);
    /// "add node edge4 (edge)".
    static QString addNode(const QString &node, const QString &role);
    /// "remove node edge3".
    static QString removeNode(const QString &node);
    /// What a timeline event does (tiles: the phase's setting, for a planner switch).
    static QString of(const ExperimentEvent &event, bool tiles);
    /// The details of an event for action key ("set_link", ..., as ExperimentEvent::actionKeys(), or "add_node",
    /// "remove_node", "stream", "objective") and its text: {"action": key, "what": text}.
    static QJsonObject details(const QString &key, const QString &text);
};

} // namespace d3::core
