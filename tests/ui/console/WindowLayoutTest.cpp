// The main window on the screens users reported (1366 x 768 and 1920 x 1080, side by side on an offscreen display):
// it opens fitted to the screen under it with docks in proportion, a remembered geometry too large is fitted, the
// live plots' legends, axis labels and marker labels and the links panel's columns all fit their rects, switching
// the language keeps the geometry, View > Language shows the language in use, and closing while requests run asks.
#include "console/Console.h"
#include "console/MainWindow.h"
#include "console/WindowPlacement.h"
#include "control/SessionState.h"
#include "links/LinkRow.h"
#include "links/LinksPanel.h"
#include "plots/EventMarkers.h"
#include "plots/LivePlotsPanel.h"
#include "plots/QCustomPlotInclude.h"

#include "../plots/FigureChecks.h"
#include "../plots/PlotTestData.h"
#include "TestFiles.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

const QRect kSmall(0, 0, 1366, 768);
const QRect kLarge(1366, 0, 1920, 1080);

QTemporaryDir &tempDir()
{
    static QTemporaryDir dir;
    return dir;
}

/// The offscreen platform with the two screens, the small one primary; settings in a folder of the test's own.
QApplication &app()
{
    static int argc = 1;
    static char name[] = "ui_window_tests";
    static char *argv[] = {name, nullptr};
    static QApplication *instance = [] {
        const QString config = tempDir().filePath(QStringLiteral("screens.json"));
        QFile file(config);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QStringLiteral(R"({"windowFrameMargins": true, "screens": [
            {"name": "1366x768", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
            {"name": "1920x1080", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96}]})")
                       .toUtf8());
        file.close();
        qputenv("QT_QPA_PLATFORM", QFile::encodeName(QStringLiteral("offscreen:configfile=") + config));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(tempDir().filePath(QStringLiteral("config"))));
        auto *a = new QApplication(argc, argv);
        QApplication::setOrganizationName(QStringLiteral("d3lab-tests"));
        QApplication::setApplicationName(QStringLiteral("ui_window_tests"));
        return a;
    }();
    return *instance;
}

QScreen *screenAt(const QRect &geometry)
{
    QScreen *screen = QGuiApplication::screenAt(geometry.center());
    EXPECT_NE(screen, nullptr);
    EXPECT_EQ(screen->geometry(), geometry);
    return screen;
}

/// Settings as on a first launch, or with a remembered geometry (and no dock layout) as a window there saves it.
void resetSettings(const QRect &geometry = QRect())
{
    QSettings settings;
    settings.clear();
    if (geometry.isNull())
        return;
    QWidget probe;
    probe.setGeometry(geometry);
    settings.setValue(QStringLiteral("window/geometry"), probe.saveGeometry());
}

/// Lets the window system place and size the windows (a few event loop turns).
void settle()
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() < 100)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}

QDockWidget *dock(MainWindow *window, const char *name)
{
    auto *d = window->findChild<QDockWidget *>(QLatin1String(name));
    EXPECT_NE(d, nullptr) << name;
    return d;
}

/// The run the plots show: requests, plans, a timeline event; the console's links.
void fill(MainWindow *window)
{
    const core::RunData run = PlotTestData::singlePhaseRun();
    for (const core::RunEvent &e : run.events)
        window->plotsPanel()->addEvent(e);
    for (const core::RequestRecord &r : run.requests)
        window->plotsPanel()->appendRequest(r);
    QString error;
    const QString file = test::TestFiles::sourceDir() + QStringLiteral("/experiments/console.json");
    const auto console = core::Experiment::load(file, &error);
    ASSERT_TRUE(console.has_value()) << error.toStdString();
    window->linksPanel()->setNodes(console->nodes);
    window->linksPanel()->setLinks(console->expandLinks());
    // A codec's note under a link's rates, as the codecs experiment shows it.
    window->linksPanel()->setCompression(QStringLiteral("edge1"), QStringLiteral("cloud"),
                                         QStringLiteral("shuffle-zstd"), 0.25);
}

void expectPlotsFit(LivePlotsPanel *panel)
{
    panel->redrawIfDirty();
    for (const auto &figure : panel->figures()) {
        QCustomPlot *plot = figure->plot();
        SCOPED_TRACE(figure->name().toStdString());
        ASSERT_TRUE(plot->isVisible());
        plot->replot(); // the rects as drawn
        EXPECT_GE(FigureChecks::expectLegendFits(plot), 2);
        for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
            FigureChecks::expectLabelInside(plot, axis);
            EXPECT_GE(axis->labelFont().pointSizeF(), Figure::kMinFontPt) << axis->label().toStdString();
        }
        const QRect axisRect = plot->axisRect()->rect();
        EXPECT_GE(axisRect.height(), 50) << "room left for the data";
        EXPECT_GE(axisRect.width(), 100);
        EXPECT_TRUE(plot->viewport().contains(figure->title()->outerRect()));
        for (QCPItemText *label : figure->markers().labels()) {
            if (label->visible()) {
                EXPECT_TRUE(QRectF(plot->viewport()).contains(EventMarkers::rectOf(label)))
                    << label->text().toStdString();
            }
        }
    }
}

/// Every widget of the links table lies inside the scroll area's viewport: no column needs horizontal scrolling.
void expectLinkColumnsVisible(LinksPanel *panel)
{
    auto *scroll = panel->findChild<QScrollArea *>();
    ASSERT_NE(scroll, nullptr);
    QWidget *viewport = scroll->viewport();
    EXPECT_EQ(scroll->horizontalScrollBar()->maximum(), 0) << "table " << scroll->widget()->minimumSizeHint().width()
                                                           << " px in a viewport of " << viewport->width() << " px";
    int checked = 0;
    for (QWidget *w : scroll->widget()->findChildren<QWidget *>()) {
        if (!w->isVisible() || w->parentWidget() != scroll->widget())
            continue;
        const QRect r(w->mapTo(viewport, QPoint(0, 0)), w->size());
        EXPECT_GE(r.left(), 0) << w->metaObject()->className();
        EXPECT_LE(r.right(), viewport->width() - 1) << w->metaObject()->className();
        if (auto *label = qobject_cast<QLabel *>(w)) {
            if (!label->wordWrap())
                EXPECT_LE(FigureChecks::widthOf(label->font(), label->text()), label->width())
                    << label->text().toStdString();
        }
        ++checked;
    }
    EXPECT_GT(checked, 18 * 7);
    const LinkRow *row = panel->row(QStringLiteral("edge1"), QStringLiteral("cloud"));
    ASSERT_NE(row, nullptr);
    EXPECT_TRUE(row->delayBox()->isVisible());
}

TEST(WindowPlacement, AFirstWindowIsAShareOfTheScreenCentred)
{
    const QRect r = WindowPlacement::initial(QRect(0, 0, 1366, 740));
    EXPECT_EQ(r.size(), QSize(1229, 666));
    EXPECT_EQ(r.center(), QRect(0, 0, 1366, 740).center());
    EXPECT_TRUE(QRect(1366, 0, 1920, 1080).contains(WindowPlacement::initial(QRect(1366, 0, 1920, 1080))));
}

TEST(WindowPlacement, AGeometryThatDoesNotFitIsShrunkAndMovedOntoTheScreen)
{
    const QRect available(0, 0, 1366, 768);
    EXPECT_EQ(WindowPlacement::fitted(QRect(100, 50, 1000, 600), available), QRect(100, 50, 1000, 600));
    EXPECT_EQ(WindowPlacement::fitted(QRect(100, 50, 1600, 1000), available), QRect(0, 0, 1366, 768));
    EXPECT_EQ(WindowPlacement::fitted(QRect(900, 500, 800, 400), available), QRect(566, 368, 800, 400));
    EXPECT_EQ(WindowPlacement::fitted(QRect(-50, -20, 800, 400), available), QRect(0, 0, 800, 400));
}

TEST(MainWindowLayout, AFirstLaunchFitsThePrimaryScreenWithDocksInProportion)
{
    app();
    QScreen *small = screenAt(kSmall);
    ASSERT_EQ(QGuiApplication::primaryScreen(), small);
    resetSettings();
    Console console;
    console.show();
    settle();
    MainWindow *window = console.window();
    const QRect available = small->availableGeometry();
    EXPECT_TRUE(available.contains(window->frameGeometry()));
    EXPECT_NEAR(window->width(), available.width() * WindowPlacement::kShare, 2);
    EXPECT_NEAR(window->height(), available.height() * WindowPlacement::kShare, 2);
    // The docks follow the window's size, not fixed pixels: the left ones a fifth, the right ones the links' room.
    EXPECT_LE(dock(window, "clusterDock")->width(), window->width() / 4);
    EXPECT_LE(dock(window, "eventsDock")->width(), window->width() / 4);
    EXPECT_GE(window->centralWidget()->width(), window->width() * 2 / 5);
}

TEST(MainWindowLayout, ARememberedGeometryTooLargeForItsScreenIsFitted)
{
    app();
    QScreen *large = screenAt(kLarge);
    resetSettings(QRect(kLarge.left() + 200, 100, 2400, 1300));
    {
        Console console;
        console.show();
        settle();
        EXPECT_TRUE(large->availableGeometry().contains(console.window()->geometry()));
        EXPECT_EQ(console.window()->screen(), large);
    }
    // One that fits comes back as it was.
    const QRect fits(kLarge.left() + 100, 80, 1500, 900);
    resetSettings(fits);
    Console console;
    console.show();
    settle();
    EXPECT_EQ(console.window()->geometry(), fits);
}

TEST(MainWindowLayout, ARememberedDockLayoutIsKeptUnlessTheWindowHadToBeFitted)
{
    app();
    resetSettings();
    int wide = 0;
    {
        Console console; // a wider cluster dock, remembered
        console.show();
        console.window()->resizeDocks({dock(console.window(), "clusterDock")}, {600}, Qt::Horizontal);
        settle();
        wide = dock(console.window(), "clusterDock")->width();
        EXPECT_GT(wide, console.window()->width() / 4);
    }
    {
        Console console;
        console.show();
        settle();
        EXPECT_EQ(dock(console.window(), "clusterDock")->width(), wide);
    }
    // The same layout with a geometry too large for the screen (a larger monitor's): fitted, the docks in proportion.
    QWidget probe;
    probe.setGeometry(QRect(0, 0, 1600, 1000));
    QSettings().setValue(QStringLiteral("window/geometry"), probe.saveGeometry());
    Console console;
    console.show();
    settle();
    EXPECT_TRUE(screenAt(kSmall)->availableGeometry().contains(console.window()->frameGeometry()));
    EXPECT_LT(dock(console.window(), "clusterDock")->width(), wide - 40);
    EXPECT_LE(dock(console.window(), "clusterDock")->width(), console.window()->width() / 4);
}

TEST(MainWindowLayout, LegendsLabelsAndLinkColumnsFitAt1366x768And1920x1080)
{
    app();
    for (const QRect &screenRect : {kSmall, kLarge}) {
        QScreen *screen = screenAt(screenRect);
        SCOPED_TRACE(screen->name().toStdString());
        // The window as it opens there (the first-launch share of the screen), with the default dock layout.
        resetSettings(WindowPlacement::initial(screen->availableGeometry()));
        Console console;
        console.show();
        MainWindow *window = console.window();
        fill(window);
        settle();
        ASSERT_EQ(window->geometry(), WindowPlacement::initial(screen->availableGeometry()));
        std::printf("  %s: window %dx%d, cluster dock %d, links dock %dx%d, plots %dx%d\n",
                    qPrintable(screen->name()), window->width(), window->height(),
                    dock(window, "clusterDock")->width(), dock(window, "linksDock")->width(),
                    dock(window, "linksDock")->height(), window->plotsPanel()->width(),
                    window->plotsPanel()->height());
        expectPlotsFit(window->plotsPanel());
        expectLinkColumnsVisible(window->linksPanel());
    }
}

TEST(MainWindowLayout, SwitchingTheLanguageKeepsTheGeometryAndMarksTheLanguage)
{
    app();
    resetSettings();
    Console console;
    console.show();
    settle();
    EXPECT_EQ(console.window()->checkedLanguage(), QStringLiteral("en"));
    const QRect geometry = console.window()->geometry();
    const QRect frame = console.window()->frameGeometry();
    const int links = dock(console.window(), "linksDock")->width();
    for (const char *language : {"zh_CN", "en", "zh_CN"}) {
        SCOPED_TRACE(language);
        ASSERT_TRUE(console.setLanguage(QLatin1String(language)));
        settle();
        EXPECT_EQ(console.window()->geometry(), geometry);
        EXPECT_EQ(console.window()->frameGeometry(), frame);
        EXPECT_EQ(dock(console.window(), "linksDock")->width(), links);
        EXPECT_EQ(console.window()->checkedLanguage(), QLatin1String(language));
    }
    ASSERT_TRUE(console.setLanguage(QStringLiteral("en")));
}

TEST(MainWindowQuit, ClosingWhileRequestsRunAsksAndNoKeepsTheWindow)
{
    app();
    resetSettings();
    Console console;
    console.show();
    settle();
    MainWindow *window = console.window();
    int asked = 0;
    bool answer = false;
    window->setQuitQuestion([&](QWidget *parent) {
        EXPECT_EQ(parent, window);
        ++asked;
        return answer;
    });
    console.state()->setRunning(true);
    EXPECT_FALSE(window->close());
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(window->isVisible());
    EXPECT_TRUE(console.state()->isRunning());

    answer = true;
    EXPECT_TRUE(window->close());
    EXPECT_EQ(asked, 2);
    EXPECT_FALSE(window->isVisible());

    // Stopped: closing asks nothing.
    console.state()->setRunning(false);
    window->show();
    EXPECT_TRUE(window->close());
    EXPECT_EQ(asked, 2);
}

TEST(MainWindowQuit, TheQuestionKeepsRunningByDefault)
{
    app();
    resetSettings();
    Console console;
    console.show();
    settle();
    console.state()->setRunning(true);
    bool shown = false;
    QTimer::singleShot(0, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        ASSERT_NE(box, nullptr);
        shown = true;
        EXPECT_EQ(box->defaultButton(), box->button(QMessageBox::No));
        box->defaultButton()->click();
    });
    EXPECT_FALSE(console.window()->close()); // the real message box, answered with its default
    EXPECT_TRUE(shown);
    EXPECT_TRUE(console.window()->isVisible());
    console.state()->setRunning(false);
}

} // namespace
} // namespace d3::ui
