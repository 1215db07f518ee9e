// Streams on real d3worker processes (docs/ARCHITECTURE.md, Streams): several requests in flight across the tiers,
// never more than the bound, each recorded once in arrival order; a full queue drops by its policy and says so;
// arrivals closed send what waits, a stop drops it; a re-partition mid-stream loses and reorders nothing; a worker
// killed mid-stream fails or retries only the requests on its plan.
#include "control/StreamDriver.h"

#include "EventLoop.h"
#include "TestFiles.h"
#include "experiment/Experiment.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace d3::core {
namespace {

Experiment experiment()
{
    const QString json = QStringLiteral(R"({"format": "d3lab-experiment", "version": 1, "name": "stream-test",
        "nodes": [{"name": "device", "role": "device", "slowdown": 2}, {"name": "edge1", "role": "edge", "slowdown": 2},
                  {"name": "edge2", "role": "edge", "slowdown": 2}, {"name": "cloud", "role": "cloud", "slowdown": 2}],
        "model": "alexnet", "planner": "hpa", "profile": false,
        "links": {"device<->edge": {"mbps": 1000, "delay_ms": 1}, "edge<->cloud": {"mbps": 1000, "delay_ms": 1}},
        "stream": {"arrivals": "closed", "in_flight": 3},
        "requests": {"count": 30, "timeout_ms": 20000}})");
    QString error;
    const auto e = Experiment::parse(json.toUtf8(), QStringLiteral("stream-test.json"), QString(), &error);
    EXPECT_TRUE(e.has_value()) << error.toStdString();
    return e.value_or(Experiment{});
}

/// A controller on a local cluster with alexnet loaded and a three-tier plan in force (every tier busy).
class StreamDriverTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        test::EventLoop::app();
        QString error;
        ASSERT_TRUE(c.start(experiment(), test::TestFiles::d3worker(), &error)) << error.toStdString();
        ASSERT_TRUE(c.loadModel(QStringLiteral("alexnet"), &error)) << error.toStdString();
        ASSERT_TRUE(c.forcePlan(threeTiers(), QStringLiteral("three tiers"), &error)) << error.toStdString();
    }
    void TearDown() override { c.stop(); }

    Plan threeTiers(int shift = 0) const
    {
        Plan p;
        p.p = c.graph().layerCount() / 3 + shift;
        p.q = 2 * c.graph().layerCount() / 3 + shift;
        return p;
    }

    /// Runs a stream, collecting its records.
    QVector<RequestRecord> run(const ExperimentStream &stream, int count,
                               std::function<bool(int, QString *)> before = {})
    {
        StreamDriver driver(c, stream, count);
        driver.beforeSend = std::move(before);
        QVector<RequestRecord> records;
        QObject::connect(&driver, &StreamDriver::recorded, [&](const RequestRecord &r) { records << r; });
        QObject::connect(&driver, &StreamDriver::depthsChanged, [&](const StageDepths::Counts &counts) {
            int inFlight = 0;
            for (int p = StageDepths::Device; p < StageDepths::Places; ++p)
                inFlight += counts[p];
            mostInFlight = std::max(mostInFlight, inFlight);
            mostWaiting = std::max(mostWaiting, counts[StageDepths::Waiting]);
        });
        QString error;
        running = &driver;
        EXPECT_TRUE(driver.run(&error)) << error.toStdString();
        running = nullptr;
        arrived = driver.arrived();
        return records;
    }

    static ExperimentStream closed(int inFlight)
    {
        ExperimentStream s;
        s.enabled = true;
        s.arrivals = ExperimentStream::Arrivals::Closed;
        s.inFlight = inFlight;
        return s;
    }

    /// Completed requests end in the order they arrived.
    static void expectInOrder(const QVector<RequestRecord> &records)
    {
        double lastEnd = 0;
        double lastArrival = -1;
        for (const RequestRecord &r : records) {
            EXPECT_GE(r.arrivalMs, lastArrival);
            lastArrival = r.arrivalMs;
            if (!r.completed)
                continue;
            EXPECT_GE(r.startMs + r.endToEndMs, lastEnd) << "request " << r.id << " overtook an earlier one";
            lastEnd = r.startMs + r.endToEndMs;
        }
    }

    Controller c;
    StreamDriver *running = nullptr; // the driver of run(), while it runs
    int arrived = 0;                 // requests that arrived in the last run()
    int mostInFlight = 0;
    int mostWaiting = 0;
};

TEST_F(StreamDriverTest, AClosedStreamKeepsItsBoundInFlightAndTheWorkersQueueBehindEachOther)
{
    const QVector<RequestRecord> records = run(closed(3), 30);
    ASSERT_EQ(records.size(), 30);
    int most = 0;
    double queued = 0;
    for (const RequestRecord &r : records) {
        EXPECT_TRUE(r.completed) << r.failure.toStdString();
        EXPECT_FALSE(r.dropped);
        EXPECT_GE(r.inFlight, 1);
        EXPECT_LE(r.inFlight, 3);
        most = std::max(most, r.inFlight);
        queued += r.deviceQueueMs + r.edgeQueueMs + r.cloudQueueMs + r.linkQueueMs[RequestRecord::Uplink]
                  + r.linkQueueMs[RequestRecord::Backbone];
        EXPECT_GT(r.deviceMs, 0.0);
        EXPECT_GT(r.edgeMs, 0.0);
        EXPECT_GT(r.cloudMs, 0.0);
    }
    EXPECT_EQ(most, 3);
    EXPECT_EQ(mostInFlight, 3);
    EXPECT_GT(queued, 0.0) << "three requests in flight and none ever waited for a busy worker";
    expectInOrder(records);
}

TEST_F(StreamDriverTest, AnOverloadedStreamDropsByItsPolicyAndRecordsEveryDrop)
{
    for (const auto drop : {ExperimentStream::Drop::Oldest, ExperimentStream::Drop::Newest}) {
        ExperimentStream s;
        s.enabled = true;
        s.rateHz = 2000; // far beyond what two cores serve
        s.inFlight = 2;
        s.queue = 3;
        s.drop = drop;
        mostWaiting = 0;
        const QVector<RequestRecord> records = run(s, 40);
        ASSERT_EQ(records.size(), 40);
        int completed = 0;
        int dropped = 0;
        for (int i = 0; i < records.size(); ++i) {
            const RequestRecord &r = records[i];
            completed += r.completed;
            dropped += r.dropped;
            EXPECT_TRUE(r.completed != r.dropped) << r.failure.toStdString();
            EXPECT_NEAR(r.arrivalMs - records[0].arrivalMs, i * 0.5, 0.01);
            if (r.dropped) {
                EXPECT_TRUE(r.failure.startsWith(QStringLiteral("dropped: the device's queue of 3 was full (drop %1)")
                                                     .arg(ExperimentStream::dropNames().value(int(drop)))))
                    << r.failure.toStdString();
                EXPECT_EQ(r.id, 0u); // never sent
            }
        }
        EXPECT_GT(dropped, 0);
        EXPECT_EQ(completed + dropped, 40);
        EXPECT_LE(mostWaiting, 3);
        if (drop == ExperimentStream::Drop::Newest) // the first arrivals were kept: the queue was empty then
            EXPECT_TRUE(records[0].completed && records[1].completed && records[2].completed);
        else // the last arrival is never dropped: nothing arrived after it to push it out
            EXPECT_TRUE(records.last().completed);
        expectInOrder(records);
    }
}

TEST_F(StreamDriverTest, ClosingArrivalsSendsWhatWaitsStoppingDropsItAndALowerBoundHoldsAtOnce)
{
    ExperimentStream s;
    s.enabled = true;
    s.rateHz = 100; // requests wait at the device
    s.inFlight = 3;
    s.queue = ExperimentStream::kMaxQueue;
    // Closed arrivals (the console's pause): what arrived is sent and completes, nothing is dropped.
    QVector<RequestRecord> records = run(s, 1000, [&](int k, QString *) {
        if (k == 4)
            running->closeArrivals();
        return true;
    });
    EXPECT_GT(arrived, 5);
    EXPECT_LT(arrived, 1000);
    ASSERT_EQ(records.size(), arrived);
    for (const RequestRecord &r : records)
        EXPECT_TRUE(r.completed && !r.dropped) << r.failure.toStdString();
    // Stopped: what waits is dropped and said so, what was in flight completes.
    records = run(s, 1000, [&](int k, QString *) {
        if (k == 4)
            running->stop();
        return true;
    });
    ASSERT_EQ(records.size(), arrived);
    int dropped = 0;
    for (const RequestRecord &r : records) {
        EXPECT_TRUE(r.completed != r.dropped);
        if (r.dropped) {
            ++dropped;
            EXPECT_EQ(r.failure, QStringLiteral("dropped: the stream stopped"));
        }
    }
    EXPECT_GT(dropped, 0);
    // A bound lowered before request k holds for k itself.
    records = run(closed(3), 20, [&](int k, QString *) {
        if (k == 10) {
            ExperimentStream one = closed(1);
            running->setStream(one);
        }
        return true;
    });
    ASSERT_EQ(records.size(), 20);
    for (int k = 10; k < 20; ++k)
        EXPECT_EQ(records[k].inFlight, 1) << k;
}

TEST_F(StreamDriverTest, ARepartitionMidStreamTakesEffectBetweenRequestsWithoutLossOrReordering)
{
    // From the device alone to the cloud alone: a request sent on the new plan skips the device's compute thread,
    // where the requests of the old plan wait, so it would overtake them if it were sent before they were done.
    Plan deviceOnly;
    deviceOnly.p = deviceOnly.q = c.graph().layerCount();
    QString error;
    ASSERT_TRUE(c.forcePlan(deviceOnly, QStringLiteral("device only"), &error)) << error.toStdString();
    const QVector<RequestRecord> records = run(closed(4), 30, [&](int k, QString *why) {
        return k != 12 || c.forcePlan(Plan{}, QStringLiteral("moved mid-stream"), why);
    });
    ASSERT_EQ(records.size(), 30);
    QVector<quint64> plans;
    for (const RequestRecord &r : records) {
        EXPECT_TRUE(r.completed) << r.failure.toStdString();
        if (plans.isEmpty() || plans.last() != r.planId)
            plans << r.planId;
    }
    EXPECT_EQ(plans.size(), 2) << "each request runs on the plan in force when it was sent: one switch";
    EXPECT_EQ(records[11].planId, plans[0]);
    EXPECT_EQ(records[12].planId, plans[1]);
    expectInOrder(records);
}

TEST_F(StreamDriverTest, AWorkerKilledMidStreamFailsOrRetriesOnlyTheRequestsItsPlanRoutedThroughIt)
{
    ASSERT_TRUE(c.deployment());
    const QString stitcher = c.deployment()->stitcher(); // the edge node of the plan in force
    const QVector<RequestRecord> records = run(closed(4), 30, [&](int k, QString *why) {
        return k != 12 || c.kill(stitcher, why);
    });
    ASSERT_EQ(records.size(), 30) << "every request is recorded once";
    int retried = 0;
    for (int i = 0; i < records.size(); ++i) {
        const RequestRecord &r = records[i];
        EXPECT_TRUE(r.completed) << i << ": " << r.failure.toStdString();
        if (r.attempts > 1) {
            ++retried;
            EXPECT_LT(i, 12) << "only requests sent before the kill were in flight on its plan";
        }
    }
    EXPECT_GE(retried, 1);
    EXPECT_LE(retried, 4) << "at most the in-flight bound held the killed worker";
    EXPECT_EQ(c.nodes().value(stitcher), Controller::NodeState::Dead);
    expectInOrder(records);
}

} // namespace
} // namespace d3::core
