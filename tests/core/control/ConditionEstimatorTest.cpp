#include "control/ConditionEstimator.h"

#include <gtest/gtest.h>

namespace d3::core {
namespace {

ConditionEstimator threeTiers()
{
    ConditionEstimator e(0.5);
    e.setNodes(QStringLiteral("dev"), {QStringLiteral("e1"), QStringLiteral("e2")}, QStringLiteral("cl"));
    for (const char *edge : {"e1", "e2"}) {
        e.configureLink(QStringLiteral("dev"), QLatin1String(edge), 100, 2);
        e.configureLink(QLatin1String(edge), QStringLiteral("dev"), 100, 2);
        e.configureLink(QLatin1String(edge), QStringLiteral("cl"), 50, 10);
        e.configureLink(QStringLiteral("cl"), QLatin1String(edge), 50, 10);
    }
    e.configureLink(QStringLiteral("e1"), QStringLiteral("e2"), 1000, 0.5);
    e.configureLink(QStringLiteral("e2"), QStringLiteral("e1"), 1000, 0.5);
    e.setSpeed(QStringLiteral("dev"), 0.25);
    e.setSpeed(QStringLiteral("e1"), 0.5);
    e.setSpeed(QStringLiteral("e2"), 0.5);
    e.setSpeed(QStringLiteral("cl"), 1);
    return e;
}

TEST(ConditionEstimatorTest, FoldsConfiguredLinksAndSpeedsIntoTierConditions)
{
    const Conditions c = threeTiers().conditions();
    EXPECT_EQ(c.bwDeviceEdgeMbps, 100);
    EXPECT_EQ(c.bwEdgeCloudMbps, 50);
    EXPECT_EQ(c.bwEdgeEdgeMbps, 1000);
    EXPECT_EQ(c.rttDeviceEdgeMs, 4);
    EXPECT_EQ(c.rttEdgeCloudMs, 20);
    EXPECT_EQ(c.deviceSpeed, 0.25);
    EXPECT_EQ(c.edgeSpeeds, (QVector<double>{0.5, 0.5}));
    EXPECT_TRUE(c.validate().isEmpty()) << c.validate().toStdString();
}

TEST(ConditionEstimatorTest, LearnsRatesFromTransfersAndJumpsOnAStepChange)
{
    ConditionEstimator e = threeTiers();
    // 875 kB in 10 ms (delay) + 100 ms on the wire: 70 Mbit/s, moving the average halfway from 50.
    e.observeTransfer(QStringLiteral("e1"), QStringLiteral("cl"), 875000, 110);
    EXPECT_NEAR(e.rate(QStringLiteral("e1"), QStringLiteral("cl")), 60, 1e-9);
    // A step down to 5 Mbit/s differs by more than half: the estimate restarts from it.
    e.observeTransfer(QStringLiteral("e1"), QStringLiteral("cl"), 1000000, 1610);
    EXPECT_NEAR(e.rate(QStringLiteral("e1"), QStringLiteral("cl")), 5, 1e-9);
    EXPECT_NEAR(e.conditions().bwEdgeCloudMbps, 5, 1e-9); // the slowest link of the tier
    // Small messages say nothing about the rate.
    e.observeTransfer(QStringLiteral("e1"), QStringLiteral("cl"), 1000, 10.1);
    EXPECT_NEAR(e.rate(QStringLiteral("e1"), QStringLiteral("cl")), 5, 1e-9);
}

TEST(ConditionEstimatorTest, LearnsSpeedsFromComputationsAndMeasuresDrift)
{
    ConditionEstimator e = threeTiers();
    const Conditions before = e.conditions();
    e.observeCompute(QStringLiteral("e1"), 10, 20); // as expected at speed 0.5
    EXPECT_EQ(e.speed(QStringLiteral("e1")), 0.5);
    EXPECT_EQ(ConditionEstimator::drift(before, e.conditions()), 0);
    // 25 % slower than the profile said: the average moves halfway; the workers that computed nothing keep their
    // speeds (an idle worker never drifts with what the busy ones do).
    e.observeCompute(QStringLiteral("e1"), 10, 25);
    EXPECT_NEAR(e.speed(QStringLiteral("e1")), 0.45, 1e-12);
    EXPECT_EQ(e.speed(QStringLiteral("e2")), 0.5);
    EXPECT_EQ(e.speed(QStringLiteral("dev")), 0.25);
    // A slowdown set on e1 now scales what it learnt: 0.45 at slowdown 1 is 0.225 at slowdown 2.
    ConditionEstimator slowed = e;
    slowed.setSpeed(QStringLiteral("e1"), e.speed(QStringLiteral("e1")) / 2);
    EXPECT_NEAR(slowed.speed(QStringLiteral("e1")), 0.225, 1e-12);
    slowed.setOwnSpeed(QStringLiteral("e1"), 0.5); // a new phase: configured anew, what it learnt kept
    EXPECT_NEAR(slowed.speed(QStringLiteral("e1")), 0.45, 1e-12);
    // Four times slower than now expected: this worker alone stepped down.
    e.observeCompute(QStringLiteral("e1"), 10, 4 * 10 / 0.45);
    EXPECT_NEAR(e.speed(QStringLiteral("e1")), 0.1125, 1e-12);
    EXPECT_EQ(e.speed(QStringLiteral("e2")), 0.5);
    EXPECT_NEAR(ConditionEstimator::drift(before, e.conditions()), 0.5 / 0.1125 - 1, 1e-9);
    e.setNodes(QStringLiteral("dev"), {QStringLiteral("e2")}, QStringLiteral("cl")); // e1 died
    EXPECT_EQ(e.conditions().edgeNodes(), 1);
    EXPECT_GT(ConditionEstimator::drift(before, e.conditions()), 1e6); // another cluster altogether
}

// What a busy worker's reports teach is its own: contention that slows it gradually and a recovery that steps it
// back leave every idle worker's speed exactly as configured (a common scale would ratchet them down).
TEST(ConditionEstimatorTest, IdleWorkersKeepTheirSpeedsWhateverTheBusyOnesReport)
{
    ConditionEstimator e = threeTiers();
    for (int round = 0; round < 20; ++round) {
        for (int i = 0; i < 5; ++i) // contended: each a little slower than the last estimate
            e.observeCompute(QStringLiteral("cl"), 10, 10 / (0.7 * e.speed(QStringLiteral("cl"))));
        e.observeCompute(QStringLiteral("cl"), 10, 10); // alone again: back at its profiled speed
        e.observeCompute(QStringLiteral("dev"), 10, 10 / (0.8 * e.speed(QStringLiteral("dev"))));
    }
    EXPECT_EQ(e.speed(QStringLiteral("e1")), 0.5);
    EXPECT_EQ(e.speed(QStringLiteral("e2")), 0.5);
    EXPECT_NEAR(e.speed(QStringLiteral("cl")), 1.0, 0.5);
    EXPECT_GT(e.speed(QStringLiteral("dev")), 0.0);
    EXPECT_LT(e.speed(QStringLiteral("dev")), 0.25);
}

TEST(ConditionEstimatorTest, LearnsHowEfficientlyTilesRun)
{
    ConditionEstimator e = threeTiers();
    EXPECT_EQ(e.conditions().tileEfficiency, 1.0);
    e.observeTile(10, 25); // a tile expected to take 10 ms took 25: a step to 0.4
    EXPECT_NEAR(e.conditions().tileEfficiency, 0.4, 1e-12);
    e.observeTile(10, 20); // 0.5: averaged in
    EXPECT_NEAR(e.conditions().tileEfficiency, 0.45, 1e-12);
}

TEST(ConditionEstimatorTest, WithoutEdgeNodesTheConditionsStayValid)
{
    ConditionEstimator e = threeTiers();
    e.setNodes(QStringLiteral("dev"), {}, QStringLiteral("cl"));
    EXPECT_TRUE(e.conditions().validate().isEmpty());
}

} // namespace
} // namespace d3::core
