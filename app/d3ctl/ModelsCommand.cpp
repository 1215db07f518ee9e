#include "ModelsCommand.h"

#include "CommandLine.h"
#include "Output.h"
#include "TextTable.h"
#include "graph/ModelCatalog.h"

#include <QJsonArray>
#include <QJsonObject>

namespace d3::cli {

int ModelsCommand::run(const QStringList &args)
{
    const CommandLine cl(args, {}, {QStringLiteral("json")});
    if (!cl.error().isEmpty())
        return Output::fail(QStringLiteral("models: ") + cl.error());
    if (!cl.positionals().isEmpty())
        return Output::fail(QStringLiteral("models: takes no arguments (got '%1')").arg(cl.positionals().first()));

    QJsonArray list;
    TextTable table({QStringLiteral("model"), QStringLiteral("layers"), QStringLiteral("params"),
                     QStringLiteral("GFLOPs"), QStringLiteral("input"), QStringLiteral("output"),
                     QStringLiteral("source")});
    QStringList names = core::ModelCatalog::builtinNames();
    const QMap<QString, QString> user = core::ModelCatalog::userModels();
    names += user.keys();
    for (const QString &name : names) {
        core::GraphError error;
        const auto graph = core::ModelCatalog::resolve(name, &error);
        if (!graph) { // a user's file that does not read is listed as such; the built-ins always read
            Output::warn(error.toString());
            continue;
        }
        const core::TensorShape &in = graph->inputShape();
        list.append(QJsonObject{
            {QStringLiteral("name"), name},
            {QStringLiteral("source"), user.contains(name) ? user.value(name) : QStringLiteral("built-in")},
            {QStringLiteral("layers"), graph->layerCount()},
            {QStringLiteral("params"), double(graph->totalParams())},
            {QStringLiteral("flops"), double(graph->totalFlops())},
            {QStringLiteral("input"), QJsonArray{double(in.channels()), double(in.height()), double(in.width())}},
            {QStringLiteral("output"), QJsonArray::fromVariantList([&] {
                 QVariantList v;
                 for (qint64 d : graph->tensorShape(graph->outputTensor()).dims)
                     v << d;
                 return v;
             }())},
        });
        table.addRow({name, QString::number(graph->layerCount()), Output::grouped(graph->totalParams()),
                      QString::number(double(graph->totalFlops()) / 1e9, 'f', 2), in.toString(),
                      graph->tensorShape(graph->outputTensor()).toString(),
                      user.contains(name) ? user.value(name) : QStringLiteral("built-in")});
    }
    if (cl.has(QStringLiteral("json")))
        Output::printJson(QJsonDocument(list));
    else
        Output::print(table.render());
    return ExitOk;
}

} // namespace d3::cli
