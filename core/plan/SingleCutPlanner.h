#pragma once

#include "Planner.h"

namespace d3::core {

/// The two-tier baselines, each the best single cut k under the cost model and its objective (CostModel::better):
/// neurosurgeon splits device | cloud (the edge only relays, p = q = k); edge-cloud splits edge | cloud (the device
/// sends the raw input, p = 0, q = k).
class SingleCutPlanner : public Planner
{
public:
    /// Which two tiers share the model.
    enum Split { DeviceCloud, EdgeCloud };
    /// A baseline for split.
    explicit SingleCutPlanner(Split split) : m_split(split) {}
    QString name() const override;
    Plan choose(const CostModel &model, QString *note) const override;

private:
    Split m_split;
};

} // namespace d3::core
