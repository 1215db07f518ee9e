// d3bench_cluster: per-request orchestration overhead on a local cluster of five d3worker processes (1 device,
// 3 edge, 1 cloud): end-to-end time minus the sum of the compute and transfer times the hops report, for a plan
// that uses all three tiers. See docs/BENCHMARKS.md.
#include "BenchLog.h"
#include "BenchMain.h"
#include "MarkdownTable.h"
#include "Samples.h"
#include "control/ClusterSession.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <iostream>

namespace d3::bench {
namespace {

const char kUsage[] =
    "usage: d3bench_cluster [--models a,b] [--runs N] [--warmup N] [--json]\n"
    "Starts 5 d3worker processes on loopback (device, edge1..edge3, cloud; slowdown 1, --threads from --threads),\n"
    "then per model sends --warmup unmeasured and --runs measured requests one after another through the plan\n"
    "device [0, n/3) | edge1 [n/3, 2n/3) | cloud [2n/3, n) and reports end-to-end time minus the hops' compute and\n"
    "transfer times. The d3worker program is $D3_WORKER or the one beside this program.\n";

struct ModelOverhead {
    QString model;
    QVector<double> endToEnd;
    QVector<double> hops;     // compute + transfer per request
    QVector<double> overhead; // the difference
};

double percentile(QVector<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min<qsizetype>(v.size() - 1, qsizetype(p * v.size()))];
}

std::optional<ModelOverhead> measure(core::ClusterSession &session, const core::ModelGraph &graph,
                                     const BenchOptions &options, QString *error)
{
    if (!session.loadEverywhere(graph.name(), 1, error))
        return std::nullopt;
    const int n = graph.layerCount();
    core::Plan plan;
    plan.p = n / 3;
    plan.q = 2 * n / 3;
    const auto planId = session.deploy(graph, plan, error);
    if (!planId)
        return std::nullopt;
    ModelOverhead m;
    m.model = graph.name();
    for (int i = 0; i < options.warmup + options.runs; ++i) {
        const auto r = session.infer(*planId, quint64(1), error); // the device makes its input
        if (!r)
            return std::nullopt;
        if (i < options.warmup)
            continue;
        m.endToEnd.append(r->endToEndMs);
        m.hops.append(r->computeMs() + r->transferMs());
        m.overhead.append(r->endToEndMs - m.hops.back());
    }
    qCInfo(lcBench) << graph.name() << "overhead median" << Samples::median(m.overhead) << "ms";
    return m;
}

int run()
{
    BenchMain::setUpLogging();
    int exitCode = BenchMain::ExitOk;
    const auto options = BenchMain::parseArguments([](QStringList *, QString *) { return true; },
                                                   QString::fromLatin1(kUsage) + BenchOptions::optionsHelp(), &exitCode);
    if (!options)
        return exitCode;
    QString error;
    const auto graphs = BenchMain::models(*options, &error);
    if (!graphs)
        return BenchMain::fail(error, BenchMain::ExitBadInput);
    auto specs = core::ClusterSession::fiveNodes();
    for (core::WorkerSpec &s : specs)
        s.threads = options->threads;
    core::ClusterSession session(specs);
    if (!session.ok())
        return BenchMain::fail(session.error(), BenchMain::ExitFailed);
    QVector<ModelOverhead> results;
    for (const core::ModelGraph &graph : *graphs) {
        auto m = measure(session, graph, *options, &error);
        if (!m)
            return BenchMain::fail(QStringLiteral("%1: %2").arg(graph.name(), error), BenchMain::ExitFailed);
        results.append(*m);
    }
    if (options->json) {
        QJsonArray models;
        for (const ModelOverhead &m : results)
            models.append(QJsonObject{{QStringLiteral("model"), m.model},
                                      {QStringLiteral("end_to_end_ms"), Samples::median(m.endToEnd)},
                                      {QStringLiteral("hops_ms"), Samples::median(m.hops)},
                                      {QStringLiteral("overhead_ms"), Samples::median(m.overhead)},
                                      {QStringLiteral("overhead_p90_ms"), percentile(m.overhead, 0.9)}});
        std::cout << BenchMain::reportJson(*options, options->threads, models).toJson().toStdString();
        return BenchMain::ExitOk;
    }
    MarkdownTable table({QStringLiteral("model"), QStringLiteral("requests"), QStringLiteral("end to end ms"),
                         QStringLiteral("compute + transfer ms"), QStringLiteral("overhead ms (median)"),
                         QStringLiteral("p90"), QStringLiteral("max")});
    for (const ModelOverhead &m : results)
        table.addRow({m.model, QString::number(m.overhead.size()), MarkdownTable::fixed(Samples::median(m.endToEnd), 1),
                      MarkdownTable::fixed(Samples::median(m.hops), 1), MarkdownTable::fixed(Samples::median(m.overhead), 2),
                      MarkdownTable::fixed(percentile(m.overhead, 0.9), 2),
                      MarkdownTable::fixed(percentile(m.overhead, 1.0), 2)});
    std::cout << table.toString().toStdString();
    return BenchMain::ExitOk;
}

} // namespace
} // namespace d3::bench

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return d3::bench::run();
}
