#include "BenchReport.h"

#include "BenchMain.h"
#include "ComputePlatform.h"
#include "MarkdownTable.h"
#include "Samples.h"

#include <QJsonArray>
#include <QJsonObject>

namespace d3::bench {

QString BenchReport::markdown(const QVector<ModelTiming> &timings, const BenchOptions &options,
                              int /*threads: in the caption's kernels()*/)
{
    const bool other = !timings.isEmpty() && !timings.first().referenceBlasMs.isEmpty();
    QStringList columns{QStringLiteral("model"), QStringLiteral("layers"), QStringLiteral("plain ms"),
                        QStringLiteral("engine ms"), QStringLiteral("split ms"), QStringLiteral("engine/plain"),
                        QStringLiteral("split/engine")};
    const bool noOneDnn = !timings.isEmpty() && !timings.first().noOneDnnMs.isEmpty();
    if (other)
        columns << QStringLiteral("engine ms, other BLAS") << QStringLiteral("other/engine");
    if (noOneDnn)
        columns << QStringLiteral("engine ms, no oneDNN") << QStringLiteral("no oneDNN/engine")
                << QStringLiteral("no oneDNN bit-exact");
    MarkdownTable table(columns);
    for (const ModelTiming &t : timings) {
        const double plain = Samples::median(t.plainMs);
        const double engine = Samples::median(t.engineMs);
        const double split = Samples::median(t.splitMs);
        QStringList row{t.model, QString::number(t.layers), MarkdownTable::fixed(plain, 2),
                        MarkdownTable::fixed(engine, 2), MarkdownTable::fixed(split, 2),
                        MarkdownTable::fixed(Samples::ratio(engine, plain), 3),
                        MarkdownTable::fixed(Samples::ratio(split, engine), 3)};
        if (other) {
            const double reference = Samples::median(t.referenceBlasMs);
            row << MarkdownTable::fixed(reference, 2) << MarkdownTable::fixed(Samples::ratio(reference, engine), 2);
        }
        if (noOneDnn) {
            const double without = Samples::median(t.noOneDnnMs);
            row << MarkdownTable::fixed(without, 2) << MarkdownTable::fixed(Samples::ratio(without, engine), 2)
                << (t.noOneDnnBitExact ? QStringLiteral("yes")
                                       : QStringLiteral("no, %1").arg(t.noOneDnnMaxAbsDiff, 0, 'g', 2));
        }
        table.addRow(row);
    }
    QString caption = QStringLiteral("Median ms of %1 interleaved rounds (after %2 warm-up); split cuts at n/3 and "
                                     "2n/3; on %3")
                          .arg(options.runs).arg(options.warmup).arg(engine::ComputePlatform::current().kernels());
    if (other)
        caption += QStringLiteral("; other BLAS: %1").arg(timings.first().referenceBlas);
    return caption + QStringLiteral(".\n\n") + table.toString();
}

QJsonDocument BenchReport::json(const QVector<ModelTiming> &timings, const BenchOptions &options, int threads)
{
    QJsonArray models;
    for (const ModelTiming &t : timings) {
        const double plain = Samples::median(t.plainMs);
        const double engine = Samples::median(t.engineMs);
        const double split = Samples::median(t.splitMs);
        QJsonObject model{
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
        };
        if (!t.referenceBlasMs.isEmpty()) {
            const double reference = Samples::median(t.referenceBlasMs);
            model.insert(QStringLiteral("reference_blas"), t.referenceBlas);
            model.insert(QStringLiteral("reference_blas_ms"), reference);
            model.insert(QStringLiteral("reference_blas_min_ms"), Samples::minimum(t.referenceBlasMs));
            model.insert(QStringLiteral("reference_blas_over_engine"), Samples::ratio(reference, engine));
            model.insert(QStringLiteral("reference_blas_max_abs_diff"), t.referenceBlasMaxAbsDiff);
        }
        if (!t.noOneDnnMs.isEmpty()) {
            const double without = Samples::median(t.noOneDnnMs);
            model.insert(QStringLiteral("no_onednn_ms"), without);
            model.insert(QStringLiteral("no_onednn_min_ms"), Samples::minimum(t.noOneDnnMs));
            model.insert(QStringLiteral("no_onednn_over_engine"), Samples::ratio(without, engine));
            model.insert(QStringLiteral("no_onednn_bit_exact"), t.noOneDnnBitExact);
            model.insert(QStringLiteral("no_onednn_max_abs_diff"), t.noOneDnnMaxAbsDiff);
        }
        models.append(model);
    }
    return BenchMain::reportJson(options, threads, models, engine::ComputePlatform::current().toJson());
}

} // namespace d3::bench
