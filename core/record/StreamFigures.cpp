#include "StreamFigures.h"

#include "Comparison.h"
#include "RunSummary.h"

#include <algorithm>
#include <limits>

namespace d3::core {
namespace {

/// A request's queue ms in queueNames() order.
std::array<double, 8> queuesOf(const RequestRecord &r)
{
    return {r.deviceQueueMs,
            r.tilesQueueMs,
            r.edgeQueueMs,
            r.cloudQueueMs,
            r.linkQueueMs[RequestRecord::Uplink],
            r.linkQueueMs[RequestRecord::EdgeEdge],
            r.linkQueueMs[RequestRecord::Backbone],
            r.linkQueueMs[RequestRecord::Return]};
}

/// Events per second: count over the ms from first to last; 0 without a positive span.
double perSecond(double count, double firstMs, double lastMs)
{
    return count > 0 && lastMs > firstMs ? count * 1000.0 / (lastMs - firstMs) : 0;
}

} // namespace

QStringList StreamFigures::queueNames()
{
    return {QStringLiteral("device"), QStringLiteral("tiles"),     QStringLiteral("edge"),     QStringLiteral("cloud"),
            QStringLiteral("uplink"), QStringLiteral("edge_edge"), QStringLiteral("backbone"), QStringLiteral("return")};
}

StreamFigures StreamFigures::of(const QVector<const RequestRecord *> &records)
{
    StreamFigures f;
    constexpr double kInf = std::numeric_limits<double>::infinity();
    double firstArrival = kInf, lastArrival = -kInf, firstCompletion = kInf, lastCompletion = -kInf;
    QVector<double> latency, admission, predicted;
    std::array<QVector<double>, 8> queues;
    for (const RequestRecord *r : records) {
        if (r->probe)
            continue;
        ++f.arrivals;
        f.dropped += r->dropped;
        f.retried += r->attempts > 1;
        firstArrival = std::min(firstArrival, r->arrivalMs);
        lastArrival = std::max(lastArrival, r->arrivalMs);
        if (!r->completed)
            continue;
        ++f.completed;
        firstCompletion = std::min(firstCompletion, r->startMs + r->endToEndMs);
        lastCompletion = std::max(lastCompletion, r->startMs + r->endToEndMs);
        if (r->predictedRps > 0)
            predicted << r->predictedRps;
        latency << r->latencyMs();
        admission << r->admissionMs();
        const std::array<double, 8> q = queuesOf(*r);
        for (size_t i = 0; i < q.size(); ++i)
            queues[i] << q[i];
    }
    f.throughputRps = perSecond(f.completed, firstArrival, lastCompletion);
    f.offeredRps = perSecond(f.arrivals - 1, firstArrival, lastArrival);
    f.steadyRps = perSecond(f.completed - 1, firstCompletion, lastCompletion);
    f.predictedRps = RunSummary::median(predicted);
    f.p50Ms = Comparison::percentile(latency, 50);
    f.p95Ms = Comparison::percentile(latency, 95);
    f.p99Ms = Comparison::percentile(latency, 99);
    f.admissionMs = RunSummary::median(admission);
    for (size_t i = 0; i < queues.size(); ++i)
        f.queueMs[i] = RunSummary::median(queues[i]);
    return f;
}

QJsonObject StreamFigures::toJson() const
{
    QJsonObject queues;
    const QStringList names = queueNames();
    for (int i = 0; i < names.size(); ++i)
        queues.insert(names[i], queueMs[size_t(i)]);
    return {{QStringLiteral("throughput_rps"), throughputRps},
            {QStringLiteral("offered_rps"), offeredRps},
            {QStringLiteral("steady_rps"), steadyRps},
            {QStringLiteral("predicted_rps"), predictedRps},
            {QStringLiteral("steady_over_predicted"), predictedRps > 0 ? steadyRps / predictedRps : 0},
            {QStringLiteral("p50_ms"), p50Ms},
            {QStringLiteral("p95_ms"), p95Ms},
            {QStringLiteral("p99_ms"), p99Ms},
            {QStringLiteral("dropped"), dropped},
            {QStringLiteral("retried"), retried},
            {QStringLiteral("queue_ms"), queues},
            {QStringLiteral("admission_ms"), admissionMs}};
}

} // namespace d3::core
