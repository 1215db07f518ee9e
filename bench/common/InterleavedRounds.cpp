#include "InterleavedRounds.h"

#include <QElapsedTimer>

namespace d3::bench {

bool InterleavedRounds::run(const std::vector<Variant> &variants, const BenchOptions &options,
                            QVector<QVector<double>> *samples)
{
    samples->fill(QVector<double>(), int(variants.size()));
    QElapsedTimer timer;
    for (int round = 0; round < options.warmup + options.runs; ++round) {
        for (size_t k = 0; k < variants.size(); ++k) {
            const size_t v = (k + size_t(round)) % variants.size(); // a different variant leads each round
            timer.start();
            const bool ok = variants[v]();
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            if (!ok)
                return false;
            if (round >= options.warmup)
                (*samples)[int(v)].append(ms);
        }
    }
    return true;
}

} // namespace d3::bench
