// d3bench_plan: HPA against the oracle and the baselines, for every built-in model under a sweep of network and
// compute conditions. Core only (no LibTorch): everything is a prediction of the cost model. See usage() and
// docs/BENCHMARKS.md.
#include "BenchMain.h"
#include "BenchOptions.h"
#include "ConditionSweep.h"
#include "PlanReport.h"
#include "PlanSweep.h"
#include "plan/LayerCosts.h"
#include "plan/Profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <iostream>

namespace {

/// The options only d3bench_plan has; the rest go to BenchOptions.
struct PlanOptions {
    QString profileDir;                                    ///< measured profiles MODEL.json, or empty
    QString codecs = QStringLiteral("auto");               ///< the codecs transfers may use (CodecCosts::settings())
    int points = d3::bench::ConditionSweep::kDefaultPoints; ///< sweep size
};

QString usage()
{
    return QStringLiteral("usage: d3bench_plan [--profile-dir DIR] [--codecs SETTING] [--conditions N] [--runs R] [--warmup W] "
                          "[--models a,b] [--json]\n")
        + QStringLiteral(R"(
For each built-in model and each point of a condition sweep (a deterministic Latin hypercube over device->edge
and edge->cloud bandwidth 1..1000 Mbit/s, 1..8 edge nodes and a device 2x..20x slower than the cloud), every
planner (device-only, edge-only, cloud-only, neurosurgeon, edge-cloud, dads, hpa, oracle) chooses a plan and the
cost model predicts its latency and backbone traffic. Reported per model:
  1. HPA's fresh plan over the oracle's (worst and median);
  2. HPA's partial adjustment: from HPA's plan for a neighbouring condition (backbone 10x faster or slower,
     uplink 10x faster, the previous sweep point), adjust() to the point; adjusted over oracle, and how often
     it moved;
  3. HPA's gain over the best baseline, and its backbone bytes against cloud-only and the best baseline;
  4. decision times of HPA, HPA adjust, the oracle and dads (median of the rounds per point; median and max
     over the points), and the time to build the cost model for new conditions.

  --profile-dir DIR  layer costs from DIR/MODEL.json (docs/PROFILE_FORMAT.md) when present; otherwise, and by
                     default, the FLOP estimate (LayerCosts::fromFlops)
  --codecs SETTING   auto (default), none, zero or shuffle-zstd: the wire codecs a transfer may use, with the
                     ratios and speeds the profile measured (a profile without them, or none: every transfer raw)
  --conditions N     points in the sweep (default 32, at least 25)
  --runs R           timed rounds per point (default 15)
  --warmup W         unmeasured rounds first (default 2)
  --models a,b       only these built-in models (default: all)
  --json             JSON on stdout instead of the Markdown tables (includes the condition list and every plan)
(--threads is accepted for uniformity with the other benchmarks and has no effect: the planners use one thread.)
)");
}

/// Takes --profile-dir and --conditions out of args; false with one line in *error on a bad value.
bool takePlanOptions(QStringList *args, PlanOptions *out, QString *error)
{
    for (int i = 0; i < args->size();) {
        QString name = args->at(i);
        QString value;
        bool inline_ = false;
        const int eq = name.indexOf(QLatin1Char('='));
        if (name.startsWith(QLatin1String("--")) && eq >= 0) {
            value = name.mid(eq + 1);
            name.truncate(eq);
            inline_ = true;
        }
        if (name != QLatin1String("--profile-dir") && name != QLatin1String("--conditions")
            && name != QLatin1String("--codecs")) {
            ++i;
            continue;
        }
        if (!inline_) {
            if (i + 1 >= args->size()) {
                *error = QStringLiteral("%1 needs a value").arg(name);
                return false;
            }
            value = args->at(i + 1);
            args->removeAt(i + 1);
        }
        args->removeAt(i);
        if (name == QLatin1String("--profile-dir")) {
            if (!QFileInfo(value).isDir()) {
                *error = QStringLiteral("--profile-dir: '%1' is not a directory").arg(value);
                return false;
            }
            out->profileDir = value;
        } else if (name == QLatin1String("--codecs")) {
            if (!d3::core::CodecCosts::settings().contains(value)) {
                *error = QStringLiteral("--codecs must be one of %1, got '%2'")
                             .arg(d3::core::CodecCosts::settings().join(QStringLiteral(", ")), value);
                return false;
            }
            out->codecs = value;
        } else {
            bool ok = false;
            const int n = value.toInt(&ok);
            if (!ok || n < 25 || n > 1000) {
                *error = QStringLiteral("--conditions must be an integer in 25..1000, got '%1'").arg(value);
                return false;
            }
            out->points = n;
        }
    }
    return true;
}

/// The layer costs for graph: DIR/MODEL.json if it exists (and fits), else the FLOP estimate; the profile's codec
/// figures in *codecs (none without a profile).
std::optional<d3::core::LayerCosts> layerCosts(const d3::core::ModelGraph &graph, const QString &dir,
                                               d3::core::CodecCosts *codecs, QString *error)
{
    using namespace d3::core;
    if (!dir.isEmpty()) {
        const QString path = QDir(dir).filePath(graph.name() + QStringLiteral(".json"));
        if (QFileInfo::exists(path)) {
            const auto profile = Profile::load(path, error);
            if (!profile)
                return std::nullopt;
            const QString mismatch = profile->mismatch(graph);
            if (!mismatch.isEmpty()) {
                *error = QStringLiteral("%1: %2").arg(path, mismatch);
                return std::nullopt;
            }
            *codecs = profile->codecs;
            return LayerCosts::fromProfile(*profile);
        }
    }
    return LayerCosts::fromFlops(graph);
}

} // namespace

int main(int argc, char *argv[])
{
    using namespace d3;
    using bench::BenchMain;
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("d3bench_plan"));
    BenchMain::setUpLogging();

    PlanOptions planOptions;
    int exitCode = BenchMain::ExitOk;
    const auto options = BenchMain::parseArguments(
        [&](QStringList *args, QString *error) { return takePlanOptions(args, &planOptions, error); }, usage(), &exitCode);
    if (!options)
        return exitCode;
    QString error;
    const auto graphs = BenchMain::models(*options, &error);
    if (!graphs)
        return BenchMain::fail(error, BenchMain::ExitBadInput);

    const QVector<bench::SweepPoint> sweep = bench::ConditionSweep::latinHypercube(planOptions.points);
    QVector<bench::ModelResult> results;
    for (const core::ModelGraph &graph : *graphs) {
        core::CodecCosts codecs;
        const auto costs = layerCosts(graph, planOptions.profileDir, &codecs, &error);
        if (!costs)
            return BenchMain::fail(error, BenchMain::ExitBadInput);
        results.append(bench::PlanSweep::run(graph, *costs, *codecs.restrictedTo(planOptions.codecs), sweep, *options));
    }

    if (options->json)
        std::cout << bench::PlanReport::json(results, sweep, *options).toJson(QJsonDocument::Indented).toStdString();
    else
        std::cout << bench::PlanReport::markdown(results, sweep, *options).toStdString();
    std::cout.flush();
    return BenchMain::ExitOk;
}
