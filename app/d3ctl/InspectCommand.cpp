#include "InspectCommand.h"

#include "CommandLine.h"
#include "Output.h"
#include "TextTable.h"
#include "graph/ModelCatalog.h"

#include <QJsonArray>
#include <QJsonObject>

namespace d3::cli {
namespace {

QJsonArray dims(const core::TensorShape &s)
{
    QJsonArray a;
    for (qint64 d : s.dims)
        a.append(double(d));
    return a;
}

} // namespace

int InspectCommand::run(const QStringList &args)
{
    const CommandLine cl(args, {}, {QStringLiteral("json")});
    if (!cl.error().isEmpty())
        return Output::fail(QStringLiteral("inspect: ") + cl.error());
    if (cl.positionals().size() != 1)
        return Output::fail(QStringLiteral("inspect: expects one MODEL (a built-in name or a model file)"));
    core::GraphError error;
    const auto graph = core::ModelCatalog::resolve(cl.positionals().first(), &error);
    if (!graph)
        return Output::fail(error.toString());

    QJsonArray layers;
    TextTable layerTable({QStringLiteral("#"), QStringLiteral("layer"), QStringLiteral("op"), QStringLiteral("inputs"),
                          QStringLiteral("shape"), QStringLiteral("params"), QStringLiteral("MFLOPs"),
                          QStringLiteral("bytes")});
    for (const core::Layer &l : graph->layers()) {
        QStringList inputs;
        for (int t : l.inputs)
            inputs << graph->tensorName(t);
        layers.append(QJsonObject{
            {QStringLiteral("name"), l.name},
            {QStringLiteral("op"), core::opName(l.op)},
            {QStringLiteral("inputs"), QJsonArray::fromStringList(inputs)},
            {QStringLiteral("shape"), dims(l.shape)},
            {QStringLiteral("params"), double(l.params)},
            {QStringLiteral("flops"), double(l.flops)},
            {QStringLiteral("bytes"), double(l.bytes)},
        });
        layerTable.addRow({QString::number(l.index), l.name, core::opName(l.op), inputs.join(QLatin1String(",")),
                           l.shape.toString(), Output::grouped(l.params),
                           QString::number(double(l.flops) / 1e6, 'f', 1), Output::grouped(l.bytes)});
    }
    QJsonArray cuts;
    TextTable cutTable({QStringLiteral("cut"), QStringLiteral("bytes"), QStringLiteral("tensors")});
    for (const core::CutInfo &c : graph->cuts()) {
        QStringList names;
        for (int t : c.tensors)
            names << graph->tensorName(t);
        cuts.append(QJsonObject{
            {QStringLiteral("position"), c.position},
            {QStringLiteral("bytes"), double(c.bytes)},
            {QStringLiteral("tensors"), QJsonArray::fromStringList(names)},
        });
        cutTable.addRow({QString::number(c.position), Output::grouped(c.bytes), names.join(QLatin1String(", "))});
    }
    if (cl.has(QStringLiteral("json"))) {
        Output::printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("model"), graph->name()},
            {QStringLiteral("input"), dims(graph->inputShape())},
            {QStringLiteral("params"), double(graph->totalParams())},
            {QStringLiteral("flops"), double(graph->totalFlops())},
            {QStringLiteral("layers"), layers},
            {QStringLiteral("cuts"), cuts},
        }));
    } else {
        Output::print(QStringLiteral("%1: %2 layers, %3 parameters, %4 GFLOPs, input %5\n\n")
                          .arg(graph->name()).arg(graph->layerCount()).arg(Output::grouped(graph->totalParams()))
                          .arg(double(graph->totalFlops()) / 1e9, 0, 'f', 2).arg(graph->inputShape().toString()));
        Output::print(layerTable.render() + QLatin1Char('\n') + cutTable.render());
    }
    return ExitOk;
}

} // namespace d3::cli
