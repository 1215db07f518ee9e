// The console's session sending a stream on real d3worker processes: several requests in flight, the operator's
// commands (a slowdown, the stream's bound, the objective) landing between requests, each on exactly one record, a
// pause that keeps every request that had arrived, and the live depths per stage.
#include "LiveSessionSupport.h"

#include "EventLoop.h"
#include "TestFiles.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace d3::core {
namespace {

using namespace LiveSessionSupport;

/// alexnetCluster's requests as a stream.
Experiment streamCluster(int count, ExperimentStream::Arrivals arrivals, double rateHz, int inFlight)
{
    Experiment e = alexnetCluster();
    e.requests.count = count;
    e.stream.enabled = true;
    e.stream.arrivals = arrivals;
    e.stream.rateHz = rateHz;
    e.stream.inFlight = inFlight;
    e.stream.queue = ExperimentStream::kMaxQueue; // nothing dropped for a full queue: what is dropped, a pause did
    return e;
}

bool openReady(LiveSession &session, Heard &heard, const Experiment &experiment)
{
    session.open(experiment);
    test::EventLoop::spinUntil([&] { return heard.ready || !heard.failures.isEmpty(); }, 120000);
    EXPECT_TRUE(heard.ready) << heard.failures.join(QLatin1Char('\n')).toStdString();
    return heard.ready;
}

/// Waits until no request ends for a while (a pause has taken effect); the count then.
qsizetype settle(const Heard &heard)
{
    qsizetype seen = -1;
    while (seen != heard.requests.size()) {
        seen = heard.requests.size();
        test::EventLoop::spinUntil([] { return false; }, 1500);
    }
    return seen;
}

/// Requests in the cluster (every place but waiting) in a depth report.
int inCluster(const StageDepths::Counts &c)
{
    int n = 0;
    for (int p = StageDepths::Device; p < StageDepths::Places; ++p)
        n += c[p];
    return n;
}

TEST(LiveSessionStreamTest, TheOperatorsCommandsLandBetweenRequestsOfAStreamAndAPauseKeepsTheCount)
{
    app();
    const int count = 40;
    LiveSession session(test::TestFiles::d3worker());
    Heard heard(session);
    ASSERT_TRUE(openReady(session, heard, streamCluster(count, ExperimentStream::Arrivals::Closed, 0, 3)));
    ASSERT_TRUE(heard.stream.has_value());
    EXPECT_TRUE(heard.stream->enabled);
    EXPECT_EQ(heard.stream->inFlight, 3);
    EXPECT_EQ(heard.objective.kind, Objective::Kind::Latency);

    session.setRunning(true);
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.requests.size() >= 6; }, 60000));
    session.setSlowdown(QStringLiteral("cloud"), 2); // mid-stream
    ExperimentStream two = *heard.stream;
    two.inFlight = 2;
    session.setStream(two); // mid-stream: from the next request on, at most two in flight
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.recordsNoting(QStringLiteral("in flight")) > 0; }, 60000));
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.requests.size() >= 16; }, 60000));

    session.setRunning(false); // Pause: what arrived finishes, nothing more arrives
    const qsizetype paused = settle(heard);
    ASSERT_LT(paused, count);
    EXPECT_EQ(heard.finished, -1);
    ASSERT_FALSE(heard.depths.isEmpty());
    EXPECT_EQ(inCluster(heard.depths.last()), 0); // the stream ended with the pause
    EXPECT_EQ(heard.depths.last()[StageDepths::Waiting], 0);
    session.setObjective({Objective::Kind::Throughput, 0}); // while paused: noted on the next request
    session.setRunning(true); // Continue: the requests left, to the experiment's count
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.finished >= 0; }, 120000));
    test::EventLoop::spinUntil([] { return false; }, 500);

    // Nothing lost: the experiment's count, each completed, in arrival order.
    EXPECT_EQ(heard.finished, count);
    ASSERT_EQ(heard.requests.size(), count);
    double arrival = -1;
    for (const RequestRecord &r : heard.requests) {
        EXPECT_TRUE(r.completed) << r.failure.toStdString();
        EXPECT_FALSE(r.dropped);
        EXPECT_GE(r.arrivalMs, arrival);
        arrival = r.arrivalMs;
    }
    // Several in flight, within the bound in force when each was sent.
    const auto bound = std::find_if(heard.requests.cbegin(), heard.requests.cend(), [](const RequestRecord &r) {
        return r.actions.contains(QStringLiteral("operator: stream closed, 2 in flight"));
    });
    ASSERT_NE(bound, heard.requests.cend());
    const int most = std::max_element(heard.requests.cbegin(), bound, [](const RequestRecord &a, const RequestRecord &b) {
        return a.inFlight < b.inFlight;
    })->inFlight;
    EXPECT_GT(most, 1);
    EXPECT_LE(most, 3);
    for (auto r = bound; r != heard.requests.cend(); ++r)
        EXPECT_LE(r->inFlight, 2) << "request " << r - heard.requests.cbegin();
    // Each command is on exactly one record, and is an operator event.
    for (const QString &action : {QStringLiteral("operator: cloud slowdown 2"),
                                  QStringLiteral("operator: stream closed, 2 in flight"),
                                  QStringLiteral("operator: objective throughput")}) {
        EXPECT_EQ(heard.recordsNoting(action), 1) << action.toStdString();
        const QString label = action.mid(QStringLiteral("operator: ").size());
        EXPECT_TRUE(std::any_of(heard.events.cbegin(), heard.events.cend(), [&](const RunEvent &e) {
            return e.kind == QLatin1String("operator") && e.label == label;
        })) << label.toStdString();
    }
    EXPECT_EQ(heard.stream->inFlight, 2);
    EXPECT_EQ(heard.objective.kind, Objective::Kind::Throughput);
    // The depths said where the requests were: more than one in the cluster at once, never over the bound.
    int deepest = 0;
    for (const StageDepths::Counts &c : heard.depths)
        deepest = std::max(deepest, inCluster(c));
    EXPECT_GT(deepest, 1);
    EXPECT_LE(deepest, 3);
    EXPECT_EQ(inCluster(heard.depths.last()), 0);
    EXPECT_TRUE(heard.failures.isEmpty()) << heard.failures.join(QLatin1Char('\n')).toStdString();
    EXPECT_TRUE(session.shutdown());
}

// Open loop faster than the cluster: requests wait at the device. A pause sends them all the same (none dropped), and
// the stream goes on from there; closing the session mid-stream ends it.
TEST(LiveSessionStreamTest, APauseOfAnOpenLoopStreamSendsWhatWaitsAndDropsNothing)
{
    app();
    const QVector<qint64> before = workers();
    LiveSession session(test::TestFiles::d3worker());
    Heard heard(session);
    ASSERT_TRUE(openReady(session, heard, streamCluster(1000, ExperimentStream::Arrivals::Fixed, 200, 2)));
    session.setRunning(true);
    ASSERT_TRUE(test::EventLoop::spinUntil([&] {
        return std::any_of(heard.depths.cbegin(), heard.depths.cend(),
                           [](const StageDepths::Counts &c) { return c[StageDepths::Waiting] > 2; });
    }, 60000)) << "no request waited at the device";
    session.setRunning(false);
    const qsizetype paused = settle(heard);
    ASSERT_GT(paused, 0);
    ASSERT_LT(paused, 1000);
    for (const RequestRecord &r : heard.requests) {
        EXPECT_FALSE(r.dropped) << r.failure.toStdString();
        EXPECT_TRUE(r.completed) << r.failure.toStdString();
    }
    EXPECT_EQ(heard.depths.last(), StageDepths::Counts{});
    session.setRunning(true);
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.requests.size() >= paused + 5; }, 60000));
    for (const RequestRecord &r : heard.requests)
        EXPECT_FALSE(r.dropped) << r.failure.toStdString();
    EXPECT_TRUE(session.shutdown()); // mid-stream
    EXPECT_EQ(workers(), before);
}

} // namespace
} // namespace d3::core
