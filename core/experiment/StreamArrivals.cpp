#include "StreamArrivals.h"

#include "util/Hash64.h"

#include <cmath>

namespace d3::core {

QVector<double> StreamArrivals::schedule(const ExperimentStream &stream, int count)
{
    QVector<double> at(std::max(0, count), 0.0);
    if (!stream.openLoop() || stream.rateHz <= 0)
        return at;
    const double meanMs = 1000.0 / stream.rateHz;
    double t = 0;
    for (int i = 0; i < count; ++i) {
        at[i] = t;
        if (stream.arrivals == ExperimentStream::Arrivals::Fixed) {
            t += meanMs;
        } else { // 53 random bits, u in (0, 1]: the gap -ln(u) x mean is finite
            const quint64 bits = Hash64::mix(Hash64::mix(stream.seed) + quint64(i) * 0x9e3779b97f4a7c15ULL) >> 11;
            const double u = (double(bits) + 1.0) / 9007199254740992.0;
            t += -std::log(u) * meanMs;
        }
    }
    return at;
}

} // namespace d3::core
