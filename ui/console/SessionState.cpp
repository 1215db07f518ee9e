#include "SessionState.h"

#include "session/LiveSession.h"
#include "record/RunSummary.h"

namespace d3::ui {

SessionState::SessionState(LiveSession *session, QObject *parent)
    : QObject(parent)
{
    const SessionWorker *w = session->worker();
    connect(w, &SessionWorker::modelLoaded, this, &SessionState::onModelLoaded);
    connect(w, &SessionWorker::ready, this, &SessionState::ready);
    connect(w, &SessionWorker::failed, this, &SessionState::failed);
    connect(w, &SessionWorker::nodeStateChanged, this, [this](const QString &node, core::Controller::NodeState s) {
        m_states.insert(node, s);
        Q_EMIT nodeStateChanged(node, s);
    });
    connect(w, &SessionWorker::profileProgress, this, &SessionState::profileProgress);
    connect(w, &SessionWorker::busy, this, &SessionState::busy);
    connect(w, &SessionWorker::planChanged, this,
            [this](const core::PlanResult &plan, const QStringList &tiles, const QString &edge) {
                m_plan = PlanInEffect{plan, tiles, edge};
                Q_EMIT planChanged();
            });
    connect(w, &SessionWorker::requestDone, this, [this](const core::RequestRecord &r) {
        m_data.requests.append(r);
        if (m_recorder.isOpen())
            m_recorder.add(r);
        Q_EMIT requestAdded(r);
    });
    connect(w, &SessionWorker::event, this, [this](const core::RunEvent &e) {
        m_data.events.append(e);
        if (m_recorder.isOpen())
            m_recorder.add(e);
        Q_EMIT eventAdded(e);
    });
    connect(w, &SessionWorker::tileTimes, this, [this](const QVector<double> &ms) {
        m_tileTimes = ms;
        Q_EMIT tileTimesChanged();
    });
    connect(w, &SessionWorker::conditionsChanged, this, &SessionState::onConditions);
    connect(w, &SessionWorker::speedsChanged, this, [this](const QHash<QString, double> &speeds) {
        m_speeds = speeds;
        Q_EMIT speedsChanged();
    });
    connect(w, &SessionWorker::linkConfigured, this, &SessionState::onLink);
    connect(w, &SessionWorker::linkMeasured, this, [this](const QString &from, const QString &to, double mbps) {
        m_measured.insert(from + QLatin1String("->") + to, mbps);
        Q_EMIT linkMeasured(from, to, mbps);
    });
}

void SessionState::reset(const core::Experiment &experiment)
{
    QString ignored;
    stopRecording(&ignored);
    m_experiment = experiment;
    m_graph = core::ModelGraph();
    m_costs = core::LayerCosts();
    m_costModel.reset();
    m_fingerprint.clear();
    m_plan.reset();
    m_states.clear();
    m_speeds.clear();
    m_links = experiment.expandLinks();
    m_measured.clear();
    m_tileTimes.clear();
    m_data = core::RunData();
    m_running = false;
    Q_EMIT experimentChanged();
}

void SessionState::onModelLoaded(const core::ModelGraph &graph, const core::LayerCosts &costs,
                                 const QString &fingerprint)
{
    m_graph = graph;
    m_costs = costs;
    m_fingerprint = fingerprint;
    m_costModel.emplace(m_graph, m_costs, core::Conditions());
    Q_EMIT modelChanged();
}

void SessionState::onConditions(const core::Conditions &conditions)
{
    if (!m_costModel || !conditions.validate().isEmpty())
        return;
    m_costModel = m_costModel->withConditions(conditions);
    Q_EMIT conditionsChanged();
}

void SessionState::onLink(const core::DirectedLink &link)
{
    bool known = false;
    for (core::DirectedLink &l : m_links) {
        if (l.from == link.from && l.to == link.to) {
            l = link;
            known = true;
        }
    }
    if (!known)
        m_links.append(link);
    Q_EMIT linkConfigured(link);
}

void SessionState::replayInto(core::RunRecorder &recorder) const
{
    for (const core::RequestRecord &r : m_data.requests)
        recorder.add(r);
    for (const core::RunEvent &e : m_data.events)
        recorder.add(e);
}

QJsonObject SessionState::summary() const
{
    return core::RunSummary::make(m_experiment, m_data.requests, {});
}

bool SessionState::startRecording(const QString &dir, QString *error)
{
    if (!m_recorder.open(dir, error))
        return false;
    replayInto(m_recorder);
    return m_recorder.writeExperiment(m_experiment.toJson(dir), error);
}

bool SessionState::stopRecording(QString *error)
{
    if (!m_recorder.isOpen())
        return true;
    const bool ok = m_recorder.writeSummary(summary(), error);
    m_recorder.close();
    return ok;
}

bool SessionState::saveRun(const QString &dir, QString *error) const
{
    core::RunRecorder recorder;
    if (!recorder.open(dir, error))
        return false;
    replayInto(recorder);
    if (!recorder.error().isEmpty()) {
        *error = recorder.error();
        return false;
    }
    return recorder.writeSummary(summary(), error) && recorder.writeExperiment(m_experiment.toJson(dir), error);
}

} // namespace d3::ui
