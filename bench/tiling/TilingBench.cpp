// d3bench_tiling: the price of the halo. Each model's largest fused stack whole and as 1x1 .. 4x4 grids of tiles
// run one after another on one core. See usage() and docs/BENCHMARKS.md.
#include "BenchMain.h"
#include "BenchOptions.h"
#include "Engine.h"
#include "StackBench.h"
#include "TilingReport.h"

#include <QCoreApplication>

#include <iostream>

namespace {

QString usage()
{
    return QStringLiteral("usage: d3bench_tiling %1\n").arg(d3::bench::BenchOptions::synopsis())
        + QStringLiteral(R"(
For each built-in model, its largest fused stack (StackFinder::largest), timed from the tensors crossing the
stack's first cut (computed once):
  untiled  Engine::runRange over the stack
  RxC      grids 1x1 .. 4x4, one tile after another: RegionCopy::crop of the inputs, Engine::runTile,
           RegionCopy::paste into the stitched output
Reported beside each grid: its time over the untiled time, and 1 + the geometry's redundant FLOPs ratio (the
time ratio FLOPs predict). The stitched output is checked against the untiled one first.
The variants run interleaved in rounds (W warm-up rounds, then R measured ones) so noise hits all alike.

)") + d3::bench::BenchOptions::optionsHelp();
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace d3;
    using bench::BenchMain;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("d3bench_tiling"));
    BenchMain::setUpLogging();

    QString error;
    const auto options = bench::BenchOptions::parse(app.arguments().mid(1), &error);
    if (!options)
        return BenchMain::fail(error, BenchMain::ExitBadInput);
    if (options->help) {
        std::cout << usage().toStdString();
        return BenchMain::ExitOk;
    }
    const auto graphs = BenchMain::models(*options, &error);
    if (!graphs)
        return BenchMain::fail(error, BenchMain::ExitBadInput);

    engine::Engine::setThreads(options->threads);
    const int threads = engine::Engine::threads();
    QVector<bench::StackTiming> timings;
    for (const core::ModelGraph &graph : *graphs) {
        auto timing = bench::StackBench::run(graph, *options, &error);
        if (!timing)
            return BenchMain::fail(error, BenchMain::ExitFailed);
        timings.append(std::move(*timing));
    }

    if (options->json)
        std::cout << bench::TilingReport::json(timings, *options, threads).toJson(QJsonDocument::Indented).toStdString();
    else
        std::cout << bench::TilingReport::markdown(timings, *options, threads).toStdString();
    std::cout.flush();
    return BenchMain::ExitOk;
}
