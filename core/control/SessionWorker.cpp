#include "SessionWorker.h"

#include "ActionLabel.h"
#include "ControlLog.h"
#include "ConditionEstimator.h"
#include "protocol/HopReport.h"
#include "StreamDriver.h"
#include "TimelinePlayer.h"

#include <QTimer>

#include <algorithm>
#include <climits>

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

void SessionWorker::enqueue(std::function<void()> job, bool endsSession)
{
    m_jobs.enqueue({std::move(job), endsSession});
    if (endsSession && m_driver) // the stream ends first: nothing of it outlives its controller
        m_driver->stop();
    if (!m_busy)
        drain();
}

void SessionWorker::drain()
{
    m_busy = true;
    runJobs(true);
    m_busy = false;
}

bool SessionWorker::runJobs(bool all)
{
    bool ran = false;
    while (!m_jobs.isEmpty() && (all || !m_jobs.head().endsSession)) {
        m_jobs.dequeue().run();
        ran = true;
    }
    if (ran && m_controller && m_controller->deployment()) // what the operator changed, predicted at once
        publishEstimates();
    return ran;
}

bool SessionWorker::endingQueued() const
{
    return std::any_of(m_jobs.cbegin(), m_jobs.cend(), [](const Job &j) { return j.endsSession; });
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
    m_stream = m_experiment.stream;
    m_objective = Objective();
    m_objective.kind = m_experiment.objective;
    m_objective.rateHz = m_stream.enabled && m_stream.openLoop() ? m_stream.rateHz : 0;
    c->setObjective(m_objective);
    Q_EMIT streamChanged(m_stream, m_objective);
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
    if (m_driver) { // a stream runs: a pause ends it at what has arrived; Continue goes on after it
        if (!m_running)
            m_driver->closeArrivals();
        return;
    }
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
    const bool stream = m_stream.enabled;
    if (stream)
        runStream();
    else
        runOne();
    m_busy = false;
    drain();
    const double intervalMs = !stream && m_rateHz > 0 ? 1000.0 / m_rateHz : 0;
    scheduleStep(std::max(0.0, intervalMs - sent.nsecsElapsed() / 1e6));
}

void SessionWorker::beforeRequest(qint64 k)
{
    runJobs(false);
    const bool tiles = m_experiment.tiles.value(0, true);
    for (int i : m_timeline->due(k)) {
        const ExperimentEvent &e = m_experiment.timeline[i];
        Q_EMIT event(m_timeline->logLine(e, m_controller->elapsedMs(), 0, tiles));
        QString error;
        guard(m_timeline->fire(*m_controller, e, tiles, &error), error);
    }
    m_requestIndex = k + 1;
}

void SessionWorker::runOne()
{
    beforeRequest(m_requestIndex);
    const QStringList participants = m_controller->deployment() ? m_controller->deployment()->participants()
                                                                : QStringList();
    markBusy(participants);
    const RequestRecord record = m_controller->runRequest();
    markBusy({});
    Q_EMIT requestDone(record);
    publishEstimates();
}

void SessionWorker::runStream()
{
    const qint64 base = m_requestIndex;
    StreamDriver driver(*m_controller, m_stream, int(std::min<qint64>(m_experiment.requests.count - base, INT_MAX)));
    driver.beforeSend = [this, base, &driver](int k, QString *error) {
        if (endingQueued()) { // the session closes: nothing more is sent
            *error = QStringLiteral("the session closes");
            return false;
        }
        beforeRequest(base + k);
        if (m_controller->deployment())
            markBusy(m_controller->deployment()->participants());
        if (!m_running) // paused by a command just run
            driver.closeArrivals();
        return true;
    };
    connect(&driver, &StreamDriver::recorded, this, [this](const RequestRecord &r) {
        Q_EMIT requestDone(r);
        if (m_estimatesClock.isValid() && m_estimatesClock.elapsed() < kStreamEstimatesMs)
            return;
        m_estimatesClock.start();
        publishEstimates();
    });
    QTimer depths; // the depths, coalesced: what the plots can show
    depths.setInterval(kDepthsMs);
    connect(&depths, &QTimer::timeout, this, [this, &driver] { publishDepths(driver.depths()); });
    depths.start();
    m_driver = &driver;
    QString error;
    const bool ok = driver.run(&error);
    m_driver = nullptr;
    depths.stop();
    m_requestIndex = base + driver.arrived();
    if (!ok && !endingQueued())
        guard(false, error);
    markBusy({});
    publishDepths({});
    m_estimatesClock.invalidate();
    publishEstimates();
}

void SessionWorker::markBusy(const QStringList &nodes)
{
    if (nodes == m_busyNodes)
        return;
    if (!m_busyNodes.isEmpty())
        Q_EMIT busy(m_busyNodes, false);
    m_busyNodes = nodes;
    if (!nodes.isEmpty())
        Q_EMIT busy(nodes, true);
}

void SessionWorker::publishDepths(const StageDepths::Counts &counts)
{
    if (counts == m_depths)
        return;
    m_depths = counts;
    Q_EMIT depthsChanged(counts);
}

bool SessionWorker::resolve(Objective *objective, QString *error) const
{
    if (objective->kind != Objective::Kind::LatencyUnderRate)
        objective->rateHz = 0;
    else if (objective->rateHz <= 0 && m_stream.enabled && m_stream.openLoop())
        objective->rateHz = m_stream.rateHz;
    if (objective->kind == Objective::Kind::LatencyUnderRate && !(objective->rateHz > 0)) {
        *error = QStringLiteral("objective latency_under_rate: no rate to keep up with (give one, or run an open-loop "
                                "stream)");
        return false;
    }
    return true;
}

void SessionWorker::replan()
{
    const QString planner = m_controller->planner();
    if (planner.isEmpty() || planner == QLatin1String("manual"))
        return; // the operator's plan stays
    QString error;
    guard(m_controller->usePlanner(planner, m_experiment.tiles.value(0, true), &error), error);
}

void SessionWorker::setStream(const ExperimentStream &stream)
{
    if (!m_controller)
        return;
    if (stream.enabled) {
        if (!guard(stream.inFlight >= 1 && stream.inFlight <= ExperimentStream::kMaxInFlight,
                   QStringLiteral("stream: in_flight must be 1..%1").arg(ExperimentStream::kMaxInFlight))
            || !guard(stream.queue >= 0 && stream.queue <= ExperimentStream::kMaxQueue,
                      QStringLiteral("stream: queue must be 0..%1").arg(ExperimentStream::kMaxQueue))
            || !guard(!stream.openLoop() || (stream.rateHz > 0 && stream.rateHz <= ExperimentStream::kMaxRateHz),
                      QStringLiteral("stream: %1 arrivals need a rate in (0, %2] requests/s")
                          .arg(ExperimentStream::arrivalNames().value(int(stream.arrivals)))
                          .arg(ExperimentStream::kMaxRateHz)))
            return;
    }
    operatorAction(QStringLiteral("stream"), ActionLabel::stream(stream));
    m_stream = stream;
    if (m_driver) {
        if (stream.enabled)
            m_driver->setStream(stream);
        else
            m_driver->closeArrivals(); // those left go one at a time after it
    }
    // Latency under the rate follows an open-loop stream's rate.
    if (m_objective.kind == Objective::Kind::LatencyUnderRate && stream.enabled && stream.openLoop()
        && stream.rateHz != m_objective.rateHz) {
        m_objective.rateHz = stream.rateHz;
        m_controller->setObjective(m_objective);
        replan();
    }
    Q_EMIT streamChanged(m_stream, m_objective);
}

void SessionWorker::setObjective(const Objective &objective)
{
    if (!m_controller)
        return;
    Objective o = objective;
    QString error;
    if (!guard(resolve(&o, &error), error))
        return;
    operatorAction(QStringLiteral("objective"), ActionLabel::objective(o));
    m_objective = o;
    m_controller->setObjective(o);
    replan();
    Q_EMIT streamChanged(m_stream, m_objective);
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
