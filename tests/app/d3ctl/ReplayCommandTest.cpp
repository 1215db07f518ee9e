#include "D3ctlProcess.h"

#include "record/RunRecorder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSize>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using d3::test::D3ctlProcess;

namespace {

class ReplayCommandTest : public ::testing::Test
{
protected:
    QTemporaryDir tmp;
    QString runDir() const { return tmp.filePath(QStringLiteral("run")); }

    /// Records 12 requests (one failed) and three events, as `d3ctl run` would.
    void SetUp() override
    {
        d3::core::RunRecorder recorder;
        QString error;
        ASSERT_TRUE(recorder.open(runDir(), &error)) << error.toStdString();
        d3::core::RunEvent phase;
        phase.kind = QStringLiteral("phase");
        phase.label = QStringLiteral("phase 0: resnet18 / hpa");
        recorder.add(phase);
        for (int i = 0; i < 12; ++i) {
            d3::core::RequestRecord r;
            r.id = quint64(i);
            r.planId = i < 6 ? 1 : 2;
            r.planner = QStringLiteral("hpa");
            r.plan = QStringLiteral("p=3, q=%1").arg(i < 6 ? 14 : 18);
            r.completed = i != 4;
            r.failure = r.completed ? QString() : QStringLiteral("worker \"edge1\" lost");
            r.startMs = 100.0 * i;
            r.endToEndMs = r.completed ? 80 + i : 0;
            r.predictedMs = 85;
            r.deviceMs = 20;
            r.edgeMs = 30;
            r.backboneMs = 10;
            r.cloudMs = 15;
            r.backboneBytes = 100000 + 1000 * i;
            recorder.add(r);
            if (i == 5) {
                d3::core::RunEvent plan;
                plan.tMs = 550;
                plan.kind = QStringLiteral("plan");
                plan.label = QStringLiteral("hpa: cut 14 -> 18");
                recorder.add(plan);
                d3::core::RunEvent lost;
                lost.tMs = 560;
                lost.kind = QStringLiteral("node_lost");
                recorder.add(lost);
            }
        }
        ASSERT_TRUE(recorder.error().isEmpty());
    }

    static QStringList args(const QStringList &rest) { return QStringList{QStringLiteral("replay")} + rest; }

    /// Width and height from a PNG's IHDR chunk (this test links no Qt GUI module); (0, 0) if it is no PNG.
    static QSize pngSize(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return QSize();
        const QByteArray head = f.read(24);
        if (head.size() < 24 || !head.startsWith("\x89PNG\r\n\x1a\n") || head.mid(12, 4) != "IHDR")
            return QSize(0, 0);
        const auto be32 = [&](int at) {
            return int((uchar(head[at]) << 24) | (uchar(head[at + 1]) << 16) | (uchar(head[at + 2]) << 8)
                       | uchar(head[at + 3]));
        };
        return QSize(be32(16), be32(20));
    }
};

TEST_F(ReplayCommandTest, DrawsEveryPlotAndSaysWhatItWrote)
{
    const auto r = D3ctlProcess::run(args({runDir(), QStringLiteral("--size"), QStringLiteral("800x500"),
                                           QStringLiteral("--dpi"), QStringLiteral("120"), QStringLiteral("--json")}));
    ASSERT_TRUE(r.succeeded());
    const QJsonObject o = r.json().object();
    for (const char *key : {"plots", "requests", "events", "figures", "preset", "condition", "conditions", "inches"})
        EXPECT_TRUE(o.contains(QLatin1String(key))) << key;
    EXPECT_EQ(o.value(QLatin1String("requests")).toInt(-1), 12);
    EXPECT_EQ(o.value(QLatin1String("events")).toInt(-1), 3);
    const QJsonArray plots = o.value(QLatin1String("plots")).toArray();
    ASSERT_EQ(plots.size(), 12);
    EXPECT_EQ(o.value(QLatin1String("figures")).toArray(),
              (QJsonArray{"latency", "stages", "backbone", "timeline"})); // one phase: no comparison
    EXPECT_TRUE(o.value(QLatin1String("preset")).isNull());
    EXPECT_EQ(o.value(QLatin1String("conditions")).toInt(), 1);
    for (const char *name : {"latency", "stages", "backbone", "timeline"}) {
        for (const char *format : {"pdf", "svg", "png"}) {
            const QString path = QDir(runDir()).filePath(QStringLiteral("%1.%2").arg(QLatin1String(name), QLatin1String(format)));
            EXPECT_TRUE(plots.contains(path)) << path.toStdString();
            EXPECT_GT(QFileInfo(path).size(), 100) << path.toStdString();
        }
    }
    EXPECT_EQ(pngSize(QDir(runDir()).filePath(QStringLiteral("latency.png"))), QSize(800, 500));
}

TEST_F(ReplayCommandTest, WritesIntoAnotherFolderInTheChosenFormats)
{
    const QString out = tmp.filePath(QStringLiteral("figures/new"));
    const auto r = D3ctlProcess::run(args({runDir(), QStringLiteral("--out"), out, QStringLiteral("--formats"),
                                           QStringLiteral("png,svg")}));
    ASSERT_TRUE(r.succeeded());
    const QString text = QString::fromUtf8(r.out);
    EXPECT_TRUE(text.contains(QStringLiteral("12 requests (1 failed), 3 events"))) << text.toStdString();
    QStringList files = QDir(out).entryList(QDir::Files, QDir::Name);
    EXPECT_EQ(files, (QStringList{"backbone.png", "backbone.svg", "latency.png", "latency.svg", "stages.png",
                                  "stages.svg", "timeline.png", "timeline.svg"}));
    for (const QString &f : files)
        EXPECT_TRUE(text.contains(QStringLiteral("wrote ") + QDir(out).filePath(f))) << f.toStdString();
    EXPECT_FALSE(QFile::exists(QDir(runDir()).filePath(QStringLiteral("latency.png"))));
}

TEST_F(ReplayCommandTest, APresetSizesEveryFigureForAColumn)
{
    const QString out = tmp.filePath(QStringLiteral("paper"));
    const auto r = D3ctlProcess::run(args({runDir(), QStringLiteral("--out"), out, QStringLiteral("--preset"),
                                           QStringLiteral("single"), QStringLiteral("--formats"), QStringLiteral("png"),
                                           QStringLiteral("--title"), QStringLiteral("--condition"), QStringLiteral("0"),
                                           QStringLiteral("--json")}));
    ASSERT_TRUE(r.succeeded());
    const QJsonObject o = r.json().object();
    EXPECT_EQ(o.value(QLatin1String("preset")).toString(), QStringLiteral("single"));
    EXPECT_EQ(o.value(QLatin1String("inches")).toArray(), (QJsonArray{3.5, 2.5}));
    EXPECT_EQ(o.value(QLatin1String("plots")).toArray().size(), 4);
    EXPECT_EQ(pngSize(QDir(out).filePath(QStringLiteral("timeline.png"))), QSize(1050, 750)); // 3.5 x 2.5 in at 300 dpi
    const auto doubled = D3ctlProcess::run(args({runDir(), QStringLiteral("--out"), out, QStringLiteral("--preset"),
                                                 QStringLiteral("double"), QStringLiteral("--formats"),
                                                 QStringLiteral("png")}));
    ASSERT_TRUE(doubled.succeeded());
    EXPECT_EQ(pngSize(QDir(out).filePath(QStringLiteral("latency.png"))), QSize(2100, 900)); // 7 x 3 in
}

TEST_F(ReplayCommandTest, RunsHeadlessWithoutQtQpaPlatform)
{
    const QByteArray saved = qgetenv("QT_QPA_PLATFORM");
    qunsetenv("QT_QPA_PLATFORM");
    qunsetenv("DISPLAY");
    qunsetenv("WAYLAND_DISPLAY");
    const auto r = D3ctlProcess::run(args({runDir(), QStringLiteral("--formats"), QStringLiteral("png")}));
    qputenv("QT_QPA_PLATFORM", saved);
    EXPECT_TRUE(r.succeeded());
}

TEST_F(ReplayCommandTest, BadInputIsOneLineAndExitTwo)
{
    const auto refused = [&](const QStringList &rest, const QString &place) {
        const auto r = D3ctlProcess::run(args(rest));
        EXPECT_TRUE(r.refused(place)) << rest.join(QLatin1Char(' ')).toStdString();
        EXPECT_EQ(r.exitCode, 2);
    };
    const QString missing = tmp.filePath(QStringLiteral("nothing-here"));
    refused({missing}, missing + QStringLiteral(": no such folder"));
    refused({}, QStringLiteral("replay: expects one DIR"));
    refused({runDir(), QStringLiteral("--size"), QStringLiteral("800by600")}, QStringLiteral("--size"));
    refused({runDir(), QStringLiteral("--size"), QStringLiteral("10x10")}, QStringLiteral("--size"));
    refused({runDir(), QStringLiteral("--dpi"), QStringLiteral("high")}, QStringLiteral("--dpi"));
    refused({runDir(), QStringLiteral("--dpi"), QStringLiteral("5000")}, QStringLiteral("--dpi"));
    refused({runDir(), QStringLiteral("--formats"), QStringLiteral("pdf,gif")}, QStringLiteral("--formats"));
    refused({runDir(), QStringLiteral("--colour")}, QStringLiteral("--colour"));
    refused({runDir(), QStringLiteral("--preset"), QStringLiteral("triple")}, QStringLiteral("--preset"));
    refused({runDir(), QStringLiteral("--preset"), QStringLiteral("single"), QStringLiteral("--dpi"), QStringLiteral("600")},
            QStringLiteral("--preset"));
    refused({runDir(), QStringLiteral("--preset"), QStringLiteral("double"), QStringLiteral("--size"),
             QStringLiteral("800x600")},
            QStringLiteral("--preset"));
    refused({runDir(), QStringLiteral("--condition"), QStringLiteral("first")}, QStringLiteral("--condition"));
    refused({runDir(), QStringLiteral("--condition"), QStringLiteral("1")}, QStringLiteral("--condition 1 is out of range"));

    // A corrupt row: request 2's row is line 4 (header, requests 0 and 1 before it).
    const QString csv = QDir(runDir()).filePath(QStringLiteral("requests.csv"));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = f.readAll().split('\n');
    f.close();
    lines[3].replace(",200,", ",2OO,");
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(lines.join('\n'));
    f.close();
    refused({runDir()}, csv + QStringLiteral(":4: column start_ms: '2OO' is not a number"));
}

} // namespace
