#include "AppFactory.h"
#include "CompareCommand.h"
#include "DiscoverCommand.h"
#include "InspectCommand.h"
#include "ModelsCommand.h"
#include "Output.h"
#include "PlanCommand.h"
#include "ProfileCommand.h"
#include "ReplayCommand.h"
#include "RunCommand.h"
#include "TilesCommand.h"
#include "VerifyCommand.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <functional>
#include <map>

namespace {

const char *kUsage = R"(usage: d3ctl COMMAND [ARGS]

  models [--json]                   the built-in models
  inspect MODEL [--json]            layers, shapes, parameters, FLOPs and the crossing bytes of every cut
  verify MODEL [--cuts P,Q] [--grid RxC] [--weights FILE [--ignore-extra]] [--input X.npy]
         [--reference Y.npy] [--seed N] [--threads N] [--json]
                                    the split (and, with --grid, tiled) forward against the monolithic one
                                    (and against PyTorch's output)
  tiles MODEL --range P,Q --grid RxC [--json]
                                    the fused stack of the edge range [P, Q), its R x C tiles with the input
                                    region each needs (halo included) and the redundant FLOPs of the halos
  profile MODEL [--threads N] [--slowdown F] [--runs K] [--warmup W] [--seed N]
          [--weights FILE [--ignore-extra]] [--out FILE] [--json]
                                    every layer's compute time on this machine (median of K runs after W
                                    warm-up runs, times F); --out saves the profile for plan/compare --profile

  plan MODEL --planner NAME [conditions] [--json]
                                    one planner's plan and its predicted cost breakdown
  compare MODEL [conditions] [--json]
                                    every planner side by side
conditions: --bw-de MBPS --bw-ec MBPS --bw-ee MBPS --rtt-de MS --rtt-ec MS --rtt-ee MS --edge-nodes K
            --speeds device=F,edge=F,cloud=F (edge=F:F:F per node; relative speeds, 0.1 = ten times slower)
            --profile FILE (measured per-layer times; without it the FLOP estimate is used and said so)
            --codecs auto|none|zero|shuffle-zstd (wire codecs a transfer may use, by the profile's measured
            ratios; default auto, and none without a profile that measured them)
  run EXPERIMENT.json [--out DIR] [--workers FILE] [--json]
                                    runs an experiment on its cluster (docs/EXPERIMENTS.md) and records it;
                                    --workers places its nodes on running workers ([{"name", "address"}],
                                    as scripts/lab.sh nodes prints them; $D3_TOKEN_FILE is their token)
  discover [--seconds S] [--port P] [--json]
                                    the workers whose beacons (d3worker --beacon) are heard on this LAN within S
                                    seconds (default 5; UDP port P, default 47300); --json prints the array
                                    run --workers reads
  replay DIR [--out DIR2] [--formats pdf,svg,png] [--size WxH] [--dpi N] [--preset single|double] [--title]
         [--condition K] [--json]
                                    draws a recorded run's figures (the time series, the timeline and, for a
                                    sweep, the comparison at condition K) into DIR or DIR2
planners: device-only, edge-only, cloud-only, neurosurgeon, edge-cloud, dads, hpa, oracle

MODEL is a built-in name (alexnet, vgg16, resnet18, googlenet, mobilenet_v2, tiny_yolov2), a model file, or the
name of a model in $D3_MODEL_PATH or ~/.local/share/d3lab/models (d3ctl models lists them).
--ignore-extra lets a weights file hold tensors the model does not use (an auxiliary head).
)";

} // namespace

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = d3::cli::AppFactory::create(argc, argv); // QApplication to draw
    QCoreApplication::setApplicationName(QStringLiteral("d3ctl"));
    // Library chatter stays off the terminal unless asked for with QT_LOGGING_RULES.
    QLoggingCategory::setFilterRules(QStringLiteral("d3.*.info=false\nd3.*.debug=false\nd3.*.warning=false"));

    const std::map<QString, std::function<int(const QStringList &)>> commands{
        {QStringLiteral("models"), &d3::cli::ModelsCommand::run},
        {QStringLiteral("inspect"), &d3::cli::InspectCommand::run},
        {QStringLiteral("verify"), &d3::cli::VerifyCommand::run},
        {QStringLiteral("tiles"), &d3::cli::TilesCommand::run},
        {QStringLiteral("plan"), &d3::cli::PlanCommand::run},
        {QStringLiteral("compare"), &d3::cli::CompareCommand::run},
        {QStringLiteral("profile"), &d3::cli::ProfileCommand::run},
        {QStringLiteral("replay"), &d3::cli::ReplayCommand::run},
        {QStringLiteral("run"), &d3::cli::RunCommand::run},
        {QStringLiteral("discover"), &d3::cli::DiscoverCommand::run},
    };
    QStringList args = app->arguments().mid(1);
    if (args.isEmpty() || args.first() == QLatin1String("--help") || args.first() == QLatin1String("-h")
        || args.first() == QLatin1String("help")) {
        d3::cli::Output::print(QString::fromLatin1(kUsage));
        return args.isEmpty() ? d3::cli::ExitBadInput : d3::cli::ExitOk;
    }
    const QString command = args.takeFirst();
    const auto it = commands.find(command);
    if (it == commands.end())
        return d3::cli::Output::fail(QStringLiteral("unknown command '%1' (try d3ctl --help)").arg(command));
    return it->second(args);
}
