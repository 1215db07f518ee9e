#pragma once

#include "BlockingClient.h"
#include "ClusterClient.h"
#include "ConditionEstimator.h"
#include "protocol/Deployment.h"
#include "experiment/Experiment.h"
#include "LocalCluster.h"
#include "record/RequestRecord.h"
#include "record/RunEvent.h"
#include "plan/CostModel.h"
#include "plan/Objective.h"
#include "plan/Planner.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>

#include <memory>
#include <optional>

namespace d3::core {

/// The one controller both front ends drive (docs/ARCHITECTURE.md, The path of one request): it starts the experiment's
/// local workers and connects to every worker, loads the model everywhere (fingerprints must agree), collects profiles,
/// plans with the chosen planner (or takes a manual plan), sends requests and measures every stage and link of each. It
/// keeps running estimates of per-worker speeds and per-link rates (ConditionEstimator) and, when they drift past the
/// threshold, re-plans: HPA adjusts the current plan in part, the others plan afresh; a manual plan stays. A plan takes
/// effect at the next request boundary. When a worker is lost it re-plans over the survivors (no edge left: a
/// two-tier plan) and retries the request in flight once (the record counts the attempts); a worker that answers
/// again (a stall that ended, a restart at its address, restart()) is loaded again, its fingerprint checked, its
/// slowdown and links set as before, and planned in at the next request boundary, with a node_back event. Every
/// request ends as a completed or failed RequestRecord. The calls block, serving the event loop while they wait
/// (BlockingClient); lives in the thread that created it, which must outlive the local workers.
class Controller : public QObject
{
    Q_OBJECT
public:
    /// A worker's state as the controller sees it.
    enum class NodeState { Connecting, Loading, Profiling, Ready, Dead };

    explicit Controller(QObject *parent = nullptr);
    ~Controller() override;

    /// Starts the experiment's local workers (program: d3worker, empty = LocalCluster::findWorkerProgram()),
    /// connects to every worker and shapes the links; all or nothing, false with one line naming the node.
    bool start(const Experiment &experiment, const QString &program, QString *error);
    /// Stops the local workers and drops every connection.
    void stop();
    /// Loads a model (built-in name or file) on every worker alive, checks the fingerprints agree and profiles
    /// every worker (per the experiment); false with one line.
    bool loadModel(const QString &model, QString *error);
    /// Plans with planner (tiles: vertical separation allowed) under the current estimates and deploys it.
    bool usePlanner(const QString &planner, bool tiles, QString *error);
    /// Deploys a manual plan and keeps it until usePlanner(); reason shows in the event log.
    bool forcePlan(const Plan &plan, const QString &reason, QString *error);
    /// Sends one request (the device makes the synthetic input of the experiment's seed) on the plan in effect and
    /// waits for it, re-planning first when needed and retrying once after a failover.
    RequestRecord runRequest();
    /// What the operator or the timeline changed since the last request was sent, for its record (and forgotten).
    QString takeActions();

    /// The parts of runRequest, for the stream driver that keeps several requests in flight (StreamDriver): the
    /// deployment the next request goes on, after readmitting returning workers and re-planning where needed;
    /// nullptr with one line in *failure when none can be sent.
    std::shared_ptr<const Deployment> prepareRequest(QString *failure);
    /// The record of a request that completed on d, sent at startMs in its attempt; the estimates learn from it and
    /// the plan adapts (may deploy a new one), then measured() is emitted.
    RequestRecord finishRequest(const RequestResult &result, const Deployment &d, double startMs, int attempt);
    /// The record of a request that failed for good (a request_failed event).
    RequestRecord failedRequest(quint64 id, const Deployment *d, double startMs, int attempt, const QString &failure);
    /// True (with a request_failed event "retrying after failover") when a request on d that failed in its first
    /// attempt is to be sent once more: a worker of d was lost, and the next request goes on a plan over the survivors.
    bool retryAfterFailover(quint64 id, const Deployment *d, int attempt, const QString &failure);
    /// The wire (for sending requests without waiting: StreamDriver).
    ClusterClient &client() { return *m_client; }
    /// The experiment started.
    const Experiment &experiment() const { return m_experiment; }
    /// What the planners optimise from the next plan on (the console's and each phase's choice).
    void setObjective(const Objective &objective) { m_objective = objective; }
    /// What the planners optimise.
    const Objective &objective() const { return m_objective; }
    /// Notes what the operator or the timeline just changed ("timeline: backbone drops (edge<->cloud 5 Mbit/s,
    /// 20 ms)"): the next request's record carries it (RequestRecord::actions).
    void noteAction(const QString &text) { m_actions.append(text); }

    /// Measures another plan under the present conditions: deploys it, runs count requests on it (records marked
    /// probe), then puts the plan in effect back. Used to compare the planner's plan with the oracle's.
    QVector<RequestRecord> runProbes(const PlanResult &plan, int count);

    /// Back to the experiment's own state under a sweep's condition (docs/EXPERIMENTS.md, Sweeps): dead local
    /// workers restarted, slowdowns as in the nodes or the condition, links as configured and then as the condition
    /// reshapes them, the condition's edge nodes taking part, and the estimates fresh: speeds from the profile scaled
    /// by the slowdowns, links at their configured figures, nothing learnt from an earlier phase's traffic. A phase
    /// starts from there; false with one line when a worker does not come back.
    bool resetToExperiment(const ExperimentCondition &condition, QString *error);
    /// The edge nodes that take part: the first count of the experiment's (0 = all); the others stay connected
    /// and loaded but get no work. Takes effect at the next plan.
    void useEdgeNodes(int count);

    /// Shapes a directed link (a set_link event or the console's slider) by the experiment's shaper.
    void setLink(const DirectedLink &link);
    /// Changes a worker's compute padding.
    bool setSlowdown(const QString &node, double factor, QString *error);
    /// A worker's compute padding now: as started or set here, or as a remote worker reported it (1 if unknown).
    double slowdown(const QString &node) const { return m_slowdown.value(node, 1.0); }
    /// Kills a worker, as a crash would: a local one's process, a remote one by an Exit message (under a supervisor
    /// such as systemd's Restart=on-failure it comes back and is readmitted); true once the controller saw it lost.
    bool kill(const QString &node, QString *error);
    /// Restarts a worker, loads the model on it and uses it again: a local one is started again here; a remote one
    /// is asked to exit (if it runs) and waited for until its supervisor has started it again (up to 30 s).
    bool restart(const QString &node, QString *error);

    /// The model loaded.
    const ModelGraph &graph() const { return m_graph; }
    /// The fingerprint of the weights every worker loaded (empty before loadModel()).
    const QString &fingerprint() const { return m_fingerprint; }
    /// The planner in effect ("manual" after forcePlan).
    const QString &planner() const { return m_planner; }
    /// The plan in effect and its prediction under the conditions it was made for.
    const PlanResult &current() const { return m_current; }
    /// The deployment in effect (nullptr before the first plan).
    const Deployment *deployment() const { return m_deployment.get(); }
    /// A planner's plan under the current estimates (not deployed).
    PlanResult planWith(const QString &planner, bool tiles) const;
    /// The current estimates.
    const ConditionEstimator &estimator() const { return m_estimator; }
    /// The cost model under the current estimates (dead workers absent; tiles false: no vertical separation).
    /// Needs a model loaded.
    CostModel costModel(bool tiles) const;
    /// Every worker's state.
    const QHash<QString, NodeState> &nodes() const { return m_state; }
    /// The local workers (processes started for the experiment).
    const LocalCluster &cluster() const { return m_cluster; }
    /// Milliseconds since start().
    double elapsedMs() const { return m_clock.nsecsElapsed() / 1e6; }

Q_SIGNALS:
    /// Something for the event log: a plan change, a worker lost or back.
    void event(const d3::core::RunEvent &event);
    /// A worker's state changed.
    void nodeStateChanged(const QString &node, d3::core::Controller::NodeState state);
    /// Profiling progress of a worker.
    void profileProgress(const QString &node, int done, int layers);
    /// A directed link was shaped (the experiment's links at start and reset, a set_link event, the console).
    void linkShaped(const d3::core::DirectedLink &link);
    /// A request completed: its output and every hop's report (emitted after the estimates took it in, before
    /// runRequest returns).
    void measured(const d3::core::RequestResult &result);

private:
    void setState(const QString &node, NodeState state);
    void onNodeLost(const QString &node, const QString &reason);
    void onNodeReady(const QString &node);
    bool readmit(const QString &node, QString *error);
    void readmitReturning();
    bool deploy(const PlanResult &result, const QString &planner, const QString &reason, QString *error);
    bool replan(const QString &reason, QString *error);
    void adaptAfter(const RequestResult &result);
    RequestRecord sendRequest();
    void observe(const RequestResult &result);
    QStringList aliveEdges() const;
    void emitEvent(const QString &kind, const QString &label, const QJsonObject &details = {});
    void noteLink(const DirectedLink &link);

    Experiment m_experiment;
    LocalCluster m_cluster;
    std::unique_ptr<ClusterClient> m_client;
    std::unique_ptr<BlockingClient> m_calls;
    QSet<QString> m_returning; // lost workers that answer again, planned in at the next request boundary
    QHash<QString, DirectedLink> m_links; // every link's shaping as set now, by "from->to"
    QStringList m_actions; // noted since the last request, for its record
    QElapsedTimer m_clock;
    QHash<QString, NodeState> m_state;
    QHash<QString, double> m_slowdown; // the compute padding each worker has now
    QHash<QString, double> m_baseSlowdown; // the padding a phase starts from: the file's, or a remote worker's own
    QHash<QString, double> m_profiled; // each worker's speed at the slowdown it had when the model was profiled
    CodecCosts m_profiledCodecs; // the codecs on the cloud's activations, as profiled
    CodecCosts m_codecs;         // the same, ratios learnt from the traffic since
    QString m_codecSetting;      // the codecs transfers may use (CodecCosts::settings())
    int m_edgeCount = 0; // the first this many edge workers take part (0 = all)
    QString m_device;
    QStringList m_edges; // every edge worker, in experiment order
    QString m_cloud;
    LoadMessage m_load; // the Load message of the model in use (a worker that comes back gets the same)
    ModelGraph m_graph;
    std::optional<CostModel> m_costModel;
    QString m_fingerprint;
    ConditionEstimator m_estimator;
    QString m_planner;
    bool m_tiles = true;
    PlanResult m_current;
    Conditions m_planConditions;
    std::shared_ptr<const Deployment> m_deployment;
    quint64 m_nextPlanId = 1;
    Objective m_objective;
    bool m_needsReplan = false;
    QString m_replanReason;
};

} // namespace d3::core
