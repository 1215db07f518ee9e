#pragma once

#include "plan/Conditions.h"
#include "plan/LayerCosts.h"
#include "plan/Planner.h"
#include "Controller.h"
#include "experiment/DirectedLink.h"
#include "experiment/Experiment.h"
#include "experiment/ExperimentPlan.h"
#include "experiment/ExperimentStream.h"
#include "plan/Objective.h"
#include "record/RequestRecord.h"
#include "record/RunEvent.h"
#include "StageDepths.h"
#include "TimelinePlayer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QQueue>

#include <functional>
#include <memory>

namespace d3::core {

class StreamDriver;

/// The console's side of the controller, living in a thread of its own (LiveSession owns that thread): it owns a
/// Controller (and with it the local workers), runs the experiment's requests (its count, its timeline; the rate the
/// operator sets) while the operator lets it, pausing and continuing where it stopped, and carries out the
/// operator's commands at request boundaries, each an "operator" event and noted in the next request's record. The
/// requests go one at a time or, with a stream (the experiment's or the operator's), through a StreamDriver with
/// several in flight; then the boundaries are the driver's beforeSend (before each request is first sent) and the
/// stream's end, and a pause ends the stream at the requests that have arrived (none dropped for it), Continue
/// starting a stream of those left. The Controller's calls block while serving the thread's event loop, so a command
/// that arrives meanwhile is queued (enqueue) and run at the next boundary: nothing re-enters the controller.
/// Everything it learns leaves as queued signals. Every method: the worker thread only.
class SessionWorker : public QObject
{
    Q_OBJECT
public:
    /// program: the d3worker to start local workers with (empty: LocalCluster::findWorkerProgram()).
    explicit SessionWorker(QString program, QObject *parent = nullptr);
    /// Stops the controller and its local workers.
    ~SessionWorker() override;

    /// Most often the live stage depths go out while a stream runs (ms; the plots redraw at this period).
    static constexpr int kDepthsMs = 33;
    /// Most often the estimates go out while a stream runs (ms).
    static constexpr int kStreamEstimatesMs = 100;

    /// Runs job now when idle, else at the next request boundary. endsSession: the job closes the session (open,
    /// close): a stream running ends first (what waits is dropped, what is in flight finishes), then it runs.
    void enqueue(std::function<void()> job, bool endsSession = false);

    /// Starts experiment's workers, loads its first model everywhere, profiles and deploys its first planner's plan.
    /// Emits opened(epoch) first (everything after it belongs to this session), then modelLoaded and ready, or
    /// failed with one line.
    /// cause: ActionLabel::details of the operator's action that made this experiment (a node added or removed),
    /// recorded as its first event; empty for none.
    void open(const Experiment &experiment, quint64 epoch = 0, const QJsonObject &cause = {});
    /// Sends the experiment's requests from where they stopped, as a stream when one is on, else one at a time
    /// (rateHz > 0: paced starts, else closed loop); or pauses: after the request in flight, or a stream's arrivals
    /// closed, those that arrived finishing (the timeline's clock pauses too). After the experiment's count, stops and
    /// emits finished.
    void setRunning(bool running, double rateHz);
    /// Sends the requests as a stream (stream.enabled; its arrivals, rate, in-flight bound, queue) or one at a time
    /// (not enabled); a stream running takes it from its next arrival on (or ends, the rest going one at a time). With
    /// the objective latency under the rate, an open-loop stream's rate becomes the objective's and the planner plans
    /// anew. An "operator" event; a stream that cannot be sent (no rate for fixed or Poisson arrivals, a bound out of
    /// 1..32) fails with one line.
    void setStream(const ExperimentStream &stream);
    /// Makes the planners optimise objective (latency under the rate without a rate: the stream's) and plans anew
    /// with the planner in effect (a manual plan stays). An "operator" event.
    void setObjective(const Objective &objective);
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
    /// A request ended (completed, failed, or dropped by a stream), in arrival order.
    void requestDone(const d3::core::RequestRecord &record);
    /// The stream in effect (enabled false: one request at a time) and what the planners optimise: after open() and
    /// every change.
    void streamChanged(const d3::core::ExperimentStream &stream, const d3::core::Objective &objective);
    /// Where a stream's requests are now (StageDepths::Place order), at most every kDepthsMs while it runs and
    /// only when they moved; all zero when it ends.
    void depthsChanged(const d3::core::StageDepths::Counts &counts);
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
    struct Job {
        std::function<void()> run;
        bool endsSession = false;
    };

    void drain();
    /// Runs the queued jobs up to the first that ends the session (all of them when all is true); true when one ran.
    bool runJobs(bool all);
    bool endingQueued() const;
    void step();
    /// One request, waited for.
    void runOne();
    /// The requests left as a stream, until it ends (paused, the count reached, the session closing).
    void runStream();
    /// Before request k (from open()) is first sent: the operator's commands, then the timeline's events due.
    void beforeRequest(qint64 k);
    void markBusy(const QStringList &nodes);
    void publishDepths(const StageDepths::Counts &counts);
    /// The objective with its rate (latency under the rate without one: the open-loop stream's); false with one line.
    bool resolve(Objective *objective, QString *error) const;
    /// Plans anew with the planner in effect (a manual plan stays).
    void replan();
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
    QQueue<Job> m_jobs;
    bool m_busy = false;
    ExperimentStream m_stream;   // how requests go now (not enabled: one at a time)
    Objective m_objective;       // what the planners optimise
    StreamDriver *m_driver = nullptr; // the stream running, during runStream()
    StageDepths::Counts m_depths{};   // the depths last published
    QStringList m_busyNodes;          // the workers said to be busy
    QElapsedTimer m_estimatesClock;   // since the estimates last went out during a stream
    bool m_running = false;
    bool m_stepPending = false;
    bool m_finished = false; // the experiment's count of requests was sent
    double m_rateHz = 0;
};

} // namespace d3::core
