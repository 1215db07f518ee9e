#include "record/Comparison.h"

#include "record/CsvReader.h"

#include <QJsonArray>

#include <gtest/gtest.h>

namespace d3::core {
namespace {

RunEvent phaseEvent(int phase, const QString &planner, double value, int condition, bool tiles = true,
                    const QString &axis = QStringLiteral("edge<->cloud.mbps"), int repeat = 0)
{
    RunEvent e;
    e.phase = phase;
    e.kind = QStringLiteral("phase");
    e.details = {{QStringLiteral("model"), QStringLiteral("resnet18")},
                 {QStringLiteral("planner"), planner},
                 {QStringLiteral("tiles"), tiles},
                 {QStringLiteral("tiles_swept"), false},
                 {QStringLiteral("repeat"), repeat},
                 {QStringLiteral("condition_index"), condition},
                 {QStringLiteral("axes"), QJsonArray{axis}},
                 {QStringLiteral("condition"), QJsonObject{{axis, value}}}};
    return e;
}

RunEvent planEvent(quint64 id, const QString &shortLabel, const QString &tiers)
{
    RunEvent e;
    e.kind = QStringLiteral("plan");
    e.details = {{QStringLiteral("plan_id"), qint64(id)}, {QStringLiteral("short"), shortLabel},
                 {QStringLiteral("tiers"), tiers}};
    return e;
}

/// A completed request sent as it arrived (at arrivalMs), ms end to end.
RequestRecord request(int phase, quint64 planId, const QString &plan, double ms, qint64 backbone = 0,
                      double arrivalMs = 0)
{
    RequestRecord r;
    r.phase = phase;
    r.planId = planId;
    r.plan = plan;
    r.completed = true;
    r.arrivalMs = arrivalMs;
    r.startMs = arrivalMs;
    r.endToEndMs = ms;
    r.predictedMs = 100;
    r.cloudMs = ms / 2;
    r.backboneBytes = backbone;
    return r;
}

TEST(Comparison, PercentilesInterpolateBetweenClosestRanksAsNumpyDoes)
{
    const QVector<double> v{4, 1, 3, 2};
    EXPECT_DOUBLE_EQ(Comparison::percentile(v, 50), 2.5);
    EXPECT_DOUBLE_EQ(Comparison::percentile(v, 25), 1.75);
    EXPECT_DOUBLE_EQ(Comparison::percentile(v, 95), 3.85);
    EXPECT_DOUBLE_EQ(Comparison::percentile(v, 0), 1);
    EXPECT_DOUBLE_EQ(Comparison::percentile(v, 100), 4);
    EXPECT_DOUBLE_EQ(Comparison::percentile({7}, 95), 7);
    EXPECT_DOUBLE_EQ(Comparison::percentile({}, 50), 0);
}

/// Two conditions; at 5 Mbit/s neurosurgeon runs cloud-only's plan (pooled), HPA splits three ways; a probe and a
/// failure are counted as the format says.
RunData run()
{
    RunData d;
    const QStringList planners{QStringLiteral("device-only"), QStringLiteral("cloud-only"),
                               QStringLiteral("neurosurgeon"), QStringLiteral("hpa")};
    for (int c = 0; c < 2; ++c)
        for (int p = 0; p < planners.size(); ++p)
            d.events << phaseEvent(c * 4 + p, planners[p], c == 0 ? 5 : 100, c);
    d.events << planEvent(1, QStringLiteral("device only"), QStringLiteral("device"))
             << planEvent(2, QStringLiteral("cloud only"), QStringLiteral("cloud"))
             << planEvent(3, QStringLiteral("cloud only"), QStringLiteral("cloud"))
             << planEvent(4, QStringLiteral("3-tier, 2x2 tiles"), QStringLiteral("device+edge+cloud"));
    const QString dev = QStringLiteral("p=69 q=69"), cloud = QStringLiteral("p=0 q=0"),
                  three = QStringLiteral("p=3 q=20 tiles 2x2 of [3, 9) on 2 node(s)");
    for (double ms : {400, 410, 420})
        d.requests << request(0, 1, dev, ms);
    for (double ms : {300, 310})
        d.requests << request(1, 2, cloud, ms, 150000);
    for (double ms : {320, 330})
        d.requests << request(2, 3, cloud, ms, 150000);
    for (double ms : {100, 110, 120, 130})
        d.requests << request(3, 4, three, ms, 30000);
    RequestRecord probe = request(3, 9, dev, 1);
    probe.probe = true;
    RequestRecord failed = request(3, 4, three, 0);
    failed.completed = false;
    d.requests << probe << failed;
    for (int p = 4; p < 8; ++p) // 100 Mbit/s: every planner 50 ms on the cloud-only plan, except device-only
        d.requests << request(p, 2, p == 4 ? dev : cloud, p == 4 ? 400 : 50, p == 4 ? 0 : 150000);
    return d;
}

TEST(Comparison, RowsPoolTheSamePlanAndCompareWithEveryBaseline)
{
    QString error;
    const auto c = Comparison::make(run(), &error);
    ASSERT_TRUE(c.has_value()) << error.toStdString();
    EXPECT_EQ(c->axes, QStringList{QStringLiteral("edge<->cloud.mbps")});
    ASSERT_EQ(c->conditions.size(), 2);
    EXPECT_EQ(c->conditions[1].label(c->axes), QStringLiteral("edge<->cloud.mbps=100"));
    ASSERT_EQ(c->rows.size(), 8);

    const ComparisonRow *cloud = c->find(QStringLiteral("resnet18"), 0, QStringLiteral("cloud-only"));
    const ComparisonRow *ns = c->find(QStringLiteral("resnet18"), 0, QStringLiteral("neurosurgeon"));
    const ComparisonRow *hpa = c->find(QStringLiteral("resnet18"), 0, QStringLiteral("hpa"));
    ASSERT_TRUE(cloud && ns && hpa);
    EXPECT_EQ(ns->samePlanAs, QStringLiteral("cloud-only"));
    EXPECT_TRUE(cloud->samePlanAs.isEmpty());
    EXPECT_EQ(cloud->n, 4); // pooled: 300, 310, 320, 330
    EXPECT_EQ(ns->n, 4);
    EXPECT_DOUBLE_EQ(cloud->p50Ms, 315);
    EXPECT_DOUBLE_EQ(ns->p50Ms, 315);
    EXPECT_DOUBLE_EQ(ns->speedup.value(QStringLiteral("cloud_only")), 1);

    EXPECT_EQ(hpa->n, 4);
    EXPECT_EQ(hpa->failed, 1);
    EXPECT_EQ(hpa->planShort, QStringLiteral("3-tier, 2x2 tiles"));
    EXPECT_EQ(hpa->tiers, QStringLiteral("device+edge+cloud"));
    EXPECT_DOUBLE_EQ(hpa->p50Ms, 115);
    EXPECT_DOUBLE_EQ(hpa->iqrMs, 122.5 - 107.5);
    EXPECT_DOUBLE_EQ(hpa->p95Ms, 128.5);
    EXPECT_DOUBLE_EQ(hpa->speedup.value(QStringLiteral("device_only")), 410.0 / 115);
    EXPECT_DOUBLE_EQ(hpa->speedup.value(QStringLiteral("neurosurgeon")), 315.0 / 115);
    EXPECT_DOUBLE_EQ(hpa->speedup.value(QStringLiteral("best_two_tier")), 315.0 / 115);
    EXPECT_FALSE(hpa->speedup.contains(QStringLiteral("dads"))); // not run
    EXPECT_DOUBLE_EQ(hpa->backboneVsCloudOnly, 5.0);
    EXPECT_DOUBLE_EQ(hpa->stageMs.value(Comparison::stageNames().indexOf(QStringLiteral("cloud"))), 57.5);
    EXPECT_DOUBLE_EQ(hpa->measuredOverPredicted(), 1.15);

    // At 100 Mbit/s three planners ran the same plan: all pooled into the first.
    const ComparisonRow *hpa100 = c->find(QStringLiteral("resnet18"), 1, QStringLiteral("hpa"));
    ASSERT_TRUE(hpa100);
    EXPECT_EQ(hpa100->samePlanAs, QStringLiteral("cloud-only"));
    EXPECT_EQ(hpa100->n, 3);
    EXPECT_DOUBLE_EQ(hpa100->speedup.value(QStringLiteral("best_two_tier")), 1);
    EXPECT_DOUBLE_EQ(hpa100->speedup.value(QStringLiteral("device_only")), 8);
}

TEST(Comparison, TheCsvHasTheContractsColumnsAndReadsBack)
{
    QString error;
    const auto c = Comparison::make(run(), &error);
    ASSERT_TRUE(c.has_value()) << error.toStdString();
    const QByteArray csv = c->toCsv().toUtf8();
    CsvReader reader(csv);
    const auto header = reader.next(&error);
    ASSERT_TRUE(header.has_value()) << error.toStdString();
    for (const char *column : {"model", "edge<->cloud.mbps", "planner", "plan", "n", "failed", "p50_ms", "p95_ms",
                               "iqr_ms", "backbone_bytes", "speedup_vs_device_only", "speedup_vs_cloud_only",
                               "speedup_vs_neurosurgeon", "speedup_vs_dads", "speedup_vs_best_two_tier",
                               "same_plan_as", "predicted_ms", "measured_over_predicted"})
        EXPECT_TRUE(header->fields.contains(QString::fromLatin1(column))) << column;
    int rows = 0;
    while (const auto row = reader.next(&error)) {
        ASSERT_EQ(row->fields.size(), header->fields.size());
        ++rows;
        if (row->fields.at(header->fields.indexOf(QStringLiteral("planner"))) == QLatin1String("hpa")
            && row->fields.at(1) == QLatin1String("5")) {
            EXPECT_EQ(row->fields.at(header->fields.indexOf(QStringLiteral("p50_ms"))), QStringLiteral("115"));
            EXPECT_EQ(row->fields.at(header->fields.indexOf(QStringLiteral("plan"))),
                      QStringLiteral("p=3 q=20 tiles 2x2 of [3, 9) on 2 node(s)"));
            EXPECT_TRUE(row->fields.at(header->fields.indexOf(QStringLiteral("speedup_vs_dads"))).isEmpty());
        }
    }
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(rows, 8);
    const QString md = c->toMarkdown();
    EXPECT_TRUE(md.contains(QStringLiteral("| 5 | neurosurgeon | cloud only (= cloud-only) | 4 | 0 | 315.0 |")))
        << md.toStdString();
}

/// A stream at 10 requests/s: hpa twice (repeats 0 and 1), the second repeat waiting 20 ms at the device before each
/// request and dropping one; cloud-only and dads once each on the same plan (pooled).
RunData streamRun()
{
    RunData d;
    const QString rate = QStringLiteral("stream.rate_hz");
    d.events << phaseEvent(0, QStringLiteral("hpa"), 10, 0, true, rate, 0)
             << phaseEvent(1, QStringLiteral("cloud-only"), 10, 0, true, rate, 0)
             << phaseEvent(2, QStringLiteral("dads"), 10, 0, true, rate, 0)
             << phaseEvent(3, QStringLiteral("hpa"), 10, 0, true, rate, 1);
    const QString three = QStringLiteral("p=3 q=9"), cloud = QStringLiteral("p=0 q=0");
    for (int i = 0; i < 4; ++i) {
        d.requests << request(0, 1, three, 50, 0, 100.0 * i);   // latency 50; the last output at 350
        d.requests << request(1, 2, cloud, 60, 0, 1000 + 100.0 * i);
        d.requests << request(2, 3, cloud, 60, 0, 2000 + 200.0 * i);
        RequestRecord r = request(3, 4, three, 80, 0, 3000 + 100.0 * i);
        r.startMs += 20; // latency 100; the last output at 3400
        r.dropped = i == 1;
        r.completed = !r.dropped;
        r.endToEndMs = r.completed ? 80 : 0;
        d.requests << r;
    }
    return d;
}

TEST(Comparison, AStreamsRowsHaveThroughputP99AndDrops)
{
    QString error;
    const auto c = Comparison::make(streamRun(), &error);
    ASSERT_TRUE(c.has_value()) << error.toStdString();
    EXPECT_EQ(c->conditions[0].label(c->axes), QStringLiteral("stream.rate_hz=10"));
    const ComparisonRow *hpa = c->find(QStringLiteral("resnet18"), 0, QStringLiteral("hpa"));
    ASSERT_TRUE(hpa);
    EXPECT_EQ(hpa->n, 7);
    EXPECT_EQ(hpa->failed, 1);
    EXPECT_EQ(hpa->dropped, 1);
    // From arrival to output: 50 (x4) and 100 (x3, of which 20 at the device).
    EXPECT_DOUBLE_EQ(hpa->p50Ms, 50);
    EXPECT_DOUBLE_EQ(hpa->p95Ms, 100);
    EXPECT_DOUBLE_EQ(hpa->p99Ms, 100);
    ASSERT_EQ(hpa->phaseFigures.size(), 2);
    EXPECT_DOUBLE_EQ(hpa->phaseFigures[0].throughputRps, 4 / 0.35);
    EXPECT_DOUBLE_EQ(hpa->phaseFigures[1].throughputRps, 3 / 0.4);
    EXPECT_DOUBLE_EQ(hpa->phaseFigures[1].p95Ms, 100);
    EXPECT_DOUBLE_EQ(hpa->throughputRps, (4 / 0.35 + 3 / 0.4) / 2);

    const ComparisonRow *dads = c->find(QStringLiteral("resnet18"), 0, QStringLiteral("dads"));
    ASSERT_TRUE(dads);
    EXPECT_EQ(dads->samePlanAs, QStringLiteral("cloud-only"));
    ASSERT_EQ(dads->phaseFigures.size(), 2); // pooled with cloud-only's phase
    EXPECT_DOUBLE_EQ(dads->phaseFigures[0].throughputRps, 4 / 0.36);
    EXPECT_DOUBLE_EQ(dads->phaseFigures[1].throughputRps, 4 / 0.66);
    EXPECT_EQ(dads->dropped, 0);

    // The columns come after every earlier one; the Markdown shows them too.
    const QByteArray csv = c->toCsv().toUtf8();
    CsvReader reader(csv);
    const auto header = reader.next(&error);
    ASSERT_TRUE(header.has_value()) << error.toStdString();
    EXPECT_EQ(header->fields.mid(header->fields.size() - 4),
              (QStringList{"return_ms", "throughput_rps", "p99_ms", "dropped"}));
    const auto row = reader.next(&error);
    ASSERT_TRUE(row.has_value()) << error.toStdString();
    EXPECT_EQ(row->fields.at(header->fields.indexOf(QStringLiteral("planner"))), QStringLiteral("hpa"));
    EXPECT_EQ(row->fields.at(header->fields.indexOf(QStringLiteral("throughput_rps"))).toDouble(), hpa->throughputRps);
    EXPECT_EQ(row->fields.at(header->fields.indexOf(QStringLiteral("p99_ms"))), QStringLiteral("100"));
    EXPECT_EQ(row->fields.at(header->fields.indexOf(QStringLiteral("dropped"))), QStringLiteral("1"));
    const QString md = c->toMarkdown();
    EXPECT_TRUE(md.contains(QStringLiteral("| req/s | p99 ms | dropped |"))) << md.toStdString();
    EXPECT_TRUE(md.contains(QStringLiteral("| 9.46 | 100.0 | 1 |"))) << md.toStdString();
}

TEST(Comparison, ObjectivesAndCodecsAreNamedInConditions)
{
    const ComparisonCondition condition{{1, 2}};
    EXPECT_EQ(condition.label({QStringLiteral("objective"), QStringLiteral("codecs")}),
              QStringLiteral("objective=throughput, codecs=zero"));
    // Each column of comparison.md shows its own axis's value.
    EXPECT_EQ(condition.shown({QStringLiteral("objective"), QStringLiteral("codecs")}, 0), QStringLiteral("throughput"));
    EXPECT_EQ(condition.shown({QStringLiteral("objective"), QStringLiteral("codecs")}, 1), QStringLiteral("zero"));
    const ComparisonCondition bounded{{4, 0}};
    EXPECT_EQ(bounded.shown({QStringLiteral("stream.in_flight"), QStringLiteral("objective")}, 1),
              QStringLiteral("latency"));
}

TEST(Comparison, ARunWithoutPhaseDetailsHasNoComparison)
{
    RunData d;
    RunEvent e;
    e.kind = QStringLiteral("phase");
    d.events << e;
    d.requests << request(0, 1, QStringLiteral("p=0 q=0"), 10);
    QString error;
    EXPECT_FALSE(Comparison::make(d, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("no comparison"))) << error.toStdString();
}

} // namespace
} // namespace d3::core
