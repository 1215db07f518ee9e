// The console as an operator uses it, on a real local cluster: the window opens ready, requests stream into the
// plots, a dragged partition changes the controller's plan and undo brings it back, a link change reaches the
// worker, exports are valid files, the recorded session replays, the language switches without losing the run, a
// killed worker turns red while the plots go on, and closing leaves no process behind.
#include "console/Console.h"
#include "console/MainWindow.h"
#include "console/RunToolBar.h"
#include "control/SessionState.h"
#include "cluster/ClusterPanel.h"
#include "graph/LayerGraphPanel.h"
#include "graph/LayerGraphView.h"
#include "graph/LayerNodeItem.h"
#include "links/LinksPanel.h"
#include "plots/LatencyFigure.h"
#include "plots/LivePlotsPanel.h"
#include "plots/QCustomPlotInclude.h"
#include "record/RunReader.h"
#include "control/LiveSession.h"

#include "ConsoleTestSupport.h"
#include "D3ctlProcess.h"
#include "EventLoop.h"
#include "TestFiles.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QSettings>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

using namespace ConsoleTestSupport;

/// Every layer of the panel drawn in the tier of untiled cuts (p, q) (a tiled stack is drawn as tiles).
void expectTiers(LayerGraphPanel *panel, int p, int q)
{
    using Tier = LayerNodeItem::Tier;
    for (int i = 0; i < panel->layout().layerCount(); ++i) {
        const Tier tier = panel->node(i)->tier();
        if (i < p)
            EXPECT_EQ(tier, Tier::Device) << i;
        else if (i < q)
            EXPECT_TRUE(tier == Tier::Edge || tier == Tier::TiledEdge) << i;
        else
            EXPECT_EQ(tier, Tier::Cloud) << i;
    }
}

TEST(ConsoleTest, AnOperatorsSessionFromOpenToClose)
{
    app();
    const QVector<qint64> before = workers();
    QTemporaryDir out;
    {
        Console console(test::TestFiles::d3worker());
        console.show();
        core::SessionState *state = console.state();
        QStringList problems;
        QObject::connect(state, &core::SessionState::failed, [&](const QString &m) { problems << m; });
        console.open(alexnetCluster());
        ASSERT_TRUE(spinUntil([&] { return state->plan().has_value() || !problems.isEmpty(); }, 120000));
        ASSERT_TRUE(problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
        ASSERT_TRUE(spinUntil([&] { return console.window()->runToolBar()->runAction()->isEnabled(); }));
        EXPECT_EQ(workers().size(), before.size() + 4);
        EXPECT_EQ(console.window()->clusterPanel()->statusOf(QStringLiteral("edge1")), QStringLiteral("ready"));

        // Run: requests stream into the plots.
        console.window()->runToolBar()->runAction()->trigger();
        ASSERT_TRUE(console.window()->runToolBar()->isRunning());
        ASSERT_TRUE(spinUntil([&] { return state->data().requests.size() >= 5; }));
        auto *latency = static_cast<LatencyFigure *>(console.window()->plotsPanel()->figure(QStringLiteral("latency")));
        ASSERT_TRUE(spinUntil([&] { return latency->measured()->dataCount() >= 5; }, 5000));

        // Drag a partition handle with the mouse (p one cut right when there is room, else q four cuts right): the
        // controller deploys the operator's plan and the layers take its colours; undo brings the planner's cuts back.
        LayerGraphPanel *graph = console.window()->graphPanel();
        const core::Plan planned = state->plan()->result.plan;
        const int n = state->graph().layerCount();
        const bool moveP = planned.q - planned.p >= 2;
        const int p = moveP ? planned.p + 1 : planned.p;
        const int q = moveP ? planned.q : qMin(n, planned.q + 4);
        ASSERT_NE(std::make_pair(p, q), std::make_pair(planned.p, planned.q));
        dragHandle(graph, moveP ? 0 : 1, moveP ? p : q);
        ASSERT_TRUE(spinUntil([&] {
            const core::Plan &now = state->plan()->result.plan;
            return state->plan()->result.planner == QLatin1String("manual") && now.p == p && now.q == q;
        })) << state->plan()->result.plan.describe().toStdString();
        EXPECT_EQ(console.window()->runToolBar()->planner(), QStringLiteral("manual"));
        expectTiers(graph, p, q);
        const int sent = state->data().requests.size();
        ASSERT_TRUE(spinUntil([&] { return state->data().requests.size() >= sent + 2; }));
        EXPECT_EQ(state->data().requests.last().planner, QStringLiteral("manual"));
        EXPECT_TRUE(state->data().requests.last().plan.startsWith(QStringLiteral("p=%1 q=%2").arg(p).arg(q)))
            << state->data().requests.last().plan.toStdString();
        graph->undoStack()->undo(); // the planner comes back, and plans as before
        ASSERT_TRUE(spinUntil([&] {
            return state->plan()->result.planner == QLatin1String("hpa") && state->plan()->result.plan.p == planned.p
                && state->plan()->result.plan.q == planned.q;
        })) << state->plan()->result.plan.describe().toStdString();
        EXPECT_EQ(console.window()->runToolBar()->planner(), QStringLiteral("hpa"));
        expectTiers(graph, planned.p, planned.q);

        // A link change from the links panel reaches the sending worker: device -> edge at 2 Mbit/s (the plan kept
        // by hand, or HPA would move away from the slow link).
        Q_EMIT console.window()->runToolBar()->plannerChosen(QStringLiteral("manual"), true);
        Q_EMIT console.window()->linksPanel()->linkChanged({QStringLiteral("device->edge"), 2, 0, 0});
        const int shaped = state->data().requests.size();
        ASSERT_TRUE(spinUntil([&] { return state->data().requests.size() >= shaped + 3; }));
        const core::RequestRecord slow = state->data().requests.last();
        ASSERT_TRUE(slow.completed) << slow.failure.toStdString();
        EXPECT_GT(slow.uplinkBytes, 0);
        // Tile inputs go to edge1 and edge2 side by side: the longer of the two took at least its half.
        const int receivers = state->plan()->result.plan.tiled() ? 2 : 1;
        EXPECT_GE(slow.uplinkMs, slow.uplinkBytes * 8.0 / 2e3 / receivers * 0.97) << slow.plan.toStdString();

        // A killed worker: its row turns red and requests go on.
        Q_EMIT console.window()->clusterPanel()->killRequested(QStringLiteral("edge2"));
        ASSERT_TRUE(spinUntil([&] { return console.window()->clusterPanel()->isDead(QStringLiteral("edge2")); }));
        const int afterKill = state->data().requests.size();
        ASSERT_TRUE(spinUntil([&] { return state->data().requests.size() >= afterKill + 3; }));
        EXPECT_TRUE(state->data().requests.last().completed);

        // Another language: a new window on the same session, the run still in its plots, the graph's zoom and the
        // layer at its centre as they were.
        LayerGraphView *view = console.window()->graphPanel()->view();
        view->setZoom(1.6);
        view->centerOn(console.window()->graphPanel()->layout().box(12).center());
        spinUntil([] { return false; }, 100);
        const qreal zoom = view->zoom();
        const QPointF centre = view->centre();
        ASSERT_TRUE(console.setLanguage(QStringLiteral("zh_CN")));
        ASSERT_TRUE(spinUntil([&] { return console.window()->graphPanel()->view()->zoom() == zoom; }, 5000))
            << console.window()->graphPanel()->view()->zoom() << " instead of " << zoom;
        const QPointF centreAgain = console.window()->graphPanel()->view()->centre();
        EXPECT_LT(QLineF(centre, centreAgain).length(), LayerGraphLayout::kColumnPitch)
            << centreAgain.x() << "," << centreAgain.y() << " instead of " << centre.x() << "," << centre.y();
        EXPECT_TRUE(console.window()->clusterPanel()->isDead(QStringLiteral("edge2")));
        auto *again = static_cast<LatencyFigure *>(console.window()->plotsPanel()->figure(QStringLiteral("latency")));
        EXPECT_GE(again->measured()->dataCount(), afterKill);
        EXPECT_NE(console.window()->windowTitle(), QStringLiteral("d3lab: console-test")); // translated
        ASSERT_TRUE(console.setLanguage(QStringLiteral("en")));
        EXPECT_EQ(console.window()->windowTitle(), QStringLiteral("d3lab: console-test"));

        // Stop, then export for a paper and record the session as a run.
        console.window()->runToolBar()->runAction()->trigger();
        EXPECT_FALSE(console.window()->runToolBar()->isRunning());
        ExportOptions options;
        options.widthPx = 800;
        options.heightPx = 500;
        options.dpi = 120;
        QStringList written;
        QString error;
        const QString exportDir = out.filePath(QStringLiteral("export"));
        ASSERT_TRUE(console.window()->exportSession(exportDir, options, true, &written, &error)) << error.toStdString();
        EXPECT_EQ(written.size(), 4 * 3 + 1); // latency, stages, backbone, timeline; requests.csv
        for (const QString &path : written) {
            SCOPED_TRACE(path.toStdString());
            const QByteArray bytes = test::TestFiles::read(path);
            if (path.endsWith(QLatin1String(".pdf"))) {
                EXPECT_TRUE(bytes.startsWith("%PDF"));
            } else if (path.endsWith(QLatin1String(".svg"))) {
                QXmlStreamReader xml(bytes);
                while (!xml.atEnd())
                    xml.readNext();
                EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
            } else if (path.endsWith(QLatin1String(".png"))) {
                EXPECT_EQ(QImage(path).size(), QSize(800, 500));
            } else {
                const QList<QByteArray> lines = bytes.trimmed().split('\n');
                EXPECT_EQ(lines.size(), 1 + state->data().requests.size()); // the header and one row a request
            }
        }
        // The experiment saves and reads back the same; the file joins the recent ones.
        const QString saved = out.filePath(QStringLiteral("saved.json"));
        ASSERT_TRUE(console.window()->saveExperiment(saved, &error)) << error.toStdString();
        const auto reread = core::Experiment::load(saved, &error);
        ASSERT_TRUE(reread.has_value()) << error.toStdString();
        EXPECT_EQ(reread->toJson(out.path()), state->experiment().toJson(out.path()));
        EXPECT_EQ(QSettings().value(QStringLiteral("files/recent")).toStringList().value(0), saved);

        const QString runDir = out.filePath(QStringLiteral("run"));
        ASSERT_TRUE(state->saveRun(runDir, &error)) << error.toStdString();
        const auto read = core::RunReader::read(runDir, &error);
        ASSERT_TRUE(read.has_value()) << error.toStdString();
        EXPECT_EQ(read->requests.size(), state->data().requests.size());
        EXPECT_EQ(read->events.size(), state->data().events.size());
        const auto replay = test::D3ctlProcess::run({QStringLiteral("replay"), runDir, QStringLiteral("--formats"),
                                                     QStringLiteral("png")}, 120000);
        EXPECT_TRUE(replay.succeeded());
        EXPECT_TRUE(QFile::exists(QDir(runDir).filePath(QStringLiteral("latency.png"))));
    }
    EXPECT_EQ(workers(), before); // the console closed its session: no worker left
    // The window's layout outlives it.
    EXPECT_FALSE(QSettings().value(QStringLiteral("window/state")).toByteArray().isEmpty());
    EXPECT_FALSE(QSettings().value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
}

} // namespace
} // namespace d3::ui
