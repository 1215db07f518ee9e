#include "ComputeQueue.h"

#include <QElapsedTimer>

#include "WorkerLog.h"

#include <cerrno>
#include <cstring>

#include <sys/resource.h>

namespace d3::worker {

ComputeQueue::ComputeQueue(double slowdown, QObject *parent)
    : QObject(parent)
    , m_slowdown(std::max(1.0, slowdown))
{
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("compute"));
    m_thread.start();
    // Computations yield to the event loop: when several workers share cores (a LocalCluster, the virtual lab), a
    // frame arriving or a result to send wakes the event loop at once rather than after other workers' computing
    // (docs/BENCHMARKS.md, ten workers). Alone on its cores the thread computes as fast as before.
    QMetaObject::invokeMethod(m_context, [] {
        errno = 0;
        const int nice = getpriority(PRIO_PROCESS, 0); // this thread's (Linux); -1 is a valid value
        if (errno == 0 && setpriority(PRIO_PROCESS, 0, std::min(19, nice + kComputeNice)) != 0)
            qCWarning(lcWorker) << "the compute thread keeps the event loop's priority:" << strerror(errno);
    });
}

ComputeQueue::~ComputeQueue()
{
    m_thread.quit();
    m_thread.wait();
}

void ComputeQueue::run(std::function<void()> job, QObject *receiver, std::function<void(double ms, double measuredMs)> then, bool pad)
{
    QPointer<QObject> target(receiver);
    QMetaObject::invokeMethod(m_context, [this, job = std::move(job), then = std::move(then), target, pad] {
        const double slowdown = pad ? m_slowdown.load() : 1.0;
        QElapsedTimer timer;
        timer.start();
        job();
        const double measured = timer.nsecsElapsed() / 1e6;
        if (slowdown > 1.0) // pad to slowdown x the measured time, here on the compute thread
            QThread::usleep((unsigned long)((slowdown - 1.0) * measured * 1000.0));
        const double ms = timer.nsecsElapsed() / 1e6;
        if (target && then)
            QMetaObject::invokeMethod(target, [then, ms, measured] { then(ms, measured); });
    });
}

} // namespace d3::worker
