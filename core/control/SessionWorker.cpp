#include "SessionWorker.h"

#include "ActionLabel.h"
#include "ControlLog.h"
#include "ConditionEstimator.h"
#include "protocol/HopReport.h"
#include "TimelinePlayer.h"

#include <QTimer>

namespace d3::core {
namespace {

constexpr qint64 kMeasuredBytes = 64 * 1024; // transfers this large say something about a link's rate

} // namespace

SessionWorker::SessionWorker(QString program, QObject *parent)
    : QObject(parent)
    , m_program(std::move(program))
{
}

SessionWorker::~SessionWorker()
{
    if (m_controller)
        m_controller->stop();
}

void SessionWorker::enqueue(std::function<void()> job)
{
    m_jobs.enqueue(std::move(job));
    if (!m_busy)
        drain();
}

void SessionWorker::drain()
{
    m_busy = true;
    const bool commands = !m_jobs.isEmpty();
    while (!m_jobs.isEmpty())
        m_jobs.dequeue()();
    m_busy = false;
    if (commands && m_controller && m_controller->deployment()) // what the operator changed, predicted at once
        publishEstimates();
}

bool SessionWorker::guard(bool ok, const QString &error)
{
    if (!ok) {
        qCWarning(lcControl) << error;
        Q_EMIT failed(error);
    }
    return ok;
}

void SessionWorker::operatorAction(const QString &key, const QString &text)
{
    if (!m_controller)
        return;
    RunEvent e;
    e.tMs = m_controller->elapsedMs();
    e.kind = QStringLiteral("operator");
    e.label = text;
    e.details = ActionLabel::details(key, text);
    qCInfo(lcControl).noquote() << "operator:" << text;
    Q_EMIT event(e);
    m_controller->noteAction(QStringLiteral("operator: %1").arg(text));
}

void SessionWorker::open(const Experiment &experiment, quint64 epoch, const QJsonObject &cause)
{
    close();
    Q_EMIT opened(epoch);
    m_experiment = experiment;
    m_controller = std::make_unique<Controller>();
    m_timeline = std::make_unique<TimelinePlayer>(m_experiment);
    m_requestIndex = 0;
    m_finished = false;
    Controller *c = m_controller.get();
    connect(c, &Controller::nodeStateChanged, this, &SessionWorker::nodeStateChanged);
    connect(c, &Controller::profileProgress, this, &SessionWorker::profileProgress);
    connect(c, &Controller::measured, this, &SessionWorker::publishMeasurements);
    connect(c, &Controller::linkShaped, this, &SessionWorker::linkConfigured);
    connect(c, &Controller::event, this, [this](const RunEvent &e) {
        Q_EMIT event(e);
        if (e.kind == QLatin1String("plan"))
            publishPlan();
    });
    QString error;
    if (!guard(c->start(m_experiment, m_program, &error), error))
        return close();
    if (!cause.isEmpty()) // once the run's clock started: its first event
        operatorAction(cause.value(QStringLiteral("action")).toString(), cause.value(QStringLiteral("what")).toString());
    if (!guard(c->loadModel(m_experiment.models.value(0), &error), error))
        return close();
    Q_EMIT modelLoaded(c->graph(), c->costModel(true).costs(), c->fingerprint());
    const QString planner = m_experiment.planners.value(0);
    const bool ok = planner == QLatin1String("manual")
                        ? c->forcePlan(m_experiment.plan.toPlan(), QStringLiteral("manual plan"), &error)
                        : c->usePlanner(planner, m_experiment.tiles.value(0, true), &error);
    if (!guard(ok, error))
        return close();
    publishEstimates();
    Q_EMIT ready();
}

void SessionWorker::setRunning(bool running, double rateHz)
{
    m_running = running && m_controller && !m_finished;
    m_rateHz = rateHz;
    if (m_timeline && m_requestIndex > 0) // the timeline's clock runs while requests do (from the first one)
        m_timeline->setPaused(!m_running);
    if (m_running)
        scheduleStep(0);
}

void SessionWorker::scheduleStep(double delayMs)
{
    if (m_stepPending)
        return;
    m_stepPending = true;
    QTimer::singleShot(int(delayMs), this, [this] {
        m_stepPending = false;
        step();
    });
}

void SessionWorker::step()
{
    if (!m_running || !m_controller)
        return;
    if (m_busy) { // a command is in a blocking call: try again after it
        scheduleStep(5);
        return;
    }
    if (m_requestIndex >= m_experiment.requests.count) {
        m_running = false;
        m_finished = true;
        m_timeline->setPaused(true);
        Q_EMIT finished(m_requestIndex);
        return;
    }
    if (m_requestIndex == 0)
        m_timeline->start(); // at_s events count from the first request, as in a headless run's phase
    m_busy = true;
    QElapsedTimer sent;
    sent.start();
    const bool tiles = m_experiment.tiles.value(0, true);
    for (int i : m_timeline->due(m_requestIndex)) {
        const ExperimentEvent &e = m_experiment.timeline[i];
        Q_EMIT event(m_timeline->logLine(e, m_controller->elapsedMs(), 0, tiles));
        QString error;
        guard(m_timeline->fire(*m_controller, e, tiles, &error), error);
    }
    ++m_requestIndex;
    const QStringList participants = m_controller->deployment() ? m_controller->deployment()->participants()
                                                                : QStringList();
    Q_EMIT busy(participants, true);
    const RequestRecord record = m_controller->runRequest();
    Q_EMIT busy(participants, false);
    Q_EMIT requestDone(record);
    publishEstimates();
    m_busy = false;
    drain();
    const double intervalMs = m_rateHz > 0 ? 1000.0 / m_rateHz : 0;
    scheduleStep(std::max(0.0, intervalMs - sent.nsecsElapsed() / 1e6));
}

void SessionWorker::usePlanner(const QString &planner, bool tiles)
{
    if (!m_controller)
        return;
    operatorAction(QStringLiteral("planner"), ActionLabel::planner(planner, tiles));
    QString error;
    if (planner == QLatin1String("manual"))
        guard(m_controller->forcePlan(m_controller->current().plan, QStringLiteral("manual: the plan in effect"), &error),
              error);
    else
        guard(m_controller->usePlanner(planner, tiles, &error), error);
    m_experiment.tiles = {tiles};
}

void SessionWorker::forcePlan(const ExperimentPlan &plan, const QString &reason)
{
    if (!m_controller)
        return;
    QString error;
    const QString mismatch = plan.mismatch(m_controller->graph());
    if (!guard(mismatch.isEmpty(), mismatch))
        return;
    operatorAction(ExperimentEvent::actionKey(ExperimentEvent::Action::ForcePlan), ActionLabel::plan(plan));
    guard(m_controller->forcePlan(plan.toPlan(), reason, &error), error);
}

void SessionWorker::setLink(const ExperimentLink &link)
{
    if (!m_controller)
        return;
    const QVector<DirectedLink> directed = m_experiment.expandLink(link);
    if (!guard(!directed.isEmpty(), QStringLiteral("link '%1' joins no two nodes of the experiment").arg(link.name)))
        return;
    operatorAction(ExperimentEvent::actionKey(ExperimentEvent::Action::SetLink), ActionLabel::link(link));
    for (const DirectedLink &d : directed)
        m_controller->setLink(d);
}

void SessionWorker::setSlowdown(const QString &node, double factor)
{
    QString error;
    if (!m_controller)
        return;
    operatorAction(ExperimentEvent::actionKey(ExperimentEvent::Action::SetSlowdown), ActionLabel::slowdown(node, factor));
    guard(m_controller->setSlowdown(node, factor, &error), error);
}

void SessionWorker::kill(const QString &node)
{
    QString error;
    if (!m_controller)
        return;
    operatorAction(ExperimentEvent::actionKey(ExperimentEvent::Action::Kill), ActionLabel::kill(node));
    guard(m_controller->kill(node, &error), error);
}

void SessionWorker::restart(const QString &node)
{
    QString error;
    if (!m_controller)
        return;
    operatorAction(ExperimentEvent::actionKey(ExperimentEvent::Action::Restart), ActionLabel::restart(node));
    guard(m_controller->restart(node, &error), error);
}

void SessionWorker::close()
{
    m_running = false;
    if (m_controller) {
        m_controller->stop();
        m_controller.reset();
    }
    m_timeline.reset();
    Q_EMIT closed();
}

void SessionWorker::publishEstimates()
{
    Q_EMIT estimatesChanged(m_controller->costModel(true));
    QHash<QString, double> speeds;
    for (auto it = m_controller->nodes().begin(); it != m_controller->nodes().end(); ++it)
        speeds.insert(it.key(), m_controller->estimator().speed(it.key()));
    Q_EMIT speedsChanged(speeds);
}

void SessionWorker::publishPlan()
{
    const Deployment *d = m_controller->deployment();
    if (!d)
        return;
    QStringList tiles;
    for (int t = 0; t < d->plan().rows * d->plan().cols && d->plan().tiled(); ++t)
        tiles << d->tileNode(t);
    Q_EMIT planChanged(d->planId(), m_controller->current(), tiles, d->stitcher());
}

void SessionWorker::publishMeasurements(const RequestResult &result)
{
    QVector<double> tileMs;
    for (const HopReport &h : result.hops) {
        if (h.kind == HopReport::Kind::Compute && h.stage == StageKind::Tiles && h.tile >= 0) {
            if (tileMs.size() <= h.tile)
                tileMs.resize(h.tile + 1);
            tileMs[h.tile] = h.ms;
        }
    }
    Q_EMIT tileTimes(tileMs);
    QSet<QString> seen;
    for (const HopReport &h : result.hops) {
        const QString key = h.node + QLatin1String("->") + h.to;
        if (h.kind != HopReport::Kind::Transfer || h.bytes < kMeasuredBytes || seen.contains(key))
            continue;
        seen.insert(key);
        Q_EMIT linkMeasured(h.node, h.to, m_controller->estimator().rate(h.node, h.to));
    }
    for (const HopReport &h : result.hops)
        if (h.kind == HopReport::Kind::Transfer && h.rawBytes > 0)
            Q_EMIT linkCompressed(h.node, h.to, WireCodecs::name(h.codec), double(h.bytes) / double(h.rawBytes));
}

} // namespace d3::core
