#pragma once

#include "PlanChoice.h"
#include "QuitQuestion.h"
#include "plots/ExportOptions.h"
#include "experiment/Experiment.h"

#include <QJsonObject>
#include <QMainWindow>

class QActionGroup;
class QLabel;

namespace d3::core {
class LiveSession;
class SessionState;
}

namespace d3::ui {

class ClusterPanel;
class EventLogPanel;
class LayerGraphPanel;
class LinksPanel;
class LivePlotsPanel;
class RecentFilesMenu;
class RunToolBar;
class StreamToolBar;
class TileGridPanel;

/// The console's main window (docs/ARCHITECTURE.md, The console). It only wires panels to the session: the cluster, the
/// layer graph with its partition handles, the tile grid, the links, the run and stream controls, the live plots (with
/// the queue depths and throughput) and the event log show
/// core::SessionState; what the operator does in them goes to core::LiveSession. Menus open and save experiments, export plots and
/// data, record the session as a run, and switch the language; the layout and recent files persist (QSettings). Built
/// anew when the language changes, from the same session and state. GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// A window on session and state (neither owned; both outlive it).
    MainWindow(core::LiveSession *session, core::SessionState *state, QWidget *parent = nullptr);
    /// Saves the layout.
    ~MainWindow() override;

    /// Opens experiment: the session restarts on it (its workers started, the model loaded and planned). cause: the
    /// operator's action that made it (core::ActionLabel::details; a node added or removed), its first event.
    void openExperiment(const core::Experiment &experiment, const QJsonObject &cause = {});
    /// Starts (rateHz: requests per second, 0 = closed loop) or stops the stream of requests, as the Run button does.
    void setRunning(bool running, double rateHz);
    /// Reads an experiment file and opens it; false with one line (also shown in the log).
    bool openFile(const QString &path);
    /// Writes the session's experiment to path; false with one line.
    bool saveExperiment(const QString &path, QString *error);
    /// Exports every figure and the data into dir; false with one line.
    bool exportSession(const QString &dir, const ExportOptions &options, bool csv, QStringList *written,
                       QString *error);

    /// The panels (for tests and screenshots).
    ClusterPanel *clusterPanel() const { return m_cluster; }
    /// The layer graph.
    LayerGraphPanel *graphPanel() const { return m_graph; }
    /// The tile grid.
    TileGridPanel *tilePanel() const { return m_tiles; }
    /// The links.
    LinksPanel *linksPanel() const { return m_links; }
    /// The plots.
    LivePlotsPanel *plotsPanel() const { return m_plots; }
    /// The run controls.
    RunToolBar *runToolBar() const { return m_toolBar; }
    /// The stream's controls.
    StreamToolBar *streamToolBar() const { return m_streamBar; }
    /// The status bar's plan and its prediction ("hpa: p=3 q=18, predicted 85.1 ms").
    QString planStatus() const;

    /// Checks the language in use ("en", "zh_CN") in View > Language.
    void showLanguage(const QString &locale);
    /// The language checked in View > Language.
    QString checkedLanguage() const;
    /// Replaces the question closing asks while requests run (QuitQuestion::ask by default; tests answer it).
    void setQuitQuestion(QuitQuestion::Ask ask);

protected:
    /// Closing while requests run asks first (QuitQuestion); the answer No keeps the window and the run.
    void closeEvent(QCloseEvent *event) override;
    /// The first show fits the window's frame onto its screen (WindowPlacement::fitFrame).
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    /// The operator picked a language ("en", "zh_CN").
    void languageRequested(const QString &locale);

private:
    void buildMenus();
    void buildDocks();
    /// Dock sizes as shares of the window's size (a first launch, or a remembered geometry that had to be fitted;
    /// otherwise the saved state's sizes win).
    void proportionDocks();
    void wireState();
    void wirePanels();
    void showExperiment();
    void showModel();
    void showPlan();
    void showStatus();
    /// The stream and objective in effect in the controls and the plots.
    void showStream();
    /// The run's progress in the toolbar, and the "press Run" hint before the first request.
    void showProgress();
    void problem(const QString &message);
    /// Edits the experiment's nodes and opens the result; cause as for openExperiment.
    void changeNodes(const QJsonObject &cause, const std::function<bool(QJsonArray *nodes, QString *why)> &edit);
    /// Edits the experiment's JSON and opens the result (one line in the status bar if it does not read).
    void changeExperiment(const QJsonObject &cause, const std::function<bool(QJsonObject *json, QString *why)> &edit);
    /// File > Open model…: another model and its weights for the experiment.
    void askModel();
    /// The operator's choice in effect: the planner and tiles shown, the cuts and grid of the plan in effect.
    PlanChoice currentChoice() const;
    /// Makes after the operator's choice, as one undo step (nothing when it is the choice in effect).
    void choose(const PlanChoice &after);
    /// Shows c in the toolbar and asks the session for it (a planner, or the manual cuts and grid).
    void applyChoice(const PlanChoice &c);
    void askOpen();
    void askSave();
    void askExport();
    void toggleRecording(bool on);

    core::LiveSession *m_session;
    core::SessionState *m_state;
    ClusterPanel *m_cluster;
    LayerGraphPanel *m_graph;
    TileGridPanel *m_tiles;
    LinksPanel *m_links;
    LivePlotsPanel *m_plots;
    EventLogPanel *m_log;
    RunToolBar *m_toolBar;
    StreamToolBar *m_streamBar;
    QLabel *m_statusPlan;
    QLabel *m_statusLatency;
    RecentFilesMenu *m_recent = nullptr;
    QAction *m_record = nullptr;
    QActionGroup *m_languages = nullptr;
    QString m_language = QStringLiteral("en");
    QuitQuestion::Ask m_askQuit = &QuitQuestion::ask;
    bool m_shown = false;
};

} // namespace d3::ui
