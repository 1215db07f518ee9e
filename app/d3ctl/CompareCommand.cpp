#include "CompareCommand.h"

#include "CommandLine.h"
#include "Output.h"
#include "PlanReport.h"
#include "PlanningArgs.h"
#include "TextTable.h"

#include <QJsonArray>

#include <vector>

namespace d3::cli {

int CompareCommand::run(const QStringList &args)
{
    const CommandLine cl(args, PlanningArgs::valueOptions(), {QStringLiteral("json")});
    if (!cl.error().isEmpty())
        return Output::fail(QStringLiteral("compare: ") + cl.error());
    QString error;
    const auto built = PlanningArgs::costModel(cl, QStringLiteral("compare"), &error);
    if (!built)
        return Output::fail(error);
    const core::CostModel &model = *built;
    const core::ModelGraph *graph = &model.graph();

    std::vector<core::PlanResult> results;
    for (const QString &name : core::Planner::names())
        results.push_back(core::Planner::create(name)->run(model));
    auto find = [&](const char *name) {
        for (const auto &r : results) {
            if (r.planner == QLatin1String(name))
                return r;
        }
        return results.front();
    };
    const core::PlanResult deviceOnly = find("device-only");
    const core::PlanResult cloudOnly = find("cloud-only");

    QJsonArray list;
    TextTable table({QStringLiteral("planner"), QStringLiteral("plan"), QStringLiteral("predicted ms"),
                     QStringLiteral("vs device-only"), QStringLiteral("vs cloud-only"), QStringLiteral("backbone bytes"),
                     QStringLiteral("backbone vs cloud-only"), QStringLiteral("backbone raw bytes"), QStringLiteral("codecs"),
                     QStringLiteral("bottleneck"), QStringLiteral("max rps"), QStringLiteral("decision us")});
    for (const core::PlanResult &r : results) {
        const double vsDevice = deviceOnly.cost.total / r.cost.total;
        const double vsCloud = cloudOnly.cost.total / r.cost.total;
        const double backboneCut = r.cost.backboneBytes > 0
            ? double(cloudOnly.cost.backboneBytes) / double(r.cost.backboneBytes) : 0.0;
        QJsonObject o = PlanReport::toJson(r, model);
        o.insert(QStringLiteral("speedup_vs_device_only"), vsDevice);
        o.insert(QStringLiteral("speedup_vs_cloud_only"), vsCloud);
        o.insert(QStringLiteral("backbone_reduction_vs_cloud_only"), backboneCut);
        list.append(o);
        table.addRow({r.planner, r.plan.describe(), QString::number(r.cost.total, 'f', 2),
                      QStringLiteral("%1x").arg(vsDevice, 0, 'f', 2), QStringLiteral("%1x").arg(vsCloud, 0, 'f', 2),
                      Output::grouped(r.cost.backboneBytes),
                      r.cost.backboneBytes > 0 ? QStringLiteral("%1x").arg(backboneCut, 0, 'f', 2) : QStringLiteral("none"),
                      Output::grouped(r.cost.backboneRawBytes),
                      r.plan.compresses() ? r.plan.describeCodecs() : QStringLiteral("none"),
                      QStringLiteral("%1 %2 ms").arg(r.cost.bottleneck).arg(r.cost.bottleneckMs, 0, 'f', 2),
                      QString::number(r.cost.throughputRps, 'f', 1), QString::number(r.decisionUs, 'f', 0)});
    }
    if (cl.has(QStringLiteral("json"))) {
        Output::printJson(QJsonDocument(list));
        return ExitOk;
    }
    Output::print(QStringLiteral("%1, costs %2, objective %3\n\n")
                      .arg(graph->name(), PlanReport::costsText(model), model.objective().label())
                  + table.render());
    for (const core::PlanResult &r : results) {
        if (!r.note.isEmpty())
            Output::print(QStringLiteral("%1: %2\n").arg(r.planner, r.note));
    }
    return ExitOk;
}

} // namespace d3::cli
