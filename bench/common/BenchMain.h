#pragma once

#include "BenchOptions.h"
#include "graph/ModelGraph.h"

#include <QString>
#include <QVector>

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
    /// The built-in models named by options.models, in that order (all of them when empty); nullopt and one
    /// line in *error (listing the built-in names) for an unknown name.
    static std::optional<QVector<core::ModelGraph>> models(const BenchOptions &options, QString *error);
};

} // namespace d3::bench
