#include "BenchReport.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace d3::bench {
namespace {

double ratio(double a, double b)
{
    return b > 0 ? a / b : 0;
}

QString fixed(double v, int decimals)
{
    return QString::number(v, 'f', decimals);
}

} // namespace

QString BenchReport::markdown(const QVector<ModelTiming> &timings, const BenchOptions &options, int threads)
{
    const QStringList header{QStringLiteral("model"), QStringLiteral("layers"), QStringLiteral("plain ms"),
                             QStringLiteral("engine ms"), QStringLiteral("split ms"), QStringLiteral("engine/plain"),
                             QStringLiteral("split/engine")};
    QVector<QStringList> rows;
    for (const ModelTiming &t : timings) {
        const double plain = ModelTiming::median(t.plainMs);
        const double engine = ModelTiming::median(t.engineMs);
        const double split = ModelTiming::median(t.splitMs);
        rows.append({t.model, QString::number(t.layers), fixed(plain, 2), fixed(engine, 2), fixed(split, 2),
                     fixed(ratio(engine, plain), 3), fixed(ratio(split, engine), 3)});
    }
    QVector<int> width;
    for (const QString &h : header)
        width.append(h.size());
    for (const QStringList &row : rows) {
        for (int c = 0; c < row.size(); ++c)
            width[c] = std::max(width[c], int(row.at(c).size()));
    }
    // Left-align the model name, right-align the figures.
    auto line = [&](const QStringList &cells) {
        QString s = QStringLiteral("|");
        for (int c = 0; c < cells.size(); ++c)
            s += QLatin1Char(' ') + (c == 0 ? cells.at(c).leftJustified(width[c]) : cells.at(c).rightJustified(width[c]))
                + QStringLiteral(" |");
        return s + QLatin1Char('\n');
    };
    QString out = QStringLiteral("Median ms of %1 interleaved rounds (after %2 warm-up), %3 LibTorch thread%4; "
                                 "split cuts at n/3 and 2n/3.\n\n")
                      .arg(options.runs).arg(options.warmup).arg(threads)
                      .arg(threads == 1 ? QString() : QStringLiteral("s"));
    out += line(header);
    QString rule = QStringLiteral("|");
    for (int c = 0; c < width.size(); ++c)
        rule += (c == 0 ? QStringLiteral(" :") + QString(width[c] - 1, QLatin1Char('-'))
                        : QLatin1Char(' ') + QString(width[c] - 1, QLatin1Char('-')) + QLatin1Char(':'))
            + QStringLiteral(" |");
    out += rule + QLatin1Char('\n');
    for (const QStringList &row : rows)
        out += line(row);
    return out;
}

QJsonDocument BenchReport::json(const QVector<ModelTiming> &timings, const BenchOptions &options, int threads)
{
    QJsonArray models;
    for (const ModelTiming &t : timings) {
        const double plain = ModelTiming::median(t.plainMs);
        const double engine = ModelTiming::median(t.engineMs);
        const double split = ModelTiming::median(t.splitMs);
        models.append(QJsonObject{
            {QStringLiteral("model"), t.model},
            {QStringLiteral("layers"), t.layers},
            {QStringLiteral("cuts"), QJsonArray{t.cutP, t.cutQ}},
            {QStringLiteral("cut_bytes"), QJsonArray{double(t.bytesP), double(t.bytesQ)}},
            {QStringLiteral("plain_ms"), plain},
            {QStringLiteral("engine_ms"), engine},
            {QStringLiteral("split_ms"), split},
            {QStringLiteral("plain_min_ms"), ModelTiming::minimum(t.plainMs)},
            {QStringLiteral("engine_min_ms"), ModelTiming::minimum(t.engineMs)},
            {QStringLiteral("split_min_ms"), ModelTiming::minimum(t.splitMs)},
            {QStringLiteral("engine_over_plain"), ratio(engine, plain)},
            {QStringLiteral("split_over_engine"), ratio(split, engine)},
            {QStringLiteral("bit_exact"), t.bitExact},
            {QStringLiteral("max_abs_diff"), t.maxAbsDiff},
        });
    }
    return QJsonDocument(QJsonObject{
        {QStringLiteral("threads"), threads},
        {QStringLiteral("runs"), options.runs},
        {QStringLiteral("warmup"), options.warmup},
        {QStringLiteral("models"), models},
    });
}

} // namespace d3::bench
