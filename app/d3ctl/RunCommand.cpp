#include "RunCommand.h"

#include "CommandLine.h"
#include "Output.h"
#include "plots/PaperFigures.h"
#include "control/ExperimentRunner.h"
#include "record/RunReader.h"
#include "record/Comparison.h"
#include "experiment/WorkerPlacement.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

namespace d3::cli {
namespace {

QString adaptationLines(const QJsonObject &summary)
{
    QString text;
    for (const QJsonValue &v : summary.value(QStringLiteral("adaptations")).toArray()) {
        const QJsonObject a = v.toObject();
        text += QStringLiteral("  %1 (before request %2): new plan in effect after %3 request(s), settled after %5, "
                               "%4 x the oracle's plan\n")
                    .arg(a.value(QStringLiteral("label")).toString())
                    .arg(a.value(QStringLiteral("at_request")).toInt())
                    .arg(a.value(QStringLiteral("requests_to_adapt")).toInt())
                    .arg(a.value(QStringLiteral("latency_vs_oracle")).toDouble(), 0, 'f', 2)
                    .arg(a.value(QStringLiteral("requests_to_settle")).toInt());
    }
    return text;
}

/// A stream's phases, one line each: its rate against the prediction, its latency from arrival, its drops.
QString streamLines(const QJsonObject &summary)
{
    QString text;
    for (const QJsonValue &v : summary.value(QStringLiteral("phases")).toArray()) {
        const QJsonObject p = v.toObject();
        text += QStringLiteral("  phase %1 %2 %3: %4 req/s (steady %5, predicted %6), p50 %7 ms, p95 %8 ms, p99 %9 ms, "
                               "%10 dropped\n")
                    .arg(p.value(QStringLiteral("phase")).toInt())
                    .arg(p.value(QStringLiteral("model")).toString(), p.value(QStringLiteral("planner")).toString())
                    .arg(p.value(QStringLiteral("throughput_rps")).toDouble(), 0, 'f', 2)
                    .arg(p.value(QStringLiteral("steady_rps")).toDouble(), 0, 'f', 2)
                    .arg(p.value(QStringLiteral("predicted_rps")).toDouble(), 0, 'f', 2)
                    .arg(p.value(QStringLiteral("p50_ms")).toDouble(), 0, 'f', 1)
                    .arg(p.value(QStringLiteral("p95_ms")).toDouble(), 0, 'f', 1)
                    .arg(p.value(QStringLiteral("p99_ms")).toDouble(), 0, 'f', 1)
                    .arg(p.value(QStringLiteral("dropped")).toInt());
    }
    return text;
}

} // namespace

int RunCommand::run(const QStringList &args)
{
    const CommandLine cl(args, {QStringLiteral("out"), QStringLiteral("workers")}, {QStringLiteral("json")});
    if (!cl.error().isEmpty())
        return Output::fail(cl.error());
    if (cl.positionals().size() != 1)
        return Output::fail(QStringLiteral("run needs one EXPERIMENT.json (docs/EXPERIMENTS.md)"));
    QString error;
    auto experiment = core::Experiment::load(cl.positionals().first(), &error);
    if (!experiment)
        return Output::fail(error);
    if (cl.has(QStringLiteral("workers"))
        && !core::WorkerPlacement::applyFile(cl.value(QStringLiteral("workers")), &*experiment, &error))
        return Output::fail(QStringLiteral("--workers %1").arg(error));
    const QString out = QDir(cl.value(QStringLiteral("out"), QStringLiteral("runs/%1-%2").arg(
        experiment->name, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))))).absolutePath();

    core::ExperimentRunner runner(*experiment, QString());
    QObject::connect(&runner, &core::ExperimentRunner::progress,
                     [](int phase, int phases, int request, int requests, const core::RequestRecord &r) {
                         Output::status(QStringLiteral("phase %1/%2, request %3/%4: %5")
                                            .arg(phase + 1).arg(phases).arg(request + 1).arg(requests)
                                            .arg(r.completed ? QStringLiteral("%1 ms").arg(r.latencyMs(), 0, 'f', 1)
                                                 : r.dropped ? QStringLiteral("dropped")
                                                             : QStringLiteral("failed")));
                     });
    const bool started = runner.run(out, &error);
    Output::clearStatus();
    const QJsonObject &summary = runner.summary();
    if (!started && runner.records().isEmpty())
        return Output::fail(error);
    // The plots are drawn from the recorded files, exactly as `d3ctl replay` draws them.
    QStringList plots;
    QString plotError;
    const auto data = core::RunReader::read(out, &plotError);
    if (!data || !ui::PaperFigures::exportAll(*data, out, ui::ExportOptions(), &plots, &plotError))
        Output::fail(QStringLiteral("plots not drawn: %1").arg(plotError));
    // A sweep's comparison, from the recorded files as `d3ctl replay` rebuilds it.
    std::optional<core::Comparison> comparison;
    QStringList tables;
    if (data) {
        QString why;
        comparison = core::Comparison::ofSweep(*data, &why);
        if ((!comparison && !why.isEmpty()) || (comparison && !comparison->save(out, &tables, &why)))
            Output::fail(QStringLiteral("comparison not written: %1").arg(why));
    }
    if (cl.has(QStringLiteral("json"))) {
        QJsonObject o = summary;
        o.insert(QStringLiteral("out"), out);
        o.insert(QStringLiteral("plots"), QJsonArray::fromStringList(plots));
        o.insert(QStringLiteral("tables"), QJsonArray::fromStringList(tables));
        if (!started)
            o.insert(QStringLiteral("error"), error);
        Output::printJson(QJsonDocument(o));
    } else {
        Output::print(QStringLiteral("%1: %2 requests, %3 completed, %4 failed; measured / predicted %5 (median)\n")
                          .arg(experiment->name)
                          .arg(summary.value(QStringLiteral("requests")).toInt())
                          .arg(summary.value(QStringLiteral("completed")).toInt())
                          .arg(summary.value(QStringLiteral("failed")).toInt())
                          .arg(summary.value(QStringLiteral("measured_over_predicted")).toDouble(), 0, 'f', 2));
        Output::print(adaptationLines(summary));
        if (experiment->stream.enabled)
            Output::print(streamLines(summary));
        if (comparison)
            Output::print(comparison->toMarkdown());
        Output::print(QStringLiteral("run recorded in %1\n").arg(out));
        for (const QString &table : std::as_const(tables))
            Output::print(QStringLiteral("table %1\n").arg(table));
        for (const QString &plot : plots)
            Output::print(QStringLiteral("plot %1\n").arg(plot));
    }
    if (!started) {
        Output::fail(error);
        return ExitCheckFailed;
    }
    return ExitOk;
}

} // namespace d3::cli
