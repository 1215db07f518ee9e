#include "ComputeQueue.h"

#include <QElapsedTimer>

namespace d3::worker {

ComputeQueue::ComputeQueue(double slowdown, QObject *parent)
    : QObject(parent)
    , m_slowdown(std::max(1.0, slowdown))
{
    m_clock.start();
    m_context = new QObject;
    m_context->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("compute"));
    m_thread.start();
}

ComputeQueue::~ComputeQueue()
{
    m_thread.quit();
    m_thread.wait();
}

void ComputeQueue::run(std::function<void()> job, QObject *receiver,
                       std::function<void(double ms, double measuredMs, double queuedMs)> then, bool pad)
{
    QPointer<QObject> target(receiver);
    const qint64 queuedAt = m_clock.nsecsElapsed();
    ++m_pending;
    QMetaObject::invokeMethod(m_context, [this, job = std::move(job), then = std::move(then), target, pad, queuedAt] {
        const double queued = (m_clock.nsecsElapsed() - queuedAt) / 1e6;
        const double slowdown = pad ? m_slowdown.load() : 1.0;
        QElapsedTimer timer;
        timer.start();
        job();
        const double measured = timer.nsecsElapsed() / 1e6;
        if (slowdown > 1.0) // pad to slowdown x the measured time, here on the compute thread
            QThread::usleep((unsigned long)((slowdown - 1.0) * measured * 1000.0));
        const double ms = timer.nsecsElapsed() / 1e6;
        --m_pending;
        if (target && then)
            QMetaObject::invokeMethod(target, [then, ms, measured, queued] { then(ms, measured, queued); });
    });
}

} // namespace d3::worker
