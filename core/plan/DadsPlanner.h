#pragma once

#include "Planner.h"

namespace d3::core {

/// DADS (Hu et al., INFOCOM 2019): device | cloud partition of the DAG as a minimum s-t cut. Each layer is a
/// node with an edge from the source weighted by its cloud time and one to the sink weighted by its device time;
/// each tensor gets a relay node so that it is paid for once however many cloud layers read it; reverse edges of
/// infinite capacity keep the device side closed under predecessors (no data flows back from the cloud). Works
/// on any DAG, inception blocks included. A cut that is not a prefix of the file's layer order is moved to the
/// nearest position that is, and the note says so.
class DadsPlanner : public Planner
{
public:
    QString name() const override { return QStringLiteral("dads"); }
    Plan choose(const CostModel &model, QString *note) const override;
};

} // namespace d3::core
