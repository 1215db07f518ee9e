#pragma once

#include "BenchOptions.h"
#include "graph/ModelGraph.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <functional>
#include <iostream>
#include <optional>

namespace d3::bench {

/// What every benchmark's main() does the same way: logging, exit codes, the models to run.
class BenchMain
{
public:
    /// Exit codes: success, a model that failed to build or run, a bad argument.
    enum ExitCode { ExitOk = 0, ExitFailed = 1, ExitBadInput = 2 };

    /// Progress of the benchmark (d3.bench) on stderr; the other d3 categories' chatter only when asked for with
    /// QT_LOGGING_RULES.
    static void setUpLogging();
    /// Prints "APPLICATION: message" on stderr and returns code.
    static int fail(const QString &message, int code);
    /// The command line of a benchmark with options of its own: takeOwn removes those from the arguments (false with
    /// one line in *error on a bad one), the rest are the shared BenchOptions. On a bad argument prints it and sets
    /// *exitCode to ExitBadInput; on --help prints usage and sets ExitOk; in both cases returns nullopt.
    static std::optional<BenchOptions> parseArguments(const std::function<bool(QStringList *, QString *)> &takeOwn,
                                                      const QString &usage, int *exitCode)
    {
        QString error;
        QStringList args = QCoreApplication::arguments().mid(1);
        auto options = takeOwn(&args, &error) ? BenchOptions::parse(args, &error) : std::nullopt;
        if (!options) {
            *exitCode = fail(error, ExitBadInput);
            return std::nullopt;
        }
        if (options->help) {
            std::cout << usage.toStdString();
            *exitCode = ExitOk;
            return std::nullopt;
        }
        return options;
    }
    /// The models named by options.models (built-in names, user models or model files, as d3ctl takes them), in
    /// that order (all built-in models when empty); nullopt and one line in *error for one that does not resolve.
    static std::optional<QVector<core::ModelGraph>> models(const BenchOptions &options, QString *error);

    /// The JSON report every benchmark prints with --json: {"threads", "runs", "warmup", "models"}, and
    /// "platform" when one is given (a benchmark of the engine: ComputePlatform::toJson).
    static QJsonDocument reportJson(const BenchOptions &options, int threads, const QJsonArray &models,
                                    const QJsonObject &platform = {})
    {
        QJsonObject report{
            {QStringLiteral("threads"), threads},
            {QStringLiteral("runs"), options.runs},
            {QStringLiteral("warmup"), options.warmup},
            {QStringLiteral("models"), models},
        };
        if (!platform.isEmpty())
            report.insert(QStringLiteral("platform"), platform);
        return QJsonDocument(report);
    }

    /// The main() of a per-model benchmark: parses the options (--help prints usage; takeOwn, if given, takes the
    /// program's own options first, as in parseArguments), sets the thread count with setThreads (which returns the
    /// count in effect), runs runOne on every selected model and prints Report's markdown() or, with --json, json()
    /// to stdout. Returns the exit code.
    template<typename Timing, typename Report>
    static int runPerModel(const QString &usage, const std::function<int(int)> &setThreads,
                           const std::function<std::optional<Timing>(const core::ModelGraph &, const BenchOptions &,
                                                                     QString *)> &runOne,
                           const std::function<bool(QStringList *, QString *)> &takeOwn = {})
    {
        setUpLogging();
        int exitCode = ExitOk;
        const auto options = parseArguments(takeOwn ? takeOwn : [](QStringList *, QString *) { return true; },
                                            usage, &exitCode);
        if (!options)
            return exitCode;
        QString error;
        const auto graphs = models(*options, &error);
        if (!graphs)
            return fail(error, ExitBadInput);
        const int threads = setThreads(options->threads);
        QVector<Timing> timings;
        for (const core::ModelGraph &graph : *graphs) {
            auto timing = runOne(graph, *options, &error);
            if (!timing)
                return fail(error, ExitFailed);
            timings.append(std::move(*timing));
        }
        if (options->json)
            std::cout << Report::json(timings, *options, threads).toJson(QJsonDocument::Indented).toStdString();
        else
            std::cout << Report::markdown(timings, *options, threads).toStdString();
        std::cout.flush();
        return ExitOk;
    }
};

} // namespace d3::bench
