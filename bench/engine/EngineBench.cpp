// d3bench_engine: what the engine's bookkeeping and a three-way split cost over a plain LibTorch forward.
// See usage() and docs/BENCHMARKS.md.
#include "BenchMain.h"
#include "BenchOptions.h"
#include "BenchReport.h"
#include "Engine.h"
#include "ModelBench.h"

#include <QCoreApplication>

#include <iostream>

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
    using bench::BenchMain;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("d3bench_engine"));
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
    QVector<bench::ModelTiming> timings;
    for (const core::ModelGraph &graph : *graphs) {
        auto timing = bench::ModelBench::run(graph, *options, &error);
        if (!timing)
            return BenchMain::fail(error, BenchMain::ExitFailed);
        timings.append(std::move(*timing));
    }

    if (options->json)
        std::cout << bench::BenchReport::json(timings, *options, threads).toJson(QJsonDocument::Indented).toStdString();
    else
        std::cout << bench::BenchReport::markdown(timings, *options, threads).toStdString();
    std::cout.flush();
    return BenchMain::ExitOk;
}
