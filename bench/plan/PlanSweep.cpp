#include "PlanSweep.h"

#include "BenchLog.h"
#include "Samples.h"
#include "plan/CostModel.h"
#include "plan/DadsPlanner.h"
#include "plan/HpaPlanner.h"
#include "plan/OraclePlanner.h"

#include <QElapsedTimer>

#include <optional>

namespace d3::bench {

const core::PlanResult &ConditionResult::result(const QString &planner) const
{
    for (const core::PlanResult &r : planners) {
        if (r.planner == planner)
            return r;
    }
    Q_ASSERT_X(false, "ConditionResult::result", "unknown planner");
    return planners.first();
}

const QVector<Neighbour> &PlanSweep::neighbours()
{
    static const QVector<Neighbour> list{
        {QStringLiteral("backbone 10x -> 1x"),
         QStringLiteral("the same point with a backbone ten times faster: the backbone bandwidth drops tenfold"),
         [](const QVector<SweepPoint> &sweep, int i) {
             core::Conditions c = sweep.at(i).conditions;
             c.bwEdgeCloudMbps *= 10;
             return c;
         }},
        {QStringLiteral("backbone 0.1x -> 1x"),
         QStringLiteral("the same point with a backbone ten times slower: the backbone bandwidth rises tenfold"),
         [](const QVector<SweepPoint> &sweep, int i) {
             core::Conditions c = sweep.at(i).conditions;
             c.bwEdgeCloudMbps /= 10;
             return c;
         }},
        {QStringLiteral("uplink 10x -> 1x"),
         QStringLiteral("the same point with a device->edge link ten times faster: the uplink drops tenfold"),
         [](const QVector<SweepPoint> &sweep, int i) {
             core::Conditions c = sweep.at(i).conditions;
             c.bwDeviceEdgeMbps *= 10;
             return c;
         }},
        {QStringLiteral("previous point"),
         QStringLiteral("the previous sweep point (the last one for the first): a jump on every axis at once"),
         [](const QVector<SweepPoint> &sweep, int i) {
             return sweep.at((i + sweep.size() - 1) % sweep.size()).conditions;
         }},
    };
    return list;
}

QStringList PlanSweep::baselines()
{
    QStringList names = core::Planner::names();
    names.removeAll(QStringLiteral("hpa"));
    names.removeAll(QStringLiteral("oracle"));
    return names;
}

ModelResult PlanSweep::run(const core::ModelGraph &graph, const core::LayerCosts &costs, const core::CodecCosts &codecs,
                           const QVector<SweepPoint> &sweep, const BenchOptions &options)
{
    ModelResult result;
    result.model = graph.name();
    result.layers = graph.layerCount();
    result.costs = costs;

    const core::HpaPlanner hpa;
    const core::OraclePlanner oracle;
    const core::DadsPlanner dads;
    std::vector<std::unique_ptr<core::Planner>> planners;
    for (const QString &name : core::Planner::names())
        planners.push_back(core::Planner::create(name));

    QElapsedTimer total;
    total.start();
    for (int i = 0; i < sweep.size(); ++i) {
        const core::CostModel model = core::CostModel(graph, costs, sweep.at(i).conditions).withCodecs(codecs);
        ConditionResult point;
        point.index = i;
        for (const auto &planner : planners)
            point.planners.append(planner->run(model));

        for (const Neighbour &n : neighbours()) {
            const core::CostModel before = core::CostModel(graph, costs, n.conditions(sweep, i)).withCodecs(codecs);
            QString note;
            AdjustOutcome a;
            a.start = hpa.choose(before, &note);
            const core::HpaPlanner::Adjustment adj = hpa.adjust(model, a.start);
            a.plan = adj.plan;
            a.startMs = model.evaluate(a.start).total;
            a.adjustedMs = model.evaluate(adj.plan).total;
            a.moved = adj.moved;
            a.what = adj.what;
            point.adjustments.append(a);
        }

        // Decision times: every variant once per round, a different one leading each round.
        const core::Plan adjustFrom = point.adjustments.first().start;
        const core::Conditions &conditions = sweep.at(i).conditions;
        core::Plan sink;
        std::optional<core::CostModel> built;
        QString note;
        const QVector<DecisionTime> times = DecisionTimer::run(
            {
                [&] { sink = hpa.choose(model, &note); },
                [&] { sink = hpa.adjust(model, adjustFrom).plan; },
                [&] { sink = oracle.choose(model, &note); },
                [&] { sink = dads.choose(model, &note); },
                [&] { built.emplace(graph, costs, conditions); },
            },
            options);
        point.hpa = times[0];
        point.adjust = times[1];
        point.oracle = times[2];
        point.dads = times[3];
        point.costModel = times[4];
        result.points.append(point);
        if ((i + 1) % 8 == 0 && i + 1 < sweep.size())
            qCInfo(lcBench).noquote() << QStringLiteral("%1: %2/%3 conditions, %4 s").arg(graph.name()).arg(i + 1)
                                             .arg(sweep.size()).arg(total.elapsed() / 1e3, 0, 'f', 1);
    }
    qCInfo(lcBench).noquote() << QStringLiteral("%1: %2 conditions in %3 s (%4)")
                                     .arg(graph.name())
                                     .arg(sweep.size())
                                     .arg(total.elapsed() / 1e3, 0, 'f', 1)
                                     .arg(costs.source);
    return result;
}

} // namespace d3::bench
