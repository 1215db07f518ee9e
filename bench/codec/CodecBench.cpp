// d3bench_codec: what the lossless wire codecs save at every cut of a model, and how fast they run on one core.
// See usage() and docs/BENCHMARKS.md.
#include "BenchMain.h"
#include "BenchOptions.h"
#include "CodecReport.h"
#include "CutCodecs.h"
#include "Engine.h"

#include <QCoreApplication>

namespace {

QString usage()
{
    return QStringLiteral("usage: d3bench_codec %1\n").arg(d3::bench::BenchOptions::synopsis())
        + QStringLiteral(R"(
For each model: one forward pass from the synthetic input (seed 7; weights from seed 1, batch-norm statistics that
are not the identity), layer range by layer range; at every cut the crossing float32 tensors are encoded with the
wire codecs "zero" and "shuffle-zstd" (core/codec), decoded and checked bit-identical, and their bytes counted.
Then each codec encodes and decodes the model's largest crossing tensor W + R times on one core; the median GB/s
(raw bytes per second) of the R measured runs is reported.

)") + d3::bench::BenchOptions::optionsHelp();
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace d3;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("d3bench_codec"));
    return bench::BenchMain::runPerModel<bench::CodecTiming, bench::CodecReport>(
        usage(),
        [](int threads) {
            engine::Engine::setThreads(threads);
            return engine::Engine::threads();
        },
        &bench::CutCodecs::run);
}
