#include "experiment/Experiment.h"

#include "ExperimentJson.h"

#include <QJsonArray>

#include <gtest/gtest.h>

namespace d3::core {
namespace {

using namespace d3::test::experiment_json;

/// minimal() with three edge nodes, the last one remote (remote: false makes it local), and the planners
/// neurosurgeon and hpa.
QJsonObject base(bool remote = true)
{
    QJsonObject o = minimal();
    const QJsonObject third = remote ? QJsonObject{{QStringLiteral("address"), QStringLiteral("10.0.0.3:7000")}}
                                     : QJsonObject{};
    o.insert(QStringLiteral("nodes"), QJsonArray{node(QStringLiteral("device"), QStringLiteral("device")),
                                                 node(QStringLiteral("edge1"), QStringLiteral("edge")),
                                                 node(QStringLiteral("edge2"), QStringLiteral("edge")),
                                                 node(QStringLiteral("edge3"), QStringLiteral("edge"), third),
                                                 node(QStringLiteral("cloud"), QStringLiteral("cloud"))});
    o.remove(QStringLiteral("planner"));
    o.insert(QStringLiteral("planners"), js(QStringLiteral("['neurosurgeon', 'hpa']")));
    return o;
}

QJsonObject swept(const QString &sweep)
{
    QJsonObject o = base();
    o.insert(QStringLiteral("sweep"), js(sweep));
    return o;
}

TEST(ExperimentSweep, PhasesCrossModelsRepeatsConditionsPlannersAndTilesInThatOrder)
{
    QString error;
    const auto e = parse(swept(QStringLiteral(R"({'links': {'edge<->cloud': {'mbps': [1, 10], 'delay_ms': 20}},
                                                  'edge_nodes': [1, 3], 'repeats': 2})")), &error);
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    EXPECT_EQ(e->sweep.axisNames(), (QStringList{QStringLiteral("edge<->cloud.mbps"), QStringLiteral("edge_nodes")}));
    EXPECT_EQ(e->sweep.conditionCount(), 4);
    const QVector<ExperimentPhase> phases = e->phases();
    ASSERT_EQ(phases.size(), 2 * 4 * 2);
    EXPECT_EQ(e->phaseCount(), phases.size());
    QStringList got;
    for (const ExperimentPhase &p : phases)
        got << QStringLiteral("r%1 c%2 %3").arg(p.repeat).arg(p.condition).arg(p.planner);
    EXPECT_EQ(got.mid(0, 5), (QStringList{QStringLiteral("r0 c0 neurosurgeon"), QStringLiteral("r0 c0 hpa"),
                                          QStringLiteral("r0 c1 neurosurgeon"), QStringLiteral("r0 c1 hpa"),
                                          QStringLiteral("r0 c2 neurosurgeon")}));
    EXPECT_EQ(got.last(), QStringLiteral("r1 c3 hpa"));

    // The last axis varies fastest; a link's unswept figure is kept in every condition.
    const ExperimentCondition c1 = e->condition(phases[2]);
    EXPECT_EQ(c1.values, (QVector<double>{1, 3}));
    EXPECT_EQ(c1.edgeNodes, 3);
    ASSERT_EQ(c1.links.size(), 1);
    EXPECT_EQ(c1.links[0].name, QStringLiteral("edge<->cloud"));
    EXPECT_EQ(c1.links[0].mbps, 1);
    EXPECT_EQ(c1.links[0].delayMs, 20);
    const ExperimentCondition c2 = e->condition(phases[4]);
    EXPECT_EQ(c2.values, (QVector<double>{10, 1}));
    EXPECT_EQ(c2.links[0].mbps, 10);
    EXPECT_EQ(c2.edgeNodes, 1);
}

TEST(ExperimentSweep, SlowdownsNameANodeOrARoleAndDelaysSweepToo)
{
    QString error;
    QJsonObject o = swept(QStringLiteral(R"({'slowdown': {'device': [5, 10], 'edge1': 2},
                                             'links': {'edge1->cloud': {'mbps': 50, 'delay_ms': [5, 50]}}})"));
    auto e = parse(o, &error);
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    EXPECT_EQ(e->sweep.axisNames(), (QStringList{QStringLiteral("edge1->cloud.delay_ms"), QStringLiteral("slowdown.device"),
                                                 QStringLiteral("slowdown.edge1")}));
    const ExperimentCondition c = e->condition(e->phases()[2 * 3]); // condition 3: delay 50, device 10
    EXPECT_EQ(c.values, (QVector<double>{50, 10, 2}));
    EXPECT_EQ(c.slowdowns.value(QStringLiteral("device")), 10);
    EXPECT_EQ(c.slowdowns.value(QStringLiteral("edge1")), 2);
    EXPECT_EQ(c.links.value(0).delayMs, 50);
    EXPECT_EQ(c.links.value(0).mbps, 50);

    // A role covers every node of it, a remote one included (its padding is set by SetSlowdown).
    o = base();
    o.insert(QStringLiteral("sweep"), js(QStringLiteral("{'slowdown': {'edge': [2, 4]}}")));
    e = parse(o, &error);
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    const ExperimentCondition edges = e->condition(e->phases().last());
    EXPECT_EQ(edges.slowdowns.size(), 3);
    EXPECT_EQ(edges.slowdowns.value(QStringLiteral("edge3")), 4);
}

TEST(ExperimentSweep, ToJsonRoundTrips)
{
    QString error;
    const auto e = parse(swept(QStringLiteral(R"({'links': {'edge<->cloud': {'mbps': [1, 10], 'delay_ms': 20,
                                                  'burst_bytes': 4096}, 'device<->edge': {'mbps': 100, 'delay_ms': [1, 2]}},
                                                  'edge_nodes': [2], 'slowdown': {'edge1': [1, 8]},
                                                  'codecs': ['none', 'auto'], 'repeats': 3})")),
                         &error);
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    const QJsonObject saved = e->toJson();
    const auto back = parse(saved, &error);
    ASSERT_TRUE(back.has_value()) << error.toStdString();
    EXPECT_EQ(back->toJson(), saved);
    EXPECT_EQ(back->sweep.axisNames(), e->sweep.axisNames());
    EXPECT_EQ(back->sweep.repeats, 3);
    EXPECT_EQ(back->sweep.axisNames().last(), QStringLiteral("codecs"));
    EXPECT_EQ(back->condition(back->phases().first()).codecs, QStringLiteral("none"));
    EXPECT_EQ(back->condition(back->phases().last()).codecs, QStringLiteral("auto"));
    EXPECT_EQ(back->phaseCount(), e->phaseCount());
    EXPECT_EQ(back->condition(back->phases().last()).links.value(0).burstBytes, 0); // device<->edge
    EXPECT_EQ(back->condition(back->phases().last()).links.value(1).burstBytes, 4096);
}

TEST(ExperimentSweep, BadSweepsAreRefusedWithOneLine)
{
    const QString rate = QStringLiteral("sweep.links[\"edge<->cloud\"].mbps");
    expectError(swept(QStringLiteral("{}")), QStringLiteral("sweep: is empty"));
    expectError(swept(QStringLiteral("[1]")), QStringLiteral("sweep: must be an object"));
    expectError(swept(QStringLiteral("{'bandwidth': [1]}")), QStringLiteral("sweep: unknown key 'bandwidth'"));
    expectError(swept(QStringLiteral("{'links': {'edge<->cloud': {'mbps': [], 'delay_ms': 1}}}")),
                rate + QStringLiteral(": must hold 1..64 values"));
    expectError(swept(QStringLiteral("{'links': {'edge<->cloud': {'mbps': [5, -1], 'delay_ms': 1}}}")),
                rate + QStringLiteral("[1]: must be a number in 0..1000000"));
    expectError(swept(QStringLiteral("{'links': {'edge<->cloud': {'mbps': [5, 5], 'delay_ms': 1}}}")),
                rate + QStringLiteral("[1]: 5 is listed twice"));
    expectError(swept(QStringLiteral("{'links': {'edge<->cloud': {'mbps': ['fast'], 'delay_ms': 1}}}")),
                rate + QStringLiteral("[0]: must be a number"));
    expectError(swept(QStringLiteral("{'links': {'edge<->cloud': {'mbps': [5]}}}")),
                QStringLiteral("sweep.links[\"edge<->cloud\"].delay_ms: is required"));
    expectError(swept(QStringLiteral("{'links': {'device<->cloud': {'mbps': [5], 'delay_ms': 1}}}")),
                QStringLiteral("sweep.links[\"device<->cloud\"]: there is no device<->cloud link"));
    expectError(swept(QStringLiteral("{'links': {'edge9->cloud': {'mbps': [5], 'delay_ms': 1}}}")),
                QStringLiteral("sweep.links[\"edge9->cloud\"]: "));
    expectError(swept(QStringLiteral("{'edge_nodes': [1, 4]}")),
                QStringLiteral("sweep.edge_nodes[1]: must be an integer in 1..3"));
    expectError(swept(QStringLiteral("{'edge_nodes': [1.5]}")),
                QStringLiteral("sweep.edge_nodes[0]: must be an integer in 1..3"));
    expectError(swept(QStringLiteral("{'slowdown': {'gpu': [2]}}")),
                QStringLiteral("sweep.slowdown.gpu: no node or role named 'gpu'"));
    expectError(swept(QStringLiteral("{'slowdown': {'device': [0.5]}}")),
                QStringLiteral("sweep.slowdown.device[0]: must be a number in 1..1000"));
    expectError(swept(QStringLiteral("{'codecs': ['none', 'gzip']}")),
                QStringLiteral("sweep.codecs: \"gzip\" is not one of auto, none, zero, shuffle-zstd"));
    expectError(swept(QStringLiteral("{'codecs': ['zero', 'zero']}")),
                QStringLiteral("sweep.codecs: \"zero\" is not one of auto, none, zero, shuffle-zstd, or is there twice"));
    expectError(swept(QStringLiteral("{'codecs': 'zero'}")), QStringLiteral("sweep.codecs: must be a non-empty array"));
    expectError(swept(QStringLiteral("{'repeats': 0}")), QStringLiteral("sweep.repeats: "));
    expectError(swept(QStringLiteral("{'repeats': 100, 'links': {'edge<->cloud': {'mbps': [1, 2, 3, 4, 5, 6, 7, 8, 9, 10,"
                                     "11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30],"
                                     "'delay_ms': [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17]}}}")),
                QStringLiteral("sweep: 102000 phases (models x repeats x conditions x planners x tiles); at most 100000"));

    // A role sweep and one of its nodes both name the node.
    QJsonObject o = base(false);
    o.insert(QStringLiteral("sweep"), js(QStringLiteral("{'slowdown': {'edge': [2], 'edge1': [3]}}")));
    expectError(o, QStringLiteral("sweep.slowdown.edge1: 'edge1' is already swept by \"edge\""));
}

} // namespace
} // namespace d3::core
