#pragma once

#include "CostBreakdown.h"
#include "CostModel.h"
#include "Plan.h"

#include <QString>
#include <QStringList>

#include <memory>

namespace d3::core {

/// A planner's answer: the plan, its predicted cost and how long deciding took.
struct PlanResult {
    QString planner;        ///< planner name
    Plan plan;              ///< the plan
    CostBreakdown cost;     ///< the cost model's prediction for it
    double decisionUs = 0;  ///< wall time of the decision, microseconds
    QString note;           ///< anything the planner wants the user to know ("" if nothing)
};

/// One strategy for choosing a plan under a cost model. Stateless; const methods are thread-safe.
class Planner
{
public:
    virtual ~Planner() = default;
    /// Its name on the command line ("hpa", "neurosurgeon", ...).
    virtual QString name() const = 0;
    /// Chooses a plan; *note may get a remark for the user.
    virtual Plan choose(const CostModel &model, QString *note) const = 0;

    /// Chooses, times and evaluates.
    PlanResult run(const CostModel &model) const;

    /// Every planner name, baselines first.
    static QStringList names();
    /// A planner by name, or nullptr for an unknown name.
    static std::unique_ptr<Planner> create(const QString &name);
};

} // namespace d3::core
