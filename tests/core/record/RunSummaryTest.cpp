// summary.json's figures from hand-made records: counts, the stream's throughput, offered load, latency percentiles
// from arrival to output, queues, drops and retries, per phase and overall.
#include "record/CsvReader.h"
#include "record/RequestCsv.h"
#include "record/RunSummary.h"
#include "record/StreamFigures.h"

#include <QJsonArray>

#include <gtest/gtest.h>

namespace d3::core {
namespace {

/// Two repetitions of one phase: phases 0 and 1.
Experiment experiment()
{
    Experiment e;
    e.name = QStringLiteral("stream");
    e.models = {QStringLiteral("resnet18")};
    e.planners = {QStringLiteral("hpa")};
    e.sweep.repeats = 2;
    return e;
}

/// A request of phase that arrived at arrivalMs, was sent at startMs and took ms end to end (0: it did not complete).
RequestRecord request(int phase, quint64 id, double arrivalMs, double startMs, double ms)
{
    RequestRecord r;
    r.phase = phase;
    r.id = id;
    r.planId = 1;
    r.planner = QStringLiteral("hpa");
    r.plan = QStringLiteral("p=3 q=9");
    r.completed = ms > 0;
    r.failure = r.completed ? QString() : QStringLiteral("timeout");
    r.arrivalMs = arrivalMs;
    r.startMs = startMs;
    r.endToEndMs = ms;
    r.predictedMs = 100;
    r.inFlight = 1;
    return r;
}

/// Phase 0, a stream: arrivals every 100 ms served one at a time in 150 ms (latencies 150, 200, 250, 200 from
/// arrival), the fourth arrival dropped, the fifth retried; queues measured; an oracle probe that counts for nothing.
/// Phase 1, one request at a time: each sent as it arrives, 40 ms end to end, 60 ms apart.
QVector<RequestRecord> records()
{
    QVector<RequestRecord> rs{request(0, 0, 0, 0, 150), request(0, 1, 100, 150, 150), request(0, 2, 200, 300, 150),
                              request(0, 3, 300, 300, 0), request(0, 4, 400, 450, 150)};
    rs[3].dropped = true;
    rs[3].failure = QStringLiteral("dropped by the queue's policy (oldest)");
    rs[4].attempts = 2;
    const double deviceQueue[] = {1, 2, 3, 99, 4};
    const double backboneQueue[] = {10, 10, 20, 99, 30};
    for (int i = 0; i < 5; ++i) {
        rs[i].deviceQueueMs = deviceQueue[i];
        rs[i].linkQueueMs[RequestRecord::Backbone] = backboneQueue[i];
        rs[i].inFlight = 2;
        rs[i].predictedRps = i < 2 ? 8 : i == 3 ? 1000 : 6;
    }
    RequestRecord probe = request(0, 5, -1000, 5000, 900);
    probe.probe = true;
    probe.dropped = true;
    probe.attempts = 2;
    rs << probe;
    for (int i = 0; i < 4; ++i)
        rs << request(1, quint64(10 + i), 1000 + 60 * i, 1000 + 60 * i, 40);
    return rs;
}

QJsonObject phase(const QJsonObject &summary, int index)
{
    return summary.value(QStringLiteral("phases")).toArray().at(index).toObject();
}

TEST(RunSummary, AStreamsPhaseHasItsThroughputPercentilesQueuesAndDrops)
{
    const QJsonObject summary = RunSummary::make(experiment(), records(), {});
    const QJsonObject p = phase(summary, 0);
    EXPECT_EQ(p.value(QStringLiteral("completed")).toInt(), 4);
    EXPECT_EQ(p.value(QStringLiteral("failed")).toInt(), 1); // the dropped request, as before
    EXPECT_EQ(p.value(QStringLiteral("dropped")).toInt(), 1);
    EXPECT_EQ(p.value(QStringLiteral("retried")).toInt(), 1);
    // 4 completed from the first arrival (0) to the last completion (450 + 150): 4 / 0.6 s.
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("throughput_rps")).toDouble(), 4 / 0.6);
    // 5 arrivals 100 ms apart: 10 per second.
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("offered_rps")).toDouble(), 10);
    // Results left at 150, 300, 450 and 600: 3 intervals in 450 ms once the first was through.
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("steady_rps")).toDouble(), 3 / 0.45);
    // Predicted 8/s for the first two, 6/s for the other two completed (the dropped request's does not count).
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("predicted_rps")).toDouble(), 7);
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("steady_over_predicted")).toDouble(), 3 / 0.45 / 7);
    // Latencies from arrival 150, 200, 250, 200 (end to end is 150 for all four).
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("p50_ms")).toDouble(), 200);
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("p95_ms")).toDouble(), 242.5);
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("p99_ms")).toDouble(), 248.5);
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("measured_ms")).toDouble(), 150); // end to end, as before
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("admission_ms")).toDouble(), 50); // 0, 50, 100, 50
    const QJsonObject queues = p.value(QStringLiteral("queue_ms")).toObject();
    EXPECT_EQ(queues.keys(), (QStringList{"backbone", "cloud", "device", "edge", "edge_edge", "return", "tiles",
                                          "uplink"}));
    EXPECT_DOUBLE_EQ(queues.value(QStringLiteral("device")).toDouble(), 2.5);   // completed only: 1, 2, 3, 4
    EXPECT_DOUBLE_EQ(queues.value(QStringLiteral("backbone")).toDouble(), 15);  // 10, 10, 20, 30
    EXPECT_DOUBLE_EQ(queues.value(QStringLiteral("cloud")).toDouble(), 0);

    EXPECT_EQ(summary.value(QStringLiteral("dropped")).toInt(), 1); // the probe's counts for nothing
    EXPECT_EQ(summary.value(QStringLiteral("retried")).toInt(), 1);
    EXPECT_EQ(summary.value(QStringLiteral("failed")).toInt(), 1);
    EXPECT_EQ(summary.value(QStringLiteral("requests")).toInt(), 9);
}

TEST(RunSummary, RequestsSentOneAtATimeHaveLatencyEndToEnd)
{
    const QJsonObject p = phase(RunSummary::make(experiment(), records(), {}), 1);
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("p50_ms")).toDouble(), p.value(QStringLiteral("measured_ms")).toDouble());
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("p99_ms")).toDouble(), 40);
    // 4 completed from 1000 to 1180 + 40 ms: 4 / 0.22 s; arrivals 60 ms apart.
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("throughput_rps")).toDouble(), 4 / 0.22);
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("offered_rps")).toDouble(), 1000.0 / 60);
    EXPECT_EQ(p.value(QStringLiteral("dropped")).toInt(), 0);
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("admission_ms")).toDouble(), 0);
}

// A run recorded before the stream columns reads each request as arriving when it was sent, with empty queues: its
// summary has the figures of requests sent one at a time.
TEST(RunSummary, ARunRecordedBeforeTheStreamColumnsSummarises)
{
    const int streamColumns = int(RequestCsv::columns().size() - RequestCsv::columns().indexOf(QStringLiteral("arrival_ms")));
    ASSERT_EQ(streamColumns, 12);
    QVector<RequestRecord> old;
    for (const RequestRecord &r : records()) {
        if (r.phase != 1)
            continue;
        RequestRecord stale = r;
        stale.arrivalMs = -1; // what the columns held is cut off below
        stale.deviceQueueMs = 7;
        const QByteArray row = RequestCsv::row(stale);
        CsvReader reader(row);
        QString error;
        auto fields = reader.next(&error);
        ASSERT_TRUE(fields) << error.toStdString();
        const auto read = RequestCsv::parse(fields->fields.mid(0, fields->fields.size() - streamColumns), &error);
        ASSERT_TRUE(read) << error.toStdString();
        EXPECT_EQ(read->arrivalMs, read->startMs);
        old << *read;
    }
    const QJsonObject p = phase(RunSummary::make(experiment(), old, {}), 1);
    EXPECT_EQ(p.value(QStringLiteral("completed")).toInt(), 4);
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("p95_ms")).toDouble(), 40);
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("throughput_rps")).toDouble(), 4 / 0.22);
    EXPECT_DOUBLE_EQ(p.value(QStringLiteral("queue_ms")).toObject().value(QStringLiteral("device")).toDouble(), 0);
    EXPECT_EQ(p.value(QStringLiteral("dropped")).toInt(), 0);
    // A phase without requests has zeros, not NaNs.
    const QJsonObject empty = phase(RunSummary::make(experiment(), old, {}), 0);
    EXPECT_EQ(empty.value(QStringLiteral("throughput_rps")).toDouble(-1), 0);
    EXPECT_EQ(empty.value(QStringLiteral("offered_rps")).toDouble(-1), 0);
    EXPECT_EQ(empty.value(QStringLiteral("p99_ms")).toDouble(-1), 0);
}

TEST(StreamFigures, OneRequestHasNoOfferedRateAndItsOwnThroughput)
{
    const RequestRecord r = request(0, 0, 10, 30, 200);
    const StreamFigures f = StreamFigures::of({&r});
    EXPECT_EQ(f.arrivals, 1);
    EXPECT_DOUBLE_EQ(f.offeredRps, 0);
    EXPECT_DOUBLE_EQ(f.throughputRps, 1 / 0.22); // from its arrival at 10 to its output at 230
    EXPECT_DOUBLE_EQ(f.p50Ms, 220);
    EXPECT_EQ(StreamFigures::queueNames().size(), int(f.queueMs.size()));
}

} // namespace
} // namespace d3::core
