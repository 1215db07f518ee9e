#pragma once

#include "Planner.h"

namespace d3::core {

/// The ground truth of the cost model: every p <= q, every fused stack starting at p, every grid up to 4x4 and
/// every edge-node count, each evaluated in full (O(n^2 x options)) and compared under the model's objective
/// (CostModel::better); an option whose first part alone (device, uplink, a lower bound of its tile phase and of
/// its busiest resource) already loses to the best plan found is skipped, which cannot change the answer.
class OraclePlanner : public Planner
{
public:
    QString name() const override { return QStringLiteral("oracle"); }
    Plan choose(const CostModel &model, QString *note) const override;
};

} // namespace d3::core
