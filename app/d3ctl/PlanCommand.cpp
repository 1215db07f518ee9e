#include "PlanCommand.h"

#include "CommandLine.h"
#include "Output.h"
#include "PlanReport.h"
#include "PlanningArgs.h"

#include <QJsonArray>

namespace d3::cli {

int PlanCommand::run(const QStringList &args)
{
    const CommandLine cl(args, PlanningArgs::valueOptions() << QStringLiteral("planner"), {QStringLiteral("json")});
    if (!cl.error().isEmpty())
        return Output::fail(QStringLiteral("plan: ") + cl.error());
    const QString name = cl.value(QStringLiteral("planner"));
    const auto planner = core::Planner::create(name);
    if (!planner)
        return Output::fail(QStringLiteral("plan: --planner must be one of %1, got '%2'")
                                .arg(core::Planner::names().join(QLatin1String(", ")), name));
    QString error;
    const auto built = PlanningArgs::costModel(cl, QStringLiteral("plan"), &error);
    if (!built)
        return Output::fail(error);
    const core::CostModel &model = *built;
    const core::ModelGraph *graph = &model.graph();
    const core::Conditions *conditions = &model.conditions();
    const core::PlanResult r = planner->run(model);
    if (cl.has(QStringLiteral("json"))) {
        QJsonObject o = PlanReport::toJson(r, model);
        o.insert(QStringLiteral("conditions"), conditions->toJson());
        Output::printJson(QJsonDocument(o));
        return ExitOk;
    }
    const core::CostBreakdown &b = r.cost;
    Output::print(QStringLiteral("%1 on %2: %3, predicted %4 ms (device %5, uplink %6, tiles %7, edge %8, backbone %9, "
                                 "cloud %10, return %11), backbone %12 bytes, decided in %13 us\n%14\ncosts %15\n%16\n%17")
                      .arg(r.planner, graph->name(), r.plan.describe())
                      .arg(b.total, 0, 'f', 2).arg(b.device, 0, 'f', 2).arg(b.uplink, 0, 'f', 2).arg(b.tiles, 0, 'f', 2)
                      .arg(b.edge, 0, 'f', 2).arg(b.backbone, 0, 'f', 2).arg(b.cloud, 0, 'f', 2).arg(b.ret, 0, 'f', 2)
                      .arg(Output::grouped(b.backboneBytes)).arg(r.decisionUs, 0, 'f', 0)
                      .arg(PlanReport::streamText(r, model), PlanReport::costsText(model), PlanReport::codecsText(r, model),
                           r.note.isEmpty() ? QString() : r.note + QLatin1Char('\n')));
    return ExitOk;
}

} // namespace d3::cli
