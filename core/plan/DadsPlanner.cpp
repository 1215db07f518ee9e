#include "DadsPlanner.h"

#include "MinCut.h"
#include "SingleCutPlanner.h"

namespace d3::core {
namespace {

/// DSL: the minimum cut of the per-request latency, as a plan (p == q); *note says why when it is not the cut itself.
Plan minimumCut(const CostModel &model, QString *note)
{
    const ModelGraph &g = model.graph();
    const Conditions &c = model.conditions();
    const int n = g.layerCount();
    // Nodes: source 0, sink 1, layer i at 2 + i, relay of tensor t at 2 + n + t.
    const int source = 0, sink = 1;
    auto layerNode = [&](int i) { return 2 + i; };
    auto relayNode = [&](int t) { return 2 + n + t; };
    MinCut cut(2 + n + n + 1);
    // Sending a tensor from the device to the cloud crosses both links (the edge relays), each hop with the codec
    // that is fastest for the cut the tensor crosses.
    const double edgeSpeed = c.edgeSpeeds[model.edgeNodesBySpeed().first()];
    auto sendMs = [&](int cut, qint64 bytes) {
        return model.send(cut, double(bytes), PlanLink::Uplink, c.deviceSpeed, edgeSpeed).ms
            + model.send(cut, double(bytes), PlanLink::Backbone, edgeSpeed, c.cloudSpeed).ms;
    };
    const double returnMs = model.tail(n, n).ret
        + model.send(n, double(model.resultBytes()), PlanLink::Return, c.cloudSpeed, edgeSpeed).ms;
    for (int i = 0; i < n; ++i) {
        double cloudMs = model.rangeMs(i, i + 1) / c.cloudSpeed;
        if (i == n - 1)
            cloudMs += returnMs; // the result comes back only if the last layer ran in the cloud
        cut.addEdge(source, layerNode(i), cloudMs);
        cut.addEdge(layerNode(i), sink, model.rangeMs(i, i + 1) / c.deviceSpeed);
    }
    for (int t = 0; t < n; ++t) {
        const qint64 bytes = t == 0 ? model.wireBytes(0) : g.tensorShape(t).elements() * 4;
        const int from = t == 0 ? source : layerNode(t - 1);
        cut.addEdge(from, relayNode(t), sendMs(t, bytes));
        for (int consumer : g.consumers(t)) {
            cut.addEdge(relayNode(t), layerNode(consumer), MinCut::infinity());
            if (t > 0)
                cut.addEdge(layerNode(consumer), layerNode(t - 1), MinCut::infinity());
        }
    }
    cut.solve(source, sink);
    const QVector<bool> side = cut.sourceSide(source);

    int deviceLayers = 0;
    int prefix = 0;
    while (prefix < n && side[layerNode(prefix)])
        ++prefix;
    for (int i = 0; i < n; ++i)
        deviceLayers += side[layerNode(i)] ? 1 : 0;
    Plan plan;
    plan.edgeNode = model.edgeNodesBySpeed().first();
    plan.p = plan.q = prefix;
    if (deviceLayers != prefix) {
        // The device set is closed under predecessors but interleaved with cloud layers in the file's order:
        // take the better of the two positions that bracket it.
        Plan wider = plan;
        int last = n - 1;
        while (last >= 0 && !side[layerNode(last)])
            --last;
        wider.p = wider.q = last + 1;
        if (model.better(model.evaluate(wider), model.evaluate(plan)))
            plan = wider;
        *note = QStringLiteral("the minimum cut puts %1 layers on the device, not a prefix of the layer order; "
                               "using the position %2").arg(deviceLayers).arg(plan.p);
    }
    return plan;
}

} // namespace

Plan DadsPlanner::choose(const CostModel &model, QString *note) const
{
    const Plan light = minimumCut(model, note);
    if (model.objective().kind == Objective::Kind::Latency)
        return light;
    const CostBreakdown lightCost = model.evaluate(light);
    if (model.objective().kind == Objective::Kind::LatencyUnderRate && model.sustains(lightCost.bottleneckMs))
        return light; // light load: the rate is sustained
    // Heavy load (DSH): the slowest stage sets the rate. The deployable cuts are positions of the layer order, over
    // which the best under the objective is found exactly by evaluating each.
    QString none;
    const Plan heavy = SingleCutPlanner(SingleCutPlanner::DeviceCloud).choose(model, &none);
    if (!model.better(model.evaluate(heavy), lightCost))
        return light;
    *note = QStringLiteral("heavy load (%1): the best device | cloud position under it, %2, not the minimum cut's %3")
                .arg(model.objective().label()).arg(heavy.p).arg(light.p);
    return heavy;
}

} // namespace d3::core
