#pragma once

#include "plan/Conditions.h"
#include "plan/CostModel.h"
#include "plan/LayerCosts.h"
#include "plan/Planner.h"
#include "Controller.h"
#include "experiment/DirectedLink.h"
#include "experiment/Experiment.h"
#include "record/RunData.h"
#include "record/RunRecorder.h"
#include "LiveSession.h"

#include <QHash>
#include <QObject>

#include <optional>

namespace d3::core {


/// What the console knows of the live session, on the GUI thread: the experiment, the model and its costs, the
/// plan in effect, every worker's state and speed, the links, and every request and event so far (RunData). It
/// takes the session's queued signals, keeps the latest of each, forwards them as its own, and can record the
/// session live into a run directory that `d3ctl replay` redraws. Panels are filled from it, so a main window
/// built anew (another language) shows the same session. GUI thread.
class SessionState : public QObject
{
    Q_OBJECT
public:
    /// The plan in effect with the names of its workers.
    struct PlanInEffect {
        quint64 planId = 0;  ///< its id (RequestRecord::planId)
        PlanResult result;   ///< the plan and its prediction
        QStringList tileNodes;     ///< per tile, the worker computing it
        QString edgeNode;          ///< the edge worker running the untiled edge layers and stitching
    };

    /// Listens to session's worker.
    explicit SessionState(LiveSession *session, QObject *parent = nullptr);

    /// Forgets everything of the last session and takes experiment as the one being opened.
    void reset(const Experiment &experiment);

    /// The experiment of the session.
    const Experiment &experiment() const { return m_experiment; }
    /// The model (empty before it is loaded).
    const ModelGraph &graph() const { return m_graph; }
    /// True once the model is loaded and profiled.
    bool hasModel() const { return m_graph.layerCount() > 0; }
    /// Per-layer costs at speed 1.
    const LayerCosts &costs() const { return m_costs; }
    /// The controller's cost model under its latest estimates (nullptr before the model is loaded): every
    /// prediction the console shows comes from it.
    const CostModel *costModel() const { return m_costModel ? &*m_costModel : nullptr; }
    /// The weights' fingerprint.
    const QString &fingerprint() const { return m_fingerprint; }
    /// The plan in effect (nullopt before the first).
    const std::optional<PlanInEffect> &plan() const { return m_plan; }
    /// Every worker's state.
    const QHash<QString, Controller::NodeState> &nodeStates() const { return m_states; }
    /// Every worker's estimated speed.
    const QHash<QString, double> &speeds() const { return m_speeds; }
    /// Every directed link as configured now.
    const QVector<DirectedLink> &links() const { return m_links; }
    /// Measured throughput per "from->to" (Mbit/s).
    const QHash<QString, double> &measured() const { return m_measured; }
    /// The latest tile times (ms per tile).
    const QVector<double> &tileTimes() const { return m_tileTimes; }
    /// The stream in effect (enabled false: one request at a time).
    const ExperimentStream &stream() const { return m_stream; }
    /// What the planners optimise now.
    const Objective &objective() const { return m_objective; }
    /// Where the stream's requests are now (StageDepths::Place order; zero when none runs).
    const StageDepths::Counts &depths() const { return m_depths; }
    /// Whether the operator has requests running (kept here so that a window built anew shows it).
    void setRunning(bool running) { m_running = running; }
    /// True while requests run.
    bool isRunning() const { return m_running; }
    /// True once the experiment's requests were all sent (SessionWorker::finished).
    bool isFinished() const { return m_finished; }
    /// Every request and event of the session so far.
    const RunData &data() const { return m_data; }

    /// Starts recording the session into dir (what happened so far first, then live); false with one line.
    bool startRecording(const QString &dir, QString *error);
    /// Stops recording (the summary is written); false with one line.
    bool stopRecording(QString *error);
    /// The directory being recorded into ("" when not recording).
    QString recordingDir() const { return m_recorder.isOpen() ? m_recorder.dir() : QString(); }
    /// Writes the session so far as a run directory (requests.csv, events.jsonl, summary.json, experiment.json).
    bool saveRun(const QString &dir, QString *error) const;

Q_SIGNALS:
    /// A new experiment is being opened (everything was reset).
    void experimentChanged();
    /// The model is loaded.
    void modelChanged();
    /// The plan in effect changed.
    void planChanged();
    /// The estimates changed (costModel() follows them).
    void conditionsChanged();
    /// A worker's state changed.
    void nodeStateChanged(const QString &node, d3::core::Controller::NodeState state);
    /// A worker's profiling progress.
    void profileProgress(const QString &node, int done, int layers);
    /// Workers busy with a request or done with it.
    void busy(const QStringList &nodes, bool busy);
    /// Speeds changed.
    void speedsChanged();
    /// A link's shaping changed.
    void linkConfigured(const d3::core::DirectedLink &link);
    /// A link's measured throughput changed.
    void linkMeasured(const QString &from, const QString &to, double mbps);
    /// A link's last transfer: its codec and wire bytes / raw bytes.
    void linkCompressed(const QString &from, const QString &to, const QString &codec, double ratio);
    /// New tile times.
    void tileTimesChanged();
    /// The stream or the objective changed (stream(), objective()).
    void streamChanged();
    /// The requests moved between places (depths()).
    void depthsChanged();
    /// A request ended.
    void requestAdded(const d3::core::RequestRecord &record);
    /// An event happened.
    void eventAdded(const d3::core::RunEvent &event);
    /// The session is ready to run requests.
    void ready();
    /// The experiment's requests were all sent (count).
    void finished(qint64 count);
    /// A command failed (one line).
    void failed(const QString &message);

private:
    /// Connects a signal of the session's worker to slot, dropping what arrives while the session is not current
    /// (LiveSession::isCurrent()).
    template<typename Signal, typename Slot>
    void listen(Signal signal, Slot slot)
    {
        connect(m_session->worker(), signal, this, [this, slot](const auto &...args) {
            if (m_session->isCurrent())
                slot(args...);
        });
    }
    void onModelLoaded(const ModelGraph &graph, const LayerCosts &costs, const QString &fingerprint);
    void onLink(const DirectedLink &link);
    void onStream(const ExperimentStream &stream, const Objective &objective);
    QJsonObject summary() const;
    void replayInto(RunRecorder &recorder) const;

    LiveSession *m_session;
    Experiment m_experiment;
    ModelGraph m_graph;
    LayerCosts m_costs;
    std::optional<CostModel> m_costModel;
    QString m_fingerprint;
    std::optional<PlanInEffect> m_plan;
    QHash<QString, Controller::NodeState> m_states;
    QHash<QString, double> m_speeds;
    QVector<DirectedLink> m_links;
    QHash<QString, double> m_measured;
    QVector<double> m_tileTimes;
    ExperimentStream m_stream;
    Objective m_objective;
    StageDepths::Counts m_depths{};
    RunData m_data;
    RunRecorder m_recorder;
    bool m_running = false;
    bool m_finished = false;
};

} // namespace d3::core
