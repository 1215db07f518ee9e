#include "StackBench.h"

#include "BenchLog.h"
#include "Engine.h"
#include "InterleavedRounds.h"
#include "Samples.h"
#include "io/SyntheticInput.h"
#include "io/TensorComparison.h"
#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

#include <algorithm>
#include <utility>

namespace d3::bench {
std::optional<StackTiming> StackBench::run(const core::ModelGraph &graph, const BenchOptions &options,
                                           QString *error)
{
    const auto stack = core::StackFinder::largest(graph);
    if (!stack) {
        *error = QStringLiteral("%1 has no fused stack that can be tiled").arg(graph.name());
        return std::nullopt;
    }
    const auto engine = engine::Engine::create(graph, engine::WeightSource{}, error);
    if (!engine)
        return std::nullopt;

    StackTiming timing;
    timing.model = graph.name();
    timing.layers = graph.layerCount();
    timing.begin = stack->begin;
    timing.end = stack->end;
    timing.output = graph.tensorShape(stack->output);
    timing.inputBytes = graph.cut(stack->begin).bytes;

    const core::HostTensor input = core::SyntheticInput::make(graph.inputShape(), 1);
    const auto atBegin = engine->runRange(0, stack->begin, engine::TensorMap{{0, input}}, error);
    if (!atBegin)
        return std::nullopt;
    const auto whole = engine->runRange(stack->begin, stack->end, *atBegin, error);
    if (!whole)
        return std::nullopt;
    const core::HostTensor reference = whole->value(stack->output);

    QVector<core::TileGeometry> geometries; // of the grids that fit, in timing.grids order
    for (int n = 1; n <= kMaxGrid; ++n) {
        GridTiming grid;
        grid.rows = grid.cols = n;
        QString why;
        const auto geometry = core::TileGeometry::build(graph, *stack, n, n, &why);
        if (!geometry) {
            grid.skipped = why;
            timing.grids.append(grid);
            continue;
        }
        timing.flops = geometry->untiledFlops();
        grid.redundantFlopsRatio = geometry->redundantFlopsRatio();
        grid.tiledFlops = geometry->tiledFlops();
        for (const core::Tile &tile : geometry->tiles()) {
            grid.tileHeight = std::max(grid.tileHeight, tile.out.height());
            grid.tileWidth = std::max(grid.tileWidth, tile.out.width());
            grid.inputBytes += tile.inputBytes;
        }
        const auto stitched = engine->runTiles(*geometry, *atBegin, error);
        if (!stitched)
            return std::nullopt;
        const auto c = core::TensorComparison::compare(*stitched, reference);
        if (!c.withinRelative(core::TensorComparison::kExactnessBound)) {
            *error = QStringLiteral("%1: the %2x%2 stitched output of stack [%3, %4) differs from the untiled one "
                                    "(max|diff| %5, max|y| %6)")
                         .arg(graph.name()).arg(n).arg(stack->begin).arg(stack->end).arg(c.maxAbsDiff).arg(c.maxAbsRef);
            return std::nullopt;
        }
        grid.bitExact = c.bitExact;
        grid.maxAbsDiff = c.maxAbsDiff;
        grid.maxAbsRef = c.maxAbsRef;
        timing.grids.append(grid);
        geometries.append(*geometry);
    }

    // Variant 0 is the untiled stack, then one per grid that fits. Each result is destroyed inside its timed
    // call, as a node would after sending it on.
    std::vector<InterleavedRounds::Variant> variants{
        [&] { return engine->runRange(stack->begin, stack->end, *atBegin, error).has_value(); },
    };
    for (const core::TileGeometry &geometry : std::as_const(geometries))
        variants.push_back([&, g = &geometry] { return engine->runTiles(*g, *atBegin, error).has_value(); });
    QVector<QVector<double>> samples;
    if (!InterleavedRounds::run(variants, options, &samples))
        return std::nullopt;
    timing.untiledMs = samples.at(0);
    int v = 1;
    for (GridTiming &grid : timing.grids) {
        if (grid.skipped.isEmpty())
            grid.ms = samples.at(v++);
    }

    const double untiled = Samples::median(timing.untiledMs);
    QStringList parts;
    for (const GridTiming &grid : timing.grids) {
        if (grid.skipped.isEmpty())
            parts << QStringLiteral("%1x%2 %3").arg(grid.rows).arg(grid.cols)
                         .arg(Samples::ratio(Samples::median(grid.ms), untiled), 0, 'f', 3);
    }
    qCInfo(lcBench).noquote() << QStringLiteral("%1: stack [%2, %3) untiled %4 ms; tiled/untiled %5 (medians of %6)")
                                     .arg(timing.model).arg(timing.begin).arg(timing.end).arg(untiled, 0, 'f', 2)
                                     .arg(parts.join(QStringLiteral(", "))).arg(options.runs);
    return timing;
}

} // namespace d3::bench
