// d3bench_tiling: the price of the halo. Each model's largest fused stack whole and as 1x1 .. 4x4 grids of tiles
// run one after another on one core. See usage() and docs/BENCHMARKS.md.
#include "BenchMain.h"
#include "BenchOptions.h"
#include "Engine.h"
#include "StackBench.h"
#include "TilingReport.h"

#include <QCoreApplication>


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
With --no-onednn everything runs with oneDNN turned off (every convolution as im2col + GEMM).

)") + d3::bench::BenchOptions::optionsHelp()
        + QStringLiteral("  --no-onednn   run without oneDNN (default: LibTorch's choice per layer)\n");
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace d3;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("d3bench_tiling"));
    return bench::BenchMain::runPerModel<bench::StackTiming, bench::TilingReport>(
        usage(),
        [](int threads) {
            engine::Engine::setThreads(threads);
            return engine::Engine::threads();
        },
        &bench::StackBench::run,
        [](QStringList *rest, QString *) {
            engine::Engine::setOneDnnEnabled(rest->removeAll(QStringLiteral("--no-onednn")) == 0);
            return true;
        });
}
