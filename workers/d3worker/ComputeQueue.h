#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>

namespace d3::worker {

/// The worker's one compute thread: jobs run there in the order given, each timed and padded to slowdown times
/// its measured time (DESIGN.md section 5), and each job's continuation runs back on the owner's thread, so the
/// event loop keeps answering control messages and heartbeats while torch computes.
class ComputeQueue : public QObject
{
    Q_OBJECT
public:
    /// Starts the thread; slowdown >= 1.
    explicit ComputeQueue(double slowdown, QObject *parent = nullptr);
    /// Finishes the running job and stops the thread (queued jobs are dropped).
    ~ComputeQueue() override;

    /// The padding factor.
    double slowdown() const { return m_slowdown; }

    /// Runs job on the compute thread, then then(ms) on this object's thread with the job's time in ms (padded
    /// when pad is true). The continuation is skipped if receiver is gone by then.
    void run(std::function<void()> job, QObject *receiver, std::function<void(double ms)> then, bool pad = true);

private:
    double m_slowdown;
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread
};

} // namespace d3::worker
