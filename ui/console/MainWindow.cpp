#include "MainWindow.h"

#include "EventLogPanel.h"
#include "ExportDialog.h"
#include "OpenModelDialog.h"
#include "PlanChoiceCommand.h"
#include "RecentFilesMenu.h"
#include "RunToolBar.h"
#include "SessionExporter.h"
#include "StreamToolBar.h"
#include "control/ActionLabel.h"
#include "WindowPlacement.h"
#include "control/SessionState.h"
#include "UiLog.h"
#include "cluster/ClusterPanel.h"
#include "graph/LayerGraphPanel.h"
#include "links/LinksPanel.h"
#include "plots/LivePlotsPanel.h"
#include "plots/QueueDepthPanel.h"
#include "experiment/ExperimentPlan.h"
#include "control/LiveSession.h"
#include "tiles/TileGridPanel.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QMenuBar>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace d3::ui {
namespace {

const QString kExportKey = QStringLiteral("files/exportFolder");
/// Experiments of at most this many requests are plotted whole from the start.
constexpr qint64 kWholeRunRequests = 1000;
/// The default dock widths as shares of the window's: the cluster and events on the left, the tile grid and the
/// links (whose columns need the room) on the right; the graph and the plots take the rest.
constexpr double kLeftDockShare = 0.2;
constexpr double kRightDockShare = 0.3;

} // namespace

MainWindow::MainWindow(core::LiveSession *session, core::SessionState *state, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
    , m_state(state)
    , m_cluster(new ClusterPanel(this))
    , m_graph(new LayerGraphPanel(this))
    , m_tiles(new TileGridPanel(this))
    , m_links(new LinksPanel(this))
    , m_plots(new LivePlotsPanel(this))
    , m_log(new EventLogPanel(this))
    , m_toolBar(new RunToolBar(core::Experiment::plannerNames(), this))
    , m_streamBar(new StreamToolBar(this))
    , m_statusPlan(new QLabel(this))
    , m_statusLatency(new QLabel(this))
{
    setWindowTitle(tr("d3lab: device-edge-cloud inference"));
    auto *center = new QSplitter(Qt::Vertical, this);
    center->setObjectName(QStringLiteral("centerSplitter"));
    center->addWidget(m_graph);
    center->addWidget(m_plots);
    // The plots get three quarters: three figures with legends and marker labels need the height more than the graph
    // (which scrolls).
    center->setStretchFactor(0, 1);
    center->setStretchFactor(1, 3);
    center->setSizes({1000, 3000});
    setCentralWidget(center);
    addToolBar(m_toolBar);
    addToolBar(m_streamBar);
    statusBar()->addWidget(m_statusPlan, 1);
    statusBar()->addPermanentWidget(m_statusLatency);
    buildDocks();
    buildMenus();
    wireState();
    wirePanels();
    QSettings settings;
    const bool placed = WindowPlacement::place(
        this, restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()));
    // A remembered dock layout is kept (which docks, where) but sized anew for a window placed anew.
    if (!restoreState(settings.value(QStringLiteral("window/state")).toByteArray()) || placed)
        proportionDocks();
    // What the session already knows (a window built anew for another language).
    showExperiment();
    if (m_state->hasModel())
        showModel();
    for (auto it = m_state->nodeStates().begin(); it != m_state->nodeStates().end(); ++it)
        m_cluster->setState(it.key(), it.value());
    m_cluster->setSpeeds(m_state->speeds());
    showPlan();
    for (const core::RunEvent &e : m_state->data().events) {
        m_plots->addEvent(e);
        m_log->addEvent(e);
    }
    for (const core::RequestRecord &r : m_state->data().requests)
        m_plots->appendRequest(r);
    m_toolBar->setSessionReady(m_state->plan().has_value());
    m_streamBar->setSessionReady(m_state->plan().has_value());
    showStream();
    m_plots->setDepths(m_state->depths());
    showProgress();
    m_toolBar->showRunning(m_state->isRunning());
}

MainWindow::~MainWindow()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

void MainWindow::buildDocks()
{
    auto dock = [this](QWidget *panel, const QString &title, const QString &name, Qt::DockWidgetArea area) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(panel);
        addDockWidget(area, d);
        return d;
    };
    dock(m_cluster, tr("Cluster"), QStringLiteral("clusterDock"), Qt::LeftDockWidgetArea);
    dock(m_log, tr("Events"), QStringLiteral("eventsDock"), Qt::LeftDockWidgetArea);
    dock(m_tiles, tr("Tile grid"), QStringLiteral("tilesDock"), Qt::RightDockWidgetArea);
    dock(m_links, tr("Links"), QStringLiteral("linksDock"), Qt::RightDockWidgetArea);
}

void MainWindow::proportionDocks()
{
    auto named = [this](const char *name) { return findChild<QDockWidget *>(QLatin1String(name)); };
    const QSize size = this->size();
    // The right docks are never narrower than the links' columns (LinksPanel's minimum width).
    resizeDocks({named("clusterDock"), named("tilesDock")},
                {qRound(size.width() * kLeftDockShare), qRound(size.width() * kRightDockShare)}, Qt::Horizontal);
    resizeDocks({named("clusterDock"), named("eventsDock")},
                {qRound(size.height() * 0.45), qRound(size.height() * 0.55)}, Qt::Vertical);
    resizeDocks({named("tilesDock"), named("linksDock")}, {qRound(size.height() * 0.38), qRound(size.height() * 0.62)},
                Qt::Vertical);
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open experiment…"), QKeySequence::Open, this, &MainWindow::askOpen);
    file->addAction(tr("Open &model…"), QKeySequence(tr("Ctrl+M")), this, &MainWindow::askModel);
    m_recent = new RecentFilesMenu(tr("Recent experiments"), this);
    connect(m_recent, &RecentFilesMenu::openRequested, this, &MainWindow::openFile);
    file->addMenu(m_recent);
    file->addAction(tr("&Save experiment as…"), QKeySequence::SaveAs, this, &MainWindow::askSave);
    file->addSeparator();
    file->addAction(tr("&Export plots and data…"), QKeySequence(tr("Ctrl+E")), this, &MainWindow::askExport);
    m_record = file->addAction(tr("&Record session as a run…"));
    m_record->setCheckable(true);
    connect(m_record, &QAction::toggled, this, &MainWindow::toggleRecording);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_graph->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_graph->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    edit->addAction(undo);
    edit->addAction(redo);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    for (QDockWidget *d : findChildren<QDockWidget *>())
        view->addAction(d->toggleViewAction());
    QMenu *language = view->addMenu(tr("&Language"));
    m_languages = new QActionGroup(this);
    m_languages->setExclusive(true);
    const QList<QPair<QString, QString>> languages{{QStringLiteral("en"), QStringLiteral("English")},
                                                   {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
    for (const auto &[locale, name] : languages) {
        QAction *action = language->addAction(name);
        action->setCheckable(true);
        action->setData(locale);
        m_languages->addAction(action);
        connect(action, &QAction::triggered, this, [this, locale = locale] {
            if (locale != m_language)
                Q_EMIT languageRequested(locale);
        });
    }
    showLanguage(m_language);
}

void MainWindow::showLanguage(const QString &locale)
{
    m_language = locale;
    for (QAction *action : m_languages->actions())
        action->setChecked(action->data().toString() == locale);
}

QString MainWindow::checkedLanguage() const
{
    const QAction *checked = m_languages->checkedAction();
    return checked ? checked->data().toString() : QString();
}

void MainWindow::setQuitQuestion(QuitQuestion::Ask ask)
{
    m_askQuit = std::move(ask);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_state->isRunning() && !m_askQuit(this)) {
        qCInfo(lcUi) << "quit cancelled: requests keep running";
        event->ignore();
        return;
    }
    event->accept();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!std::exchange(m_shown, true))
        WindowPlacement::fitFrame(this);
}

void MainWindow::wireState()
{
    connect(m_state, &core::SessionState::experimentChanged, this, &MainWindow::showExperiment);
    connect(m_state, &core::SessionState::modelChanged, this, &MainWindow::showModel);
    connect(m_state, &core::SessionState::planChanged, this, &MainWindow::showPlan);
    connect(m_state, &core::SessionState::ready, this, [this] {
        m_toolBar->setSessionReady(true);
        m_streamBar->setSessionReady(true);
        showProgress();
    });
    connect(m_state, &core::SessionState::finished, this, [this](qint64 count) {
        showProgress();
        statusBar()->showMessage(tr("Done: the experiment's %n request(s) were sent", nullptr, int(count)), 10000);
    });
    connect(m_state, &core::SessionState::failed, this, &MainWindow::problem);
    connect(m_state, &core::SessionState::nodeStateChanged, m_cluster, &ClusterPanel::setState);
    connect(m_state, &core::SessionState::profileProgress, m_cluster, &ClusterPanel::setProgress);
    connect(m_state, &core::SessionState::busy, m_cluster, &ClusterPanel::setBusy);
    connect(m_state, &core::SessionState::speedsChanged, this, [this] { m_cluster->setSpeeds(m_state->speeds()); });
    connect(m_state, &core::SessionState::linkConfigured, m_links, &LinksPanel::setConfigured);
    connect(m_state, &core::SessionState::linkMeasured, m_links, &LinksPanel::setMeasured);
    connect(m_state, &core::SessionState::linkCompressed, m_links, &LinksPanel::setCompression);
    connect(m_state, &core::SessionState::streamChanged, this, &MainWindow::showStream);
    connect(m_state, &core::SessionState::depthsChanged, this, [this] { m_plots->setDepths(m_state->depths()); });
    connect(m_state, &core::SessionState::tileTimesChanged, this, [this] { m_tiles->setTileTimes(m_state->tileTimes()); });
    connect(m_state, &core::SessionState::requestAdded, this, [this](const core::RequestRecord &r) {
        m_plots->appendRequest(r);
        showStatus();
        showProgress();
    });
    connect(m_state, &core::SessionState::eventAdded, this, [this](const core::RunEvent &e) {
        m_plots->addEvent(e);
        m_log->addEvent(e);
    });
}

void MainWindow::wirePanels()
{
    connect(m_toolBar, &RunToolBar::runToggled, this, &MainWindow::setRunning);
    // Every choice of plan (a planner, tiles, dragged cuts, a grid) is one undo step that restores all of it.
    connect(m_toolBar, &RunToolBar::plannerChosen, this, [this](const QString &planner, bool tiles) {
        PlanChoice after = currentChoice();
        after.planner = planner;
        after.tiles = tiles;
        choose(after);
    });
    connect(m_toolBar, &RunToolBar::followChosen, m_plots, &LivePlotsPanel::setFollowSeconds);
    connect(m_streamBar, &StreamToolBar::streamChosen, m_session, &core::LiveSession::setStream);
    connect(m_streamBar, &StreamToolBar::objectiveChosen, m_session, &core::LiveSession::setObjective);
    m_graph->setDropHandler([this](int p, int q) {
        PlanChoice after = currentChoice();
        after.planner = QStringLiteral("manual");
        after.p = p;
        after.q = q;
        choose(after);
    });
    m_graph->setPredictor([this](int p, int q) {
        const core::CostModel *model = m_state->costModel();
        if (!model)
            return 0.0;
        const auto &plan = m_state->plan();
        const int rows = plan ? plan->result.plan.rows : 1;
        const int cols = plan ? plan->result.plan.cols : 1;
        core::Plan manual = core::ExperimentPlan::fitting(model->graph(), p, q, rows, cols).toPlan();
        return model->evaluateAsDeployed(&manual).total; // as the controller will deploy and predict it
    });
    connect(m_tiles, &TileGridPanel::gridRequested, this, [this](int rows, int cols) {
        if (!m_state->plan())
            return;
        PlanChoice after = currentChoice();
        after.planner = QStringLiteral("manual");
        after.rows = rows;
        after.cols = cols;
        choose(after);
    });
    connect(m_tiles, &TileGridPanel::plannerGridRequested, this, [this] {
        PlanChoice after = currentChoice();
        if (after.manual())
            after.planner = QStringLiteral("hpa");
        after.tiles = true;
        choose(after);
    });
    connect(m_links, &LinksPanel::linkChanged, m_session, &core::LiveSession::setLink);
    connect(m_cluster, &ClusterPanel::killRequested, m_session, &core::LiveSession::kill);
    connect(m_cluster, &ClusterPanel::restartRequested, m_session, &core::LiveSession::restart);
    connect(m_cluster, &ClusterPanel::slowdownRequested, m_session, &core::LiveSession::setSlowdown);
    connect(m_cluster, &ClusterPanel::addRequested, this, [this](const core::ExperimentNode &node) {
        changeNodes(core::ActionLabel::details(QStringLiteral("add_node"), core::ActionLabel::addNode(node.name, node.role)),
                    [&node](QJsonArray *nodes, QString *) {
            nodes->append(QJsonObject{{QStringLiteral("name"), node.name}, {QStringLiteral("role"), node.role},
                                      {QStringLiteral("address"), node.address}});
            return true;
        });
    });
    connect(m_cluster, &ClusterPanel::removeRequested, this, [this](const QString &name) {
        changeNodes(core::ActionLabel::details(QStringLiteral("remove_node"), core::ActionLabel::removeNode(name)),
                    [&name](QJsonArray *nodes, QString *) {
            for (int i = 0; i < nodes->size(); ++i)
                if (nodes->at(i).toObject().value(QStringLiteral("name")).toString() == name)
                    nodes->removeAt(i--);
            return true;
        });
    });
}

void MainWindow::setRunning(bool running, double rateHz)
{
    m_toolBar->showRunning(running);
    m_state->setRunning(running);
    m_session->setRunning(running, rateHz);
    if (running && m_state->data().requests.isEmpty())
        m_statusLatency->setText(tr("Sending the first request…"));
}

PlanChoice MainWindow::currentChoice() const
{
    PlanChoice c;
    c.planner = m_toolBar->planner(); // the session's planner (showPlan follows it) or the operator's last choice
    c.tiles = m_toolBar->tiles();
    if (const auto &plan = m_state->plan()) {
        c.p = plan->result.plan.p;
        c.q = plan->result.plan.q;
        c.rows = plan->result.plan.tiled() ? plan->result.plan.rows : 1;
        c.cols = plan->result.plan.tiled() ? plan->result.plan.cols : 1;
    }
    return c;
}

void MainWindow::choose(const PlanChoice &after)
{
    const PlanChoice before = currentChoice();
    if (after == before || !m_state->hasModel())
        return;
    m_graph->undoStack()->push(new PlanChoiceCommand(before, after, [this](const PlanChoice &c) { applyChoice(c); }));
}

void MainWindow::applyChoice(const PlanChoice &c)
{
    const bool wasManual = currentChoice().manual();
    m_toolBar->showPlanner(c.planner, c.tiles); // the tiles setting is the planners': a manual plan keeps it
    if (!c.manual()) {
        m_session->usePlanner(c.planner, c.tiles);
        return;
    }
    const core::ExperimentPlan plan = core::ExperimentPlan::fitting(m_state->graph(), c.p, c.q, c.rows, c.cols);
    m_session->forcePlan(plan, tr("manual: cuts %1, %2").arg(c.p).arg(c.q));
    if (!wasManual)
        statusBar()->showMessage(tr("Your plan replaces the planner's: the planner is manual until you choose one "
                                    "(Ctrl+Z goes back)"),
                                 10000);
}

void MainWindow::changeNodes(const QJsonObject &cause, const std::function<bool(QJsonArray *, QString *)> &edit)
{
    changeExperiment(cause, [&edit](QJsonObject *json, QString *error) {
        QJsonArray nodes = json->value(QStringLiteral("nodes")).toArray();
        if (!edit(&nodes, error))
            return false;
        json->insert(QStringLiteral("nodes"), nodes);
        return true;
    });
}

void MainWindow::changeExperiment(const QJsonObject &cause, const std::function<bool(QJsonObject *, QString *)> &edit)
{
    const core::Experiment &current = m_state->experiment();
    QJsonObject json = current.toJson(current.baseDir);
    QString error;
    if (!edit(&json, &error))
        return problem(error);
    const auto changed = core::Experiment::parse(QJsonDocument(json).toJson(), current.source, current.baseDir, &error);
    if (!changed)
        return problem(error);
    openExperiment(*changed, cause);
}

void MainWindow::askModel()
{
    const core::Experiment &current = m_state->experiment();
    OpenModelDialog dialog(current.models.value(0), current.weights.file, current.weights.seed,
                           current.weights.ignoreExtra, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString model = dialog.model();
    const QJsonObject weights = dialog.weightsJson();
    changeExperiment({}, [&](QJsonObject *json, QString *) {
        json->remove(QStringLiteral("models"));
        json->remove(QStringLiteral("plan")); // a manual plan's cuts belong to the model it was made for
        json->insert(QStringLiteral("model"), model);
        json->insert(QStringLiteral("weights"), weights);
        return true;
    });
}

void MainWindow::openExperiment(const core::Experiment &experiment, const QJsonObject &cause)
{
    m_toolBar->showRunning(false);
    m_toolBar->setSessionReady(false);
    m_streamBar->setSessionReady(false);
    m_plots->clear();
    m_log->clear();
    m_state->reset(experiment);
    m_session->open(experiment, cause);
}

bool MainWindow::openFile(const QString &path)
{
    QString error;
    const auto experiment = core::Experiment::load(path, &error);
    if (!experiment) {
        problem(error);
        return false;
    }
    m_recent->remember(path);
    openExperiment(*experiment);
    return true;
}

bool MainWindow::saveExperiment(const QString &path, QString *error)
{
    QSaveFile file(path);
    const QByteArray json = QJsonDocument(m_state->experiment().toJson(QFileInfo(path).absolutePath())).toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    m_recent->remember(path);
    return true;
}

bool MainWindow::exportSession(const QString &dir, const ExportOptions &options, bool csv, QStringList *written,
                               QString *error)
{
    return SessionExporter::write(m_state->data(), dir, options, csv, written, error);
}

void MainWindow::showExperiment()
{
    const core::Experiment &e = m_state->experiment();
    setWindowTitle(tr("d3lab: %1").arg(e.name.isEmpty() ? tr("no experiment") : e.name));
    m_cluster->setNodes(e.nodes);
    m_links->setNodes(e.nodes);
    m_links->setLinks(m_state->links());
    m_toolBar->showPlanner(e.planners.value(0), e.tiles.value(0, true));
    m_toolBar->showRate(e.requests.rateHz);
    showStream();
    // An experiment of a few hundred requests is plotted whole, as its headless run draws it; an open-ended one
    // follows the last minute.
    const double follow = e.requests.count <= kWholeRunRequests ? 0 : 60;
    m_toolBar->showFollow(follow);
    m_plots->setFollowSeconds(follow);
    showProgress();
}

void MainWindow::showProgress()
{
    const qint64 sent = m_state->data().requests.size(); // a console session sends no oracle probes
    const qint64 count = m_state->experiment().requests.count;
    m_toolBar->showProgress(sent, count, m_state->isFinished());
    if (m_state->plan() && sent == 0 && !m_state->isRunning())
        m_statusLatency->setText(tr("Ready: press Run (F5) to send the experiment's %n request(s)", nullptr, int(count)));
}

void MainWindow::showModel()
{
    m_graph->setModel(m_state->graph());
    m_tiles->setModel(m_state->graph());
    m_cluster->setFingerprint(m_state->fingerprint());
    const core::Conditions &c = m_state->costModel()->conditions();
    m_graph->setLayerCosts(m_state->costs(), {c.deviceSpeed, c.edgeSpeeds.value(0, 1), c.cloudSpeed});
}

void MainWindow::showPlan()
{
    const auto &plan = m_state->plan();
    if (!plan)
        return;
    m_graph->setPlan(plan->result.plan);
    m_tiles->setPlan(plan->result.plan, plan->tileNodes, plan->edgeNode);
    if (plan->result.planner != m_toolBar->planner())
        m_toolBar->showPlanner(plan->result.planner, m_toolBar->tiles());
    showStatus();
}

void MainWindow::showStatus()
{
    const auto &requests = m_state->data().requests;
    if (const auto &plan = m_state->plan()) {
        // The prediction the plots show: the last request's on this plan (made under the estimates it was sent
        // with), else the plan's own when it took effect.
        double predicted = plan->result.cost.total;
        for (auto r = requests.crbegin(); r != requests.crend() && r->planId >= plan->planId; ++r)
            if (r->planId == plan->planId && r->completed && !r->probe) {
                predicted = r->predictedMs;
                break;
            }
        m_statusPlan->setText(tr("%1: %2, predicted %3 ms")
                                  .arg(plan->result.planner, plan->result.plan.describe())
                                  .arg(predicted, 0, 'f', 1));
    }
    // The latest completed request's latency (a stream's latest may be a drop).
    const auto last = std::find_if(requests.crbegin(), requests.crend(), [](const core::RequestRecord &r) {
        return r.completed && !r.probe;
    });
    if (last == requests.crend())
        return;
    QString text = tr("%n request(s), last %1 ms", nullptr, int(requests.size())).arg(last->endToEndMs, 0, 'f', 1);
    if (m_state->stream().enabled)
        text += tr(", %1 req/s").arg(m_plots->queueDepths()->throughput(), 0, 'f', 1);
    m_statusLatency->setText(text);
}

void MainWindow::showStream()
{
    m_streamBar->showStream(m_state->stream(), m_state->objective());
    m_toolBar->showStreaming(m_state->stream().enabled);
    m_plots->setStream(m_state->stream());
}

QString MainWindow::planStatus() const
{
    return m_statusPlan->text();
}

void MainWindow::problem(const QString &message)
{
    qCWarning(lcUi).noquote() << message;
    m_log->addProblem(message);
    statusBar()->showMessage(message, 10000);
}

void MainWindow::askOpen()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open experiment"), QString(),
                                                      tr("Experiments (*.json)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::askSave()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save experiment"), m_state->experiment().name + QStringLiteral(".json"),
                                                      tr("Experiments (*.json)"));
    QString error;
    if (!path.isEmpty() && !saveExperiment(path, &error))
        problem(error);
}

void MainWindow::askExport()
{
    QSettings settings;
    const QString folder = settings.value(kExportKey, QDir::current().filePath(QStringLiteral("exports"))).toString();
    ExportDialog dialog(ExportOptions(), folder, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    settings.setValue(kExportKey, dialog.folder());
    QStringList written;
    QString error;
    if (!exportSession(dialog.folder(), dialog.options(), dialog.csv(), &written, &error))
        return problem(error);
    statusBar()->showMessage(tr("Wrote %n file(s) into %1", nullptr, int(written.size())).arg(dialog.folder()), 10000);
}

void MainWindow::toggleRecording(bool on)
{
    QString error;
    if (!on) {
        if (!m_state->stopRecording(&error))
            problem(error);
        return;
    }
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Record the session into"));
    if (dir.isEmpty() || !m_state->startRecording(dir, &error)) {
        if (!error.isEmpty())
            problem(error);
        const QSignalBlocker block(m_record);
        m_record->setChecked(false);
        return;
    }
    statusBar()->showMessage(tr("Recording into %1 (d3ctl replay %1 redraws it)").arg(dir), 10000);
}

} // namespace d3::ui
