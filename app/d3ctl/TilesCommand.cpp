#include "TilesCommand.h"

#include "CommandLine.h"
#include "Output.h"
#include "TextTable.h"
#include "graph/ModelCatalog.h"
#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

#include <QJsonArray>
#include <QJsonObject>

namespace d3::cli {
namespace {

QJsonArray regionJson(const core::Region &r)
{
    return QJsonArray{double(r.y0), double(r.y1), double(r.x0), double(r.x1)};
}

} // namespace

int TilesCommand::run(const QStringList &args)
{
    const CommandLine cl(args, {QStringLiteral("range"), QStringLiteral("grid")}, {QStringLiteral("json")});
    if (!cl.error().isEmpty())
        return Output::fail(QStringLiteral("tiles: ") + cl.error());
    if (cl.positionals().size() != 1)
        return Output::fail(QStringLiteral("tiles: expects one MODEL (a built-in name or a model file)"));
    if (!cl.has(QStringLiteral("range")) || !cl.has(QStringLiteral("grid")))
        return Output::fail(QStringLiteral("tiles: --range P,Q and --grid RxC are required"));
    core::GraphError graphError;
    const auto graph = core::ModelCatalog::resolve(cl.positionals().first(), &graphError);
    if (!graph)
        return Output::fail(graphError.toString());
    int p = 0, q = 0, rows = 1, cols = 1;
    QString error;
    if (!cl.cutPair(QStringLiteral("range"), graph->layerCount(), &p, &q, &error)
        || !cl.grid(QStringLiteral("grid"), core::TileGeometry::kMaxGrid, &rows, &cols, &error))
        return Output::fail(QStringLiteral("tiles: ") + error);
    const auto stack = core::StackFinder::leading(*graph, p, q, &error);
    if (!stack)
        return Output::fail(QStringLiteral("tiles: ") + error);
    const auto geometry = core::TileGeometry::build(*graph, *stack, rows, cols, &error);
    if (!geometry)
        return Output::fail(QStringLiteral("tiles: ") + error);

    QJsonArray tiles;
    TextTable table({QStringLiteral("tile"), QStringLiteral("output rows x cols"), QStringLiteral("input region"),
                     QStringLiteral("input bytes"), QStringLiteral("MFLOPs")});
    for (const core::Tile &tile : geometry->tiles()) {
        QJsonArray in;
        QStringList inText;
        for (int t : stack->inputs) {
            in.append(QJsonObject{{QStringLiteral("tensor"), graph->tensorName(t)},
                                  {QStringLiteral("region"), regionJson(tile.regions.value(t))}});
            inText << tile.regions.value(t).toString();
        }
        tiles.append(QJsonObject{
            {QStringLiteral("row"), tile.row},
            {QStringLiteral("col"), tile.col},
            {QStringLiteral("out"), regionJson(tile.out)},
            {QStringLiteral("in"), in},
            {QStringLiteral("flops"), double(tile.flops)},
            {QStringLiteral("input_bytes"), double(tile.inputBytes)},
        });
        table.addRow({QStringLiteral("(%1,%2)").arg(tile.row).arg(tile.col), tile.out.toString(),
                      inText.join(QLatin1String(" ")), Output::grouped(tile.inputBytes),
                      QString::number(double(tile.flops) / 1e6, 'f', 1)});
    }
    QStringList stackNames;
    for (int i = stack->begin; i < stack->end; ++i)
        stackNames << graph->layer(i).name;
    const core::TensorShape &outShape = graph->tensorShape(stack->output);
    if (cl.has(QStringLiteral("json"))) {
        Output::printJson(QJsonDocument(QJsonObject{
            {QStringLiteral("model"), graph->name()},
            {QStringLiteral("range"), QJsonArray{p, q}},
            {QStringLiteral("stack"), QJsonArray{stack->begin, stack->end - 1}},
            {QStringLiteral("stack_layers"), QJsonArray::fromStringList(stackNames)},
            {QStringLiteral("output"), QJsonArray{double(outShape.channels()), double(outShape.height()),
                                                  double(outShape.width())}},
            {QStringLiteral("grid"), QJsonArray{rows, cols}},
            {QStringLiteral("tiles"), tiles},
            {QStringLiteral("untiled_flops"), double(geometry->untiledFlops())},
            {QStringLiteral("tiled_flops"), double(geometry->tiledFlops())},
            {QStringLiteral("redundant_flops_ratio"), geometry->redundantFlopsRatio()},
        }));
        return ExitOk;
    }
    Output::print(QStringLiteral("%1 range [%2, %3): stack of layers %4..%5 (%6 .. %7), output '%8' %9, grid %10x%11\n"
                                 "halo: %12 MFLOPs tiled against %13 untiled, %14% redundant\n\n")
                      .arg(graph->name()).arg(p).arg(q).arg(stack->begin).arg(stack->end - 1)
                      .arg(stackNames.first(), stackNames.last(), graph->tensorName(stack->output), outShape.toString())
                      .arg(rows).arg(cols)
                      .arg(double(geometry->tiledFlops()) / 1e6, 0, 'f', 1)
                      .arg(double(geometry->untiledFlops()) / 1e6, 0, 'f', 1)
                      .arg(100.0 * geometry->redundantFlopsRatio(), 0, 'f', 1));
    Output::print(table.render());
    return ExitOk;
}

} // namespace d3::cli
