#include "ProfileCommand.h"

#include "CommandLine.h"
#include "Engine.h"
#include "Output.h"
#include "TextTable.h"
#include "graph/ModelCatalog.h"

#include <QSaveFile>

#include <cmath>
#include <optional>

namespace d3::cli {
namespace {

constexpr int kMaxRuns = 1000;
constexpr int kMaxThreads = 256;
constexpr double kMaxSlowdown = 1000;

/// Reads --name as an integer in lo..hi (fallback when absent); false with one line in *error.
bool intOption(const CommandLine &cl, const QString &name, int lo, int hi, int *value, QString *error)
{
    if (!cl.has(name))
        return true;
    bool ok = false;
    const int v = cl.value(name).toInt(&ok);
    if (!ok || v < lo || v > hi) {
        *error = QStringLiteral("profile: --%1 must be an integer in %2..%3, got '%4'").arg(name).arg(lo).arg(hi)
                     .arg(cl.value(name));
        return false;
    }
    *value = v;
    return true;
}

/// The profile as a table: layer, op, ms, cumulative ms, share of the total.
QString profileTable(const core::ModelGraph &graph, const core::Profile &profile)
{
    TextTable table({QStringLiteral("#"), QStringLiteral("layer"), QStringLiteral("op"), QStringLiteral("ms"),
                     QStringLiteral("cumulative ms"), QStringLiteral("share")});
    const double total = profile.totalMs();
    double cumulative = 0;
    for (int i = 0; i < profile.ms.size(); ++i) {
        cumulative += profile.ms[i];
        table.addRow({QString::number(i), profile.layers[i], core::opName(graph.layer(i).op),
                      QString::number(profile.ms[i], 'f', 3), QString::number(cumulative, 'f', 3),
                      QString::number(total > 0 ? 100 * profile.ms[i] / total : 0, 'f', 1) + QLatin1Char('%')});
    }
    return table.render();
}

} // namespace

int ProfileCommand::run(const QStringList &args)
{
    const CommandLine cl(args,
                         {QStringLiteral("threads"), QStringLiteral("slowdown"), QStringLiteral("runs"),
                          QStringLiteral("warmup"), QStringLiteral("seed"), QStringLiteral("weights"),
                          QStringLiteral("out")},
                         {QStringLiteral("json"), QStringLiteral("ignore-extra")});
    if (!cl.error().isEmpty())
        return Output::fail(QStringLiteral("profile: ") + cl.error());
    if (cl.positionals().size() != 1)
        return Output::fail(QStringLiteral("profile: expects one MODEL (a built-in name or a model file)"));
    core::GraphError graphError;
    const auto graph = core::ModelCatalog::resolve(cl.positionals().first(), &graphError);
    if (!graph)
        return Output::fail(graphError.toString());

    QString error;
    int runs = 10, warmup = 3, threads = engine::Engine::threads();
    if (!intOption(cl, QStringLiteral("runs"), 1, kMaxRuns, &runs, &error)
        || !intOption(cl, QStringLiteral("warmup"), 0, kMaxRuns, &warmup, &error)
        || !intOption(cl, QStringLiteral("threads"), 1, kMaxThreads, &threads, &error))
        return Output::fail(error);
    bool ok = true;
    const double slowdown = cl.value(QStringLiteral("slowdown"), QStringLiteral("1")).toDouble(&ok);
    if (!ok || !std::isfinite(slowdown) || slowdown < 1 || slowdown > kMaxSlowdown)
        return Output::fail(QStringLiteral("profile: --slowdown must be a number in 1..%1, got '%2'")
                                .arg(kMaxSlowdown).arg(cl.value(QStringLiteral("slowdown"))));
    engine::WeightSource weights;
    weights.seed = cl.value(QStringLiteral("seed"), QStringLiteral("1")).toULongLong(&ok);
    if (!ok)
        return Output::fail(QStringLiteral("profile: --seed must be a non-negative integer"));
    weights.path = cl.value(QStringLiteral("weights"));
    weights.ignoreExtra = cl.has(QStringLiteral("ignore-extra"));
    if (weights.ignoreExtra && weights.path.isEmpty())
        return Output::fail(QStringLiteral("profile: --ignore-extra applies to a --weights FILE"));

    // Opened before measuring so that an unwritable path fails at once; written to a temporary file that
    // replaces FILE only on commit, so FILE is never left half-written.
    const QString outPath = cl.value(QStringLiteral("out"));
    std::optional<QSaveFile> out;
    if (!outPath.isEmpty()) {
        out.emplace(outPath);
        if (!out->open(QIODevice::WriteOnly))
            return Output::fail(QStringLiteral("%1: cannot write the profile (%2)").arg(outPath, out->errorString()));
    }

    engine::Engine::setThreads(threads);
    Output::status(QStringLiteral("building %1 (weights: %2)").arg(graph->name(), weights.describe()));
    const auto engine = engine::Engine::create(*graph, weights, &error);
    if (!engine) {
        Output::clearStatus();
        return Output::fail(error);
    }
    const auto profile = engine->profile(warmup, runs, slowdown, [&](int done, int layers) {
        Output::status(QStringLiteral("profiling %1: layer %2/%3 %4").arg(graph->name()).arg(done).arg(layers)
                           .arg(graph->layer(done - 1).name));
    }, &error);
    Output::clearStatus();
    if (!profile)
        return Output::fail(QStringLiteral("%1: profiling failed: %2").arg(graph->name(), error));

    if (out) {
        const QByteArray json = profile->toJson();
        if (out->write(json) != json.size() || !out->commit())
            return Output::fail(QStringLiteral("%1: cannot write the profile (%2)").arg(outPath, out->errorString()));
    }
    if (cl.has(QStringLiteral("json"))) {
        Output::print(QString::fromUtf8(profile->toJson()));
        return ExitOk;
    }
    QString text = QStringLiteral("%1 on %2, %3 thread%4, slowdown %5, median of %6 runs after %7 warm-up\n\n")
                       .arg(graph->name(), profile->machine).arg(profile->threads)
                       .arg(profile->threads == 1 ? QString() : QStringLiteral("s")).arg(profile->slowdown)
                       .arg(profile->runs).arg(warmup);
    text += profileTable(*graph, *profile);
    text += QStringLiteral("\ntotal %1 ms over %2 layers\n").arg(profile->totalMs(), 0, 'f', 3).arg(profile->ms.size());
    if (out)
        text += QStringLiteral("saved to %1\n").arg(outPath);
    Output::print(text);
    return ExitOk;
}

} // namespace d3::cli
