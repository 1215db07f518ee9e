#include "CodecReport.h"

#include "BenchMain.h"
#include "Samples.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace d3::bench {

QString CodecReport::markdown(const QVector<CodecTiming> &timings, const BenchOptions &options, int threads)
{
    QString t = QStringLiteral("Raw float32 bytes over encoded bytes at every cut (1..n-1) of each model, %1 speed runs "
                               "after %2 warm-up, %3 thread(s):\n\n")
                    .arg(options.runs).arg(options.warmup).arg(threads);
    t += QStringLiteral("| model | cuts | zeros (median share) | zero: median | zero: largest | shuffle-zstd: median | "
                        "shuffle-zstd: largest | at the smallest cut (KiB raw): zero, shuffle-zstd | GB/s zero enc / dec "
                        "| GB/s shuffle-zstd enc / dec |\n| :-- | --: | --: | --: | --: | --: | --: | --: | --: | --: |\n");
    for (const CodecTiming &m : timings) {
        QVector<double> zero, zstd, zeros;
        const CodecTiming::Cut *smallest = nullptr;
        for (const CodecTiming::Cut &c : m.cuts) {
            zero << Samples::ratio(double(c.raw), double(c.zero));
            zstd << Samples::ratio(double(c.raw), double(c.zstd));
            zeros << c.zeroFraction;
            if (!smallest || c.raw < smallest->raw)
                smallest = &c;
        }
        if (!smallest)
            continue;
        t += QStringLiteral("| %1 | %2 | %3 | %4 | %5 | %6 | %7 | %8: %9, %10 | %11 / %12 | %13 / %14 |\n")
                 .arg(m.model).arg(m.cuts.size())
                 .arg(Samples::median(zeros), 0, 'f', 2)
                 .arg(Samples::median(zero), 0, 'f', 2)
                 .arg(*std::max_element(zero.begin(), zero.end()), 0, 'f', 2)
                 .arg(Samples::median(zstd), 0, 'f', 2)
                 .arg(*std::max_element(zstd.begin(), zstd.end()), 0, 'f', 2)
                 .arg(smallest->raw / 1024.0, 0, 'f', 1)
                 .arg(Samples::ratio(double(smallest->raw), double(smallest->zero)), 0, 'f', 2)
                 .arg(Samples::ratio(double(smallest->raw), double(smallest->zstd)), 0, 'f', 2)
                 .arg(m.zeroEncodeGBs, 0, 'f', 2).arg(m.zeroDecodeGBs, 0, 'f', 2)
                 .arg(m.zstdEncodeGBs, 0, 'f', 2).arg(m.zstdDecodeGBs, 0, 'f', 2);
    }
    return t;
}

QJsonDocument CodecReport::json(const QVector<CodecTiming> &timings, const BenchOptions &options, int threads)
{
    QJsonArray models;
    for (const CodecTiming &m : timings) {
        QJsonArray cuts;
        for (const CodecTiming::Cut &c : m.cuts)
            cuts.append(QJsonObject{{QStringLiteral("position"), c.position},
                                    {QStringLiteral("raw"), c.raw},
                                    {QStringLiteral("zero"), c.zero},
                                    {QStringLiteral("shuffle_zstd"), c.zstd},
                                    {QStringLiteral("zero_fraction"), c.zeroFraction}});
        models.append(QJsonObject{
            {QStringLiteral("model"), m.model},
            {QStringLiteral("largest_bytes"), m.largest},
            {QStringLiteral("gbs"), QJsonObject{{QStringLiteral("zero_encode"), m.zeroEncodeGBs},
                                                {QStringLiteral("zero_decode"), m.zeroDecodeGBs},
                                                {QStringLiteral("shuffle_zstd_encode"), m.zstdEncodeGBs},
                                                {QStringLiteral("shuffle_zstd_decode"), m.zstdDecodeGBs}}},
            {QStringLiteral("cuts"), cuts}});
    }
    return BenchMain::reportJson(options, threads, models);
}

} // namespace d3::bench
