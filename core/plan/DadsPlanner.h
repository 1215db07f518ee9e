#pragma once

#include "Planner.h"

namespace d3::core {

/// DADS (Hu et al., INFOCOM 2019): device | cloud partition of the DAG as a minimum s-t cut. Each layer is a
/// node with an edge from the source weighted by its cloud time and one to the sink weighted by its device time;
/// each tensor gets a relay node so that it is paid for once however many cloud layers read it; reverse edges of
/// infinite capacity keep the device side closed under predecessors (no data flows back from the cloud). Works
/// on any DAG, inception blocks included. A cut that is not a prefix of the file's layer order is moved to the
/// nearest position that is, and the note says so.
///
/// That is DADS's light-load mode (DSL), chosen under the Latency objective, and under LatencyUnderRate while its
/// cut sustains the rate. Otherwise (Throughput, or a rate it does not sustain) it runs its heavy-load mode (DSH),
/// where the slowest stage sets the rate: the paper finds that problem NP-hard on a DAG and answers it with a
/// 3-approximation (a cut of the least sum of the stages: the slowest stage <= the sum <= three times the slowest). A
/// minimum cut of weighted stages does not balance them (with every layer's device/cloud time in one ratio it puts
/// all layers on one side), and the cuts d3lab deploys are positions of the layer order; so the heavy-load mode
/// evaluates every position and takes the best under the objective (CostModel::better), the DSL cut when none is
/// better: the device | cloud cut neurosurgeon finds under the same objective.
class DadsPlanner : public Planner
{
public:
    QString name() const override { return QStringLiteral("dads"); }
    Plan choose(const CostModel &model, QString *note) const override;
};

} // namespace d3::core
