#include "BenchReport.h"

#include "BenchMain.h"
#include "MarkdownTable.h"
#include "Samples.h"

#include <QJsonArray>
#include <QJsonObject>

namespace d3::bench {

QString BenchReport::markdown(const QVector<ModelTiming> &timings, const BenchOptions &options, int threads)
{
    MarkdownTable table({QStringLiteral("model"), QStringLiteral("layers"), QStringLiteral("plain ms"),
                         QStringLiteral("engine ms"), QStringLiteral("split ms"), QStringLiteral("engine/plain"),
                         QStringLiteral("split/engine")});
    for (const ModelTiming &t : timings) {
        const double plain = Samples::median(t.plainMs);
        const double engine = Samples::median(t.engineMs);
        const double split = Samples::median(t.splitMs);
        table.addRow({t.model, QString::number(t.layers), MarkdownTable::fixed(plain, 2),
                      MarkdownTable::fixed(engine, 2), MarkdownTable::fixed(split, 2),
                      MarkdownTable::fixed(Samples::ratio(engine, plain), 3),
                      MarkdownTable::fixed(Samples::ratio(split, engine), 3)});
    }
    return QStringLiteral("Median ms of %1 interleaved rounds (after %2 warm-up), %3 LibTorch thread%4; "
                          "split cuts at n/3 and 2n/3.\n\n")
               .arg(options.runs).arg(options.warmup).arg(threads).arg(threads == 1 ? QString() : QStringLiteral("s"))
        + table.toString();
}

QJsonDocument BenchReport::json(const QVector<ModelTiming> &timings, const BenchOptions &options, int threads)
{
    QJsonArray models;
    for (const ModelTiming &t : timings) {
        const double plain = Samples::median(t.plainMs);
        const double engine = Samples::median(t.engineMs);
        const double split = Samples::median(t.splitMs);
        models.append(QJsonObject{
            {QStringLiteral("model"), t.model},
            {QStringLiteral("layers"), t.layers},
            {QStringLiteral("cuts"), QJsonArray{t.cutP, t.cutQ}},
            {QStringLiteral("cut_bytes"), QJsonArray{double(t.bytesP), double(t.bytesQ)}},
            {QStringLiteral("plain_ms"), plain},
            {QStringLiteral("engine_ms"), engine},
            {QStringLiteral("split_ms"), split},
            {QStringLiteral("plain_min_ms"), Samples::minimum(t.plainMs)},
            {QStringLiteral("engine_min_ms"), Samples::minimum(t.engineMs)},
            {QStringLiteral("split_min_ms"), Samples::minimum(t.splitMs)},
            {QStringLiteral("engine_over_plain"), Samples::ratio(engine, plain)},
            {QStringLiteral("split_over_engine"), Samples::ratio(split, engine)},
            {QStringLiteral("bit_exact"), t.bitExact},
            {QStringLiteral("max_abs_diff"), t.maxAbsDiff},
        });
    }
    return BenchMain::reportJson(options, threads, models);
}

} // namespace d3::bench
