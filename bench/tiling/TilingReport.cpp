#include "TilingReport.h"

#include "BenchMain.h"
#include "ComputePlatform.h"
#include "MarkdownTable.h"
#include "Samples.h"

#include <QJsonArray>
#include <QJsonObject>

namespace d3::bench {
namespace {

QString size(qint64 height, qint64 width)
{
    return QStringLiteral("%1x%2").arg(height).arg(width);
}

QJsonArray dims(const QVector<qint64> &values)
{
    QJsonArray a;
    for (qint64 v : values)
        a.append(double(v));
    return a;
}

} // namespace

QString TilingReport::markdown(const QVector<StackTiming> &timings, const BenchOptions &options,
                               int /*threads: in the caption's kernels()*/)
{
    MarkdownTable table({QStringLiteral("model"), QStringLiteral("stack"), QStringLiteral("grid"),
                         QStringLiteral("tile out"), QStringLiteral("ms"), QStringLiteral("tiled/untiled"),
                         QStringLiteral("1 + redundant"), QStringLiteral("measured/predicted"),
                         QStringLiteral("bit-exact")});
    QStringList skipped;
    for (const StackTiming &t : timings) {
        const double untiled = Samples::median(t.untiledMs);
        table.addRow({t.model,
                      QStringLiteral("[%1, %2) %3").arg(t.begin).arg(t.end).arg(t.output.toString()),
                      QStringLiteral("untiled"), size(t.output.height(), t.output.width()),
                      MarkdownTable::fixed(untiled, 2), MarkdownTable::fixed(1, 3), MarkdownTable::fixed(1, 3),
                      QString(), QString()});
        for (const GridTiming &g : t.grids) {
            const QString grid = size(g.rows, g.cols);
            if (!g.skipped.isEmpty()) {
                table.addRow({QString(), QString(), grid, QStringLiteral("-"), QStringLiteral("-"),
                              QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-"), QStringLiteral("-")});
                skipped << QStringLiteral("%1 %2: %3").arg(t.model, grid, g.skipped);
                continue;
            }
            const double measured = Samples::ratio(Samples::median(g.ms), untiled);
            const double predicted = 1 + g.redundantFlopsRatio;
            table.addRow({QString(), QString(), grid, size(g.tileHeight, g.tileWidth),
                          MarkdownTable::fixed(Samples::median(g.ms), 2), MarkdownTable::fixed(measured, 3),
                          MarkdownTable::fixed(predicted, 3), MarkdownTable::fixed(Samples::ratio(measured, predicted), 3),
                          g.bitExact ? QStringLiteral("yes")
                                     : QStringLiteral("no, %1").arg(Samples::ratio(g.maxAbsDiff, g.maxAbsRef), 0, 'e', 0)});
        }
    }
    QString out = QStringLiteral("Median ms of %1 interleaved rounds (after %2 warm-up); "
                                 "tiles run one after another (crop + runTile + paste each); on %3.\n\n")
                      .arg(options.runs).arg(options.warmup).arg(engine::ComputePlatform::current().kernels());
    out += table.toString();
    out += QStringLiteral("\nbit-exact: the stitched output against the untiled one; \"no, r\" gives "
                          "max|diff| / max|y|.\n");
    if (!skipped.isEmpty())
        out += QStringLiteral("\nSkipped: ") + skipped.join(QStringLiteral("; ")) + QLatin1Char('\n');
    return out;
}

QJsonDocument TilingReport::json(const QVector<StackTiming> &timings, const BenchOptions &options, int threads)
{
    QJsonArray models;
    for (const StackTiming &t : timings) {
        const double untiled = Samples::median(t.untiledMs);
        QJsonArray grids;
        for (const GridTiming &g : t.grids) {
            if (!g.skipped.isEmpty()) {
                grids.append(QJsonObject{{QStringLiteral("rows"), g.rows}, {QStringLiteral("cols"), g.cols},
                                         {QStringLiteral("skipped"), g.skipped}});
                continue;
            }
            const double ms = Samples::median(g.ms);
            const double predicted = 1 + g.redundantFlopsRatio;
            grids.append(QJsonObject{
                {QStringLiteral("rows"), g.rows},
                {QStringLiteral("cols"), g.cols},
                {QStringLiteral("tile_out"), dims({g.tileHeight, g.tileWidth})},
                {QStringLiteral("ms"), ms},
                {QStringLiteral("min_ms"), Samples::minimum(g.ms)},
                {QStringLiteral("over_untiled"), Samples::ratio(ms, untiled)},
                {QStringLiteral("redundant_flops_ratio"), g.redundantFlopsRatio},
                {QStringLiteral("predicted_ratio"), predicted},
                {QStringLiteral("over_predicted"), Samples::ratio(Samples::ratio(ms, untiled), predicted)},
                {QStringLiteral("tiled_flops"), double(g.tiledFlops)},
                {QStringLiteral("input_bytes"), double(g.inputBytes)},
                {QStringLiteral("bit_exact"), g.bitExact},
                {QStringLiteral("max_abs_diff"), g.maxAbsDiff},
                {QStringLiteral("max_abs_ref"), g.maxAbsRef},
            });
        }
        models.append(QJsonObject{
            {QStringLiteral("model"), t.model},
            {QStringLiteral("layers"), t.layers},
            {QStringLiteral("stack"), QJsonObject{{QStringLiteral("begin"), t.begin},
                                                  {QStringLiteral("end"), t.end},
                                                  {QStringLiteral("output"), dims(t.output.dims)},
                                                  {QStringLiteral("flops"), double(t.flops)},
                                                  {QStringLiteral("input_bytes"), double(t.inputBytes)}}},
            {QStringLiteral("untiled_ms"), untiled},
            {QStringLiteral("untiled_min_ms"), Samples::minimum(t.untiledMs)},
            {QStringLiteral("grids"), grids},
        });
    }
    return BenchMain::reportJson(options, threads, models, engine::ComputePlatform::current().toJson());
}

} // namespace d3::bench
