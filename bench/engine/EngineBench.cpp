// d3bench_engine: what the engine's bookkeeping and a three-way split cost over a plain LibTorch forward.
// See usage() and docs/BENCHMARKS.md.
#include "BenchMain.h"
#include "BenchOptions.h"
#include "BenchReport.h"
#include "Engine.h"
#include "ModelBench.h"
#include "ReferenceBlasEngine.h"
#include "util/HeapTuning.h"

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
With --reference-blas DIRS a fourth variant runs Engine::forward in a child process whose libblas.so.3 comes
from DIRS (folders separated by ':'; Debian's reference BLAS and LAPACK:
/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack), in the same rounds. With --no-onednn-variant
one more runs Engine::forward with oneDNN turned off (every convolution as im2col + GEMM).

)") + d3::bench::BenchOptions::optionsHelp()
        + QStringLiteral("  --reference-blas DIRS  also time the engine on the BLAS in DIRS (default: not)\n"
                         "  --no-onednn-variant    also time the engine with oneDNN turned off (default: not)\n");
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace d3;
    core::keepLargeBuffersWarm(); // as d3worker runs the engine
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("d3bench_engine"));
    const QStringList args = QCoreApplication::arguments().mid(1);
    if (args.value(0) == QLatin1String(bench::ReferenceBlasEngine::kServeOption))
        return bench::ReferenceBlasEngine::serve(args);

    QString referenceBlasDir;
    bool noOneDnn = false;
    const auto takeOwn = [&](QStringList *rest, QString *error) {
        noOneDnn = rest->removeAll(QStringLiteral("--no-onednn-variant")) > 0;
        const int i = rest->indexOf(QStringLiteral("--reference-blas"));
        if (i < 0)
            return true;
        if (i + 1 >= rest->size()) {
            *error = QStringLiteral("--reference-blas needs a folder");
            return false;
        }
        referenceBlasDir = rest->takeAt(i + 1);
        rest->removeAt(i);
        return true;
    };
    return bench::BenchMain::runPerModel<bench::ModelTiming, bench::BenchReport>(
        usage(),
        [](int threads) {
            engine::Engine::setThreads(threads);
            return engine::Engine::threads();
        },
        [&](const core::ModelGraph &graph, const bench::BenchOptions &options, QString *error) {
            return bench::ModelBench::run(graph, options, referenceBlasDir, noOneDnn, error);
        },
        takeOwn);
}
