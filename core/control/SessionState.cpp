#include "SessionState.h"

#include "LiveSession.h"
#include "record/RunSummary.h"

namespace d3::core {

SessionState::SessionState(LiveSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    // Every signal passes listen(): between open() and the worker taking it up, what arrives is the last session's.
    listen(&SessionWorker::modelLoaded, [this](const ModelGraph &g, const LayerCosts &c, const QString &f) {
        onModelLoaded(g, c, f);
    });
    listen(&SessionWorker::ready, [this] { Q_EMIT ready(); });
    listen(&SessionWorker::finished, [this](qint64 count) {
        m_running = false;
        m_finished = true;
        Q_EMIT finished(count);
    });
    listen(&SessionWorker::failed, [this](const QString &message) { Q_EMIT failed(message); });
    listen(&SessionWorker::nodeStateChanged, [this](const QString &node, Controller::NodeState s) {
        m_states.insert(node, s);
        Q_EMIT nodeStateChanged(node, s);
    });
    listen(&SessionWorker::profileProgress,
           [this](const QString &node, int done, int layers) { Q_EMIT profileProgress(node, done, layers); });
    listen(&SessionWorker::busy, [this](const QStringList &nodes, bool busy) { Q_EMIT this->busy(nodes, busy); });
    listen(&SessionWorker::planChanged,
           [this](quint64 id, const PlanResult &plan, const QStringList &tiles, const QString &edge) {
        m_plan = PlanInEffect{id, plan, tiles, edge};
        Q_EMIT planChanged();
    });
    listen(&SessionWorker::requestDone, [this](const RequestRecord &r) {
        m_data.requests.append(r);
        if (m_recorder.isOpen())
            m_recorder.add(r);
        Q_EMIT requestAdded(r);
    });
    listen(&SessionWorker::event, [this](const RunEvent &e) {
        m_data.events.append(e);
        if (m_recorder.isOpen())
            m_recorder.add(e);
        Q_EMIT eventAdded(e);
    });
    listen(&SessionWorker::tileTimes, [this](const QVector<double> &ms) {
        m_tileTimes = ms;
        Q_EMIT tileTimesChanged();
    });
    listen(&SessionWorker::streamChanged,
           [this](const ExperimentStream &stream, const Objective &objective) { onStream(stream, objective); });
    listen(&SessionWorker::depthsChanged, [this](const StageDepths::Counts &counts) {
        m_depths = counts;
        Q_EMIT depthsChanged();
    });
    listen(&SessionWorker::estimatesChanged, [this](const CostModel &model) {
        m_costModel = model;
        Q_EMIT conditionsChanged();
    });
    listen(&SessionWorker::speedsChanged, [this](const QHash<QString, double> &speeds) {
        m_speeds = speeds;
        Q_EMIT speedsChanged();
    });
    listen(&SessionWorker::linkConfigured, [this](const DirectedLink &link) { onLink(link); });
    listen(&SessionWorker::linkMeasured, [this](const QString &from, const QString &to, double mbps) {
        m_measured.insert(from + QLatin1String("->") + to, mbps);
        Q_EMIT linkMeasured(from, to, mbps);
    });
    listen(&SessionWorker::linkCompressed,
           [this](const QString &from, const QString &to, const QString &codec, double ratio) {
               Q_EMIT linkCompressed(from, to, codec, ratio);
           });
}

void SessionState::reset(const Experiment &experiment)
{
    QString ignored;
    stopRecording(&ignored);
    m_experiment = experiment;
    m_graph = ModelGraph();
    m_costs = LayerCosts();
    m_costModel.reset();
    m_fingerprint.clear();
    m_plan.reset();
    m_states.clear();
    m_speeds.clear();
    m_links = experiment.expandLinks();
    m_measured.clear();
    m_tileTimes.clear();
    m_stream = experiment.stream;
    m_objective = Objective();
    m_objective.kind = experiment.objective;
    m_objective.rateHz = m_stream.enabled && m_stream.openLoop() ? m_stream.rateHz : 0;
    m_depths = {};
    m_data = RunData();
    m_running = false;
    m_finished = false;
    Q_EMIT experimentChanged();
}

void SessionState::onModelLoaded(const ModelGraph &graph, const LayerCosts &costs,
                                 const QString &fingerprint)
{
    m_graph = graph;
    m_costs = costs;
    m_fingerprint = fingerprint;
    m_costModel.emplace(m_graph, m_costs, Conditions());
    Q_EMIT modelChanged();
}

void SessionState::onLink(const DirectedLink &link)
{
    bool known = false;
    for (DirectedLink &l : m_links) {
        if (l.from == link.from && l.to == link.to) {
            l = link;
            known = true;
        }
    }
    if (!known)
        m_links.append(link);
    Q_EMIT linkConfigured(link);
}

void SessionState::onStream(const ExperimentStream &stream, const Objective &objective)
{
    m_stream = stream;
    m_objective = objective;
    // The experiment as it runs now, for a recording's experiment.json and summary and for File > Save: its stream
    // (which runs instead of requests.rate_hz) and, where the file can say it, the objective.
    m_experiment.stream = stream;
    if (stream.enabled)
        m_experiment.requests.rateHz = 0;
    const bool rated = stream.enabled && stream.openLoop() && objective.rateHz == stream.rateHz;
    if (objective.kind != Objective::Kind::LatencyUnderRate || rated)
        m_experiment.objective = objective.kind;
    Q_EMIT streamChanged();
}

void SessionState::replayInto(RunRecorder &recorder) const
{
    for (const RequestRecord &r : m_data.requests)
        recorder.add(r);
    for (const RunEvent &e : m_data.events)
        recorder.add(e);
}

QJsonObject SessionState::summary() const
{
    return RunSummary::make(m_experiment, m_data.requests, {});
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
    RunRecorder recorder;
    if (!recorder.open(dir, error))
        return false;
    replayInto(recorder);
    if (!recorder.error().isEmpty()) {
        *error = recorder.error();
        return false;
    }
    return recorder.writeSummary(summary(), error) && recorder.writeExperiment(m_experiment.toJson(dir), error);
}

} // namespace d3::core
