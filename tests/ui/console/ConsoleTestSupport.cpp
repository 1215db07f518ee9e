#include "ConsoleTestSupport.h"

#include "ChildProcesses.h"
#include "console/Console.h"
#include "console/MainWindow.h"
#include "console/RunToolBar.h"
#include "control/SessionState.h"
#include "EventLoop.h"
#include "graph/LayerGraphLayout.h"
#include "graph/LayerGraphPanel.h"
#include "graph/LayerGraphView.h"

#include <QAction>
#include <QFile>
#include <QLoggingCategory>
#include <QMouseEvent>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace d3::ui::ConsoleTestSupport {
namespace {

QTemporaryDir &settingsDir()
{
    static QTemporaryDir dir;
    return dir;
}

} // namespace

QApplication &app()
{
    static int argc = 1;
    static char name[] = "ui_console_tests";
    static char *argv[] = {name, nullptr};
    static QApplication *instance = [] {
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(settingsDir().path())); // the user's own settings stay untouched
        auto *a = new QApplication(argc, argv);
        QApplication::setOrganizationName(QStringLiteral("d3lab-tests"));
        QLoggingCategory::setFilterRules(QStringLiteral("d3.*.debug=false"));
        return a;
    }();
    return *instance;
}

QVector<qint64> workers()
{
    return test::ChildProcesses::pids(QStringLiteral("d3worker"));
}

bool spinUntil(const std::function<bool()> &done, int ms)
{
    return test::EventLoop::spinUntil(done, ms);
}

core::Experiment alexnetCluster()
{
    QString error;
    const auto e = core::Experiment::parse(R"({"format": "d3lab-experiment", "version": 1, "name": "console-test",
        "nodes": [{"name": "device", "role": "device", "slowdown": 3}, {"name": "edge1", "role": "edge"},
                  {"name": "edge2", "role": "edge"}, {"name": "cloud", "role": "cloud"}],
        "model": "alexnet", "planner": "hpa", "profile": {"warmup": 0, "runs": 1},
        "links": {"device<->edge": {"mbps": 200, "delay_ms": 1}, "edge<->cloud": {"mbps": 100, "delay_ms": 2}},
        "requests": {"count": 1000}})", QStringLiteral("console-test.json"), QString(), &error);
    EXPECT_TRUE(e.has_value()) << error.toStdString();
    return *e;
}

bool openReady(Console &console, const core::Experiment &experiment)
{
    console.show();
    QStringList problems;
    const auto connection = QObject::connect(console.state(), &core::SessionState::failed,
                                             [&](const QString &m) { problems << m; });
    console.open(experiment);
    const bool ready = spinUntil([&] {
        return (console.state()->plan().has_value() && console.window()->runToolBar()->runAction()->isEnabled())
            || !problems.isEmpty();
    }, 120000);
    QObject::disconnect(connection);
    EXPECT_TRUE(ready && problems.isEmpty()) << problems.join(QLatin1Char('\n')).toStdString();
    return ready && problems.isEmpty();
}

bool openAndRun(Console &console, const core::Experiment &experiment, qsizetype requests)
{
    if (!openReady(console, experiment))
        return false;
    console.window()->runToolBar()->runAction()->trigger();
    const bool ran = spinUntil([&] { return console.state()->data().requests.size() >= requests; });
    EXPECT_TRUE(ran) << "fewer than " << requests << " requests";
    return ran;
}

void settle(Console &console)
{
    qsizetype seen = -1;
    while (seen != console.state()->data().requests.size()) {
        seen = console.state()->data().requests.size();
        spinUntil([] { return false; }, 1500);
    }
}

QString dragHandle(LayerGraphPanel *panel, int which, int to)
{
    QWidget *viewport = panel->view()->viewport();
    const int from = which == 0 ? panel->p() : panel->q();
    panel->view()->centerOn(panel->layout().cutLine(from).center());
    const QPoint start = panel->view()->mapFromScene(panel->layout().cutLine(from).center());
    const QPoint end = panel->view()->mapFromScene(panel->layout().cutLine(to).center());
    auto mouse = [&](QEvent::Type type, QPoint at, Qt::MouseButtons buttons) {
        QMouseEvent event(type, QPointF(at), QPointF(viewport->mapToGlobal(at)), Qt::LeftButton, buttons,
                          Qt::NoModifier);
        QApplication::sendEvent(viewport, &event);
    };
    mouse(QEvent::MouseButtonPress, start, Qt::LeftButton);
    mouse(QEvent::MouseMove, (start + end) / 2, Qt::LeftButton);
    mouse(QEvent::MouseMove, end, Qt::LeftButton);
    const QString label = panel->cutLabel();
    mouse(QEvent::MouseButtonRelease, end, Qt::NoButton);
    return label;
}

} // namespace d3::ui::ConsoleTestSupport
