// experiments/d3-reproduction-quick.json on a real local cluster (the shipped experiment's quick variant): every
// phase of the sweep runs, the edge-node count of each condition is honoured, and comparison.csv holds exactly the
// numbers recomputed here from requests.csv and the phases of events.jsonl.
#include "D3ctlProcess.h"
#include "TestFiles.h"

#include "record/CsvReader.h"
#include "record/RunReader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace d3 {
namespace {

using test::D3ctlProcess;

/// numpy's default percentile: linear between the closest ranks.
double percentile(QVector<double> v, double q)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const double rank = q / 100 * double(v.size() - 1);
    const int lo = int(rank);
    const int hi = std::min(lo + 1, int(v.size()) - 1);
    return v[lo] + (v[hi] - v[lo]) * (rank - lo);
}

/// comparison.csv as maps from column name to field, one per row.
QVector<QMap<QString, QString>> readCsv(const QString &path)
{
    const QByteArray text = test::TestFiles::read(path);
    core::CsvReader reader(text);
    QString error;
    const auto header = reader.next(&error);
    QVector<QMap<QString, QString>> rows;
    if (!header)
        return rows;
    while (const auto r = reader.next(&error)) {
        QMap<QString, QString> row;
        for (int i = 0; i < header->fields.size() && i < r->fields.size(); ++i)
            row.insert(header->fields[i], r->fields[i]);
        rows << row;
    }
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    return rows;
}

class ReproductionTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        s_out = s_dir->filePath(QStringLiteral("run"));
        s_result = new test::D3ctlResult(D3ctlProcess::run(
            {QStringLiteral("run"), test::TestFiles::sourceDir() + QStringLiteral("/experiments/d3-reproduction-quick.json"),
             QStringLiteral("--out"), s_out, QStringLiteral("--json")},
            900000));
    }
    static void TearDownTestSuite()
    {
        delete s_result;
        delete s_dir;
    }
    void SetUp() override
    {
        ASSERT_TRUE(s_result->finished);
        ASSERT_EQ(s_result->exitCode, 0) << s_result->err.toStdString();
    }

    static QTemporaryDir *s_dir;
    static QString s_out;
    static test::D3ctlResult *s_result;
};

QTemporaryDir *ReproductionTest::s_dir = nullptr;
QString ReproductionTest::s_out;
test::D3ctlResult *ReproductionTest::s_result = nullptr;

TEST_F(ReproductionTest, EveryPhaseOfTheSweepRunsWithNothingLost)
{
    const QJsonObject summary = s_result->json().object();
    // 2 models x 2 repeats x (2 rates x 2 edge-node counts) x 8 planners, 2 requests each.
    const QJsonArray phases = summary.value(QStringLiteral("phases")).toArray();
    ASSERT_EQ(phases.size(), 2 * 2 * 4 * 8);
    EXPECT_EQ(summary.value(QStringLiteral("requests")).toInt(), 2 * 2 * 4 * 8 * 2);
    EXPECT_EQ(summary.value(QStringLiteral("failed")).toInt(), 0);
    EXPECT_EQ(summary.value(QStringLiteral("dropped")).toInt(), 0);
    EXPECT_TRUE(summary.contains(QStringLiteral("retried")));
    EXPECT_EQ(phases.last().toObject().value(QStringLiteral("repeat")).toInt(), 1);
    EXPECT_EQ(phases.last().toObject().value(QStringLiteral("condition")).toInt(), 3);
    const QStringList tables = [&] {
        QStringList t;
        for (const QJsonValue &v : summary.value(QStringLiteral("tables")).toArray())
            t << QFileInfo(v.toString()).fileName();
        return t;
    }();
    EXPECT_EQ(tables, (QStringList{QStringLiteral("comparison.csv"), QStringLiteral("comparison.md")}));
}

TEST_F(ReproductionTest, EachConditionsEdgeNodesAndBackboneAreTheOnesUsed)
{
    QString error;
    const auto data = core::RunReader::read(s_out, &error);
    ASSERT_TRUE(data.has_value()) << error.toStdString();
    int edgeNodes = 0, checked = 0;
    double mbps = 0;
    for (const core::RunEvent &e : data->events) {
        if (e.kind == QLatin1String("phase")) {
            const QJsonObject c = e.details.value(QStringLiteral("condition")).toObject();
            edgeNodes = c.value(QStringLiteral("edge_nodes")).toInt();
            mbps = c.value(QStringLiteral("edge<->cloud.mbps")).toDouble();
            EXPECT_TRUE(edgeNodes == 1 || edgeNodes == 4);
            EXPECT_TRUE(mbps == 5 || mbps == 200);
        } else if (e.kind == QLatin1String("plan")) {
            EXPECT_LE(e.details.value(QStringLiteral("edges")).toArray().size(), edgeNodes) << e.label.toStdString();
            ++checked;
        }
    }
    EXPECT_GE(checked, 128);
    // The backbone's rate shows in the cloud-only requests' transfers: a shaped link cannot move the input faster
    // than its rate, so at 5 Mbit/s each takes at least bytes * 8 / 5 Mbit/s; and the 200 Mbit/s backbone is the
    // faster of the two by far (a ratio of medians measured in this one run, not a time limit).
    QMap<int, double> mbpsOf;
    for (const core::RunEvent &e : data->events)
        if (e.kind == QLatin1String("phase"))
            mbpsOf.insert(e.phase, e.details.value(QStringLiteral("condition")).toObject()
                                       .value(QStringLiteral("edge<->cloud.mbps")).toDouble());
    QMap<double, QVector<double>> backboneMs;
    for (const core::RequestRecord &r : data->requests) {
        if (r.planner != QLatin1String("cloud-only") || !r.completed)
            continue;
        const double mbps = mbpsOf.value(r.phase);
        backboneMs[mbps] << r.backboneMs;
        if (mbps == 5)
            EXPECT_GE(r.backboneMs, r.backboneBytes * 8.0 / (5e6 / 1e3) * 0.95) << r.phase;
    }
    ASSERT_EQ(backboneMs.size(), 2);
    EXPECT_GT(percentile(backboneMs.value(5), 50), 3 * percentile(backboneMs.value(200), 50));
}

TEST_F(ReproductionTest, TheComparisonHoldsTheNumbersRecomputedFromRequestsCsv)
{
    QString error;
    const auto data = core::RunReader::read(s_out, &error);
    ASSERT_TRUE(data.has_value()) << error.toStdString();
    // Rows: (model, rate, edge nodes, planner) over the phases of every repeat.
    struct Row {
        QVector<const core::RequestRecord *> requests;
        QStringList plans;
    };
    QMap<int, QString> keyOf;
    for (const core::RunEvent &e : data->events) {
        if (e.kind != QLatin1String("phase"))
            continue;
        const QJsonObject c = e.details.value(QStringLiteral("condition")).toObject();
        keyOf.insert(e.phase, QStringLiteral("%1|%2|%3|%4")
                                  .arg(e.details.value(QStringLiteral("model")).toString())
                                  .arg(c.value(QStringLiteral("edge<->cloud.mbps")).toDouble())
                                  .arg(c.value(QStringLiteral("edge_nodes")).toInt())
                                  .arg(e.details.value(QStringLiteral("planner")).toString()));
    }
    QMap<QString, Row> rows;
    for (const core::RequestRecord &r : data->requests) {
        if (r.probe)
            continue;
        Row &row = rows[keyOf.value(r.phase)];
        row.requests << &r;
        if (!row.plans.contains(r.plan))
            row.plans << r.plan;
    }
    const auto csv = readCsv(QDir(s_out).filePath(QStringLiteral("comparison.csv")));
    ASSERT_EQ(csv.size(), rows.size());
    auto close = [](const QString &field, double expected) {
        return std::abs(field.toDouble() - expected) <= 1e-9 * std::max(1.0, std::abs(expected));
    };
    auto keyOfRow = [](const QMap<QString, QString> &c) {
        return QStringLiteral("%1|%2|%3|%4").arg(c.value(QStringLiteral("model")), c.value(QStringLiteral("edge<->cloud.mbps")),
                                                 c.value(QStringLiteral("edge_nodes")), c.value(QStringLiteral("planner")));
    };
    // A row that ran one plan alone, as an earlier planner of the same condition did, is measured with it: its
    // "owner" is that planner (itself otherwise), and the statistics are over every row with the same owner.
    QMap<QString, QString> ownerOf;
    for (const auto &c : csv) {
        const QString same = c.value(QStringLiteral("same_plan_as"));
        ownerOf.insert(keyOfRow(c), same.isEmpty() ? c.value(QStringLiteral("planner")) : same);
    }
    for (const auto &c : csv) {
        const QString key = keyOfRow(c);
        const QString condition = key.section(QLatin1Char('|'), 0, 2);
        ASSERT_TRUE(rows.contains(key)) << key.toStdString();
        const Row &own = rows[key];
        if (!c.value(QStringLiteral("same_plan_as")).isEmpty()) {
            const QString ownerKey = condition + QLatin1Char('|') + ownerOf.value(key);
            ASSERT_TRUE(rows.contains(ownerKey)) << ownerKey.toStdString();
            EXPECT_EQ(own.plans, rows[ownerKey].plans) << key.toStdString();
            EXPECT_EQ(own.plans.size(), 1) << key.toStdString();
        }
        QVector<const core::RequestRecord *> pool;
        for (auto it = rows.cbegin(); it != rows.cend(); ++it)
            if (it.key().section(QLatin1Char('|'), 0, 2) == condition && ownerOf.value(it.key()) == ownerOf.value(key))
                pool += it->requests;
        QVector<double> ms, backbone;
        int failed = 0;
        for (const core::RequestRecord *r : own.requests)
            failed += r->completed ? 0 : 1;
        for (const core::RequestRecord *r : pool) {
            if (r->completed) {
                ms << r->endToEndMs;
                backbone << double(r->backboneBytes);
            }
        }
        EXPECT_EQ(c.value(QStringLiteral("n")).toInt(), ms.size()) << key.toStdString();
        EXPECT_EQ(c.value(QStringLiteral("failed")).toInt(), failed) << key.toStdString();
        EXPECT_TRUE(close(c.value(QStringLiteral("p50_ms")), percentile(ms, 50))) << key.toStdString();
        EXPECT_TRUE(close(c.value(QStringLiteral("p95_ms")), percentile(ms, 95))) << key.toStdString();
        EXPECT_TRUE(close(c.value(QStringLiteral("iqr_ms")), percentile(ms, 75) - percentile(ms, 25)))
            << key.toStdString();
        EXPECT_TRUE(close(c.value(QStringLiteral("backbone_bytes")), percentile(backbone, 50))) << key.toStdString();
        EXPECT_EQ(c.value(QStringLiteral("plans")).toInt(), own.plans.size()) << key.toStdString();
        // Speed-ups: the baseline's median over this row's, under the same model and condition.
        for (const auto &[column, baseline] : {std::pair{"speedup_vs_cloud_only", "cloud-only"},
                                               std::pair{"speedup_vs_device_only", "device-only"},
                                               std::pair{"speedup_vs_neurosurgeon", "neurosurgeon"},
                                               std::pair{"speedup_vs_dads", "dads"}}) {
            for (const auto &b : csv) {
                if (b.value(QStringLiteral("planner")) == QLatin1String(baseline)
                    && b.value(QStringLiteral("model")) == c.value(QStringLiteral("model"))
                    && b.value(QStringLiteral("edge<->cloud.mbps")) == c.value(QStringLiteral("edge<->cloud.mbps"))
                    && b.value(QStringLiteral("edge_nodes")) == c.value(QStringLiteral("edge_nodes")))
                    EXPECT_TRUE(close(c.value(QLatin1String(column)),
                                      b.value(QStringLiteral("p50_ms")).toDouble()
                                          / c.value(QStringLiteral("p50_ms")).toDouble()))
                        << key.toStdString() << " " << column;
            }
        }
    }
}

TEST_F(ReproductionTest, ReplayDrawsEveryFigureInEveryFormatAtBothPresetsAndRebuildsTheTables)
{
    const QStringList expected{QStringLiteral("latency"), QStringLiteral("stages"), QStringLiteral("backbone"),
                               QStringLiteral("timeline"), QStringLiteral("latency_bars"),
                               QStringLiteral("latency_vs_bandwidth_resnet18"),
                               QStringLiteral("latency_vs_bandwidth_mobilenet_v2"), QStringLiteral("backbone_bars"),
                               QStringLiteral("stage_bars_resnet18"), QStringLiteral("stage_bars_mobilenet_v2")};
    for (const QString &preset : {QStringLiteral("single"), QStringLiteral("double")}) {
        const QString out = s_dir->filePath(preset);
        const auto r = D3ctlProcess::run({QStringLiteral("replay"), s_out, QStringLiteral("--out"), out,
                                          QStringLiteral("--preset"), preset, QStringLiteral("--condition"),
                                          QStringLiteral("3"), QStringLiteral("--json")},
                                         300000);
        ASSERT_TRUE(r.succeeded());
        const QJsonObject o = r.json().object();
        QStringList figures;
        for (const QJsonValue &v : o.value(QStringLiteral("figures")).toArray())
            figures << v.toString();
        EXPECT_EQ(figures, expected) << preset.toStdString();
        EXPECT_EQ(o.value(QStringLiteral("plots")).toArray().size(), expected.size() * 3);
        for (const QString &figure : expected)
            for (const char *format : {"pdf", "svg", "png"})
                EXPECT_GT(QFileInfo(QDir(out).filePath(figure + QLatin1Char('.') + QLatin1String(format))).size(), 0)
                    << preset.toStdString() << " " << figure.toStdString() << "." << format;
        // The tables replay writes are the ones the run wrote, byte for byte.
        for (const char *table : {"comparison.csv", "comparison.md"})
            EXPECT_EQ(test::TestFiles::read(QDir(out).filePath(QLatin1String(table))),
                      test::TestFiles::read(QDir(s_out).filePath(QLatin1String(table))))
                << table;
    }
}

} // namespace
} // namespace d3
