#pragma once

#include "plan/Conditions.h"
#include "plan/LayerCosts.h"
#include "plan/Planner.h"
#include "Controller.h"
#include "experiment/DirectedLink.h"
#include "experiment/Experiment.h"
#include "experiment/ExperimentPlan.h"
#include "record/RequestRecord.h"
#include "record/RunEvent.h"
#include "TimelinePlayer.h"

#include <QObject>
#include <QQueue>

#include <functional>
#include <memory>

namespace d3::core {

/// The console's side of the controller, living in a thread of its own (LiveSession owns that thread): it owns a
/// Controller (and with it the local workers), runs the experiment's requests (its count, its timeline; the rate the
/// operator sets) while the operator lets it, pausing and continuing where it stopped, and carries out the
/// operator's commands at request boundaries, each an "operator" event and noted in the next request's record. The Controller's calls block while serving the
/// thread's event loop, so a command that arrives meanwhile is queued (enqueue) and run after the request: nothing
/// re-enters the controller. Everything it learns leaves as queued signals. Every method: the worker thread only.
class SessionWorker : public QObject
{
    Q_OBJECT
public:
    /// program: the d3worker to start local workers with (empty: LocalCluster::findWorkerProgram()).
    explicit SessionWorker(QString program, QObject *parent = nullptr);
    /// Stops the controller and its local workers.
    ~SessionWorker() override;

    /// Runs job now when idle, else after the call in progress (a request, a load) returns.
    void enqueue(std::function<void()> job);

    /// Starts experiment's workers, loads its first model everywhere, profiles and deploys its first planner's plan.
    /// Emits opened(epoch) first (everything after it belongs to this session), then modelLoaded and ready, or
    /// failed with one line.
    /// cause: ActionLabel::details of the operator's action that made this experiment (a node added or removed),
    /// recorded as its first event; empty for none.
    void open(const Experiment &experiment, quint64 epoch = 0, const QJsonObject &cause = {});
    /// Sends the experiment's requests (rateHz > 0: paced starts, else closed loop) from where they stopped, or
    /// pauses after the one in flight (the timeline's clock pauses too). After the experiment's count, stops and
    /// emits finished.
    void setRunning(bool running, double rateHz);
    /// Plans with planner (tiles: vertical separation allowed) and deploys the plan.
    void usePlanner(const QString &planner, bool tiles);
    /// Deploys a manual plan (the operator's cuts and grid).
    void forcePlan(const ExperimentPlan &plan, const QString &reason);
    /// Shapes a link as an experiment names it: a pair ("edge<->cloud"), one direction ("edge1->cloud") or a tier
    /// ("edge->cloud").
    void setLink(const ExperimentLink &link);
    /// Changes a worker's compute padding.
    void setSlowdown(const QString &node, double factor);
    /// Kills a local worker.
    void kill(const QString &node);
    /// Restarts a local worker and uses it again.
    void restart(const QString &node);
    /// Stops the requests, the controller and the local workers; emits closed.
    void close();

Q_SIGNALS:
    /// open() of session epoch began: what follows belongs to it.
    void opened(quint64 epoch);
    /// The model is loaded and profiled: its graph, per-layer costs at speed 1 and the weights' fingerprint.
    void modelLoaded(const d3::core::ModelGraph &graph, const d3::core::LayerCosts &costs, const QString &fingerprint);
    /// open() finished: the first plan is deployed and requests can run.
    void ready();
    /// A command failed (one line; the session stays as it was).
    void failed(const QString &message);
    /// A worker's state changed.
    void nodeStateChanged(const QString &node, d3::core::Controller::NodeState state);
    /// Profiling progress of a worker.
    void profileProgress(const QString &node, int done, int layers);
    /// A plan took effect: its id (as in RequestRecord::planId), the plan with its prediction, per tile the worker
    /// computing it, the stitching edge worker.
    void planChanged(quint64 planId, const d3::core::PlanResult &plan, const QStringList &tileNodes,
                     const QString &edgeNode);
    /// A request ended (completed or failed).
    void requestDone(const d3::core::RequestRecord &record);
    /// The tile phase of the last completed request: compute ms per tile (empty when untiled).
    void tileTimes(const QVector<double> &ms);
    /// The controller's cost model under its current estimates, the one it plans and predicts with (tiling allowed,
    /// its codec figures): whatever the console predicts comes from it.
    void estimatesChanged(const d3::core::CostModel &model);
    /// Every worker's estimated speed (relative to the reference profile).
    void speedsChanged(const QHash<QString, double> &speeds);
    /// The workers of the plan in effect are computing a request (true) or done with it (false).
    void busy(const QStringList &nodes, bool busy);
    /// A directed link's measured throughput (Mbit/s, from transfers of 64 KiB or more).
    void linkMeasured(const QString &from, const QString &to, double mbps);
    /// What a directed link's last transfer of a request was compressed to: its codec and wire bytes / raw bytes
    /// (1 and "none" when it travelled raw).
    void linkCompressed(const QString &from, const QString &to, const QString &codec, double ratio);
    /// A link's shaping changed (the experiment's links, the operator or a timeline event).
    void linkConfigured(const d3::core::DirectedLink &link);
    /// Something for the event log.
    void event(const d3::core::RunEvent &event);
    /// The experiment's requests were all sent (count of them); Run again needs the experiment opened anew.
    void finished(qint64 count);
    /// close() is done; the thread may end.
    void closed();

private:
    void drain();
    void step();
    void scheduleStep(double delayMs);
    void publishPlan();
    void publishMeasurements(const RequestResult &result);
    void publishEstimates();
    bool guard(bool ok, const QString &error);
    /// Records an operator's action (key as in ActionLabel::details, text its ActionLabel): an "operator" event
    /// and a note for the next request's record.
    void operatorAction(const QString &key, const QString &text);

    QString m_program;
    Experiment m_experiment;
    std::unique_ptr<Controller> m_controller;
    std::unique_ptr<TimelinePlayer> m_timeline;
    qint64 m_requestIndex = 0; // requests sent since open(): the timeline's clock
    QQueue<std::function<void()>> m_jobs;
    bool m_busy = false;
    bool m_running = false;
    bool m_stepPending = false;
    bool m_finished = false; // the experiment's count of requests was sent
    double m_rateHz = 0;
};

} // namespace d3::core
