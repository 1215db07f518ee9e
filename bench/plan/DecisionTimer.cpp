#include "DecisionTimer.h"

#include "Samples.h"

#include <QElapsedTimer>

#include <time.h>

namespace d3::bench {
namespace {

double threadCpuUs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e6 + double(ts.tv_nsec) / 1e3;
}

} // namespace

QVector<DecisionTime> DecisionTimer::run(const std::vector<std::function<void()>> &variants, const BenchOptions &options)
{
    const int count = int(variants.size());
    QVector<QVector<double>> wall(count), cpu(count);
    QElapsedTimer timer;
    for (int round = 0; round < options.warmup + options.runs; ++round) {
        for (int k = 0; k < count; ++k) {
            const int v = (k + round) % count; // a different variant leads each round
            const double cpu0 = threadCpuUs();
            timer.start();
            variants[size_t(v)]();
            const double wallUs = double(timer.nsecsElapsed()) / 1e3;
            const double cpuUs = threadCpuUs() - cpu0;
            if (round >= options.warmup) {
                wall[v].append(wallUs);
                cpu[v].append(cpuUs);
            }
        }
    }
    QVector<DecisionTime> medians(count);
    for (int v = 0; v < count; ++v)
        medians[v] = {Samples::median(wall[v]), Samples::median(cpu[v])};
    return medians;
}

} // namespace d3::bench
