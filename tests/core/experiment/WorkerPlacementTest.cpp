// d3ctl run --workers: an experiment's nodes placed on running workers by name, each mistake one line naming the
// file and the entry.
#include "experiment/WorkerPlacement.h"

#include "ExperimentJson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

namespace d3::core {
namespace {

using namespace d3::test::experiment_json;

Experiment dynamicLike()
{
    QJsonObject o = minimal();
    o.insert(QStringLiteral("nodes"), js(QStringLiteral(R"([
        {'name': 'device', 'role': 'device', 'slowdown': 6}, {'name': 'edge1', 'role': 'edge', 'slowdown': 3},
        {'name': 'edge2', 'role': 'edge', 'threads': 2}, {'name': 'cloud', 'role': 'cloud'}])")));
    QString error;
    const auto e = parse(o, &error);
    EXPECT_TRUE(e.has_value()) << error.toStdString();
    return e.value_or(Experiment{});
}

QString placeError(const QString &workers)
{
    Experiment e = dynamicLike();
    const Experiment before = e;
    QString error;
    EXPECT_FALSE(WorkerPlacement::apply(workers.toUtf8(), QStringLiteral("lab.json"), &e, &error));
    EXPECT_EQ(e.toJson(), before.toJson()) << "a refused placement changed the experiment";
    return error;
}

TEST(WorkerPlacementTest, NamedNodesRunAtTheirAddressesKeepingTheirSlowdowns)
{
    Experiment e = dynamicLike();
    QString error;
    ASSERT_TRUE(WorkerPlacement::apply(R"([{"name": "device", "role": "device", "address": "10.213.0.10:7000"},
                                           {"name": "edge1", "role": "edge", "address": "10.213.0.11:7000"},
                                           {"name": "edge3", "role": "edge", "address": "10.213.0.13:7000"},
                                           {"name": "cloud", "address": "10.213.0.200:7000"}])",
                                       QStringLiteral("lab.json"), &e, &error))
        << error.toStdString();
    EXPECT_EQ(e.node(QStringLiteral("device"))->address, QStringLiteral("10.213.0.10:7000"));
    EXPECT_EQ(e.node(QStringLiteral("device"))->slowdown, 6); // set on the remote worker by SetSlowdown
    EXPECT_TRUE(e.node(QStringLiteral("device"))->slowdownGiven);
    EXPECT_FALSE(e.node(QStringLiteral("cloud"))->slowdownGiven); // the worker keeps its own
    EXPECT_TRUE(e.node(QStringLiteral("edge2"))->isLocal()); // not named: started here as before
    EXPECT_EQ(e.node(QStringLiteral("edge3")), nullptr);      // a worker the experiment does not use
    EXPECT_EQ(e.localWorkers().size(), 1);
    // The recorded experiment reads back as what ran.
    const auto again = Experiment::parse(QJsonDocument(e.toJson()).toJson(), QStringLiteral("again"), QString(), &error);
    ASSERT_TRUE(again.has_value()) << error.toStdString();
    EXPECT_EQ(again->node(QStringLiteral("edge1"))->address, QStringLiteral("10.213.0.11:7000"));
    EXPECT_EQ(again->node(QStringLiteral("edge1"))->slowdown, 3);
}

TEST(WorkerPlacementTest, EveryMistakeIsOneLineNamingTheFileAndTheEntry)
{
    EXPECT_TRUE(placeError(QStringLiteral("{")).startsWith(QStringLiteral("lab.json: not JSON: ")));
    EXPECT_EQ(placeError(QStringLiteral("{}")),
              QStringLiteral("lab.json: must be an array of {\"name\", \"address\"} objects"));
    EXPECT_EQ(placeError(QStringLiteral("[3]")), QStringLiteral("lab.json: [0]: must be an object, not 3"));
    EXPECT_TRUE(placeError(QStringLiteral(R"([{"name": "edge1"}])")).startsWith(QStringLiteral("lab.json: [0].address: is required")));
    EXPECT_TRUE(placeError(QStringLiteral(R"([{"name": "edge1", "address": "h:1", "port": 2}])"))
                    .startsWith(QStringLiteral("lab.json: [0]: unknown key 'port'")));
    EXPECT_EQ(placeError(QStringLiteral(R"([{"name": "edge1", "address": "h"}])")),
              QStringLiteral("lab.json: [0].address: must be \"HOST:PORT\" with a port in 1..65535, not \"h\""));
    EXPECT_TRUE(placeError(QStringLiteral(R"([{"name": "edge1", "role": "cloud", "address": "h:1"}])"))
                    .startsWith(QStringLiteral("lab.json: [0].role: 'edge1' has role edge in ")));
    EXPECT_TRUE(placeError(QStringLiteral(R"([{"name": "edge2", "address": "h:1"}])"))
                    .contains(QStringLiteral("'edge2' has \"threads\": 2")));
    EXPECT_EQ(placeError(QStringLiteral(R"([{"name": "edge1", "address": "h:1"}, {"name": "cloud", "address": "h:1"}])")),
              QStringLiteral("lab.json: [1].address: 'h:1' is already the address of 'edge1'"));
}

} // namespace
} // namespace d3::core
