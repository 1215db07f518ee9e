#pragma once

#include <QObject>
#include <QPointer>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <functional>

namespace d3::worker {

/// The worker's one compute thread: jobs run there in the order given, each timed and padded to slowdown times
/// its measured time (docs/ARCHITECTURE.md, Local cluster), and each job's continuation runs back on the owner's
/// thread, so the event loop keeps answering control messages and heartbeats while torch computes.
class ComputeQueue : public QObject
{
    Q_OBJECT
public:
    /// Starts the thread; slowdown >= 1.
    explicit ComputeQueue(double slowdown, QObject *parent = nullptr);
    /// Finishes the running job and stops the thread (queued jobs are dropped).
    ~ComputeQueue() override;

    /// The padding factor.
    double slowdown() const { return m_slowdown.load(); }
    /// Jobs given and not yet finished (the one running included).
    int pending() const { return m_pending.load(); }
    /// Changes the padding factor (>= 1) for jobs that start from now on.
    void setSlowdown(double slowdown) { m_slowdown.store(std::max(1.0, slowdown)); }

    /// Runs job on the compute thread, then then(ms, measuredMs, queuedMs) on this object's thread: the job's time in
    /// ms, padded by the slowdown in effect when the job starts (when pad is true), the time it really took, and how
    /// long it waited behind earlier jobs before it started. The continuation (may be empty) is skipped if receiver
    /// is gone by then.
    void run(std::function<void()> job, QObject *receiver,
             std::function<void(double ms, double measuredMs, double queuedMs)> then, bool pad = true);

private:
    std::atomic<double> m_slowdown;
    std::atomic<int> m_pending{0};
    QElapsedTimer m_clock; // monotonic, read from both threads
    QThread m_thread;
    QObject *m_context = nullptr; // lives in m_thread
};

} // namespace d3::worker
