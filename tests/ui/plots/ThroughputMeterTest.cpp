// A session's throughput now: requests completed per second over the last 5 s of the records' own clock.
#include "plots/ThroughputMeter.h"

#include "PlotTestData.h"

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

constexpr auto completedAt = &PlotTestData::completedAt;

TEST(ThroughputMeterTest, CountsCompletedRequestsPerSecondOverTheLastFiveSeconds)
{
    ThroughputMeter meter;
    EXPECT_EQ(meter.perSecond(), 0.0);
    // 20 a second for 10 s, 30 ms each: the last 5 s hold 100 completions.
    for (int i = 0; i < 200; ++i)
        meter.add(completedAt(1000 + i * 50.0, 30));
    EXPECT_NEAR(meter.perSecond(), 20.0, 0.5);
    // Failed and dropped requests complete nothing.
    core::RequestRecord failed = completedAt(11000, 5);
    failed.completed = false;
    core::RequestRecord dropped = failed;
    dropped.dropped = true;
    meter.add(failed);
    meter.add(dropped);
    EXPECT_NEAR(meter.perSecond(), 20.0, 0.5);
    // A session shorter than the window is measured over its length: 10 in 1 s.
    meter.clear();
    EXPECT_EQ(meter.perSecond(), 0.0);
    for (int i = 0; i < 10; ++i)
        meter.add(completedAt(500 + i * 100.0, 100));
    EXPECT_NEAR(meter.perSecond(), 10.0, 0.01);
}

} // namespace
} // namespace d3::ui
