#include "PlanReport.h"

#include "MarkdownTable.h"
#include "Samples.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>

#include <algorithm>
#include <limits>

namespace d3::bench {
namespace {

const QString kHpa = QStringLiteral("hpa");
const QString kOracle = QStringLiteral("oracle");
const QString kCloud = QStringLiteral("cloud-only");
/// adjust()'s default hysteresis: an adjusted plan within this of the oracle is as good as adjust() aims for.
constexpr double kAdjustSlack = 1.05;

/// Latency of the fastest baseline at a point, and its name.
std::pair<QString, double> bestBaseline(const ConditionResult &p)
{
    QString name;
    double ms = std::numeric_limits<double>::infinity();
    for (const QString &b : PlanSweep::baselines()) {
        const double t = p.result(b).cost.total;
        if (t < ms) {
            ms = t;
            name = b;
        }
    }
    return {name, ms};
}

double maximum(const QVector<double> &v)
{
    return v.isEmpty() ? 0 : *std::max_element(v.begin(), v.end());
}

/// Per-neighbour summary of the adjustments.
struct AdjustSummary {
    QVector<double> stale;    ///< start plan / oracle
    QVector<double> adjusted; ///< adjusted plan / oracle
    int moved = 0;
    int beyondSlack = 0;      ///< adjusted / oracle > kAdjustSlack
};

/// Backbone bytes of HPA against another plan, over the sweep.
struct TrafficSummary {
    QVector<double> reduction; ///< other / HPA where both use the backbone
    int hpaNone = 0;           ///< HPA sends no backbone bytes, the other does ("no backbone")
    int otherNone = 0;         ///< the other sends none, HPA does
    int bothNone = 0;          ///< neither uses the backbone
    void add(qint64 other, qint64 hpa)
    {
        if (hpa > 0 && other > 0)
            reduction << double(other) / double(hpa);
        else if (hpa == 0 && other > 0)
            ++hpaNone;
        else if (hpa > 0)
            ++otherNone;
        else
            ++bothNone;
    }
    QJsonObject toJson() const
    {
        return {{QStringLiteral("median_reduction"), Samples::median(reduction)},
                {QStringLiteral("max_reduction"), maximum(reduction)},
                {QStringLiteral("min_reduction"), reduction.isEmpty() ? 0.0 : *std::min_element(reduction.begin(), reduction.end())},
                {QStringLiteral("both_use_backbone"), reduction.size()},
                {QStringLiteral("hpa_no_backbone"), hpaNone},
                {QStringLiteral("other_no_backbone"), otherNone},
                {QStringLiteral("neither_uses_backbone"), bothNone}};
    }
};

/// Everything the tables show for one model.
struct ModelSummary {
    QVector<double> hpaOverOracle;
    int samePlan = 0;       ///< HPA's plan has the oracle's shape
    int tiled = 0;          ///< HPA tiles an edge stack
    int threeTier = 0;      ///< HPA uses device, edge and cloud
    QVector<AdjustSummary> adjust;
    QVector<double> gain;   ///< best baseline / HPA
    int gainMaxAt = -1;
    QMap<QString, int> bestBaselineCount;
    QVector<double> gainOverCloud;
    TrafficSummary vsCloud, vsBest;
    /// Per timed decision (hpa, hpa_adjust, oracle, dads, cost_model): the per-point medians, wall and CPU.
    QVector<QVector<double>> wall = QVector<QVector<double>>(5), cpu = QVector<QVector<double>>(5);
};

const QStringList kTimed{QStringLiteral("hpa"), QStringLiteral("hpa_adjust"), QStringLiteral("oracle"),
                         QStringLiteral("dads"), QStringLiteral("cost_model")};

QVector<DecisionTime> timesOf(const ConditionResult &p)
{
    return {p.hpa, p.adjust, p.oracle, p.dads, p.costModel};
}

ModelSummary summarize(const ModelResult &r)
{
    ModelSummary s;
    s.adjust.resize(PlanSweep::neighbours().size());
    double gainMax = -1;
    for (const ConditionResult &p : r.points) {
        const core::PlanResult &h = p.result(kHpa);
        const core::PlanResult &o = p.result(kOracle);
        const int n = r.layers;
        s.hpaOverOracle << Samples::ratio(h.cost.total, o.cost.total);
        s.samePlan += h.plan.sameShape(o.plan) ? 1 : 0;
        s.tiled += h.plan.tiled() ? 1 : 0;
        s.threeTier += (h.plan.p > 0 && h.plan.q > h.plan.p && h.plan.q < n) ? 1 : 0;
        for (int k = 0; k < p.adjustments.size(); ++k) {
            const AdjustOutcome &a = p.adjustments[k];
            AdjustSummary &as = s.adjust[k];
            as.stale << Samples::ratio(a.startMs, o.cost.total);
            as.adjusted << Samples::ratio(a.adjustedMs, o.cost.total);
            as.moved += a.moved ? 1 : 0;
            as.beyondSlack += as.adjusted.last() > kAdjustSlack ? 1 : 0;
        }
        const auto [bestName, bestMs] = bestBaseline(p);
        const double g = Samples::ratio(bestMs, h.cost.total);
        s.gain << g;
        if (g > gainMax) {
            gainMax = g;
            s.gainMaxAt = p.index;
        }
        ++s.bestBaselineCount[bestName];
        s.gainOverCloud << Samples::ratio(p.result(kCloud).cost.total, h.cost.total);
        s.vsCloud.add(p.result(kCloud).cost.backboneBytes, h.cost.backboneBytes);
        s.vsBest.add(p.result(bestName).cost.backboneBytes, h.cost.backboneBytes);
        const QVector<DecisionTime> t = timesOf(p);
        for (int k = 0; k < t.size(); ++k) {
            s.wall[k] << t[k].wallUs;
            s.cpu[k] << t[k].cpuUs;
        }
    }
    return s;
}

QString mostOften(const QMap<QString, int> &counts)
{
    QStringList parts;
    QVector<std::pair<int, QString>> sorted;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        sorted.append({it.value(), it.key()});
    std::sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (const auto &[count, name] : sorted)
        parts << QStringLiteral("%1 %2").arg(name).arg(count);
    return parts.join(QStringLiteral(", "));
}

QString ratioCell(const QVector<double> &v, bool median)
{
    if (v.isEmpty())
        return QStringLiteral("-");
    return MarkdownTable::fixed(median ? Samples::median(v) : maximum(v), 2) + QLatin1Char('x');
}

QString us(double v)
{
    return v >= 10000 ? MarkdownTable::fixed(v, 0) : v >= 100 ? MarkdownTable::fixed(v, 1) : MarkdownTable::fixed(v, 2);
}

QString mbps(double v)
{
    return v >= 100 ? MarkdownTable::fixed(v, 0) : v >= 10 ? MarkdownTable::fixed(v, 1) : MarkdownTable::fixed(v, 2);
}

QJsonObject planJson(const core::PlanResult &r)
{
    return {{QStringLiteral("plan"), r.plan.toJson()},
            {QStringLiteral("describe"), r.plan.describe()},
            {QStringLiteral("cost"), r.cost.toJson()},
            {QStringLiteral("decision_us"), r.decisionUs},
            {QStringLiteral("note"), r.note}};
}

QJsonObject stats(const QVector<double> &v)
{
    return {{QStringLiteral("median"), Samples::median(v)}, {QStringLiteral("max"), maximum(v)},
            {QStringLiteral("min"), Samples::minimum(v)}};
}

QJsonObject timingStats(const QVector<QVector<double>> &v)
{
    QJsonObject o;
    for (int k = 0; k < v.size(); ++k)
        o.insert(kTimed[k], stats(v[k]));
    return o;
}

QJsonObject pointTiming(const ConditionResult &p)
{
    QJsonObject o;
    const QVector<DecisionTime> t = timesOf(p);
    for (int k = 0; k < t.size(); ++k)
        o.insert(kTimed[k], QJsonObject{{QStringLiteral("wall"), t[k].wallUs}, {QStringLiteral("cpu"), t[k].cpuUs}});
    return o;
}

} // namespace

QString PlanReport::markdown(const QVector<ModelResult> &results, const QVector<SweepPoint> &sweep,
                             const BenchOptions &options)
{
    const int n = sweep.size();
    QVector<ModelSummary> summaries;
    for (const ModelResult &r : results)
        summaries.append(summarize(r));
    QString out;
    out += QStringLiteral("Predicted end-to-end latency under the cost model (docs/ARCHITECTURE.md, Planning). %1\n\nLayer costs:")
               .arg(ConditionSweep::describe(n));
    QMap<QString, QStringList> bySource; // one line per source, not per model
    for (const ModelResult &r : results)
        bySource[(r.costs.measured ? QStringLiteral("measured, ") : QString()) + r.costs.source] << r.model;
    for (auto it = bySource.begin(); it != bySource.end(); ++it)
        out += QStringLiteral(" %1: %2.").arg(it.value().join(QStringLiteral(", ")), it.key());
    out += QStringLiteral("\n\n");

    // 1. Fresh plans.
    MarkdownTable fresh({QStringLiteral("model"), QStringLiteral("layers"), QStringLiteral("hpa/oracle worst"),
                         QStringLiteral("hpa/oracle median"), QStringLiteral("same plan as oracle"),
                         QStringLiteral("hpa uses 3 tiers"), QStringLiteral("hpa tiles")});
    for (int m = 0; m < results.size(); ++m) {
        const ModelSummary &s = summaries[m];
        fresh.addRow({results[m].model, QString::number(results[m].layers), MarkdownTable::fixed(maximum(s.hpaOverOracle), 4),
                      MarkdownTable::fixed(Samples::median(s.hpaOverOracle), 4),
                      QStringLiteral("%1/%2").arg(s.samePlan).arg(n), QStringLiteral("%1/%2").arg(s.threeTier).arg(n),
                      QStringLiteral("%1/%2").arg(s.tiled).arg(n)});
    }
    out += QStringLiteral("**1. HPA fresh plan against the oracle** (predicted ms ratio; target 1.0000 everywhere)\n\n")
        + fresh.toString() + QLatin1Char('\n');

    // 2. Partial adjustment.
    MarkdownTable adjust({QStringLiteral("model"), QStringLiteral("adjusting from"), QStringLiteral("stale/oracle worst"),
                          QStringLiteral("adjusted/oracle worst"), QStringLiteral("adjusted/oracle median"),
                          QStringLiteral("moved"), QStringLiteral("adjusted > 1.05x oracle")});
    for (int m = 0; m < results.size(); ++m) {
        for (int k = 0; k < PlanSweep::neighbours().size(); ++k) {
            const AdjustSummary &a = summaries[m].adjust[k];
            adjust.addRow({k == 0 ? results[m].model : QString(), PlanSweep::neighbours()[k].name,
                           MarkdownTable::fixed(maximum(a.stale), 3), MarkdownTable::fixed(maximum(a.adjusted), 3),
                           MarkdownTable::fixed(Samples::median(a.adjusted), 3), QStringLiteral("%1/%2").arg(a.moved).arg(n),
                           QStringLiteral("%1/%2").arg(a.beyondSlack).arg(n)});
        }
    }
    out += QStringLiteral("**2. HPA partial adjustment** (start: HPA's fresh plan for the neighbouring condition; "
                          "stale = that plan kept unchanged; adjust() moves only for a gain above 5 %)\n\n")
        + adjust.toString() + QLatin1Char('\n');

    // 3. Gain over the baselines.
    MarkdownTable gain({QStringLiteral("model"), QStringLiteral("gain max"), QStringLiteral("at point"),
                        QStringLiteral("gain median"), QStringLiteral("over cloud-only median"),
                        QStringLiteral("best baseline (points)")});
    for (int m = 0; m < results.size(); ++m) {
        const ModelSummary &s = summaries[m];
        gain.addRow({results[m].model, ratioCell(s.gain, false), QStringLiteral("#%1").arg(s.gainMaxAt),
                     ratioCell(s.gain, true), ratioCell(s.gainOverCloud, true), mostOften(s.bestBaselineCount)});
    }
    out += QStringLiteral("**3a. HPA's gain over the best baseline** (fastest of %1 at each point, ms / HPA ms; "
                          "the D3 paper reports up to 3.4x end-to-end, quoted for context only)\n\n")
               .arg(PlanSweep::baselines().join(QStringLiteral(", ")))
        + gain.toString() + QLatin1Char('\n');

    MarkdownTable traffic({QStringLiteral("model"), QStringLiteral("hpa off the backbone"),
                           QStringLiteral("cloud-only/hpa (hpa on it)"), QStringLiteral("best/hpa (both on it)"),
                           QStringLiteral("hpa off, best on"), QStringLiteral("hpa on, best off"),
                           QStringLiteral("both off")});
    auto reduction = [](const TrafficSummary &t) {
        const QVector<double> &v = t.reduction;
        if (v.isEmpty())
            return QStringLiteral("- (0 points)");
        return QStringLiteral("%1 median, %2..%3 (%4 pt%5)")
            .arg(ratioCell(v, true), ratioCell({Samples::minimum(v)}, true), ratioCell(v, false))
            .arg(v.size())
            .arg(v.size() == 1 ? QString() : QStringLiteral("s"));
    };
    for (int m = 0; m < results.size(); ++m) {
        const ModelSummary &s = summaries[m];
        traffic.addRow({results[m].model, QStringLiteral("%1/%2").arg(s.vsCloud.hpaNone).arg(n), reduction(s.vsCloud),
                        reduction(s.vsBest), QString::number(s.vsBest.hpaNone), QString::number(s.vsBest.otherNone),
                        QString::number(s.vsBest.bothNone)});
    }
    out += QStringLiteral("**3b. Backbone traffic** (bytes over edge<->cloud per request: baseline bytes / HPA bytes "
                          "where both send some; \"off the backbone\": no byte crosses it, a plan without the cloud; "
                          "best = the fastest baseline at the point; the D3 paper reports 3.68x less backbone traffic, "
                          "quoted for context only)\n\n")
        + traffic.toString() + QLatin1Char('\n');

    // 4. Decision times.
    QString worstAdjust, worstOracle;
    double worstAdjustUs = 0, worstOracleUs = 0, worstAdjustCpu = 0, worstOracleCpu = 0;
    auto timeTable = [&](bool cpu) {
        MarkdownTable t({QStringLiteral("model"), QStringLiteral("hpa median"), QStringLiteral("hpa max"),
                         QStringLiteral("adjust median"), QStringLiteral("adjust max"), QStringLiteral("oracle median"),
                         QStringLiteral("oracle max"), QStringLiteral("dads median"), QStringLiteral("dads max"),
                         QStringLiteral("cost model median"), QStringLiteral("cost model max")});
        for (int m = 0; m < results.size(); ++m) {
            const QVector<QVector<double>> &v = cpu ? summaries[m].cpu : summaries[m].wall;
            QStringList row{results[m].model};
            for (int k = 0; k < v.size(); ++k)
                row << us(Samples::median(v[k])) << us(maximum(v[k]));
            t.addRow(row);
        }
        return t.toString();
    };
    for (int m = 0; m < results.size(); ++m) {
        const ModelSummary &s = summaries[m];
        if (maximum(s.wall[1]) >= worstAdjustUs) {
            worstAdjustUs = maximum(s.wall[1]);
            worstAdjust = results[m].model;
        }
        if (maximum(s.wall[2]) >= worstOracleUs) {
            worstOracleUs = maximum(s.wall[2]);
            worstOracle = results[m].model;
        }
        worstAdjustCpu = std::max(worstAdjustCpu, maximum(s.cpu[1]));
        worstOracleCpu = std::max(worstOracleCpu, maximum(s.cpu[2]));
    }
    out += QStringLiteral("**4a. Decision time, wall clock** (microseconds; per point the median of %1 interleaved "
                          "rounds after %2 warm-up, then the median and max over the %3 points; adjust starts from the "
                          "\"%4\" plan; cost model = building the CostModel and its tiling table for new "
                          "conditions, which every decision needs first)\n\n")
               .arg(options.runs).arg(options.warmup).arg(n).arg(PlanSweep::neighbours().first().name)
        + timeTable(false) + QLatin1Char('\n');
    out += QStringLiteral("**4b. Decision time, thread CPU time** (microseconds, same rounds: the time the decision "
                          "used a core, without the time it waited for one)\n\n")
        + timeTable(true);
    auto verdict = [](bool met) { return met ? QStringLiteral("met") : QStringLiteral("missed"); };
    out += QStringLiteral("\nTargets (max over points of the per-point medians): HPA adjust < 1 ms on every model: "
                          "wall %1 (worst %2 us, %3), CPU %4 (worst %5 us). Oracle < 50 ms on every model: wall %6 "
                          "(worst %7 ms, %8), CPU %9 (worst %10 ms).\n\n")
               .arg(verdict(worstAdjustUs < 1000), us(worstAdjustUs), worstAdjust, verdict(worstAdjustCpu < 1000),
                    us(worstAdjustCpu), verdict(worstOracleUs < 50000))
               .arg(worstOracleUs / 1e3, 0, 'f', 1)
               .arg(worstOracle, verdict(worstOracleCpu < 50000))
               .arg(worstOracleCpu / 1e3, 0, 'f', 1);

    // The conditions.
    MarkdownTable points({QStringLiteral("#"), QStringLiteral("device->edge Mbit/s"), QStringLiteral("edge->cloud Mbit/s"),
                          QStringLiteral("edge nodes"), QStringLiteral("device slower than cloud")});
    for (const SweepPoint &p : sweep)
        points.addRow({QString::number(p.index), mbps(p.conditions.bwDeviceEdgeMbps), mbps(p.conditions.bwEdgeCloudMbps),
                       QString::number(p.conditions.edgeNodes()), MarkdownTable::fixed(p.deviceSlowdown, 2) + QLatin1Char('x')});
    out += QStringLiteral("**Conditions**\n\n") + points.toString();
    return out;
}

QJsonDocument PlanReport::json(const QVector<ModelResult> &results, const QVector<SweepPoint> &sweep,
                               const BenchOptions &options)
{
    QJsonArray neighbours;
    for (const Neighbour &nb : PlanSweep::neighbours())
        neighbours.append(QJsonObject{{QStringLiteral("name"), nb.name}, {QStringLiteral("description"), nb.description}});
    QJsonArray models;
    for (const ModelResult &r : results) {
        const ModelSummary s = summarize(r);
        QJsonArray adjust;
        for (int k = 0; k < s.adjust.size(); ++k) {
            const AdjustSummary &a = s.adjust[k];
            adjust.append(QJsonObject{{QStringLiteral("neighbour"), PlanSweep::neighbours()[k].name},
                                      {QStringLiteral("stale_over_oracle"), stats(a.stale)},
                                      {QStringLiteral("adjusted_over_oracle"), stats(a.adjusted)},
                                      {QStringLiteral("moved"), a.moved},
                                      {QStringLiteral("beyond_1_05"), a.beyondSlack}});
        }
        QJsonObject best;
        for (auto it = s.bestBaselineCount.begin(); it != s.bestBaselineCount.end(); ++it)
            best.insert(it.key(), it.value());
        const QJsonObject summary{
            {QStringLiteral("hpa_over_oracle"), stats(s.hpaOverOracle)},
            {QStringLiteral("hpa_same_plan_as_oracle"), s.samePlan},
            {QStringLiteral("hpa_three_tiers"), s.threeTier},
            {QStringLiteral("hpa_tiled"), s.tiled},
            {QStringLiteral("adjust"), adjust},
            {QStringLiteral("gain_over_best_baseline"), stats(s.gain)},
            {QStringLiteral("gain_max_at"), s.gainMaxAt},
            {QStringLiteral("gain_over_cloud_only"), stats(s.gainOverCloud)},
            {QStringLiteral("best_baseline_count"), best},
            {QStringLiteral("backbone_vs_cloud_only"), s.vsCloud.toJson()},
            {QStringLiteral("backbone_vs_best_baseline"), s.vsBest.toJson()},
            {QStringLiteral("decision_wall_us"), timingStats(s.wall)},
            {QStringLiteral("decision_cpu_us"), timingStats(s.cpu)},
        };
        QJsonArray points;
        for (const ConditionResult &p : r.points) {
            QJsonObject planners;
            for (const core::PlanResult &pr : p.planners)
                planners.insert(pr.planner, planJson(pr));
            const double oracleMs = p.result(kOracle).cost.total;
            QJsonArray adjustments;
            for (int k = 0; k < p.adjustments.size(); ++k) {
                const AdjustOutcome &a = p.adjustments[k];
                adjustments.append(QJsonObject{{QStringLiteral("neighbour"), PlanSweep::neighbours()[k].name},
                                               {QStringLiteral("start"), a.start.toJson()},
                                               {QStringLiteral("plan"), a.plan.toJson()},
                                               {QStringLiteral("start_ms"), a.startMs},
                                               {QStringLiteral("adjusted_ms"), a.adjustedMs},
                                               {QStringLiteral("oracle_ms"), oracleMs},
                                               {QStringLiteral("moved"), a.moved},
                                               {QStringLiteral("what"), a.what}});
            }
            const auto [bestName, bestMs] = bestBaseline(p);
            points.append(QJsonObject{
                {QStringLiteral("index"), p.index},
                {QStringLiteral("planners"), planners},
                {QStringLiteral("best_baseline"), bestName},
                {QStringLiteral("gain_over_best_baseline"), Samples::ratio(bestMs, p.result(kHpa).cost.total)},
                {QStringLiteral("adjustments"), adjustments},
                {QStringLiteral("timing_us"), pointTiming(p)},
            });
        }
        models.append(QJsonObject{
            {QStringLiteral("model"), r.model},
            {QStringLiteral("layers"), r.layers},
            {QStringLiteral("costs"), QJsonObject{{QStringLiteral("source"), r.costs.source},
                                                  {QStringLiteral("measured"), r.costs.measured}}},
            {QStringLiteral("summary"), summary},
            {QStringLiteral("points"), points},
        });
    }
    return QJsonDocument(QJsonObject{
        {QStringLiteral("runs"), options.runs},
        {QStringLiteral("warmup"), options.warmup},
        {QStringLiteral("fixed"), QJsonObject{{QStringLiteral("cloud_speed"), ConditionSweep::base().cloudSpeed},
                                               {QStringLiteral("edge_speed"), 0.5},
                                               {QStringLiteral("bw_ee_mbps"), ConditionSweep::base().bwEdgeEdgeMbps},
                                               {QStringLiteral("rtt_de_ms"), ConditionSweep::base().rttDeviceEdgeMs},
                                               {QStringLiteral("rtt_ec_ms"), ConditionSweep::base().rttEdgeCloudMs},
                                               {QStringLiteral("rtt_ee_ms"), ConditionSweep::base().rttEdgeEdgeMs}}},
        {QStringLiteral("sweep"), ConditionSweep::describe(sweep.size())},
        {QStringLiteral("conditions"), ConditionSweep::toJson(sweep)},
        {QStringLiteral("neighbours"), neighbours},
        {QStringLiteral("baselines"), QJsonArray::fromStringList(PlanSweep::baselines())},
        {QStringLiteral("paper_context"), QJsonObject{{QStringLiteral("end_to_end_speedup_up_to"), 3.4},
                                                      {QStringLiteral("backbone_traffic_reduction"), 3.68}}},
        {QStringLiteral("models"), models},
    });
}

} // namespace d3::bench
