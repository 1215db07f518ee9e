#include "D3ctlProcess.h"
#include "TestFiles.h"

#include "plan/Profile.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using d3::core::Profile;
using d3::test::D3ctlProcess;
using d3::test::TestFiles;

namespace {

QStringList args(const QString &line)
{
    return line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

/// The keys every planner answer carries (docs/ARCHITECTURE.md, The command-line contract).
void expectContract(const QJsonObject &o)
{
    for (const char *key : {"planner", "cuts", "grid", "predicted_ms", "breakdown", "backbone_bytes", "decision_us",
                            "costs"})
        EXPECT_TRUE(o.contains(QLatin1String(key))) << key;
    const QJsonArray cuts = o.value(QLatin1String("cuts")).toArray();
    ASSERT_EQ(cuts.size(), 2);
    EXPECT_LE(0, cuts[0].toInt());
    EXPECT_LE(cuts[0].toInt(), cuts[1].toInt());
    const QJsonArray grid = o.value(QLatin1String("grid")).toArray();
    ASSERT_EQ(grid.size(), 2);
    EXPECT_GE(grid[0].toInt(), 1);
    EXPECT_GE(grid[1].toInt(), 1);
    const QJsonObject b = o.value(QLatin1String("breakdown")).toObject();
    double sum = 0;
    for (const char *key : {"device_ms", "uplink_ms", "tiles_ms", "edge_ms", "backbone_ms", "cloud_ms", "return_ms"}) {
        ASSERT_TRUE(b.value(QLatin1String(key)).isDouble()) << key;
        EXPECT_GE(b.value(QLatin1String(key)).toDouble(), 0.0) << key;
        sum += b.value(QLatin1String(key)).toDouble();
    }
    const double total = o.value(QLatin1String("predicted_ms")).toDouble();
    EXPECT_GT(total, 0.0);
    EXPECT_NEAR(sum, total, 1e-9 * total);
    EXPECT_DOUBLE_EQ(b.value(QLatin1String("total_ms")).toDouble(), total);
    EXPECT_DOUBLE_EQ(b.value(QLatin1String("backbone_bytes")).toDouble(), o.value(QLatin1String("backbone_bytes")).toDouble());
    EXPECT_GE(o.value(QLatin1String("backbone_bytes")).toDouble(), 0.0);
    EXPECT_GE(o.value(QLatin1String("decision_us")).toDouble(), 0.0);
}

/// A profile that fits graph (layer i takes 0.1 + i / 100 ms).
Profile profileOf(const d3::core::ModelGraph &graph)
{
    Profile p;
    p.model = graph.name();
    for (const auto &l : graph.layers()) {
        p.layers << l.name;
        p.ms << 0.1 + l.index / 100.0;
    }
    p.machine = QStringLiteral("test machine");
    p.threads = 1;
    p.runs = 3;
    p.date = QDateTime::currentDateTimeUtc();
    return p;
}

QString save(const QTemporaryDir &dir, const QString &name, const Profile &p)
{
    const QString path = dir.filePath(name);
    QString error;
    EXPECT_TRUE(p.save(path, &error)) << error.toStdString();
    return path;
}

TEST(PlanCommandTest, HpaPlanJsonHasTheContractKeys)
{
    const auto r = D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner hpa --json")));
    ASSERT_TRUE(r.succeeded());
    const QJsonObject o = r.json().object();
    expectContract(o);
    EXPECT_EQ(o.value(QLatin1String("planner")).toString(), QStringLiteral("hpa"));
    EXPECT_EQ(o.value(QLatin1String("costs")).toString(), QStringLiteral("estimated"));
    EXPECT_LE(o.value(QLatin1String("cuts")).toArray()[1].toInt(), 69);
}

TEST(PlanCommandTest, ConditionsReachThePlanner)
{
    // A 1 Mbit/s backbone and fast edge nodes: nothing goes to the cloud.
    const auto r = D3ctlProcess::run(args(QStringLiteral(
        "plan vgg16 --planner hpa --bw-de 1000 --bw-ec 1 --edge-nodes 4 --speeds device=0.1,edge=1,cloud=1 --json")));
    ASSERT_TRUE(r.succeeded());
    const QJsonObject o = r.json().object();
    expectContract(o);
    EXPECT_EQ(o.value(QLatin1String("cuts")).toArray()[1].toInt(), 40);
    EXPECT_EQ(o.value(QLatin1String("backbone_bytes")).toDouble(), 0.0);
    const QJsonObject c = o.value(QLatin1String("conditions")).toObject();
    EXPECT_EQ(c.value(QLatin1String("bw_ec_mbps")).toDouble(), 1.0);
    EXPECT_EQ(c.value(QLatin1String("edge_nodes")).toInt(), 4);
    EXPECT_EQ(c.value(QLatin1String("device_speed")).toDouble(), 0.1);
}

TEST(PlanCommandTest, TextOutputSaysTheCostsAreEstimated)
{
    const auto r = D3ctlProcess::run(args(QStringLiteral("plan alexnet --planner neurosurgeon")));
    ASSERT_TRUE(r.succeeded());
    EXPECT_TRUE(r.out.contains("neurosurgeon")) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains("estimated")) << r.out.toStdString();
}

TEST(PlanCommandTest, MeasuredProfileIsUsedAndSaid)
{
    QTemporaryDir dir;
    const QString path = save(dir, QStringLiteral("resnet18.json"), profileOf(TestFiles::builtin(QStringLiteral("resnet18"))));
    const auto r = D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner device-only --json --profile ") + path));
    ASSERT_TRUE(r.succeeded());
    const QJsonObject o = r.json().object();
    expectContract(o);
    EXPECT_EQ(o.value(QLatin1String("costs")).toString(), QStringLiteral("measured"));
    // Device-only at the default device speed 0.1: the profile's sum (69 layers) ten times over.
    double sum = 0;
    for (int i = 0; i < 69; ++i)
        sum += 0.1 + i / 100.0;
    EXPECT_NEAR(o.value(QLatin1String("predicted_ms")).toDouble(), sum / 0.1, 1e-9);
}

TEST(PlanCommandTest, CompareListsEveryPlanner)
{
    const auto r = D3ctlProcess::run(args(QStringLiteral("compare vgg16 --json")));
    ASSERT_TRUE(r.succeeded());
    const QJsonArray list = r.json().array();
    const QStringList expected{"device-only", "edge-only", "cloud-only", "neurosurgeon", "edge-cloud", "dads", "hpa",
                               "oracle"};
    ASSERT_EQ(list.size(), expected.size());
    QMap<QString, QJsonObject> byName;
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject o = list[i].toObject();
        SCOPED_TRACE(o.value(QLatin1String("planner")).toString().toStdString());
        EXPECT_EQ(o.value(QLatin1String("planner")).toString(), expected[i]);
        expectContract(o);
        EXPECT_EQ(o.value(QLatin1String("costs")).toString(), QStringLiteral("estimated"));
        for (const char *key : {"speedup_vs_device_only", "speedup_vs_cloud_only", "backbone_reduction_vs_cloud_only"})
            EXPECT_TRUE(o.value(QLatin1String(key)).isDouble()) << key;
        byName.insert(o.value(QLatin1String("planner")).toString(), o);
    }
    auto ms = [&](const char *name) { return byName.value(QLatin1String(name)).value(QLatin1String("predicted_ms")).toDouble(); };
    for (const QString &name : expected)
        EXPECT_LE(ms("oracle"), byName.value(name).value(QLatin1String("predicted_ms")).toDouble() * (1 + 1e-9));
    EXPECT_NEAR(ms("hpa"), ms("oracle"), 1e-9 * ms("oracle"));
    const QJsonObject device = byName.value(QStringLiteral("device-only"));
    EXPECT_DOUBLE_EQ(device.value(QLatin1String("speedup_vs_device_only")).toDouble(), 1.0);
    const QJsonObject cloud = byName.value(QStringLiteral("cloud-only"));
    EXPECT_DOUBLE_EQ(cloud.value(QLatin1String("speedup_vs_cloud_only")).toDouble(), 1.0);
    EXPECT_DOUBLE_EQ(cloud.value(QLatin1String("backbone_reduction_vs_cloud_only")).toDouble(), 1.0);
    EXPECT_NEAR(byName.value(QStringLiteral("hpa")).value(QLatin1String("speedup_vs_device_only")).toDouble(),
                ms("device-only") / ms("hpa"), 1e-9);
}

TEST(PlanCommandTest, CompareTextIsATable)
{
    const auto r = D3ctlProcess::run(args(QStringLiteral("compare alexnet --bw-ec 5")));
    ASSERT_TRUE(r.succeeded());
    for (const char *name : {"device-only", "edge-only", "cloud-only", "neurosurgeon", "edge-cloud", "dads", "hpa", "oracle"})
        EXPECT_TRUE(r.out.contains(name)) << name;
}

TEST(PlanCommandTest, TheObjectiveReachesThePlannerAndTheBottleneckIsReported)
{
    const QString line = QStringLiteral("plan vgg16 --planner hpa --bw-de 1000 --bw-ec 100 "
                                        "--speeds device=0.1,edge=0.5,cloud=1 --json");
    const auto latency = D3ctlProcess::run(args(line));
    const auto throughput = D3ctlProcess::run(args(line + QStringLiteral(" --objective throughput")));
    ASSERT_TRUE(latency.succeeded());
    ASSERT_TRUE(throughput.succeeded());
    const QJsonObject l = latency.json().object(), t = throughput.json().object();
    expectContract(l);
    expectContract(t);
    EXPECT_EQ(l.value(QLatin1String("objective")).toString(), QStringLiteral("latency"));
    EXPECT_EQ(t.value(QLatin1String("objective")).toString(), QStringLiteral("throughput"));
    const QJsonObject lb = l.value(QLatin1String("breakdown")).toObject(), tb = t.value(QLatin1String("breakdown")).toObject();
    for (const QJsonObject &b : {lb, tb}) {
        ASSERT_TRUE(b.value(QLatin1String("bottleneck_ms")).isDouble());
        EXPECT_GT(b.value(QLatin1String("bottleneck_ms")).toDouble(), 0.0);
        EXPECT_LE(b.value(QLatin1String("bottleneck_ms")).toDouble(), b.value(QLatin1String("total_ms")).toDouble());
        EXPECT_NEAR(b.value(QLatin1String("throughput_rps")).toDouble(),
                    1000 / b.value(QLatin1String("bottleneck_ms")).toDouble(), 1e-9);
        const QString busiest = b.value(QLatin1String("bottleneck")).toString();
        EXPECT_DOUBLE_EQ(b.value(QLatin1String("busy_ms")).toObject().value(busiest).toDouble(),
                         b.value(QLatin1String("bottleneck_ms")).toDouble())
            << busiest.toStdString();
    }
    // The stream's plan sustains at least the latency plan's rate, and no single request is faster on it.
    EXPECT_LE(tb.value(QLatin1String("bottleneck_ms")).toDouble(), lb.value(QLatin1String("bottleneck_ms")).toDouble());
    EXPECT_GE(t.value(QLatin1String("predicted_ms")).toDouble(), l.value(QLatin1String("predicted_ms")).toDouble());

    // Under a rate: the rate is in the answer, and the text says whether the plan sustains it.
    const auto rate = D3ctlProcess::run(args(line + QStringLiteral(" --objective latency_under_rate --rate-hz 2")));
    ASSERT_TRUE(rate.succeeded());
    EXPECT_EQ(rate.json().object().value(QLatin1String("rate_hz")).toDouble(), 2.0);
    const auto text = D3ctlProcess::run(args(QStringLiteral(
        "plan vgg16 --planner oracle --objective latency_under_rate --rate-hz 0.5")));
    ASSERT_TRUE(text.succeeded());
    EXPECT_TRUE(text.out.contains("stream: bottleneck ")) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains("requests/s; objective latency_under_rate 0.5 Hz (sustained)")) << text.out.toStdString();
    const auto table = D3ctlProcess::run(args(QStringLiteral("compare alexnet --objective throughput")));
    ASSERT_TRUE(table.succeeded());
    EXPECT_TRUE(table.out.contains("objective throughput")) << table.out.toStdString();
    EXPECT_TRUE(table.out.contains("max rps")) << table.out.toStdString();
}

TEST(PlanCommandTest, BadObjectivesAreRefused)
{
    const auto unknown = D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner hpa --objective fastest")));
    EXPECT_TRUE(unknown.refused(QStringLiteral("--objective")));
    EXPECT_TRUE(unknown.err.contains("'fastest'")) << unknown.err.toStdString();
    for (const char *line : {"plan resnet18 --planner hpa --objective latency_under_rate",
                             "plan resnet18 --planner hpa --objective latency_under_rate --rate-hz 0",
                             "plan resnet18 --planner hpa --objective latency_under_rate --rate-hz fast",
                             "plan resnet18 --planner hpa --objective throughput --rate-hz 30",
                             "compare resnet18 --rate-hz 30"})
        EXPECT_TRUE(D3ctlProcess::run(args(QString::fromLatin1(line))).refused(QStringLiteral("--rate-hz"))) << line;
}

TEST(PlanCommandTest, UnknownPlannerIsRefused)
{
    const auto r = D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner magic --json")));
    EXPECT_TRUE(r.refused(QStringLiteral("--planner")));
    EXPECT_TRUE(r.err.contains("'magic'")) << r.err.toStdString();
    EXPECT_TRUE(D3ctlProcess::run(args(QStringLiteral("plan resnet18"))).refused(QStringLiteral("--planner")));
}

TEST(PlanCommandTest, BadConditionsAreRefused)
{
    for (const QString &line : {QStringLiteral("plan resnet18 --planner hpa --bw-ec 0"),
                                QStringLiteral("compare resnet18 --bw-ec 0")})
        EXPECT_TRUE(D3ctlProcess::run(args(line)).refused(QStringLiteral("--bw-ec"))) << line.toStdString();
    EXPECT_TRUE(D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner hpa --bw-de -5")))
                    .refused(QStringLiteral("--bw-de")));
    EXPECT_TRUE(D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner hpa --bw-de fast")))
                    .refused(QStringLiteral("--bw-de")));
    EXPECT_TRUE(D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner hpa --edge-nodes 0")))
                    .refused(QStringLiteral("--edge-nodes")));
    EXPECT_TRUE(D3ctlProcess::run(args(QStringLiteral("compare resnet18 --edge-nodes 0")))
                    .refused(QStringLiteral("--edge-nodes")));
    EXPECT_TRUE(D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner hpa --speeds device=abc")))
                    .refused(QStringLiteral("--speeds")));
    for (const char *speeds : {"device=0", "edge=1:0", "cloud=-1", "gpu=2"}) {
        EXPECT_TRUE(D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner hpa --speeds ") + speeds))
                        .refused(QStringLiteral("--speeds")))
            << speeds;
    }
    EXPECT_TRUE(D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner hpa --rtt-ec -1")))
                    .refused(QStringLiteral("--rtt-ec")));
}

TEST(PlanCommandTest, ProfileOfAnotherModelIsRefused)
{
    QTemporaryDir dir;
    const QString path = save(dir, QStringLiteral("alexnet.json"), profileOf(TestFiles::builtin(QStringLiteral("alexnet"))));
    for (const QString &command : {QStringLiteral("plan resnet18 --planner hpa --profile "),
                                   QStringLiteral("compare resnet18 --json --profile ")}) {
        const auto r = D3ctlProcess::run(args(command + path));
        EXPECT_TRUE(r.refused(path)) << command.toStdString();
        EXPECT_TRUE(r.err.contains("alexnet")) << r.err.toStdString();
    }
}

TEST(PlanCommandTest, ProfileOfTheWrongLengthIsRefused)
{
    QTemporaryDir dir;
    Profile p = profileOf(TestFiles::builtin(QStringLiteral("resnet18")));
    p.layers.removeLast();
    p.ms.removeLast();
    const QString path = save(dir, QStringLiteral("short.json"), p);
    const auto r = D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner hpa --json --profile ") + path));
    EXPECT_TRUE(r.refused(path));
    EXPECT_TRUE(r.err.contains("68")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("69")) << r.err.toStdString();
}

TEST(PlanCommandTest, MissingOrBrokenProfileIsRefused)
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("none.json"));
    EXPECT_TRUE(D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner hpa --profile ") + missing)).refused(missing));
    const QString broken = TestFiles::write(dir, QStringLiteral("broken.json"), "{\"format\": \"d3lab-profile\"");
    EXPECT_TRUE(D3ctlProcess::run(args(QStringLiteral("plan resnet18 --planner hpa --profile ") + broken)).refused(broken));
}

} // namespace
