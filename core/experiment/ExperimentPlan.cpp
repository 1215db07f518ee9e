#include "ExperimentPlan.h"

#include "JsonFieldReader.h"
#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

#include <QJsonArray>
#include <QStringList>

namespace d3::core {
namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

} // namespace


QString ExperimentPlan::mismatch(const ModelGraph &graph) const
{
    const int n = graph.layerCount();
    if (p < 0 || p > q || q > n)
        return QStringLiteral("cuts [%1, %2] do not fit %3 (0 <= p <= q <= %4)").arg(p).arg(q).arg(graph.name()).arg(n);
    if (!tiled())
        return {};
    const QVector<FusedStack> stacks = StackFinder::candidates(graph, p, q);
    QStringList ends;
    for (const FusedStack &s : stacks) {
        if (s.end == stackEnd) {
            QString why;
            if (!TileGeometry::build(graph, s, rows, cols, &why))
                return why;
            return {};
        }
        ends << QString::number(s.end);
    }
    if (ends.isEmpty())
        return QStringLiteral("[%1, %2) is not a fused stack of %3 (no fused stack starts at %1 inside [%1, %4))")
            .arg(p).arg(stackEnd).arg(graph.name()).arg(q);
    return QStringLiteral("[%1, %2) is not a fused stack of %3 (those starting at %1 inside [%1, %4) end at %5)")
        .arg(p).arg(stackEnd).arg(graph.name()).arg(q).arg(ends.join(QLatin1String(", ")));
}

ExperimentPlan ExperimentPlan::fitting(const ModelGraph &graph, int p, int q, int rows, int cols)
{
    ExperimentPlan plan;
    plan.p = p;
    plan.q = q;
    if (rows * cols <= 1)
        return plan;
    int best = -1;
    QString why;
    for (const FusedStack &s : StackFinder::candidates(graph, p, q))
        if (s.end > best && TileGeometry::build(graph, s, rows, cols, &why))
            best = s.end;
    if (best > p) {
        plan.rows = rows;
        plan.cols = cols;
        plan.stackEnd = best;
    }
    return plan;
}

Plan ExperimentPlan::toPlan() const
{
    Plan plan;
    plan.p = p;
    plan.q = q;
    if (tiled()) {
        plan.stackEnd = stackEnd;
        plan.rows = rows;
        plan.cols = cols;
    }
    return plan;
}

QJsonObject ExperimentPlan::toJson() const
{
    QJsonObject o{{QStringLiteral("cuts"), QJsonArray{p, q}}, {QStringLiteral("grid"), QJsonArray{rows, cols}}};
    if (tiled())
        o.insert(QStringLiteral("stack_end"), stackEnd);
    return o;
}

ExperimentPlan ExperimentPlan::read(const QJsonValue &value, const QString &path, QString *error)
{
    ExperimentPlan plan;
    if (!value.isObject()) {
        JsonFieldReader::failAt(error, path,
                                QStringLiteral("must be a plan object {\"cuts\": [p, q], \"grid\": [r, c], "
                                               "\"stack_end\": s}, not %1").arg(JsonFieldReader::show(value)));
        return plan;
    }
    JsonFieldReader r(value.toObject(), path, {key("cuts"), key("grid"), key("stack_end")}, error);
    auto pair = [&](const char *name, int minimum, int maximum, int *a, int *b) {
        const QJsonValue v = r.value(key(name));
        const QJsonArray arr = v.toArray();
        auto valid = [&](const QJsonValue &x) {
            return x.isDouble() && x.toDouble() == double(x.toInt()) && x.toInt() >= minimum && x.toInt() <= maximum;
        };
        if (!v.isArray() || arr.size() != 2 || !valid(arr[0]) || !valid(arr[1])) {
            r.fail(key(name), QStringLiteral("must be a pair of integers in %1..%2, not %3")
                                  .arg(minimum).arg(maximum).arg(JsonFieldReader::show(v)));
            return;
        }
        *a = arr[0].toInt();
        *b = arr[1].toInt();
    };
    if (!r.ok() || !r.require(key("cuts"), QStringLiteral("[p, q], the device | edge and edge | cloud cuts")))
        return plan;
    pair("cuts", 0, 1000000, &plan.p, &plan.q);
    if (r.ok() && plan.p > plan.q)
        r.fail(key("cuts"), QStringLiteral("p %1 is after q %2 (0 <= p <= q)").arg(plan.p).arg(plan.q));
    if (r.ok() && r.has(key("grid")))
        pair("grid", 1, TileGeometry::kMaxGrid, &plan.rows, &plan.cols);
    if (!r.ok())
        return plan;
    if (!plan.tiled()) {
        if (r.has(key("stack_end")))
            r.fail(key("stack_end"), QStringLiteral("only with a grid other than [1, 1]"));
        return plan;
    }
    if (!r.require(key("stack_end"), QStringLiteral("with grid [%1, %2]: the end of the tiled stack [p, stack_end)")
                                         .arg(plan.rows).arg(plan.cols)))
        return plan;
    plan.stackEnd = int(r.integer(key("stack_end"), -1, 0, 1000000));
    if (r.ok() && (plan.stackEnd <= plan.p || plan.stackEnd > plan.q))
        r.fail(key("stack_end"),
               QStringLiteral("%1 is outside (p, q] = (%2, %3]").arg(plan.stackEnd).arg(plan.p).arg(plan.q));
    return plan;
}

} // namespace d3::core
