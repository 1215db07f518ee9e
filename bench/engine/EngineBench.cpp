// d3bench_engine: what the engine's bookkeeping and a three-way split cost over a plain LibTorch forward.
// See usage() and docs/BENCHMARKS.md.
#include "BenchMain.h"
#include "BenchOptions.h"
#include "BenchReport.h"
#include "Engine.h"
#include "ModelBench.h"

#include <QCoreApplication>


namespace {

QString usage()
{
    return QStringLiteral("usage: d3bench_engine %1\n").arg(d3::bench::BenchOptions::synopsis())
        + QStringLiteral(R"(
For each built-in model, the median time of one forward pass three ways:
  plain   LibTorch directly: the layer modules in a loop, tensors in a vector by id
  engine  Engine::forward (host tensor in, host tensor out)
  split   Engine::forwardSplit at n/3 and 2n/3, chained through host tensors
The variants run interleaved in rounds (W warm-up rounds, then R measured ones) so noise hits all three alike.

)") + d3::bench::BenchOptions::optionsHelp();
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace d3;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("d3bench_engine"));
    return bench::BenchMain::runPerModel<bench::ModelTiming, bench::BenchReport>(
        usage(),
        [](int threads) {
            engine::Engine::setThreads(threads);
            return engine::Engine::threads();
        },
        &bench::ModelBench::run);
}
