#pragma once

#include "Planner.h"

namespace d3::core {

/// The single-tier baselines: everything on the device, on one edge node, or in the cloud.
class FixedPlanner : public Planner
{
public:
    /// Where everything runs.
    enum Tier { Device, Edge, Cloud };
    /// A baseline for tier.
    explicit FixedPlanner(Tier tier) : m_tier(tier) {}
    QString name() const override;
    Plan choose(const CostModel &model, QString *note) const override;

private:
    Tier m_tier;
};

} // namespace d3::core
