// `d3ctl run` on a real local cluster: a small experiment with a timeline, and the refusals of bad experiments,
// unreachable nodes and a wrong token.
#include "D3ctlProcess.h"
#include "TestFiles.h"
#include "control/LocalCluster.h"

#include "EventLoop.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace d3 {
namespace {

using test::D3ctlProcess;

/// device, edge1, edge2, cloud (local, slowed so the tiers differ) running alexnet with HPA; the backbone drops
/// before request 4, edge1 dies before request 8 and comes back before request 11.
QByteArray smallExperiment(const QString &extraNode = {}, const QString &timeline = {})
{
    const QString nodes = extraNode.isEmpty() ? QStringLiteral(
        R"({"name": "device", "role": "device", "slowdown": 3},
           {"name": "edge1", "role": "edge", "slowdown": 1.5},
           {"name": "edge2", "role": "edge", "slowdown": 1.5},
           {"name": "cloud", "role": "cloud"})") : extraNode;
    const QString events = timeline.isEmpty() ? QStringLiteral(
        R"({"at_request": 4, "set_link": {"link": "edge<->cloud", "mbps": 2, "delay_ms": 20}, "label": "backbone drops"},
           {"at_request": 8, "kill": "edge1", "label": "edge1 dies"},
           {"at_request": 11, "restart": "edge1", "label": "edge1 is back"})") : timeline;
    return QStringLiteral(R"({"format": "d3lab-experiment", "version": 1, "name": "small",
        "nodes": [%1], "model": "alexnet", "planner": "hpa", "profile": {"warmup": 0, "runs": 1},
        "links": {"device<->edge": {"mbps": 200, "delay_ms": 1}, "edge<->cloud": {"mbps": 100, "delay_ms": 5}},
        "requests": {"count": 14}, "timeline": [%2]})").arg(nodes, events).toUtf8();
}

/// `d3ctl run FILE --out OUT --json`, given the time a small experiment on a real cluster takes.
test::D3ctlResult runWithJson(const QString &file, const QString &out)
{
    return D3ctlProcess::run({QStringLiteral("run"), file, QStringLiteral("--out"), out, QStringLiteral("--json")},
                             300000);
}

TEST(RunCommandTest, RunsAnExperimentAndRecordsEveryRequestEventAndPlot)
{
    QTemporaryDir dir;
    const QString file = test::TestFiles::write(dir, QStringLiteral("small.json"), smallExperiment());
    const QString out = dir.filePath(QStringLiteral("run"));
    const auto r = runWithJson(file, out);
    ASSERT_TRUE(r.finished);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject summary = r.json().object();
    EXPECT_EQ(summary.value(QStringLiteral("requests")).toInt(), 14);
    EXPECT_EQ(summary.value(QStringLiteral("completed")).toInt() + summary.value(QStringLiteral("failed")).toInt(), 14);
    EXPECT_EQ(summary.value(QStringLiteral("failed")).toInt(), 0) // the request in flight when edge1 dies is retried
        << QJsonDocument(summary.value(QStringLiteral("failures")).toArray()).toJson().toStdString();
    EXPECT_GT(summary.value(QStringLiteral("measured_over_predicted")).toDouble(), 0.0);
    const QJsonArray adaptations = summary.value(QStringLiteral("adaptations")).toArray();
    ASSERT_EQ(adaptations.size(), 3);
    for (const QJsonValue &a : adaptations) {
        EXPECT_GE(a.toObject().value(QStringLiteral("requests_to_adapt")).toInt(), 0);
        EXPECT_TRUE(a.toObject().contains(QStringLiteral("latency_vs_oracle")));
    }
    for (const char *name : {"requests.csv", "events.jsonl", "summary.json", "experiment.json", "latency.pdf",
                             "latency.svg", "latency.png", "stages.png", "backbone.png"})
        EXPECT_TRUE(QFileInfo(QDir(out).filePath(QLatin1String(name))).size() > 0) << name;
    QFile events(QDir(out).filePath(QStringLiteral("events.jsonl")));
    ASSERT_TRUE(events.open(QIODevice::ReadOnly));
    const QByteArray log = events.readAll();
    for (const char *kind : {"\"kind\":\"plan\"", "\"kind\":\"timeline\"", "\"kind\":\"node_lost\"", "\"kind\":\"node_back\""})
        EXPECT_TRUE(log.contains(kind)) << kind;
    // After edge1 died, a plan over the survivors; after it came back, one over all of them again.
    EXPECT_TRUE(log.contains("failover: edge1 lost"));
    EXPECT_TRUE(log.contains("edge1 back"));
}

TEST(RunCommandTest, WithNoEdgeNodeLeftTheRunGoesOnTwoTier)
{
    QTemporaryDir dir;
    const QString file = test::TestFiles::write(dir, QStringLiteral("two-tier.json"), smallExperiment(
        QStringLiteral(R"({"name": "device", "role": "device", "slowdown": 3}, {"name": "edge1", "role": "edge"},
                          {"name": "cloud", "role": "cloud"})"),
        QStringLiteral(R"({"at_request": 3, "kill": "edge1", "label": "the only edge node dies"})")));
    const QString out = dir.filePath(QStringLiteral("run"));
    const auto r = runWithJson(file, out);
    ASSERT_TRUE(r.finished);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject summary = r.json().object();
    EXPECT_EQ(summary.value(QStringLiteral("completed")).toInt(), 14);
    QFile events(QDir(out).filePath(QStringLiteral("events.jsonl")));
    ASSERT_TRUE(events.open(QIODevice::ReadOnly));
    bool twoTier = false;
    for (const QByteArray &line : events.readAll().split('\n')) {
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        const QJsonObject d = e.value(QStringLiteral("details")).toObject();
        if (e.value(QStringLiteral("kind")).toString() == QLatin1String("plan")
            && d.value(QStringLiteral("reason")).toString().contains(QStringLiteral("failover"))) {
            EXPECT_TRUE(d.value(QStringLiteral("edges")).toArray().isEmpty());
            const QJsonArray cuts = d.value(QStringLiteral("cuts")).toArray();
            EXPECT_EQ(cuts.at(0).toInt(), cuts.at(1).toInt()); // device | cloud: nothing left for an edge
            twoTier = true;
        }
    }
    EXPECT_TRUE(twoTier) << "no failover plan in the event log";
}

TEST(RunCommandTest, RefusesBadExperimentsWithOneLineAndStartsNothing)
{
    QTemporaryDir dir;
    struct Case {
        QByteArray json;
        QString place;
    };
    const std::vector<Case> cases{
        {QByteArray(smallExperiment()).replace("\"planner\"", "\"plannr\""), QStringLiteral("plannr")},
        {smallExperiment({}, QStringLiteral(R"({"at_request": 5, "kill": "edge1"}, {"at_request": 2, "kill": "edge2"})")),
         QStringLiteral("timeline[1].at_request")},
        {smallExperiment({}, QStringLiteral(R"({"at_request": 5, "kill": "edge9"})")), QStringLiteral("edge9")},
    };
    for (const Case &c : cases) {
        const QString file = test::TestFiles::write(dir, QStringLiteral("bad.json"), c.json);
        const QString out = dir.filePath(QStringLiteral("never"));
        const auto r = D3ctlProcess::run({QStringLiteral("run"), file, QStringLiteral("--out"), out});
        EXPECT_TRUE(r.refused(QStringLiteral("bad.json"))) << c.place.toStdString();
        EXPECT_TRUE(r.refused(c.place));
        EXPECT_FALSE(QFileInfo::exists(out)) << "a refused experiment wrote " << out.toStdString();
    }
}

TEST(RunCommandTest, AnUnreachableNodeOrAWrongTokenIsOneLineNamingTheNode)
{
    test::EventLoop::app();
    QTemporaryDir dir;
    // Three real workers listening with their cluster's token.
    core::LocalCluster cluster;
    cluster.setWorkerProgram(test::TestFiles::d3worker());
    QString error;
    ASSERT_TRUE(cluster.start({{QStringLiteral("device"), QStringLiteral("device"), 1.0, 1, {}},
                               {QStringLiteral("edge1"), QStringLiteral("edge"), 1.0, 1, {}},
                               {QStringLiteral("cloud"), QStringLiteral("cloud"), 1.0, 1, {}}},
                              &error))
        << error.toStdString();
    auto address = [&](int i) { return QStringLiteral("127.0.0.1:%1").arg(cluster.endpoints().at(i).port); };
    auto remote = [&](const QString &device) {
        return smallExperiment(QStringLiteral(R"({"name": "device", "role": "device", "address": "%1"},
            {"name": "edge1", "role": "edge", "address": "%2"}, {"name": "cloud", "role": "cloud", "address": "%3"})")
                                   .arg(device, address(1), address(2)),
                               QStringLiteral(" "));
    };
    const QString out = dir.filePath(QStringLiteral("never"));
    const QMap<QString, QString> rightToken{{QStringLiteral("D3_TOKEN_FILE"), cluster.tokenFile()}};

    const QString nowhere = test::TestFiles::write(dir, QStringLiteral("nowhere.json"), remote(QStringLiteral("127.0.0.1:1")));
    const auto unreachable = D3ctlProcess::run({QStringLiteral("run"), nowhere, QStringLiteral("--out"), out}, 60000, rightToken);
    EXPECT_TRUE(unreachable.refused(QStringLiteral("node 'device' at 127.0.0.1:1 is unreachable")));
    EXPECT_FALSE(QFileInfo::exists(out));

    const QString live = test::TestFiles::write(dir, QStringLiteral("live.json"), remote(address(0)));
    const QString wrongToken = test::TestFiles::write(dir, QStringLiteral("wrong.token"), "not the cluster's token at all");
    const auto refused = D3ctlProcess::run({QStringLiteral("run"), live, QStringLiteral("--out"), out}, 60000,
                                           {{QStringLiteral("D3_TOKEN_FILE"), wrongToken}});
    EXPECT_TRUE(refused.refused(QStringLiteral("authentication failed"))) << refused.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(out));
}

TEST(RunCommandTest, LocalWorkersShareTheTokenWithARemoteOne)
{
    test::EventLoop::app();
    QTemporaryDir dir;
    // The cloud runs elsewhere (here: a cluster of its own) with the lab's token; the other nodes are local.
    core::LocalCluster elsewhere;
    elsewhere.setWorkerProgram(test::TestFiles::d3worker());
    QString error;
    ASSERT_TRUE(elsewhere.start({{QStringLiteral("cloud"), QStringLiteral("cloud"), 1.0, 1, {}}}, &error))
        << error.toStdString();
    const QString mixed = QStringLiteral(R"({"name": "device", "role": "device", "slowdown": 2},
        {"name": "edge1", "role": "edge"}, {"name": "cloud", "role": "cloud", "address": "127.0.0.1:%1"})")
                              .arg(elsewhere.endpoints().at(0).port);
    const QString file = test::TestFiles::write(dir, QStringLiteral("mixed.json"), smallExperiment(mixed, QStringLiteral(" ")));
    const QString out = dir.filePath(QStringLiteral("run"));

    const auto noToken = D3ctlProcess::run({QStringLiteral("run"), file, QStringLiteral("--out"), out}, 60000,
                                           {{QStringLiteral("D3_TOKEN_FILE"), QString()}});
    EXPECT_TRUE(noToken.refused(QStringLiteral("remote nodes need the cluster's token"))) << noToken.err.toStdString();

    const auto r = D3ctlProcess::run({QStringLiteral("run"), file, QStringLiteral("--out"), out, QStringLiteral("--json")},
                                     300000, {{QStringLiteral("D3_TOKEN_FILE"), elsewhere.tokenFile()}});
    ASSERT_TRUE(r.finished);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.json().object().value(QStringLiteral("completed")).toInt(), 14);
}

} // namespace
} // namespace d3
