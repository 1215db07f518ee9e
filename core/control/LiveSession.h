#pragma once

#include "SessionWorker.h"

#include <QObject>
#include <QThread>

namespace d3::core {

/// The console's handle on a live session: a SessionWorker in a thread of its own, so that no network or compute
/// work ever runs on the GUI thread. Commands are queued to the worker (carried out at request boundaries); the
/// worker's signals arrive here, queued, on the GUI thread. GUI thread.
class LiveSession : public QObject
{
    Q_OBJECT
public:
    /// program: the d3worker for local workers (empty: LocalCluster::findWorkerProgram()).
    explicit LiveSession(const QString &program = QString(), QObject *parent = nullptr);
    /// shutdown(), then ends the thread.
    ~LiveSession() override;

    /// Starts experiment's workers, loads its model, plans (see SessionWorker::open); any earlier session closes.
    /// cause: the operator's action that made the experiment (ActionLabel::details), recorded first; {} for none.
    void open(const Experiment &experiment, const QJsonObject &cause = {});
    /// Runs requests continuously (as the stream when one is on; else one at a time, rateHz > 0: that many a second,
    /// else closed loop) or pauses (see SessionWorker::setRunning).
    void setRunning(bool running, double rateHz = 0);
    /// Plans with a planner ("manual": keep the plan in effect by hand).
    void usePlanner(const QString &planner, bool tiles);
    /// Deploys the operator's plan.
    void forcePlan(const ExperimentPlan &plan, const QString &reason);
    /// Shapes a link named as in an experiment ("edge<->cloud", "edge1->cloud").
    void setLink(const ExperimentLink &link);
    /// Sends the requests as a stream (stream.enabled) or one at a time, from the next request boundary on.
    void setStream(const ExperimentStream &stream);
    /// Makes the planners optimise objective and plans anew with the planner in effect.
    void setObjective(const Objective &objective);
    /// Changes a worker's compute padding.
    void setSlowdown(const QString &node, double factor);
    /// Kills a local worker.
    void kill(const QString &node);
    /// Restarts a local worker.
    void restart(const QString &node);
    /// Closes the session: requests stop, local workers end; waits up to timeoutMs for the worker thread.
    /// True when it finished in time.
    bool shutdown(int timeoutMs = 30000);

    /// The worker (its signals are what the panels connect to; never call its methods from the GUI thread).
    const SessionWorker *worker() const { return m_worker; }
    /// True when what the worker says now belongs to the session opened last: false from open() until the worker
    /// takes it up, while results of the session before (a request that was in flight) may still arrive. Receivers
    /// drop what arrives while it is false (SessionState does).
    bool isCurrent() const { return m_taken == m_opened; }

private:
    /// Queues job to the worker (run at the next request boundary); endsSession: it closes the session (open, close).
    void post(std::function<void(SessionWorker *)> job, bool endsSession = false);

    QThread m_thread;
    SessionWorker *m_worker; // lives in m_thread, deleted when it finishes
    bool m_down = false;
    quint64 m_opened = 0; // sessions opened (the epoch of the last)
    quint64 m_taken = 0;  // the epoch the worker has taken up
};

} // namespace d3::core
