#include "experiment/Experiment.h"

#include "ExperimentJson.h"

#include "TestFiles.h"
#include "tiling/StackFinder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>

namespace d3::core {
namespace {

using namespace d3::test::experiment_json;

QString sourcePath(const QString &relative)
{
    return test::TestFiles::sourceDir() + QLatin1Char('/') + relative;
}

/// Every key of the format set (a remote node, a model file and a weights file relative to dir, a manual plan in a
/// planner sweep, links of every kind, every event action).
QJsonObject full()
{
    return js(QStringLiteral(R"({
        'format': 'd3lab-experiment', 'version': 1, 'name': 'full-1.0',
        'nodes': [
            {'name': 'phone', 'role': 'device', 'slowdown': 4, 'threads': 2},
            {'name': 'e1', 'role': 'edge', 'slowdown': 2.5},
            {'name': 'e2', 'role': 'edge', 'address': '10.0.0.2:7000', 'slowdown': 3},
            {'name': 'e3', 'role': 'edge'},
            {'name': 'dc', 'role': 'cloud', 'threads': 4}
        ],
        'models': ['nets/alex.json', 'resnet18'],
        'weights': {'file': 'w.pt', 'ignore_extra': true},
        'planners': ['manual', 'hpa'],
        'plan': {'cuts': [3, 10], 'grid': [2, 2], 'stack_end': 7},
        'tiles': [false, true],
        'profile': {'warmup': 0, 'runs': 5},
        'shaper': 'kernel',
        'links': {
            'device<->edge': {'mbps': 100, 'delay_ms': 2},
            'edge->cloud': {'mbps': 40, 'delay_ms': 15, 'burst_bytes': 65536},
            'edge<->cloud': {'mbps': 50, 'delay_ms': 10},
            'edge<->edge': {'mbps': 1000, 'delay_ms': 0.5},
            'e1->dc': {'mbps': 0, 'delay_ms': 0},
            'e2<->e3': {'mbps': 300, 'delay_ms': 1}
        },
        'requests': {'count': 100, 'rate_hz': 2.5, 'timeout_ms': 5000, 'input_seed': 11},
        'adapt': {'threshold': 0.1, 'ewma': 0.5},
        'timeline': [
            {'at_s': 1.5, 'set_link': {'link': 'e1<->e3', 'mbps': 20, 'delay_ms': 3, 'burst_bytes': 1000}, 'label': 'slow'},
            {'at_request': 10, 'set_slowdown': {'node': 'e1', 'factor': 8}},
            {'at_s': 1.5, 'kill': 'e3', 'label': 'e3 dies'},
            {'at_request': 10, 'restart': 'e3'},
            {'at_request': 20, 'force_plan': {'cuts': [0, 5]}},
            {'at_s': 30, 'planner': 'dads'},
            {'at_s': 31, 'kill': 'e2'},
            {'at_s': 32, 'restart': 'e2'},
            {'at_s': 33, 'set_slowdown': {'node': 'e2', 'factor': 5}}
        ]
    })")).toObject();
}

class ExperimentTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(QDir(m_dir.path()).mkpath(QStringLiteral("nets")));
        ASSERT_TRUE(QFile::copy(sourcePath(QStringLiteral("models/alexnet.json")), m_dir.filePath(QStringLiteral("nets/alex.json"))));
        test::TestFiles::write(m_dir, QStringLiteral("w.pt"), "weights");
    }

    QTemporaryDir m_dir;
};

TEST_F(ExperimentTest, AFullFileParsesWithEveryField)
{
    QString error;
    const auto e = parse(full(), &error, m_dir.path());
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    EXPECT_TRUE(error.isEmpty());
    EXPECT_EQ(e->source, kSource);
    EXPECT_EQ(e->baseDir, QDir(m_dir.path()).absolutePath());
    EXPECT_EQ(e->name, QStringLiteral("full-1.0"));

    ASSERT_EQ(e->nodes.size(), 5);
    EXPECT_EQ(e->nodes[0].name, QStringLiteral("phone"));
    EXPECT_EQ(e->nodes[0].role, QStringLiteral("device"));
    EXPECT_EQ(e->nodes[0].slowdown, 4);
    EXPECT_EQ(e->nodes[0].threads, 2);
    EXPECT_EQ(e->nodes[1].slowdown, 2.5);
    EXPECT_EQ(e->nodes[1].threads, 1);
    EXPECT_FALSE(e->nodes[2].isLocal());
    EXPECT_EQ(e->nodes[2].address, QStringLiteral("10.0.0.2:7000"));
    EXPECT_TRUE(e->nodes[2].slowdownGiven); // a remote worker's padding, set when the run connects
    EXPECT_EQ(e->nodes[2].slowdown, 3);
    EXPECT_FALSE(e->nodes[3].slowdownGiven);
    EXPECT_TRUE(e->nodes[3].isLocal());
    EXPECT_EQ(e->nodes[4].threads, 4);
    EXPECT_EQ(e->nodesOf(QStringLiteral("edge")), (QStringList{QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")}));
    EXPECT_EQ(e->node(QStringLiteral("dc"))->role, QStringLiteral("cloud"));
    EXPECT_EQ(e->node(QStringLiteral("nobody")), nullptr);

    EXPECT_EQ(e->models, (QStringList{QDir(m_dir.path()).absoluteFilePath(QStringLiteral("nets/alex.json")), QStringLiteral("resnet18")}));
    EXPECT_EQ(e->weights.file, QDir(m_dir.path()).absoluteFilePath(QStringLiteral("w.pt")));
    EXPECT_EQ(e->planners, (QStringList{QStringLiteral("manual"), QStringLiteral("hpa")}));
    EXPECT_EQ(e->plan, (ExperimentPlan{3, 10, 2, 2, 7}));
    EXPECT_EQ(e->tiles, (QVector<bool>{false, true}));
    EXPECT_TRUE(e->profile.enabled);
    EXPECT_EQ(e->profile.warmup, 0);
    EXPECT_EQ(e->profile.runs, 5);
    EXPECT_EQ(e->requests.count, 100);
    EXPECT_EQ(e->requests.rateHz, 2.5);
    EXPECT_EQ(e->requests.timeoutMs, 5000);
    EXPECT_EQ(e->requests.inputSeed, 11u);
    EXPECT_EQ(e->adapt.threshold, 0.1);
    EXPECT_EQ(e->adapt.ewma, 0.5);

    // Links in ascending precedence: tier <->, tier ->, node <->, node ->.
    QStringList linkNames;
    for (const ExperimentLink &l : e->links)
        linkNames << l.name;
    EXPECT_EQ(linkNames, (QStringList{QStringLiteral("device<->edge"), QStringLiteral("edge<->cloud"), QStringLiteral("edge<->edge"),
                                      QStringLiteral("edge->cloud"), QStringLiteral("e2<->e3"), QStringLiteral("e1->dc")}));
    EXPECT_EQ(e->links[3].burstBytes, 65536);
    EXPECT_EQ(e->shaper, ShaperKind::Kernel);

    ASSERT_EQ(e->timeline.size(), 9);
    const ExperimentEvent &t0 = e->timeline[0];
    EXPECT_EQ(t0.atS, 1.5);
    EXPECT_FALSE(t0.byRequest());
    EXPECT_EQ(t0.action, ExperimentEvent::Action::SetLink);
    EXPECT_EQ(t0.link.name, QStringLiteral("e1<->e3"));
    EXPECT_EQ(t0.link.mbps, 20);
    EXPECT_EQ(t0.link.delayMs, 3);
    EXPECT_EQ(t0.link.burstBytes, 1000);
    EXPECT_EQ(t0.label, QStringLiteral("slow"));
    const ExperimentEvent &t1 = e->timeline[1];
    EXPECT_TRUE(t1.byRequest());
    EXPECT_EQ(t1.atRequest, 10);
    EXPECT_EQ(t1.action, ExperimentEvent::Action::SetSlowdown);
    EXPECT_EQ(t1.node, QStringLiteral("e1"));
    EXPECT_EQ(t1.factor, 8);
    EXPECT_TRUE(t1.label.isEmpty());
    EXPECT_EQ(e->timeline[2].action, ExperimentEvent::Action::Kill);
    EXPECT_EQ(e->timeline[2].node, QStringLiteral("e3"));
    EXPECT_EQ(e->timeline[3].action, ExperimentEvent::Action::Restart);
    EXPECT_EQ(e->timeline[4].action, ExperimentEvent::Action::ForcePlan);
    EXPECT_EQ(e->timeline[4].plan, (ExperimentPlan{0, 5, 1, 1, -1}));
    EXPECT_EQ(e->timeline[5].action, ExperimentEvent::Action::Planner);
    EXPECT_EQ(e->timeline[5].planner, QStringLiteral("dads"));
    // A remote worker is killed (Exit), restarted (by its supervisor) and slowed down (SetSlowdown) as a local one.
    EXPECT_EQ(e->timeline[6].action, ExperimentEvent::Action::Kill);
    EXPECT_EQ(e->timeline[6].node, QStringLiteral("e2"));
    EXPECT_EQ(e->timeline[7].action, ExperimentEvent::Action::Restart);
    EXPECT_EQ(e->timeline[8].action, ExperimentEvent::Action::SetSlowdown);

    // Local nodes as LocalCluster workers, with the weights file.
    const QVector<WorkerSpec> workers = e->localWorkers();
    ASSERT_EQ(workers.size(), 4);
    EXPECT_EQ(workers[0].name, QStringLiteral("phone"));
    EXPECT_EQ(workers[0].role, QStringLiteral("device"));
    EXPECT_EQ(workers[0].slowdown, 4);
    EXPECT_EQ(workers[0].threads, 2);
    EXPECT_EQ(workers[2].name, QStringLiteral("e3"));
    for (const WorkerSpec &w : workers) {
        EXPECT_EQ(w.weightsFile, e->weights.file);
        EXPECT_TRUE(w.ignoreExtraWeights);
    }
}

TEST_F(ExperimentTest, DefaultsFillWhatAMinimalFileLeavesOut)
{
    QString error;
    const auto e = parse(minimal(), &error);
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    EXPECT_EQ(e->models, QStringList{QStringLiteral("resnet18")});
    EXPECT_EQ(e->weights.seed, 1u);
    EXPECT_TRUE(e->weights.file.isEmpty());
    EXPECT_EQ(e->tiles, QVector<bool>{true});
    EXPECT_TRUE(e->profile.enabled);
    EXPECT_EQ(e->profile.warmup, 1);
    EXPECT_EQ(e->profile.runs, 3);
    EXPECT_TRUE(e->links.isEmpty());
    EXPECT_TRUE(e->expandLinks().isEmpty());
    EXPECT_EQ(e->requests.rateHz, 0);
    EXPECT_EQ(e->requests.timeoutMs, 30000);
    EXPECT_EQ(e->requests.inputSeed, 7u);
    EXPECT_EQ(e->adapt.threshold, 0.05);
    EXPECT_EQ(e->adapt.ewma, 0.3);
    EXPECT_TRUE(e->timeline.isEmpty());
    EXPECT_EQ(e->baseDir, QDir::currentPath());
    for (const WorkerSpec &w : e->localWorkers()) {
        EXPECT_TRUE(w.weightsFile.isEmpty());
        EXPECT_FALSE(w.ignoreExtraWeights);
    }

    const auto off = parse(with(with(minimal(), QStringLiteral("profile"), false), QStringLiteral("weights"),
                                js(QStringLiteral("{'seed': 0}"))), &error);
    ASSERT_TRUE(off.has_value()) << error.toStdString();
    EXPECT_FALSE(off->profile.enabled);
    EXPECT_EQ(off->weights.seed, 0u);
}

TEST_F(ExperimentTest, ErrorsNameTheFileAndTheJsonPath)
{
    const QJsonObject m = minimal();
    const QJsonValue remote = js(QStringLiteral("{'name': 'edge2', 'role': 'edge', 'address': 'h:1'}"));
    auto timeline = [&](const QString &events) { return with(m, QStringLiteral("timeline"), js(events)); };
    auto links = [&](const QString &object) { return with(m, QStringLiteral("links"), js(object)); };
    struct Case {
        QJsonObject file;
        const char *error;
    };
    const Case cases[] = {
        // top level
        {with(m, QStringLiteral("nmae"), 1), "unknown key 'nmae' (allowed: format, version, name,"},
        {with(m, QStringLiteral("format"), QStringLiteral("d3lab-model")), "format: must be \"d3lab-experiment\", not \"d3lab-model\""},
        {without(m, QStringLiteral("format")), "format: is required"},
        {with(m, QStringLiteral("version"), 2), "version: must be 1 (this build reads version 1), not 2"},
        {with(m, QStringLiteral("version"), QStringLiteral("1")), "version: must be 1"},
        {without(m, QStringLiteral("name")), "name: is required"},
        {with(m, QStringLiteral("name"), QStringLiteral("a b")), "name: must be 1..64 characters"},
        {with(m, QStringLiteral("name"), 5), "name: must be a string, not 5"},
        // nodes
        {without(m, QStringLiteral("nodes")), "nodes: is required"},
        {with(m, QStringLiteral("nodes"), js(QStringLiteral("{}"))), "nodes: must be a non-empty array of nodes, not an object"},
        {with(m, QStringLiteral("nodes[1].slowdwn"), 4), "nodes[1]: unknown key 'slowdwn' (allowed: name, role, slowdown, threads, address)"},
        {with(m, QStringLiteral("nodes[2]"), QStringLiteral("edge2")), "nodes[2]: must be a node object, not \"edge2\""},
        {without(m, QStringLiteral("nodes[1].name")), "nodes[1].name: is required"},
        {with(m, QStringLiteral("nodes[2].name"), QStringLiteral("edge1")), "nodes[2].name: 'edge1' is already the name of nodes[1]"},
        {with(m, QStringLiteral("nodes[2].name"), QStringLiteral("edge 2")), "nodes[2].name: must be 1..128 characters"},
        {with(m, QStringLiteral("nodes[2].name"), QStringLiteral("edge")), "nodes[2].name: 'edge' names a tier"},
        {with(m, QStringLiteral("nodes[2].name"), QStringLiteral("cloud")), "nodes[2].name: 'cloud' names a tier in link names"},
        {with(m, QStringLiteral("nodes[0].role"), QStringLiteral("phone")), "nodes[0].role: must be \"device\", \"edge\" or \"cloud\", not \"phone\""},
        {without(m, QStringLiteral("nodes[0].role")), "nodes[0].role: is required"},
        {with(m, QStringLiteral("nodes[0].slowdown"), 0.5), "nodes[0].slowdown: must be a number in 1..1000, not 0.5"},
        {with(m, QStringLiteral("nodes[0].slowdown"), true), "nodes[0].slowdown: must be a number in 1..1000, not true"},
        {with(m, QStringLiteral("nodes[1].threads"), QStringLiteral("four")), "nodes[1].threads: must be an integer in 1..256, not \"four\""},
        {with(m, QStringLiteral("nodes[1].threads"), 2.5), "nodes[1].threads: must be an integer in 1..256, not 2.5"},
        {with(m, QStringLiteral("nodes[1].threads"), 300), "nodes[1].threads: must be an integer in 1..256, not 300"},
        {with(with(m, QStringLiteral("nodes[2]"), remote), QStringLiteral("nodes[2].threads"), 2), "nodes[2].threads: not allowed with \"address\""},
        {with(m, QStringLiteral("nodes[2].address"), QStringLiteral("host")), "nodes[2].address: must be \"HOST:PORT\""},
        {with(m, QStringLiteral("nodes[2].address"), QStringLiteral("host:70000")), "nodes[2].address: must be \"HOST:PORT\" with a port in 1..65535"},
        {with(with(m, QStringLiteral("nodes[1].address"), QStringLiteral("h:1")), QStringLiteral("nodes[2].address"), QStringLiteral("h:1")),
         "nodes[2].address: 'h:1' is already the address of nodes[1]"},
        {with(m, QStringLiteral("nodes[2].role"), QStringLiteral("device")), "nodes: 2 device nodes ('device', 'edge2'); exactly one is allowed"},
        {with(with(m, QStringLiteral("nodes[3].role"), QStringLiteral("edge")), QStringLiteral("nodes[3].name"), QStringLiteral("edge3")),
         "nodes: no cloud node (exactly one is needed)"},
        {with(m, QStringLiteral("nodes[3].role"), QStringLiteral("edge")), "nodes[3].name: 'cloud' names a tier"},
        {with(with(m, QStringLiteral("nodes[1].role"), QStringLiteral("cloud")), QStringLiteral("nodes[2].role"), QStringLiteral("cloud")),
         "nodes: 3 cloud nodes"},
        {with(m, QStringLiteral("nodes"), js(QStringLiteral("[{'name': 'device', 'role': 'device'}, {'name': 'cloud', 'role': 'cloud'}]"))),
         "nodes: 0 edge nodes; 1..8 are allowed"},
        // model, weights
        {without(m, QStringLiteral("model")), "model: is required"},
        {with(m, QStringLiteral("models"), js(QStringLiteral("['alexnet']"))), "models: give either \"model\" or \"models\", not both"},
        {with(m, QStringLiteral("model"), QStringLiteral("resnet19")), "model: 'resnet19' is neither a built-in model (alexnet, vgg16,"},
        {with(m, QStringLiteral("model"), 5), "model: must be a built-in model name or a model file path, not 5"},
        {with(without(m, QStringLiteral("model")), QStringLiteral("models"), js(QStringLiteral("[]"))), "models: must be a non-empty array"},
        {with(without(m, QStringLiteral("model")), QStringLiteral("models"), js(QStringLiteral("['vgg16', 'vgg16']"))), "models[1]: 'vgg16' is listed twice"},
        {with(without(m, QStringLiteral("model")), QStringLiteral("models"), js(QStringLiteral("['vgg16', 'nope.json']"))), "models[1]: 'nope.json' is neither"},
        {with(m, QStringLiteral("weights"), js(QStringLiteral("{}"))), "weights: needs \"seed\""},
        {with(m, QStringLiteral("weights"), js(QStringLiteral("{'seed': 1, 'file': 'w.pt'}"))), "weights: give either \"seed\" or \"file\", not both"},
        {with(m, QStringLiteral("weights"), js(QStringLiteral("{'seed': -1}"))), "weights.seed: must be an integer in 0..9007199254740991, not -1"},
        {with(m, QStringLiteral("weights"), js(QStringLiteral("{'file': 'missing.pt'}"))), "weights.file: cannot read '"},
        {with(m, QStringLiteral("weights"), js(QStringLiteral("{'sed': 1}"))), "weights: unknown key 'sed' (allowed: seed, file, ignore_extra)"},
        {with(m, QStringLiteral("weights"), js(QStringLiteral("{'seed': 1, 'ignore_extra': true}"))), "weights.ignore_extra: applies to a weights \"file\""},
        {with(m, QStringLiteral("weights"), 1), "weights: must be an object, not 1"},
        // planners, plan, tiles, profile
        {without(m, QStringLiteral("planner")), "planner: is required (one of device-only, edge-only, cloud-only, neurosurgeon,"},
        {with(m, QStringLiteral("planner"), QStringLiteral("greedy")), "planner: unknown planner \"greedy\" (known: device-only,"},
        {with(without(m, QStringLiteral("planner")), QStringLiteral("planners"), js(QStringLiteral("['hpa', 'dads', 'hpa']"))), "planners[2]: 'hpa' is listed twice"},
        {with(without(m, QStringLiteral("planner")), QStringLiteral("planners"), js(QStringLiteral("['hpa', 3]"))), "planners[1]: unknown planner 3"},
        {with(m, QStringLiteral("planners"), js(QStringLiteral("['hpa']"))), "planners: give either \"planner\" or \"planners\", not both"},
        {with(m, QStringLiteral("planner"), QStringLiteral("manual")), "plan: is required (planner \"manual\" runs the plan"},
        {with(m, QStringLiteral("plan"), js(QStringLiteral("{'cuts': [1, 2]}"))), "plan: only used by planner \"manual\""},
        {with(with(m, QStringLiteral("planner"), QStringLiteral("manual")), QStringLiteral("plan"), js(QStringLiteral("{'cuts': [5, 3]}"))),
         "plan.cuts: p 5 is after q 3 (0 <= p <= q)"},
        {with(with(m, QStringLiteral("planner"), QStringLiteral("manual")), QStringLiteral("plan"), js(QStringLiteral("{'cuts': [-1, 3]}"))),
         "plan.cuts: must be a pair of integers in 0..1000000, not an array"},
        {with(with(m, QStringLiteral("planner"), QStringLiteral("manual")), QStringLiteral("plan"), js(QStringLiteral("{'grid': [1, 1]}"))),
         "plan.cuts: is required"},
        {with(with(m, QStringLiteral("planner"), QStringLiteral("manual")), QStringLiteral("plan"), js(QStringLiteral("{'cuts': [1, 9], 'grid': [2, 2]}"))),
         "plan.stack_end: is required (with grid [2, 2]"},
        {with(with(m, QStringLiteral("planner"), QStringLiteral("manual")), QStringLiteral("plan"), js(QStringLiteral("{'cuts': [1, 9], 'stack_end': 4}"))),
         "plan.stack_end: only with a grid other than [1, 1]"},
        {with(with(m, QStringLiteral("planner"), QStringLiteral("manual")), QStringLiteral("plan"), js(QStringLiteral("{'cuts': [1, 9], 'grid': [9, 1], 'stack_end': 4}"))),
         "plan.grid: must be a pair of integers in 1..8"},
        {with(with(m, QStringLiteral("planner"), QStringLiteral("manual")), QStringLiteral("plan"), js(QStringLiteral("{'cuts': [1, 9], 'grid': [2, 1], 'stack_end': 12}"))),
         "plan.stack_end: 12 is outside (p, q] = (1, 9]"},
        {with(with(m, QStringLiteral("planner"), QStringLiteral("manual")), QStringLiteral("plan"), js(QStringLiteral("{'cuts': [1, 9], 'rows': 2}"))),
         "plan: unknown key 'rows' (allowed: cuts, grid, stack_end)"},
        {with(m, QStringLiteral("tiles"), QStringLiteral("yes")), "tiles: must be true, false, or an array of them"},
        {with(m, QStringLiteral("tiles"), js(QStringLiteral("[true, true]"))), "tiles: must be true, false, or an array of them"},
        {with(m, QStringLiteral("tiles"), js(QStringLiteral("[]"))), "tiles: must be true, false, or an array of them"},
        {with(m, QStringLiteral("profile"), true), "profile: must be an object {\"warmup\", \"runs\"} or false"},
        {with(m, QStringLiteral("profile"), js(QStringLiteral("{'runs': 0}"))), "profile.runs: must be an integer in 1..1000, not 0"},
        {with(m, QStringLiteral("profile"), js(QStringLiteral("{'warmup': 101}"))), "profile.warmup: must be an integer in 0..100, not 101"},
        // links
        {links(QStringLiteral("{'device<->cloud': {'mbps': 1, 'delay_ms': 1}}")), "links[\"device<->cloud\"]: there is no device<->cloud link"},
        {links(QStringLiteral("{'cloud->device': {'mbps': 1, 'delay_ms': 1}}")), "links[\"cloud->device\"]: there is no device<->cloud link"},
        {links(QStringLiteral("{'device->cloud': {'mbps': 1, 'delay_ms': 1}}")), "links[\"device->cloud\"]: there is no device<->cloud link"},
        {links(QStringLiteral("{'edge1->edge9': {'mbps': 1, 'delay_ms': 1}}")), "links[\"edge1->edge9\"]: no node named 'edge9'"},
        {links(QStringLiteral("{'edge1->edge1': {'mbps': 1, 'delay_ms': 1}}")), "links[\"edge1->edge1\"]: 'edge1->edge1' joins node 'edge1' to itself"},
        {links(QStringLiteral("{'cloud<->edge': {'mbps': 1, 'delay_ms': 1}}")), "links[\"cloud<->edge\"]: 'cloud<->edge' is not a tier pair; write 'edge<->cloud'"},
        {links(QStringLiteral("{'edge->edge': {'mbps': 1, 'delay_ms': 1}}")), "links[\"edge->edge\"]: 'edge->edge' is not a tier pair; write 'edge<->edge'"},
        {links(QStringLiteral("{'backbone': {'mbps': 1, 'delay_ms': 1}}")), "links.backbone: 'backbone' is not a link name"},
        {links(QStringLiteral("{'edge1<->edge2': {'mbps': 1, 'delay_ms': 1}, 'edge2<->edge1': {'mbps': 1, 'delay_ms': 1}}")),
         "links[\"edge2<->edge1\"]: \"edge1<->edge2\" already sets edge2->edge1"},
        {links(QStringLiteral("{'device<->edge': {'mbps': -1, 'delay_ms': 1}}")), "links[\"device<->edge\"].mbps: must be a number in 0..1000000, not -1"},
        {links(QStringLiteral("{'device<->edge': {'mbps': 1, 'delay_ms': 60001}}")), "links[\"device<->edge\"].delay_ms: must be a number in 0..60000, not 60001"},
        {links(QStringLiteral("{'device<->edge': {'mbps': 1}}")), "links[\"device<->edge\"].delay_ms: is required"},
        {links(QStringLiteral("{'device<->edge': {'delay_ms': 1}}")), "links[\"device<->edge\"].mbps: is required"},
        {links(QStringLiteral("{'device<->edge': {'mbps': 1, 'delay_ms': 1, 'burst_bytes': 1.5}}")), "links[\"device<->edge\"].burst_bytes: must be an integer"},
        {links(QStringLiteral("{'device<->edge': {'mbps': 1, 'delay_ms': 1, 'rate': 1}}")), "links[\"device<->edge\"]: unknown key 'rate'"},
        {links(QStringLiteral("{'device<->edge': 100}")), "links[\"device<->edge\"]: must be an object"},
        {with(m, QStringLiteral("links"), js(QStringLiteral("[]"))), "links: must be an object, not an array"},
        // shaper
        {with(m, QStringLiteral("shaper"), QStringLiteral("tc")), "shaper: must be one of process, kernel (what imposes the links' rates), not \"tc\""},
        {with(m, QStringLiteral("shaper"), true), "shaper: must be one of process, kernel (what imposes the links' rates), not true"},
        // requests, adapt
        {without(m, QStringLiteral("requests")), "requests: is required"},
        {with(m, QStringLiteral("requests"), js(QStringLiteral("{}"))), "requests.count: is required"},
        {with(m, QStringLiteral("requests.count"), 0), "requests.count: must be an integer in 1..1000000, not 0"},
        {with(m, QStringLiteral("requests.count"), QStringLiteral("ten")), "requests.count: must be an integer in 1..1000000, not \"ten\""},
        {with(m, QStringLiteral("requests.rate_hz"), -1), "requests.rate_hz: must be a number in 0..1000000, not -1"},
        {with(m, QStringLiteral("requests.timeout_ms"), 50), "requests.timeout_ms: must be an integer in 100..3600000, not 50"},
        {with(m, QStringLiteral("requests.input_seed"), 1.5), "requests.input_seed: must be an integer"},
        {with(m, QStringLiteral("requests.rate"), 1), "requests: unknown key 'rate'"},
        {with(m, QStringLiteral("adapt"), js(QStringLiteral("{'threshold': 2}"))), "adapt.threshold: must be a number in 0..1, not 2"},
        {with(m, QStringLiteral("adapt"), js(QStringLiteral("{'ewma': -0.1}"))), "adapt.ewma: must be a number in 0..1, not -0.1"},
        {with(m, QStringLiteral("adapt"), js(QStringLiteral("{'alpha': 0.1}"))), "adapt: unknown key 'alpha' (allowed: threshold, ewma)"},
        // timeline
        {with(m, QStringLiteral("timeline"), js(QStringLiteral("{}"))), "timeline: must be an array of events, not an object"},
        {timeline(QStringLiteral("[3]")), "timeline[0]: must be an event object, not 3"},
        {timeline(QStringLiteral("[{'at_s': 1, 'at_request': 2, 'kill': 'edge1'}]")), "timeline[0]: give either \"at_s\" or \"at_request\", not both"},
        {timeline(QStringLiteral("[{'kill': 'edge1'}]")), "timeline[0]: needs a time: \"at_s\""},
        {timeline(QStringLiteral("[{'at_s': 1, 'kill': 'edge1', 'restart': 'edge1'}]")), "timeline[0]: one action per event, got \"kill\" and \"restart\""},
        {timeline(QStringLiteral("[{'at_s': 1, 'label': 'nothing'}]")), "timeline[0]: no action (one of set_link, set_slowdown, kill, restart, force_plan, planner)"},
        {timeline(QStringLiteral("[{'at_s': 1, 'kil': 'edge1'}]")), "timeline[0]: unknown key 'kil'"},
        {timeline(QStringLiteral("[{'at_s': -1, 'kill': 'edge1'}]")), "timeline[0].at_s: must be a number in 0..1000000, not -1"},
        {timeline(QStringLiteral("[{'at_request': 10, 'kill': 'edge1'}]")), "timeline[0].at_request: 10 is not a request of a phase (requests.count is 10: requests 0..9)"},
        {timeline(QStringLiteral("[{'at_request': 1.5, 'kill': 'edge1'}]")), "timeline[0].at_request: must be an integer"},
        {timeline(QStringLiteral("[{'at_s': 0, 'kill': 'edge9'}]")), "timeline[0].kill: no node named 'edge9'"},
        {timeline(QStringLiteral("[{'at_s': 0, 'restart': 7}]")), "timeline[0].restart: must be a node name, not 7"},
        {timeline(QStringLiteral("[{'at_s': 0, 'set_slowdown': {'node': 'edge1', 'factor': 0.5}}]")), "timeline[0].set_slowdown.factor: must be a number in 1..1000, not 0.5"},
        {timeline(QStringLiteral("[{'at_s': 0, 'set_slowdown': {'node': 'edge1'}}]")), "timeline[0].set_slowdown.factor: is required"},
        {timeline(QStringLiteral("[{'at_s': 0, 'set_slowdown': 'edge1'}]")), "timeline[0].set_slowdown: must be an object {\"node\", \"factor\"}"},
        {timeline(QStringLiteral("[{'at_s': 0, 'set_link': {'link': 'device<->cloud', 'mbps': 1, 'delay_ms': 1}}]")),
         "timeline[0].set_link.link: there is no device<->cloud link"},
        {timeline(QStringLiteral("[{'at_s': 0, 'set_link': {'link': 'edge1->edge7', 'mbps': 1, 'delay_ms': 1}}]")),
         "timeline[0].set_link.link: no node named 'edge7'"},
        {timeline(QStringLiteral("[{'at_s': 0, 'set_link': {'link': 'edge<->cloud', 'delay_ms': 1}}]")), "timeline[0].set_link.mbps: is required"},
        {timeline(QStringLiteral("[{'at_s': 0, 'set_link': {'mbps': 1, 'delay_ms': 1}}]")), "timeline[0].set_link.link: is required"},
        {timeline(QStringLiteral("[{'at_s': 0, 'set_link': {'link': 'edge<->cloud', 'mbps': 1, 'delay_ms': 1, 'jitter': 1}}]")),
         "timeline[0].set_link: unknown key 'jitter'"},
        {timeline(QStringLiteral("[{'at_s': 0, 'force_plan': {'cuts': [4, 2]}}]")), "timeline[0].force_plan.cuts: p 4 is after q 2"},
        {timeline(QStringLiteral("[{'at_s': 0, 'force_plan': 'p=3'}]")), "timeline[0].force_plan: must be a plan object"},
        {timeline(QStringLiteral("[{'at_s': 0, 'planner': 'manual'}]")), "timeline[0].planner: \"manual\" needs a plan: use \"force_plan\""},
        {timeline(QStringLiteral("[{'at_s': 0, 'planner': 'greedy'}]")), "timeline[0].planner: unknown planner \"greedy\""},
        {timeline(QStringLiteral("[{'at_s': 0, 'kill': 'edge1', 'label': ''}]")), "timeline[0].label: must be 1..200 characters"},
        {timeline(QStringLiteral("[{'at_s': 0, 'kill': 'edge1', 'label': 3}]")), "timeline[0].label: must be a string, not 3"},
        {timeline(QStringLiteral("[{'at_s': 5, 'kill': 'edge1'}, {'at_request': 1, 'restart': 'edge1'}, {'at_s': 3, 'planner': 'dads'}]")),
         "timeline[2].at_s: 3 is before the previous event at 5 (events in the past are refused)"},
        {timeline(QStringLiteral("[{'at_request': 5, 'kill': 'edge1'}, {'at_s': 1, 'restart': 'edge1'}, {'at_request': 4, 'planner': 'dads'}]")),
         "timeline[2].at_request: 4 is before the previous event at 5 (events in the past are refused)"},
    };
    for (const Case &c : cases) {
        SCOPED_TRACE(c.error);
        expectError(c.file, QString::fromUtf8(c.error));
    }
}

TEST_F(ExperimentTest, TheExactLinesOfTheFormat)
{
    EXPECT_EQ(refuse(with(minimal(), QStringLiteral("timeline"),
                          js(QStringLiteral("[{'at_s': 5, 'kill': 'edge1'}, {'at_s': 5, 'restart': 'edge1'}, {'at_s': 3, 'kill': 'edge1'}]")))),
              QStringLiteral("x.json: timeline[2].at_s: 3 is before the previous event at 5 (events in the past are refused)"));
    EXPECT_EQ(refuse(with(minimal(), QStringLiteral("timeline"), js(QStringLiteral("[{'at_s': 0, 'kill': 'edge9'}]")))),
              QStringLiteral("x.json: timeline[0].kill: no node named 'edge9'"));
    EXPECT_TRUE(refuse(with(minimal(), QStringLiteral("nodes[1].slowdwn"), 4)).startsWith(QStringLiteral("x.json: nodes[1]: unknown key 'slowdwn'")));
    // Qt points at the stray token or just past it.
    const QString notJson = refuse(QByteArray("{\n  \"format\": \"d3lab-experiment\",\n  \"version\" 1\n}"));
    EXPECT_TRUE(notJson.contains(QRegularExpression(QStringLiteral("^x\\.json: not JSON \\(line 3, column 1[34]: .+\\)$"))))
        << notJson.toStdString();
    EXPECT_EQ(refuse(QByteArray("[1, 2]")), QStringLiteral("x.json: not an experiment: the top level must be a JSON object"));
}

TEST_F(ExperimentTest, NodePairsAndTierWordsFollowTheNodes)
{
    // With a device called "phone", "device->cloud" is still the (refused) tier pair, and "phone->dc" its node pair.
    QJsonObject m = with(with(minimal(), QStringLiteral("nodes[0].name"), QStringLiteral("phone")), QStringLiteral("nodes[3].name"), QStringLiteral("dc"));
    expectError(with(m, QStringLiteral("links"), js(QStringLiteral("{'phone->dc': {'mbps': 1, 'delay_ms': 1}}"))),
                QStringLiteral("links[\"phone->dc\"]: 'phone->dc' joins the device and the cloud: there is no device<->cloud link"));
    expectError(with(m, QStringLiteral("links"), js(QStringLiteral("{'device->edge1': {'mbps': 1, 'delay_ms': 1}}"))),
                QStringLiteral("links[\"device->edge1\"]: no node named 'device'"));
    expectError(with(minimal(), QStringLiteral("nodes[1].name"), QStringLiteral("device")), QStringLiteral("nodes[1].name: 'device' is already the name of nodes[0]"));
    expectError(with(m, QStringLiteral("nodes[1].name"), QStringLiteral("device")), QStringLiteral("nodes[1].name: 'device' names a tier"));
    QString error;
    const auto e = parse(with(m, QStringLiteral("links"), js(QStringLiteral("{'phone->edge1': {'mbps': 7, 'delay_ms': 1}}"))), &error);
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    EXPECT_EQ(e->expandLinks(), (QVector<DirectedLink>{{QStringLiteral("phone"), QStringLiteral("edge1"), 7, 1, 0}}));
}

TEST_F(ExperimentTest, LinksExpandToDirectedLinksWithTheMostSpecificEntryWinning)
{
    QString error;
    const auto e = parse(full(), &error, m_dir.path());
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    const QVector<DirectedLink> links = e->expandLinks();
    QMap<QString, QString> got;
    QStringList order;
    for (const DirectedLink &d : links) {
        const QString k = d.from + QStringLiteral("->") + d.to;
        EXPECT_FALSE(got.contains(k)) << k.toStdString();
        got.insert(k, QStringLiteral("%1/%2/%3").arg(d.mbps).arg(d.delayMs).arg(d.burstBytes));
        order << k;
    }
    const QMap<QString, QString> expected{
        {QStringLiteral("phone->e1"), QStringLiteral("100/2/0")},    // device<->edge
        {QStringLiteral("phone->e2"), QStringLiteral("100/2/0")},
        {QStringLiteral("phone->e3"), QStringLiteral("100/2/0")},
        {QStringLiteral("e1->phone"), QStringLiteral("100/2/0")},
        {QStringLiteral("e2->phone"), QStringLiteral("100/2/0")},
        {QStringLiteral("e3->phone"), QStringLiteral("100/2/0")},
        {QStringLiteral("e1->e2"), QStringLiteral("1000/0.5/0")},    // edge<->edge
        {QStringLiteral("e2->e1"), QStringLiteral("1000/0.5/0")},
        {QStringLiteral("e1->e3"), QStringLiteral("1000/0.5/0")},
        {QStringLiteral("e3->e1"), QStringLiteral("1000/0.5/0")},
        {QStringLiteral("e2->e3"), QStringLiteral("300/1/0")},       // e2<->e3 over edge<->edge
        {QStringLiteral("e3->e2"), QStringLiteral("300/1/0")},
        {QStringLiteral("e1->dc"), QStringLiteral("0/0/0")},         // e1->dc over edge->cloud over edge<->cloud
        {QStringLiteral("e2->dc"), QStringLiteral("40/15/65536")},   // edge->cloud over edge<->cloud
        {QStringLiteral("e3->dc"), QStringLiteral("40/15/65536")},
        {QStringLiteral("dc->e1"), QStringLiteral("50/10/0")},       // edge<->cloud
        {QStringLiteral("dc->e2"), QStringLiteral("50/10/0")},
        {QStringLiteral("dc->e3"), QStringLiteral("50/10/0")},
    };
    EXPECT_EQ(got, expected);
    // In node order: by sender, then receiver (phone, e1, e2, e3, dc).
    EXPECT_EQ(order.first(), QStringLiteral("phone->e1"));
    EXPECT_EQ(order.mid(3, 4), (QStringList{QStringLiteral("e1->phone"), QStringLiteral("e1->e2"), QStringLiteral("e1->e3"), QStringLiteral("e1->dc")}));
    EXPECT_EQ(order.last(), QStringLiteral("dc->e3"));

    // One entry (a set_link event's).
    EXPECT_EQ(e->expandLink(e->timeline[0].link),
              (QVector<DirectedLink>{{QStringLiteral("e1"), QStringLiteral("e3"), 20, 3, 1000},
                                     {QStringLiteral("e3"), QStringLiteral("e1"), 20, 3, 1000}}));
    EXPECT_EQ(e->expandLink(ExperimentLink{QStringLiteral("device->edge"), 9, 1, 0}).size(), 3);
    EXPECT_EQ(e->expandLink(ExperimentLink{QStringLiteral("cloud->edge"), 9, 1, 0}).first().from, QStringLiteral("dc"));
    EXPECT_TRUE(e->expandLink(ExperimentLink{QStringLiteral("device<->cloud"), 9, 1, 0}).isEmpty());
}

TEST_F(ExperimentTest, ASweepExpandsModelsPlannersAndTilesInThatOrder)
{
    QString error;
    const auto e = parse(full(), &error, m_dir.path());
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    const QVector<ExperimentPhase> phases = e->phases();
    ASSERT_EQ(phases.size(), 2 * 2 * 2);
    QStringList got;
    for (int i = 0; i < phases.size(); ++i) {
        EXPECT_EQ(phases[i].index, i);
        got << QStringLiteral("%1 %2 %3").arg(QFileInfo(phases[i].model).baseName(), phases[i].planner).arg(phases[i].tiles);
    }
    EXPECT_EQ(got, (QStringList{QStringLiteral("alex manual 0"), QStringLiteral("alex manual 1"), QStringLiteral("alex hpa 0"),
                                QStringLiteral("alex hpa 1"), QStringLiteral("resnet18 manual 0"), QStringLiteral("resnet18 manual 1"),
                                QStringLiteral("resnet18 hpa 0"), QStringLiteral("resnet18 hpa 1")}));

    const auto plain = parse(minimal(), &error);
    ASSERT_TRUE(plain.has_value()) << error.toStdString();
    ASSERT_EQ(plain->phases().size(), 1);
    EXPECT_EQ(plain->phases().first().model, QStringLiteral("resnet18"));
    EXPECT_EQ(plain->phases().first().planner, QStringLiteral("hpa"));
    EXPECT_TRUE(plain->phases().first().tiles);
}

TEST_F(ExperimentTest, ToJsonRoundTripsWithPathsRelativeToAFolder)
{
    QString error;
    const auto e = parse(full(), &error, m_dir.path());
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    const QJsonObject saved = e->toJson(m_dir.path());
    EXPECT_EQ(saved.value(QStringLiteral("models")).toArray().at(0).toString(), QStringLiteral("nets/alex.json"));
    EXPECT_EQ(saved.value(QStringLiteral("weights")).toObject().value(QStringLiteral("file")).toString(), QStringLiteral("w.pt"));

    const auto again = parse(saved, &error, m_dir.path());
    ASSERT_TRUE(again.has_value()) << error.toStdString();
    EXPECT_EQ(again->toJson(m_dir.path()), saved);
    EXPECT_EQ(again->models, e->models);
    EXPECT_EQ(again->weights.file, e->weights.file);
    EXPECT_EQ(again->weights.ignoreExtra, e->weights.ignoreExtra);
    EXPECT_EQ(again->plan, e->plan);
    EXPECT_EQ(again->tiles, e->tiles);
    EXPECT_EQ(again->expandLinks(), e->expandLinks());
    ASSERT_EQ(again->timeline.size(), e->timeline.size());
    for (int i = 0; i < e->timeline.size(); ++i) {
        EXPECT_EQ(again->timeline[i].atS, e->timeline[i].atS);
        EXPECT_EQ(again->timeline[i].atRequest, e->timeline[i].atRequest);
        EXPECT_EQ(again->timeline[i].action, e->timeline[i].action);
        EXPECT_EQ(again->timeline[i].label, e->timeline[i].label);
    }
    EXPECT_EQ(again->timeline[4].plan, e->timeline[4].plan);

    // Saved into a subfolder, the paths point back up; absolute without a folder.
    const QString sub = m_dir.filePath(QStringLiteral("out"));
    ASSERT_TRUE(QDir().mkpath(sub));
    const QJsonObject moved = e->toJson(sub);
    EXPECT_EQ(moved.value(QStringLiteral("weights")).toObject().value(QStringLiteral("file")).toString(), QStringLiteral("../w.pt"));
    const auto fromSub = parse(moved, &error, sub);
    ASSERT_TRUE(fromSub.has_value()) << error.toStdString();
    EXPECT_EQ(fromSub->models, e->models);
    EXPECT_EQ(e->toJson().value(QStringLiteral("weights")).toObject().value(QStringLiteral("file")).toString(), e->weights.file);

    // A minimal file comes back with every default written out.
    const auto m = parse(minimal(), &error);
    ASSERT_TRUE(m.has_value()) << error.toStdString();
    const QJsonObject full = m->toJson();
    EXPECT_EQ(full.value(QStringLiteral("model")).toString(), QStringLiteral("resnet18"));
    EXPECT_EQ(full.value(QStringLiteral("tiles")), QJsonValue(true));
    EXPECT_EQ(full.value(QStringLiteral("weights")).toObject().value(QStringLiteral("seed")).toInt(), 1);
    EXPECT_FALSE(full.contains(QStringLiteral("shaper"))); // the default (process) is not written
    EXPECT_EQ(m->shaper, ShaperKind::Process);
    const auto m2 = parse(full, &error);
    ASSERT_TRUE(m2.has_value()) << error.toStdString();
    EXPECT_EQ(m2->toJson(), full);
}

TEST_F(ExperimentTest, PlansAreCheckedAgainstTheModelWhenItIsLoaded)
{
    const ModelGraph g = test::TestFiles::builtin(QStringLiteral("resnet18"));
    ASSERT_GT(g.layerCount(), 0);
    const auto stack = StackFinder::largest(g);
    ASSERT_TRUE(stack.has_value());
    ExperimentPlan plan{stack->begin, g.layerCount(), 2, 2, stack->end};
    EXPECT_EQ(plan.mismatch(g), QString());
    const Plan p = plan.toPlan();
    EXPECT_EQ(p.p, stack->begin);
    EXPECT_EQ(p.q, g.layerCount());
    EXPECT_EQ(p.stackEnd, stack->end);
    EXPECT_EQ(p.rows, 2);
    EXPECT_TRUE(p.tiled());
    EXPECT_EQ((ExperimentPlan{2, 5}).toPlan().stackEnd, -1);

    EXPECT_TRUE((ExperimentPlan{0, g.layerCount() + 1}).mismatch(g).contains(QStringLiteral("do not fit resnet18")));
    QVector<int> ends;
    for (const FusedStack &s : StackFinder::candidates(g, stack->begin, g.layerCount()))
        ends << s.end;
    int notAStack = stack->begin + 1;
    while (ends.contains(notAStack))
        ++notAStack;
    ExperimentPlan bad{stack->begin, g.layerCount(), 2, 2, notAStack};
    EXPECT_TRUE(bad.mismatch(g).contains(QStringLiteral("is not a fused stack of resnet18"))) << bad.mismatch(g).toStdString();

    // The experiment names the plan that does not fit.
    QJsonObject m = with(with(minimal(), QStringLiteral("planner"), QStringLiteral("manual")), QStringLiteral("plan"),
                         js(QStringLiteral("{'cuts': [0, 500]}")));
    QString error;
    auto e = parse(m, &error);
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    EXPECT_TRUE(e->mismatch(g).startsWith(QStringLiteral("x.json: plan: cuts [0, 500] do not fit resnet18"))) << e->mismatch(g).toStdString();
    m = with(with(minimal(), QStringLiteral("timeline"), js(QStringLiteral("[{'at_s': 1, 'force_plan': {'cuts': [3, 400]}}]"))),
             QStringLiteral("plan"), QJsonValue(QJsonValue::Undefined));
    e = parse(m, &error);
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    EXPECT_TRUE(e->mismatch(g).startsWith(QStringLiteral("x.json: timeline[0].force_plan: cuts [3, 400]"))) << e->mismatch(g).toStdString();
    e = parse(minimal(), &error);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->mismatch(g), QString());
}

TEST_F(ExperimentTest, TheOperatorsCutsTakeTheLongestStackTheGridFits)
{
    const ModelGraph g = test::TestFiles::builtin(QStringLiteral("resnet18"));
    const auto stack = StackFinder::largest(g);
    ASSERT_TRUE(stack.has_value());
    const int n = g.layerCount();
    const ExperimentPlan tiled = ExperimentPlan::fitting(g, stack->begin, n, 2, 2);
    EXPECT_TRUE(tiled.tiled());
    EXPECT_EQ(tiled.mismatch(g), QString());
    int longest = -1;
    for (const FusedStack &s : StackFinder::candidates(g, stack->begin, n))
        longest = qMax(longest, s.end);
    EXPECT_EQ(tiled.stackEnd, longest);
    EXPECT_EQ(tiled.p, stack->begin);
    EXPECT_EQ(tiled.q, n);

    // A 1x1 grid, or cuts where no stack starts, run the edge range untiled.
    EXPECT_FALSE(ExperimentPlan::fitting(g, stack->begin, n, 1, 1).tiled());
    const ExperimentPlan none = ExperimentPlan::fitting(g, n, n, 2, 2);
    EXPECT_FALSE(none.tiled());
    EXPECT_EQ(none.stackEnd, -1);
    EXPECT_EQ(none.mismatch(g), QString());
}

TEST_F(ExperimentTest, LoadRefusesLargeAndMissingFiles)
{
    QString error;
    EXPECT_FALSE(Experiment::load(m_dir.filePath(QStringLiteral("none.json")), &error).has_value());
    EXPECT_EQ(error, m_dir.filePath(QStringLiteral("none.json")) + QStringLiteral(": cannot read the file (no such file)"));
    const QString big = test::TestFiles::write(m_dir, QStringLiteral("big.json"), QByteArray(Experiment::kMaxFileBytes + 1, ' '));
    EXPECT_FALSE(Experiment::load(big, &error).has_value());
    EXPECT_EQ(error, big + QStringLiteral(": larger than 1 MiB; not an experiment file"));

    // Relative paths resolve against the file's folder.
    const QString path = test::TestFiles::write(m_dir, QStringLiteral("e.json"), bytes(full()));
    const auto e = Experiment::load(path, &error);
    ASSERT_TRUE(e.has_value()) << error.toStdString();
    EXPECT_EQ(e->source, path);
    EXPECT_EQ(e->weights.file, QDir(m_dir.path()).absoluteFilePath(QStringLiteral("w.pt")));
}

TEST_F(ExperimentTest, TheExampleExperimentsParse)
{
    QString error;
    const auto dynamic = Experiment::load(sourcePath(QStringLiteral("experiments/dynamic.json")), &error);
    ASSERT_TRUE(dynamic.has_value()) << error.toStdString();
    EXPECT_EQ(dynamic->name, QStringLiteral("dynamic"));
    ASSERT_EQ(dynamic->localWorkers().size(), 5);
    EXPECT_EQ(dynamic->localWorkers()[0].slowdown, 6);
    EXPECT_EQ(dynamic->localWorkers()[1].slowdown, 3);
    EXPECT_EQ(dynamic->localWorkers()[4].slowdown, 1);
    EXPECT_EQ(dynamic->phases().size(), 1);
    EXPECT_EQ(dynamic->requests.count, 120);
    EXPECT_EQ(dynamic->requests.rateHz, 0);
    EXPECT_EQ(dynamic->expandLinks().size(), 3 * 2 + 3 * 2 + 3 * 2);
    ASSERT_EQ(dynamic->timeline.size(), 4);
    EXPECT_EQ(dynamic->timeline[0].atRequest, 20);
    EXPECT_EQ(dynamic->timeline[0].link.mbps, 5);
    EXPECT_EQ(dynamic->timeline[2].action, ExperimentEvent::Action::SetSlowdown);
    EXPECT_EQ(dynamic->timeline[3].action, ExperimentEvent::Action::Kill);
    EXPECT_EQ(dynamic->timeline[3].label, QStringLiteral("edge1 dies"));

    const auto console = Experiment::load(sourcePath(QStringLiteral("experiments/console.json")), &error);
    ASSERT_TRUE(console.has_value()) << error.toStdString();
    EXPECT_EQ(console->localWorkers().size(), 5);
    EXPECT_EQ(console->nodesOf(QStringLiteral("edge")).size(), 3);
    EXPECT_TRUE(console->timeline.isEmpty());
    const auto tiles = Experiment::load(sourcePath(QStringLiteral("experiments/tiles.json")), &error);
    ASSERT_TRUE(tiles.has_value()) << error.toStdString();
    EXPECT_EQ(tiles->mismatch(test::TestFiles::builtin(QStringLiteral("vgg16"))), QString()); // its plan fits vgg16
    EXPECT_TRUE(tiles->plan.tiled());

    const auto paper = Experiment::load(sourcePath(QStringLiteral("experiments/paper.json")), &error);
    ASSERT_TRUE(paper.has_value()) << error.toStdString();
    EXPECT_EQ(paper->models.size(), 6);
    EXPECT_EQ(paper->phases().size(), 6 * 6 * 2);
    EXPECT_EQ(paper->phases().last().model, QStringLiteral("tiny_yolov2"));
    EXPECT_EQ(paper->phases().last().planner, QStringLiteral("hpa"));
    EXPECT_FALSE(paper->phases().last().tiles);
    EXPECT_EQ(paper->requests.count, 10);
    EXPECT_TRUE(paper->timeline.isEmpty());
    EXPECT_EQ(paper->localWorkers().size(), dynamic->localWorkers().size()); // the same cluster
    EXPECT_EQ(paper->expandLinks().size(), dynamic->expandLinks().size()); // its backbone is D3's slower one
}

} // namespace
} // namespace d3::core
