#include "ExperimentRunner.h"
#include "TimelinePlayer.h"

#include "BlockingClient.h"
#include "ControlLog.h"
#include "StreamDriver.h"
#include "record/RunSummary.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>

namespace d3::core {

QJsonObject ExperimentRunner::phaseDetails(const ExperimentPhase &phase, const ExperimentCondition &condition) const
{
    QJsonObject values;
    const QStringList axes = m_experiment.sweep.axisNames();
    for (int i = 0; i < axes.size(); ++i)
        values.insert(axes[i], condition.values.value(i));
    return {{QStringLiteral("model"), Experiment::modelName(phase.model)},
            {QStringLiteral("planner"), phase.planner},
            {QStringLiteral("tiles"), phase.tiles},
            {QStringLiteral("tiles_swept"), m_experiment.tiles.size() > 1},
            {QStringLiteral("repeat"), phase.repeat},
            {QStringLiteral("condition_index"), phase.condition},
            {QStringLiteral("axes"), QJsonArray::fromStringList(axes)},
            {QStringLiteral("condition"), values}};
}

ExperimentRunner::ExperimentRunner(Experiment experiment, QString program, QObject *parent)
    : QObject(parent)
    , m_experiment(std::move(experiment))
    , m_program(std::move(program))
{
    connect(&m_controller, &Controller::event, this, [this](const RunEvent &e) {
        RunEvent copy = e;
        copy.phase = m_phase;
        m_recorder.add(copy);
    });
}

bool ExperimentRunner::run(const QString &dir, QString *error)
{
    // The cluster first: a node that cannot be reached leaves nothing behind, not even an empty run folder.
    if (!m_controller.start(m_experiment, m_program, error))
        return false;
    if (!m_recorder.open(dir, error) || !m_recorder.writeExperiment(m_experiment.toJson(), error)) {
        m_controller.stop();
        return false;
    }
    bool ok = true;
    QString loaded;
    for (const ExperimentPhase &phase : m_experiment.phases()) {
        m_phase = phase.index;
        RunEvent start;
        start.tMs = m_controller.elapsedMs();
        start.phase = phase.index;
        start.kind = QStringLiteral("phase");
        const ExperimentCondition condition = m_experiment.condition(phase);
        start.label = QStringLiteral("%1 %2%3").arg(Experiment::modelName(phase.model), phase.planner,
                                                    phase.tiles ? QString() : QStringLiteral(" no tiles"));
        start.details = phaseDetails(phase, condition);
        m_recorder.add(start);
        if (!m_controller.resetToExperiment(condition, error)) {
            ok = false;
            break;
        }
        if (phase.model != loaded) {
            if (!m_controller.loadModel(phase.model, error)) {
                ok = false;
                break;
            }
            const QString mismatch = m_experiment.mismatch(m_controller.graph());
            if (!mismatch.isEmpty()) {
                *error = mismatch;
                ok = false;
                break;
            }
            loaded = phase.model;
        }
        if (!runPhase(phase, condition, error)) {
            ok = false;
            break;
        }
    }
    m_summary = RunSummary::make(m_experiment, m_records, m_adaptations);
    QString summaryError;
    if (!m_recorder.writeSummary(m_summary, &summaryError) && ok) {
        *error = summaryError;
        ok = false;
    }
    m_controller.stop();
    return ok;
}

bool ExperimentRunner::runPhase(const ExperimentPhase &phase, const ExperimentCondition &condition, QString *error)
{
    const bool manual = phase.planner == QLatin1String("manual");
    ExperimentStream stream = m_experiment.stream;
    if (condition.streamRateHz > 0)
        stream.rateHz = condition.streamRateHz;
    if (condition.streamInFlight > 0)
        stream.inFlight = condition.streamInFlight;
    Objective objective;
    objective.kind = condition.objective >= 0 ? Objective::Kind(condition.objective) : m_experiment.objective;
    objective.rateHz = stream.openLoop() ? stream.rateHz : 0;
    m_controller.setObjective(objective);
    if (manual ? !m_controller.forcePlan(m_experiment.plan.toPlan(), QStringLiteral("manual plan"), error)
               : !m_controller.usePlanner(phase.planner, phase.tiles, error))
        return false;
    const int count = m_experiment.requests.count;
    const QVector<ExperimentEvent> &timeline = m_experiment.timeline;
    TimelinePlayer player(m_experiment);
    player.start();
    QVector<Adaptation> open; // events of this phase, in firing order
    const double intervalMs = m_experiment.requests.rateHz > 0 ? 1000.0 / m_experiment.requests.rateHz : 0;
    QVector<QPair<int, int>> streamWindows; // a stream's events: (adaptation, window end), settled at its end
    auto closeLast = [&](int upTo) {
        if (open.isEmpty())
            return;
        Adaptation &a = open.last();
        if (stream.enabled) { // its requests are still in flight, and a stream is not interrupted by oracle probes
            streamWindows.append({int(m_adaptations.size()), upTo});
            m_adaptations.append(a);
            return;
        }
        settle(&a, a.atRequest, upTo);
        if (!manual && phase.planner != QLatin1String("oracle"))
            probeOracle(phase, &a);
        m_adaptations.append(a);
    };
    // Before request k: the timeline's events due, each opening the window its adaptation is measured over.
    auto fireDue = [&](int k, QString *why) {
        for (int i : player.due(k)) {
            const ExperimentEvent &e = timeline[i];
            closeLast(k);
            open.append(Adaptation());
            open.last().phase = phase.index;
            open.last().event = i;
            open.last().label = e.label.isEmpty() ? ExperimentEvent::actionKey(e.action) : e.label;
            open.last().atRequest = k;
            m_recorder.add(player.logLine(e, m_controller.elapsedMs(), m_phase, phase.tiles));
            if (!player.fire(m_controller, e, phase.tiles, why))
                return false;
        }
        return true;
    };
    auto record = [&](RequestRecord r, int k) {
        r.phase = phase.index;
        m_records.append(r);
        m_recorder.add(r);
        Q_EMIT progress(phase.index, m_experiment.phases().size(), k, count, r);
    };
    if (stream.enabled) {
        StreamDriver driver(m_controller, stream, count);
        driver.beforeSend = fireDue;
        int k = 0;
        connect(&driver, &StreamDriver::recorded, this, [&](const RequestRecord &r) { record(r, k++); });
        if (!driver.run(error))
            return false;
    }
    for (int k = 0; !stream.enabled && k < count; ++k) {
        if (!fireDue(k, error))
            return false;
        QElapsedTimer sent;
        sent.start();
        record(m_controller.runRequest(), k);
        if (intervalMs > 0) // paced: the next request starts one interval after this one did
            BlockingClient::waitUntil([&] { return sent.nsecsElapsed() / 1e6 >= intervalMs; }, int(intervalMs) + 1);
    }
    closeLast(count);
    for (const auto &[index, upTo] : std::as_const(streamWindows))
        settle(&m_adaptations[index], m_adaptations[index].atRequest, upTo);
    return true;
}

int ExperimentRunner::adaptedAt(const QVector<quint64> &planIds)
{
    for (int first = 0; first < planIds.size(); ++first) {
        const int end = std::min(int(planIds.size()), first + kPlanHolds);
        bool holds = true;
        for (int j = first + 1; j < end; ++j)
            holds = holds && planIds[j] == planIds[first];
        if (holds)
            return first; // found at the latest at the last request
    }
    return -1;
}

int ExperimentRunner::respondedAt(quint64 before, const QVector<quint64> &planIds)
{
    if (before == 0)
        return 0; // the phase starts with the event: its first plan is the answer
    for (int i = 0; i < planIds.size(); ++i) {
        if (planIds[i] != before)
            return i;
    }
    return 0; // the plan stayed
}

void ExperimentRunner::settle(Adaptation *a, int from, int to) const
{
    // The requests of this phase from the event up to the next one. The planner answered the event with its first
    // new plan; it settled at the first plan that holds: stays for kPlanHolds requests (or to the window's end).
    QVector<const RequestRecord *> requests;
    for (const RequestRecord &r : m_records)
        if (r.phase == a->phase && !r.probe)
            requests.append(&r);
    const QVector<const RequestRecord *> window = requests.mid(from, to - from);
    if (window.isEmpty())
        return;
    QVector<quint64> plans;
    for (const RequestRecord *r : window)
        plans << r->planId;
    const quint64 before = from > 0 && from <= requests.size() ? requests[from - 1]->planId : 0;
    a->requestsToAdapt = respondedAt(before, plans);
    a->requestsToSettle = adaptedAt(plans);
    QVector<double> ms;
    for (int i = a->requestsToAdapt; i < window.size(); ++i)
        if (window[i]->completed)
            ms << window[i]->endToEndMs;
    a->plannerMs = RunSummary::median(ms);
}

void ExperimentRunner::probeOracle(const ExperimentPhase &phase, Adaptation *a)
{
    const PlanResult oracle = m_controller.planWith(QStringLiteral("oracle"), phase.tiles);
    const Plan &mine = m_controller.current().plan;
    if (oracle.plan.samePlacement(mine)) {
        a->oracleMs = a->plannerMs; // the same plan: its requests are the oracle's measurement
        return;
    }
    QVector<double> ms;
    for (RequestRecord r : m_controller.runProbes(oracle, kOracleProbes)) {
        r.phase = phase.index;
        m_records.append(r);
        m_recorder.add(r);
        if (r.completed)
            ms << r.endToEndMs;
    }
    a->oracleMs = RunSummary::median(ms);
}

} // namespace d3::core
