#include "LiveSession.h"

#include <QEventLoop>
#include <QTimer>

namespace d3::core {

LiveSession::LiveSession(const QString &program, QObject *parent)
    : QObject(parent)
    , m_worker(new SessionWorker(program))
{
    qRegisterMetaType<ModelGraph>();
    qRegisterMetaType<LayerCosts>();
    qRegisterMetaType<PlanResult>();
    qRegisterMetaType<RequestRecord>();
    qRegisterMetaType<RunEvent>();
    qRegisterMetaType<CostModel>();
    qRegisterMetaType<DirectedLink>();
    qRegisterMetaType<Controller::NodeState>();
    qRegisterMetaType<QHash<QString, double>>();
    qRegisterMetaType<ExperimentStream>();
    qRegisterMetaType<Objective>();
    qRegisterMetaType<StageDepths::Counts>("d3::core::StageDepths::Counts");
    m_thread.setObjectName(QStringLiteral("d3lab session"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &SessionWorker::opened, this, [this](quint64 epoch) { m_taken = epoch; });
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

LiveSession::~LiveSession()
{
    shutdown();
    m_thread.quit();
    m_thread.wait();
}

void LiveSession::post(std::function<void(SessionWorker *)> job, bool endsSession)
{
    SessionWorker *w = m_worker;
    QMetaObject::invokeMethod(
        w, [w, endsSession, job = std::move(job)] { w->enqueue([w, job] { job(w); }, endsSession); },
        Qt::QueuedConnection);
}

void LiveSession::open(const Experiment &experiment, const QJsonObject &cause)
{
    m_down = false;
    const quint64 epoch = ++m_opened;
    post([experiment, epoch, cause](SessionWorker *w) { w->open(experiment, epoch, cause); }, true);
}

void LiveSession::setRunning(bool running, double rateHz)
{
    // Not queued behind a request: a stop takes effect at the next boundary.
    SessionWorker *w = m_worker;
    QMetaObject::invokeMethod(w, [w, running, rateHz] { w->setRunning(running, rateHz); }, Qt::QueuedConnection);
}

void LiveSession::usePlanner(const QString &planner, bool tiles)
{
    post([planner, tiles](SessionWorker *w) { w->usePlanner(planner, tiles); });
}

void LiveSession::forcePlan(const ExperimentPlan &plan, const QString &reason)
{
    post([plan, reason](SessionWorker *w) { w->forcePlan(plan, reason); });
}

void LiveSession::setLink(const ExperimentLink &link)
{
    post([link](SessionWorker *w) { w->setLink(link); });
}

void LiveSession::setStream(const ExperimentStream &stream)
{
    post([stream](SessionWorker *w) { w->setStream(stream); });
}

void LiveSession::setObjective(const Objective &objective)
{
    post([objective](SessionWorker *w) { w->setObjective(objective); });
}

void LiveSession::setSlowdown(const QString &node, double factor)
{
    post([node, factor](SessionWorker *w) { w->setSlowdown(node, factor); });
}

void LiveSession::kill(const QString &node)
{
    post([node](SessionWorker *w) { w->kill(node); });
}

void LiveSession::restart(const QString &node)
{
    post([node](SessionWorker *w) { w->restart(node); });
}

bool LiveSession::shutdown(int timeoutMs)
{
    if (m_down || !m_thread.isRunning())
        return true;
    m_down = true;
    setRunning(false);
    QEventLoop loop;
    bool done = false;
    connect(m_worker, &SessionWorker::closed, &loop, [&] { // one queued call: sets done, then ends the wait
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    post([](SessionWorker *w) { w->close(); }, true);
    loop.exec();
    return done;
}

} // namespace d3::core
