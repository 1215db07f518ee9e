#include "StackFinder.h"

namespace d3::core {
namespace {

/// The first tensor crossing cut p that is not a [C, H, W] feature map, or -1.
int firstNonFeatureMap(const ModelGraph &graph, int p)
{
    for (int t : graph.cut(p).tensors) {
        if (!graph.tensorShape(t).isFeatureMap())
            return t;
    }
    return -1;
}

} // namespace

bool StackFinder::isTileable(const Layer &layer)
{
    return whyNotTileable(layer).isEmpty();
}

QString StackFinder::whyNotTileable(const Layer &layer)
{
    if (!isSpatiallyLocal(layer.op))
        return QStringLiteral("%1 is not spatially local (an output value reads the whole map, or it is no map)")
            .arg(opName(layer.op));
    if (layer.broadcasts)
        return QStringLiteral("%1 broadcasts inputs of different shapes, which a tile cannot crop alike")
            .arg(opName(layer.op));
    if ((layer.op == OpKind::Slice || layer.op == OpKind::Concat) && layer.attributes.dim != 0)
        return QStringLiteral("a %1 along dimension %2 is not along the channels").arg(opName(layer.op)).arg(layer.attributes.dim);
    if (layer.op == OpKind::AvgPool2d) {
        const LayerAttributes &a = layer.attributes;
        if (a.padding.h != 0 || a.padding.w != 0 || a.ceilMode)
            return QStringLiteral("an avgpool2d with %1 divides its border windows by a count a tile cannot know")
                .arg(a.ceilMode ? QStringLiteral("ceil_mode") : QStringLiteral("padding"));
    }
    return {};
}

QVector<FusedStack> StackFinder::candidates(const ModelGraph &graph, int p, int q)
{
    QVector<FusedStack> stacks;
    if (p < 0 || q > graph.layerCount() || p >= q)
        return stacks;
    if (firstNonFeatureMap(graph, p) >= 0)
        return stacks;
    for (int s = p + 1; s <= q; ++s) {
        if (!isTileable(graph.layer(s - 1)))
            break;
        const CutInfo &cut = graph.cut(s);
        if (cut.tensors.size() == 1 && cut.tensors.first() == s && graph.tensorShape(s).isFeatureMap()) {
            FusedStack stack;
            stack.begin = p;
            stack.end = s;
            stack.inputs = graph.cut(p).tensors;
            stack.output = s;
            stacks << stack;
        }
    }
    return stacks;
}

std::optional<FusedStack> StackFinder::leading(const ModelGraph &graph, int p, int q, QString *why)
{
    const QVector<FusedStack> stacks = candidates(graph, p, q);
    if (!stacks.isEmpty())
        return stacks.last();
    if (p < 0 || q > graph.layerCount() || p >= q)
        *why = QStringLiteral("range [%1, %2) of %3 is empty or out of 0..%4").arg(p).arg(q).arg(graph.name()).arg(graph.layerCount());
    else if (!isTileable(graph.layer(p)))
        *why = QStringLiteral("range [%1, %2) of %3 starts with layer '%4' (%5), which cannot be tiled (%6): no spatial "
                              "stack")
                   .arg(p).arg(q).arg(graph.name(), graph.layer(p).name, opName(graph.layer(p).op),
                                      whyNotTileable(graph.layer(p)));
    else if (const int t = firstNonFeatureMap(graph, p); t >= 0)
        *why = QStringLiteral("range [%1, %2) of %3 starts after '%4' %5, which is not a feature map: no spatial stack")
                   .arg(p).arg(q).arg(graph.name(), graph.tensorName(t), graph.tensorShape(t).toString());
    else {
        // The layers tile up to `end`, but no cut before it is crossed by one feature map alone (a branch is open).
        int end = p;
        while (end < q && isTileable(graph.layer(end)))
            ++end;
        if (end < q)
            *why = QStringLiteral("range [%1, %2) of %3 has no spatial stack: layer '%4' (#%5) ends it, as %6, and no "
                                  "cut before it is crossed by one feature map alone (a branch is still open)")
                       .arg(p).arg(q).arg(graph.name(), graph.layer(end).name).arg(end)
                       .arg(whyNotTileable(graph.layer(end)));
        else
            *why = QStringLiteral("range [%1, %2) of %3 has no spatial stack: no cut in it is crossed by one feature "
                                  "map alone (a branch is still open at %2)").arg(p).arg(q).arg(graph.name());
    }
    return std::nullopt;
}

std::optional<FusedStack> StackFinder::largest(const ModelGraph &graph)
{
    std::optional<FusedStack> best;
    qint64 bestFlops = -1;
    for (int p = 0; p < graph.layerCount(); ++p) {
        const QVector<FusedStack> stacks = candidates(graph, p, graph.layerCount());
        if (stacks.isEmpty())
            continue;
        qint64 flops = 0;
        for (int i = p; i < stacks.last().end; ++i)
            flops += graph.layer(i).flops;
        if (flops > bestFlops) {
            bestFlops = flops;
            best = stacks.last();
        }
    }
    return best;
}

} // namespace d3::core
