// d3bench_engine: what the engine's bookkeeping and a three-way split cost over a plain LibTorch forward.
// See BenchOptions::usage() and docs/BENCHMARKS.md.
#include "BenchOptions.h"
#include "BenchReport.h"
#include "Engine.h"
#include "ModelBench.h"
#include "graph/ModelCatalog.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <iostream>

namespace {

/// Exit codes: success, a model that failed to build or run, a bad argument.
enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitBadInput = 2 };

int fail(const QString &message, int code)
{
    std::cerr << "d3bench_engine: " << message.toStdString() << std::endl;
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace d3;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("d3bench_engine"));
    // Progress of the benchmark on stderr; the engine's own chatter only when asked for with QT_LOGGING_RULES.
    QLoggingCategory::setFilterRules(QStringLiteral("d3.*.info=false\nd3.*.debug=false\nd3.bench.info=true"));

    QString error;
    const auto options = bench::BenchOptions::parse(app.arguments().mid(1), &error);
    if (!options)
        return fail(error, ExitBadInput);
    if (options->help) {
        std::cout << bench::BenchOptions::usage().toStdString();
        return ExitOk;
    }
    const QStringList builtins = core::ModelCatalog::builtinNames();
    const QStringList names = options->models.isEmpty() ? builtins : options->models;
    QVector<core::ModelGraph> graphs;
    for (const QString &name : names) {
        core::GraphError graphError;
        const auto graph = core::ModelCatalog::builtin(name, &graphError);
        if (!graph)
            return fail(QStringLiteral("--models: '%1' is not a built-in model (%2)")
                            .arg(name, builtins.join(QStringLiteral(", "))),
                        ExitBadInput);
        graphs.append(*graph);
    }

    engine::Engine::setThreads(options->threads);
    const int threads = engine::Engine::threads();
    QVector<bench::ModelTiming> timings;
    for (const core::ModelGraph &graph : graphs) {
        auto timing = bench::ModelBench::run(graph, *options, &error);
        if (!timing)
            return fail(error, ExitFailed);
        timings.append(std::move(*timing));
    }

    if (options->json)
        std::cout << bench::BenchReport::json(timings, *options, threads).toJson(QJsonDocument::Indented).toStdString();
    else
        std::cout << bench::BenchReport::markdown(timings, *options, threads).toStdString();
    std::cout.flush();
    return ExitOk;
}
