// An experiment's "stream" and "objective" (docs/EXPERIMENTS.md, Streams): read strictly, written back, swept, and
// the arrivals they schedule.
#include "experiment/Experiment.h"
#include "experiment/StreamArrivals.h"

#include "ExperimentJson.h"
#include "TestFiles.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace d3::core {
namespace {

using namespace d3::test::experiment_json;

QJsonObject streamed(const QString &stream)
{
    return with(minimal(), QStringLiteral("stream"), js(stream));
}

Experiment parsed(const QJsonObject &o)
{
    QString error;
    const auto e = parse(o, &error);
    EXPECT_TRUE(e.has_value()) << error.toStdString();
    return e.value_or(Experiment{});
}

TEST(ExperimentStream, WithoutAStreamRequestsGoOneAtATimeForLatency)
{
    const Experiment e = parsed(minimal());
    EXPECT_FALSE(e.stream.enabled);
    EXPECT_EQ(e.objective, Objective::Kind::Latency);
    EXPECT_FALSE(e.toJson().contains(QStringLiteral("stream")));
    EXPECT_FALSE(e.toJson().contains(QStringLiteral("objective")));
}

TEST(ExperimentStream, AStreamIsReadWithItsDefaultsAndWrittenBackTheSame)
{
    const Experiment e = parsed(with(streamed(QStringLiteral("{'rate_hz': 25}")), QStringLiteral("objective"),
                                     QStringLiteral("latency_under_rate")));
    EXPECT_TRUE(e.stream.enabled);
    EXPECT_EQ(e.stream.arrivals, ExperimentStream::Arrivals::Fixed);
    EXPECT_EQ(e.stream.rateHz, 25);
    EXPECT_EQ(e.stream.inFlight, 4);
    EXPECT_EQ(e.stream.queue, 16);
    EXPECT_EQ(e.stream.drop, ExperimentStream::Drop::Oldest);
    EXPECT_EQ(e.objective, Objective::Kind::LatencyUnderRate);

    QString error;
    const auto again = Experiment::parse(QJsonDocument(e.toJson()).toJson(), kSource, QString(), &error);
    ASSERT_TRUE(again.has_value()) << error.toStdString();
    EXPECT_EQ(again->toJson(), e.toJson());

    const Experiment closed = parsed(streamed(QStringLiteral(
        "{'arrivals': 'closed', 'in_flight': 3, 'queue': 0, 'drop': 'newest', 'seed': 9}")));
    EXPECT_FALSE(closed.stream.openLoop());
    EXPECT_EQ(closed.stream.inFlight, 3);
    EXPECT_EQ(closed.stream.queue, 0);
    EXPECT_EQ(closed.stream.drop, ExperimentStream::Drop::Newest);
    EXPECT_FALSE(closed.toJson().value(QStringLiteral("stream")).toObject().contains(QStringLiteral("rate_hz")));
}

TEST(ExperimentStream, EveryWrongStreamIsRefusedInOneLineNamingItsPlace)
{
    expectError(streamed(QStringLiteral("{}")), QStringLiteral("stream.rate_hz: is required"));
    expectError(streamed(QStringLiteral("{'rate_hz': 0}")), QStringLiteral("stream.rate_hz: "));
    expectError(streamed(QStringLiteral("{'rate_hz': 1e9}")), QStringLiteral("stream.rate_hz: "));
    expectError(streamed(QStringLiteral("{'arrivals': 'bursty', 'rate_hz': 5}")),
                QStringLiteral("stream.arrivals: must be one of fixed, poisson, closed"));
    expectError(streamed(QStringLiteral("{'arrivals': 'closed', 'rate_hz': 5}")),
                QStringLiteral("stream.rate_hz: has no meaning for closed arrivals"));
    expectError(streamed(QStringLiteral("{'rate_hz': 5, 'in_flight': 0}")), QStringLiteral("stream.in_flight: "));
    expectError(streamed(QStringLiteral("{'rate_hz': 5, 'in_flight': 33}")), QStringLiteral("stream.in_flight: "));
    expectError(streamed(QStringLiteral("{'rate_hz': 5, 'queue': -1}")), QStringLiteral("stream.queue: "));
    expectError(streamed(QStringLiteral("{'rate_hz': 5, 'drop': 'random'}")),
                QStringLiteral("stream.drop: must be one of oldest, newest"));
    expectError(streamed(QStringLiteral("{'rate_hz': 5, 'burst': 2}")), QStringLiteral("stream: "));
    expectError(streamed(QStringLiteral("[5]")), QStringLiteral("stream: must be an object"));
    expectError(with(streamed(QStringLiteral("{'rate_hz': 5}")), QStringLiteral("requests.rate_hz"), 2),
                QStringLiteral("requests: rate_hz must be 0 beside a \"stream\""));
    expectError(with(minimal(), QStringLiteral("objective"), QStringLiteral("speed")),
                QStringLiteral("objective: must be one of latency, throughput, latency_under_rate"));
    expectError(with(minimal(), QStringLiteral("objective"), QStringLiteral("latency_under_rate")),
                QStringLiteral("objective: latency_under_rate needs a \"stream\""));
    expectError(with(streamed(QStringLiteral("{'arrivals': 'closed'}")), QStringLiteral("objective"),
                     QStringLiteral("latency_under_rate")),
                QStringLiteral("objective: latency_under_rate needs a \"stream\""));
}

TEST(ExperimentStream, TheOfferedRateAndTheObjectiveAreSweepAxes)
{
    QJsonObject o = streamed(QStringLiteral("{'arrivals': 'poisson', 'rate_hz': 10, 'seed': 3}"));
    o.insert(QStringLiteral("sweep"), js(QStringLiteral("{'stream_rate_hz': [5, 10, 20], 'objective': ['latency', "
                                                        "'throughput'], 'repeats': 2}")));
    const Experiment e = parsed(o);
    EXPECT_EQ(e.sweep.axisNames(), (QStringList{QStringLiteral("stream.rate_hz"), QStringLiteral("objective")}));
    EXPECT_EQ(e.sweep.conditionCount(), 6);
    const ExperimentCondition c = e.sweep.condition(3, {});
    EXPECT_EQ(c.streamRateHz, 10);
    EXPECT_EQ(c.objective, int(Objective::Kind::Throughput));
    EXPECT_EQ(e.sweep.toJson().value(QStringLiteral("objective")).toArray(),
              (QJsonArray{QStringLiteral("latency"), QStringLiteral("throughput")}));
    QString error;
    const auto again = Experiment::parse(QJsonDocument(e.toJson()).toJson(), kSource, QString(), &error);
    ASSERT_TRUE(again.has_value()) << error.toStdString();
    EXPECT_EQ(again->toJson(), e.toJson());

    expectError(with(minimal(), QStringLiteral("sweep"), js(QStringLiteral("{'stream_rate_hz': [5, 10]}"))),
                QStringLiteral("sweep.stream_rate_hz: needs a \"stream\""));
    const Experiment bounds = parsed(with(o, QStringLiteral("sweep"), js(QStringLiteral("{'stream_in_flight': [1, 4]}"))));
    EXPECT_EQ(bounds.sweep.axisNames(), QStringList{QStringLiteral("stream.in_flight")});
    EXPECT_EQ(bounds.sweep.condition(1, {}).streamInFlight, 4);
    EXPECT_EQ(bounds.sweep.toJson().value(QStringLiteral("stream_in_flight")).toArray(), (QJsonArray{1, 4}));
    expectError(with(o, QStringLiteral("sweep"), js(QStringLiteral("{'stream_in_flight': [0, 4]}"))),
                QStringLiteral("sweep.stream_in_flight[0]: "));
    expectError(with(minimal(), QStringLiteral("sweep"), js(QStringLiteral("{'stream_in_flight': [1, 4]}"))),
                QStringLiteral("sweep.stream_in_flight: needs a \"stream\""));
    expectError(with(o, QStringLiteral("sweep"), js(QStringLiteral("{'objective': ['latency', 'latency']}"))),
                QStringLiteral("sweep.objective: "));
    expectError(with(minimal(), QStringLiteral("sweep"), js(QStringLiteral("{'objective': ['latency_under_rate']}"))),
                QStringLiteral("sweep.objective: latency_under_rate needs a \"stream\""));
}

TEST(ExperimentStream, TheShippedStreamExperimentsParse)
{
    QString error;
    const auto streams = Experiment::load(test::TestFiles::sourceDir() + QStringLiteral("/experiments/streams.json"),
                                          &error);
    ASSERT_TRUE(streams.has_value()) << error.toStdString();
    EXPECT_TRUE(streams->stream.enabled);
    EXPECT_EQ(streams->sweep.axisNames(), (QStringList{QStringLiteral("stream.in_flight"), QStringLiteral("objective")}));
    EXPECT_EQ(streams->phaseCount(), 3 * 2 * 4); // models x repeats x (bounds x objectives)
    const auto knee = Experiment::load(test::TestFiles::sourceDir() + QStringLiteral("/experiments/streams-knee.json"),
                                       &error);
    ASSERT_TRUE(knee.has_value()) << error.toStdString();
    EXPECT_EQ(knee->objective, Objective::Kind::Throughput);
    EXPECT_EQ(knee->sweep.axisNames(), QStringList{QStringLiteral("stream.rate_hz")});
    EXPECT_EQ(knee->phaseCount(), 6 * 4); // rates x planners
}

TEST(StreamArrivals, FixedArrivalsComeEveryIntervalAndClosedOnesHaveNoClock)
{
    ExperimentStream s;
    s.enabled = true;
    s.rateHz = 40;
    EXPECT_EQ(StreamArrivals::schedule(s, 4), (QVector<double>{0, 25, 50, 75}));
    s.arrivals = ExperimentStream::Arrivals::Closed;
    EXPECT_EQ(StreamArrivals::schedule(s, 3), (QVector<double>{0, 0, 0}));
}

TEST(StreamArrivals, PoissonArrivalsKeepTheirMeanRateAndTheSameSeedGivesTheSameArrivals)
{
    ExperimentStream s;
    s.enabled = true;
    s.arrivals = ExperimentStream::Arrivals::Poisson;
    s.rateHz = 50; // a mean gap of 20 ms
    s.seed = 11;
    const QVector<double> at = StreamArrivals::schedule(s, 20001);
    EXPECT_EQ(at.first(), 0);
    EXPECT_TRUE(std::is_sorted(at.begin(), at.end()));
    const double meanGap = at.last() / 20000;
    EXPECT_NEAR(meanGap, 20.0, 20.0 * 0.03); // 3 standard errors of the mean of 20000 exponential gaps: 2.1 %
    int shortGaps = 0; // P(gap < mean ln 2) = 1/2 for an exponential distribution
    for (int i = 1; i < at.size(); ++i)
        shortGaps += at[i] - at[i - 1] < 20.0 * std::log(2.0);
    EXPECT_NEAR(shortGaps / 20000.0, 0.5, 0.015);
    EXPECT_EQ(StreamArrivals::schedule(s, 50), at.mid(0, 50));
    s.seed = 12;
    EXPECT_NE(StreamArrivals::schedule(s, 50), at.mid(0, 50));
}

} // namespace
} // namespace d3::core
