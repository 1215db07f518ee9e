#include "TileGeometry.h"

#include <algorithm>

namespace d3::core {
namespace {

/// The input window of a sliding-window op along one axis for outputs [o0, o1): virtual (padded) coordinates
/// clipped to the real input [0, size), and the padding that clipping leaves to add. A window wholly inside the
/// padding (a conv whose padding exceeds its reach) reads nothing: an empty range at the border, never an
/// inverted one; padBefore + (i1 - i0) + padAfter is always the window's length.
void window(qint64 o0, qint64 o1, int kernel, int stride, int padding, int dilation, qint64 size, qint64 *i0,
            qint64 *i1, int *padBefore, int *padAfter)
{
    const qint64 v0 = o0 * stride - padding;
    const qint64 v1 = (o1 - 1) * stride - padding + qint64(dilation) * (kernel - 1) + 1;
    *i0 = std::clamp<qint64>(v0, 0, size);
    *i1 = std::clamp<qint64>(v1, 0, size);
    *padBefore = int(std::max<qint64>(0, std::min<qint64>(v1, 0) - v0));
    *padAfter = int(std::max<qint64>(0, v1 - std::max(v0, size)));
}

bool isWindowOp(OpKind op)
{
    return op == OpKind::Conv2d || op == OpKind::MaxPool2d || op == OpKind::AvgPool2d;
}

/// One tile computing region out of the stack output: walks the stack backwards, each tensor's region the union of
/// what its consumers read.
Tile walk(const ModelGraph &graph, const FusedStack &stack, const Region &out)
{
    Tile tile;
    tile.out = out;
    tile.regions.insert(stack.output, tile.out);
    QVector<TileStep> reversed;
    for (int i = stack.end - 1; i >= stack.begin; --i) {
        const Layer &layer = graph.layer(i);
        const Region computed = tile.regions.value(i + 1);
        TileStep step = TileGeometry::stepFor(graph, layer, computed);
        for (int k = 0; k < layer.inputs.size(); ++k) {
            const int t = layer.inputs.at(k);
            tile.regions[t] = tile.regions.value(t).united(step.in.at(k));
        }
        const TensorShape &shape = layer.shape;
        tile.flops += layer.flops * computed.area() / (shape.height() * shape.width());
        reversed << step;
    }
    for (auto it = reversed.rbegin(); it != reversed.rend(); ++it)
        tile.steps << *it;
    for (int t : stack.inputs)
        tile.inputBytes += graph.tensorShape(t).channels() * tile.regions.value(t).area() * 4;
    return tile;
}

} // namespace

TileStep TileGeometry::stepFor(const ModelGraph &graph, const Layer &layer, const Region &out)
{
    TileStep step;
    step.layer = layer.index;
    step.out = out;
    if (!isWindowOp(layer.op)) {
        for (int i = 0; i < layer.inputs.size(); ++i)
            step.in << out;
        return step;
    }
    const LayerAttributes &a = layer.attributes;
    const TensorShape &in = graph.tensorShape(layer.inputs.first());
    const bool dilated = layer.op != OpKind::AvgPool2d;
    Region r;
    window(out.y0, out.y1, a.kernel.h, a.stride.h, a.padding.h, dilated ? a.dilation.h : 1, in.height(), &r.y0, &r.y1,
           &step.padTop, &step.padBottom);
    window(out.x0, out.x1, a.kernel.w, a.stride.w, a.padding.w, dilated ? a.dilation.w : 1, in.width(), &r.x0, &r.x1,
           &step.padLeft, &step.padRight);
    step.in << r;
    return step;
}

std::optional<TileGeometry> TileGeometry::build(const ModelGraph &graph, const FusedStack &stack, int rows, int cols,
                                                QString *why)
{
    if (rows < 1 || rows > kMaxGrid || cols < 1 || cols > kMaxGrid) {
        *why = QStringLiteral("grid %1x%2: rows and columns must each be in 1..%3").arg(rows).arg(cols).arg(kMaxGrid);
        return std::nullopt;
    }
    const TensorShape &outShape = graph.tensorShape(stack.output);
    if (rows > outShape.height() || cols > outShape.width()) {
        *why = QStringLiteral("grid %1x%2 is larger than the stack output '%3' %4: at most %5x%6")
                   .arg(rows).arg(cols).arg(graph.tensorName(stack.output), outShape.toString())
                   .arg(std::min<qint64>(outShape.height(), kMaxGrid)).arg(std::min<qint64>(outShape.width(), kMaxGrid));
        return std::nullopt;
    }
    TileGeometry g;
    g.m_stack = stack;
    g.m_rows = rows;
    g.m_cols = cols;
    for (int i = stack.begin; i < stack.end; ++i)
        g.m_untiledFlops += graph.layer(i).flops;

    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < cols; ++c) {
            Tile tile = walk(graph, stack, {sliceStart(outShape.height(), rows, r), sliceStart(outShape.height(), rows, r + 1),
                                            sliceStart(outShape.width(), cols, c), sliceStart(outShape.width(), cols, c + 1)});
            tile.row = r;
            tile.col = c;
            g.m_tiles << tile;
        }
    }
    g.m_neededFlops = rows * cols == 1 ? g.m_tiles.first().flops
                                       : walk(graph, stack, {0, outShape.height(), 0, outShape.width()}).flops;
    return g;
}

qint64 TileGeometry::tiledFlops() const
{
    qint64 sum = 0;
    for (const Tile &t : m_tiles)
        sum += t.flops;
    return sum;
}

double TileGeometry::redundantFlopsRatio() const
{
    return m_neededFlops > 0 ? double(tiledFlops() - m_neededFlops) / double(m_neededFlops) : 0.0;
}

} // namespace d3::core
