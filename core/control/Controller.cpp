#include "Controller.h"

#include "RecordBuilder.h"
#include "ControlLog.h"
#include "graph/ModelCatalog.h"
#include "net/PeerAuth.h"
#include "plan/HpaPlanner.h"

#include <QFile>
#include <QJsonArray>

namespace d3::core {
namespace {

constexpr int kConnectMs = 15000;
constexpr int kLoadMs = 300000;
constexpr int kRestartMs = 30000; // a remote worker's supervisor starts it again within this
constexpr double kAbsentSpeed = 1e-6; // a dead cloud or no edge: the planners keep work away from it

QJsonObject planJson(const PlanResult &r, quint64 planId)
{
    QJsonObject o = r.plan.toJson();
    o.insert(QStringLiteral("plan_id"), qint64(planId));
    o.insert(QStringLiteral("planner"), r.planner);
    o.insert(QStringLiteral("predicted_ms"), r.cost.total);
    o.insert(QStringLiteral("backbone_bytes"), double(r.cost.backboneBytes));
    o.insert(QStringLiteral("bottleneck"), r.cost.bottleneck);
    o.insert(QStringLiteral("bottleneck_ms"), r.cost.bottleneckMs);
    o.insert(QStringLiteral("predicted_rps"), r.cost.throughputRps);
    return o;
}

} // namespace

Controller::Controller(QObject *parent)
    : QObject(parent)
{
}

Controller::~Controller()
{
    stop();
}

void Controller::setState(const QString &node, NodeState state)
{
    if (m_state.value(node, NodeState::Connecting) == state && m_state.contains(node))
        return;
    m_state.insert(node, state);
    Q_EMIT nodeStateChanged(node, state);
}

void Controller::emitEvent(const QString &kind, const QString &label, const QJsonObject &details)
{
    RunEvent e;
    e.tMs = elapsedMs();
    e.kind = kind;
    e.label = label;
    e.details = details;
    qCInfo(lcControl) << kind << label;
    Q_EMIT event(e);
}

QStringList Controller::aliveEdges() const
{
    QStringList alive;
    const QStringList taking = m_edgeCount > 0 ? m_edges.mid(0, m_edgeCount) : m_edges;
    for (const QString &e : taking)
        if (m_state.value(e) != NodeState::Dead)
            alive.append(e);
    return alive;
}

bool Controller::start(const Experiment &experiment, const QString &program, QString *error)
{
    stop();
    m_experiment = experiment;
    m_estimator = ConditionEstimator(experiment.adapt.ewma);
    m_edgeCount = 0;
    m_profiled.clear();
    m_codecSetting = experiment.codecs;
    m_device = experiment.nodesOf(QStringLiteral("device")).value(0);
    m_edges = experiment.nodesOf(QStringLiteral("edge"));
    m_cloud = experiment.nodesOf(QStringLiteral("cloud")).value(0);
    QVector<WorkerEndpoint> endpoints;
    QByteArray token;
    const QVector<WorkerSpec> local = experiment.localWorkers();
    const bool remote = local.size() != experiment.nodes.size();
    if (remote) { // workers started elsewhere prove the token of $D3_TOKEN_FILE; local ones get it too
        const QString tokenFile = qEnvironmentVariable("D3_TOKEN_FILE");
        const auto read = tokenFile.isEmpty() ? std::nullopt : PeerAuth::readTokenFile(tokenFile, error);
        if (!read) {
            if (tokenFile.isEmpty())
                *error = QStringLiteral("%1: remote nodes need the cluster's token: set D3_TOKEN_FILE").arg(experiment.source);
            return false;
        }
        token = *read;
        m_cluster.setToken(token);
    }
    if (!local.isEmpty()) {
        if (!program.isEmpty())
            m_cluster.setWorkerProgram(program);
        if (!m_cluster.start(local, error))
            return false;
        endpoints = m_cluster.endpoints();
        token = m_cluster.token();
    }
    for (const ExperimentNode &n : experiment.nodes) {
        if (n.isLocal())
            continue;
        const int colon = n.address.lastIndexOf(QLatin1Char(':'));
        QString host = n.address.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        endpoints.append({n.name, n.role, host, quint16(n.address.mid(colon + 1).toUInt()), 0});
    }
    m_client = std::make_unique<ClusterClient>(token);
    m_calls = std::make_unique<BlockingClient>(*m_client);
    m_client->setRequestTimeout(experiment.requests.timeoutMs);
    for (const WorkerEndpoint &w : endpoints)
        setState(w.name, NodeState::Connecting);
    const QMap<QString, QString> failed = m_calls->connectAll(endpoints, kConnectMs);
    if (!failed.isEmpty()) {
        // Name a node that refused or failed first (its reason says so); else one that did not answer in time.
        const WorkerEndpoint *culprit = nullptr;
        for (const WorkerEndpoint &w : endpoints)
            if (failed.contains(w.name) && !failed.value(w.name).startsWith(QLatin1String("no answer")) && !culprit)
                culprit = &w;
        for (const WorkerEndpoint &w : endpoints)
            if (failed.contains(w.name) && !culprit)
                culprit = &w;
        *error = QStringLiteral("%1: node '%2' at %3:%4 is unreachable: %5")
                     .arg(experiment.source, culprit->name, culprit->host).arg(culprit->port)
                     .arg(failed.value(culprit->name));
        stop();
        return false;
    }
    connect(m_client.get(), &ClusterClient::nodeLost, this, &Controller::onNodeLost);
    connect(m_client.get(), &ClusterClient::nodeReady, this, &Controller::onNodeReady);
    connect(m_client.get(), &ClusterClient::profileProgress, this, &Controller::profileProgress);
    for (const WorkerEndpoint &w : endpoints)
        setState(w.name, NodeState::Ready);
    m_estimator.setNodes(m_device, m_edges, m_cloud);
    m_slowdown.clear();
    m_baseSlowdown.clear();
    for (const ExperimentNode &n : experiment.nodes) { // a remote worker's own padding stays unless the file sets one
        if (n.isLocal() || n.slowdownGiven)
            m_baseSlowdown.insert(n.name, n.slowdown);
        if (!n.isLocal() && n.slowdownGiven && !m_calls->setSlowdown(n.name, n.slowdown, kConnectMs, error)) {
            *error = QStringLiteral("%1: %2").arg(experiment.source, *error);
            stop();
            return false;
        }
    }
    m_slowdown = m_baseSlowdown;
    connect(m_client.get(), &ClusterClient::linkRefused, this,
            [this](const QString &, const QString &, const QString &message) {
                emitEvent(QStringLiteral("note"), QStringLiteral("link not shaped: %1").arg(message));
            });
    for (const DirectedLink &link : experiment.expandLinks()) {
        if (experiment.shaper == ShaperKind::Process) {
            setLink(link);
            continue;
        }
        // The kernel's shaping is confirmed before anything runs: a worker started without --kernel-shaping, or
        // one that predates it, stops the experiment here with its one line.
        QString why;
        if (!m_calls->setLink(link.from, link.to, {link.mbps, link.burstBytes, link.delayMs}, experiment.shaper,
                              kConnectMs, &why)) {
            *error = QStringLiteral("%1: \"shaper\": \"%2\": %3").arg(experiment.source, shaperName(experiment.shaper), why);
            stop();
            return false;
        }
        noteLink(link);
    }
    m_clock.start();
    return true;
}

void Controller::stop()
{
    if (m_client)
        m_client->disconnect(this);
    m_calls.reset();
    m_client.reset();
    m_returning.clear();
    m_links.clear();
    m_cluster.stop();
    m_deployment.reset();
    m_costModel.reset();
    m_state.clear();
}

bool Controller::loadModel(const QString &model, QString *error)
{
    GraphError graphError;
    const auto graph = ModelCatalog::resolve(model, &graphError);
    if (!graph) {
        *error = graphError.toString();
        return false;
    }
    LoadMessage load;
    load.seed = m_experiment.weights.seed;
    if (ModelCatalog::builtinNames().contains(model)) {
        load.model = model;
    } else {
        QFile file(model);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("%1: cannot read the model file (%2)").arg(model, file.errorString());
            return false;
        }
        load.modelJson = QString::fromUtf8(file.readAll());
    }
    const QStringList nodes = m_client->readyNodes();
    for (const QString &node : nodes)
        setState(node, NodeState::Loading);
    const auto loaded = m_calls->load(nodes, load, kLoadMs, error);
    if (!loaded)
        return false;
    QStringList distinct;
    QStringList each;
    for (auto it = loaded->begin(); it != loaded->end(); ++it) {
        if (!m_baseSlowdown.contains(it.key())) { // a remote worker at the padding it was started with
            m_baseSlowdown.insert(it.key(), it->slowdown);
            m_slowdown.insert(it.key(), it->slowdown);
        }
        distinct << it->fingerprint;
        each << it.key() + QLatin1Char(' ') + it->fingerprint;
    }
    distinct.removeDuplicates();
    if (distinct.size() != 1) {
        *error = QStringLiteral("the workers' weights differ (fingerprints %1)").arg(each.join(QStringLiteral(", ")));
        return false;
    }
    m_graph = *graph;
    m_load = load;
    m_fingerprint = distinct.front();
    LayerCosts costs = LayerCosts::fromFlops(m_graph);
    if (m_experiment.profile.enabled) {
        QHash<QString, double> totals;
        std::optional<Profile> reference;
        for (const QString &node : nodes) {
            setState(node, NodeState::Profiling);
            QString why;
            const std::optional<Profile> profile =
                m_calls->profile(node, m_experiment.profile.warmup, m_experiment.profile.runs, kLoadMs, &why);
            if (!profile) {
                *error = QStringLiteral("%1: profiling failed: %2").arg(node, why);
                return false;
            }
            double total = 0;
            for (double ms : profile->ms)
                total += ms;
            totals.insert(node, total);
            if (node == m_cloud)
                reference = profile;
        }
        if (reference) { // the cloud's profile is speed 1; every worker's speed is relative to it
            costs = LayerCosts::fromProfile(*reference);
            m_profiledCodecs = reference->codecs;
            for (auto it = totals.begin(); it != totals.end(); ++it)
                m_profiled.insert(it.key(), totals.value(m_cloud) / it.value() * m_slowdown.value(it.key(), 1.0));
        }
    } else {
        for (const QString &node : nodes)
            m_profiled.insert(node, 1.0);
    }
    if (!m_experiment.profile.enabled)
        m_profiledCodecs = CodecCosts(); // the codecs' ratios are measured at profiling: without it, nothing compresses
    m_codecs = m_profiledCodecs;
    m_estimator.forgetLearnt();
    for (const QString &node : nodes)
        m_estimator.setSpeed(node, m_profiled.value(node, 1.0) / m_slowdown.value(node, 1.0));
    for (const QString &node : nodes)
        setState(node, NodeState::Ready);
    m_costModel.emplace(m_graph, costs, m_estimator.conditions());
    emitEvent(QStringLiteral("note"), QStringLiteral("loaded %1").arg(m_graph.name()),
              {{QStringLiteral("fingerprint"), m_fingerprint}, {QStringLiteral("costs"), costs.source}});
    return true;
}

CostModel Controller::costModel(bool tiles) const
{
    Conditions c = m_estimator.conditions();
    if (aliveEdges().isEmpty())
        c.edgeSpeeds = {kAbsentSpeed};
    if (m_state.value(m_cloud) == NodeState::Dead)
        c.cloudSpeed = kAbsentSpeed;
    const CostModel m = m_costModel->withConditions(c)
                            .withCodecs(m_codecs.restrictedTo(m_codecSetting).value_or(m_codecs))
                            .withObjective(m_objective);
    return tiles ? m : m.withoutTiling();
}

PlanResult Controller::planWith(const QString &planner, bool tiles) const
{
    const CostModel m = costModel(tiles && aliveEdges().size() > 1);
    const QString name = aliveEdges().isEmpty() && (planner == QLatin1String("hpa") || planner == QLatin1String("oracle"))
                             ? QStringLiteral("neurosurgeon") // two tiers left: the best device | cloud cut
                             : planner;
    const auto p = Planner::create(name);
    PlanResult r = p ? p->run(m) : PlanResult{};
    r.planner = planner;
    return r;
}

bool Controller::deploy(const PlanResult &result, const QString &planner, const QString &reason, QString *error)
{
    const quint64 planId = m_nextPlanId++;
    auto d = Deployment::make(m_graph, planId, result.plan, m_device, aliveEdges(), m_cloud, m_client->addresses(), error);
    if (!d)
        return false;
    if (!m_calls->deploy(*d, kConnectMs, error)) {
        // Once more under a new id: a worker-to-worker handshake can be cut short by a flood of connections at a
        // worker that is itself fine.
        qCWarning(lcControl).noquote() << QStringLiteral("plan %1 not deployed (%2); once more").arg(planId).arg(*error);
        const quint64 again = m_nextPlanId++;
        d = Deployment::make(m_graph, again, result.plan, m_device, aliveEdges(), m_cloud, m_client->addresses(), error);
        if (!d || !m_calls->deploy(*d, kConnectMs, error))
            return false;
    }
    m_deployment = std::make_shared<const Deployment>(std::move(*d));
    m_current = result;
    m_current.planner = planner;
    m_planConditions = m_estimator.conditions();
    QJsonObject details = planJson(m_current, d->planId());
    details.insert(QStringLiteral("reason"), reason);
    details.insert(QStringLiteral("objective"), m_objective.label());
    details.insert(QStringLiteral("edges"), QJsonArray::fromStringList(aliveEdges()));
    details.insert(QStringLiteral("layers"), m_graph.layerCount());
    details.insert(QStringLiteral("tiers"), result.plan.tiers(m_graph.layerCount()));
    details.insert(QStringLiteral("short"), result.plan.shortLabel(m_graph.layerCount()));
    details.insert(QStringLiteral("probe"), reason == QLatin1String("probe"));
    emitEvent(QStringLiteral("plan"), QStringLiteral("%1: %2").arg(planner, result.plan.describe()), details);
    return true;
}

bool Controller::usePlanner(const QString &planner, bool tiles, QString *error)
{
    if (!m_costModel) {
        *error = QStringLiteral("no model loaded");
        return false;
    }
    if (!Planner::create(planner)) {
        *error = QStringLiteral("unknown planner '%1' (one of %2)").arg(planner, Planner::names().join(QStringLiteral(", ")));
        return false;
    }
    m_planner = planner;
    m_tiles = tiles;
    if (!deploy(planWith(planner, tiles), planner, QStringLiteral("planner %1%2").arg(planner, tiles ? QString() : QStringLiteral(" (no tiles)")), error))
        return false;
    m_needsReplan = false; // a fresh plan over the workers taking part answers whatever asked for one
    return true;
}

bool Controller::forcePlan(const Plan &plan, const QString &reason, QString *error)
{
    if (!m_costModel) {
        *error = QStringLiteral("no model loaded");
        return false;
    }
    PlanResult r;
    r.plan = plan; // a plan written by hand names no nodes: its tiles go to the edge nodes by speed, and its
    r.cost = costModel(true).evaluateAsDeployed(&r.plan); // transfers compress where that is faster
    if (!deploy(r, QStringLiteral("manual"), reason, error))
        return false;
    m_planner = QStringLiteral("manual");
    m_needsReplan = false;
    return true;
}

bool Controller::replan(const QString &reason, QString *error)
{
    QString planner = m_planner;
    if (planner == QLatin1String("manual")) { // a manual plan stays unless a worker it needs is gone
        bool intact = m_deployment != nullptr;
        for (const QString &n : m_deployment ? m_deployment->participants() : QStringList())
            intact &= m_state.value(n) != NodeState::Dead;
        if (intact && m_deployment->edges() == aliveEdges())
            return true;
        planner = QStringLiteral("hpa");
    }
    m_planner = planner;
    return deploy(planWith(planner, m_tiles), planner, reason, error);
}

void Controller::observe(const RequestResult &result)
{
    const Plan &plan = m_deployment ? m_deployment->plan() : Plan();
    const TilingEntry *entry = plan.tiled() ? m_costModel->tiling().find(plan.p, plan.stackEnd, plan.rows, plan.cols)
                                            : nullptr;
    for (const HopReport &h : result.hops) {
        if (h.kind == HopReport::Kind::Decode)
            continue; // decoding runs at the node's speed, which its computations teach
        if (h.kind == HopReport::Kind::Transfer) {
            // the link's part alone: neither encoding nor waiting behind other requests' frames
            m_estimator.observeTransfer(h.node, h.to, h.bytes, h.ms - h.encodeMs - h.queuedMs);
            m_codecs.learn(h.a, h.codec, h.rawBytes, h.bytes);
        } else if (h.tile < 0)
            m_estimator.observeCompute(h.node, m_costModel->rangeMs(h.a, h.b), h.ms);
        else if (entry && h.tile < entry->tileMs.size()) // how tiles run against the node's speed, not the speed
            m_estimator.observeTile(entry->tileMs[h.tile] / m_estimator.speed(h.node), h.ms);
    }
}

void Controller::adaptAfter(const RequestResult &result)
{
    observe(result);
    if (m_planner == QLatin1String("manual")) { // kept as it is, predicted under what was just learnt
        m_current.cost = costModel(true).evaluate(m_current.plan);
        return;
    }
    const Conditions now = m_estimator.conditions();
    const double drift = ConditionEstimator::drift(now, m_planConditions);
    if (drift <= m_experiment.adapt.threshold)
        return;
    m_planConditions = now; // judged under these; the next drift is measured from here
    QString error;
    const QString why = QStringLiteral("conditions drifted %1 %").arg(qRound(drift * 100));
    if (m_planner == QLatin1String("hpa") && !aliveEdges().isEmpty()) {
        HpaPlanner::Settings settings;
        settings.threshold = m_experiment.adapt.threshold;
        const CostModel m = costModel(m_tiles && aliveEdges().size() > 1);
        auto adjustment = HpaPlanner(settings).adjust(m, m_current.plan);
        PlanResult r;
        r.plan = adjustment.moved ? adjustment.plan : m_current.plan;
        r.cost = m.evaluateChoosingCodecs(&r.plan);
        if (!adjustment.moved && r.plan.codecs == m_current.plan.codecs) {
            m_current.cost = r.cost;
            return;
        }
        if (!adjustment.moved)
            adjustment.what = QStringLiteral("the same cuts, other codecs (%1)").arg(r.plan.describeCodecs());
        r.decisionUs = adjustment.decisionUs;
        if (!deploy(r, m_planner, QStringLiteral("%1: %2").arg(why, adjustment.what), &error))
            qCWarning(lcControl) << "re-partitioning failed:" << error;
        return;
    }
    const PlanResult fresh = planWith(m_planner, m_tiles);
    if (fresh.plan.samePlacement(m_current.plan)) {
        m_current.cost = fresh.cost;
        return;
    }
    if (!deploy(fresh, m_planner, why, &error))
        qCWarning(lcControl) << "re-planning failed:" << error;
}

RequestRecord Controller::runRequest()
{
    RequestRecord record = sendRequest();
    record.actions = takeActions();
    return record;
}

QString Controller::takeActions()
{
    const QString actions = m_actions.join(QStringLiteral("; "));
    m_actions.clear();
    return actions;
}

std::shared_ptr<const Deployment> Controller::prepareRequest(QString *failure)
{
    readmitReturning();
    QString error;
    if (m_needsReplan) {
        m_needsReplan = false;
        if (!replan(m_replanReason, &error)) {
            *failure = QStringLiteral("re-planning failed: %1").arg(error);
            return nullptr;
        }
    }
    if (!m_deployment)
        *failure = QStringLiteral("no plan deployed");
    else if (m_state.value(m_device) == NodeState::Dead)
        *failure = QStringLiteral("the device '%1' is dead").arg(m_device);
    else
        return m_deployment;
    return nullptr;
}

RequestRecord Controller::finishRequest(const RequestResult &result, const Deployment &d, double startMs, int attempt)
{
    RequestRecord rec = RecordBuilder::completed(result, d);
    rec.startMs = startMs;
    rec.arrivalMs = startMs;
    rec.inFlight = 1;
    rec.planner = m_current.planner;
    rec.predictedMs = m_current.cost.total;
    rec.predictedRps = m_current.cost.throughputRps;
    rec.attempts = attempt;
    adaptAfter(result);
    Q_EMIT measured(result);
    return rec;
}

RequestRecord Controller::failedRequest(quint64 id, const Deployment *d, double startMs, int attempt,
                                        const QString &failure)
{
    RequestRecord rec = RecordBuilder::failed(id, d ? d->planId() : 0, startMs, failure);
    rec.planner = m_current.planner;
    rec.plan = d ? d->plan().describe() : QString();
    rec.attempts = attempt;
    emitEvent(QStringLiteral("request_failed"), failure, {{QStringLiteral("request"), qint64(id)}});
    return rec;
}

bool Controller::retryAfterFailover(quint64 id, const Deployment *d, int attempt, const QString &failure)
{
    bool lost = false; // a worker was lost: re-plan over the survivors and try once more
    for (const QString &node : d ? d->participants() : QStringList())
        lost = lost || m_state.value(node) == NodeState::Dead;
    if (attempt != 1 || !(m_needsReplan || lost))
        return false;
    emitEvent(QStringLiteral("request_failed"), QStringLiteral("retrying after failover"),
              {{QStringLiteral("request"), qint64(id)}, {QStringLiteral("reason"), failure}});
    return true;
}

RequestRecord Controller::sendRequest()
{
    for (int attempt = 1;; ++attempt) {
        QString failure;
        const auto d = prepareRequest(&failure);
        if (!d)
            return RecordBuilder::failed(0, 0, elapsedMs(), failure);
        const double startMs = elapsedMs();
        quint64 id = 0;
        const std::optional<RequestResult> result = m_calls->infer(
            d->planId(), m_experiment.requests.inputSeed, m_experiment.requests.timeoutMs + 5000, &failure, &id);
        if (result)
            return finishRequest(*result, *d, startMs, attempt);
        if (retryAfterFailover(id, d.get(), attempt, failure))
            continue;
        return failedRequest(id, d.get(), startMs, attempt, failure);
    }
}

QVector<RequestRecord> Controller::runProbes(const PlanResult &plan, int count)
{
    QVector<RequestRecord> probes;
    const PlanResult kept = m_current;
    const QString planner = m_planner;
    const Conditions judged = m_planConditions;
    QString error;
    if (!deploy(plan, plan.planner, QStringLiteral("probe"), &error)) {
        qCWarning(lcControl) << "probe plan not deployed:" << error;
        return probes;
    }
    m_planner = QStringLiteral("manual"); // no re-planning while probing
    for (int i = 0; i < count; ++i) {
        RequestRecord r = runRequest();
        r.probe = true;
        r.planner = plan.planner;
        probes.append(r);
    }
    m_planner = planner;
    if (!deploy(kept, planner, QStringLiteral("after probe"), &error))
        qCWarning(lcControl) << "plan not restored after the probe:" << error;
    m_planConditions = judged;
    return probes;
}

void Controller::onNodeReady(const QString &node)
{
    if (m_state.value(node) == NodeState::Dead)
        m_returning.insert(node); // planned in at the next request boundary, not inside a call in progress
}

void Controller::readmitReturning()
{
    const QStringList returning(m_returning.begin(), m_returning.end());
    m_returning.clear();
    for (const QString &node : returning) {
        QString error;
        if (m_state.value(node) == NodeState::Dead && m_client->readyNodes().contains(node) && !readmit(node, &error)) {
            qCWarning(lcControl).noquote() << QStringLiteral("%1 answers again but is not used: %2").arg(node, error);
            emitEvent(QStringLiteral("note"), QStringLiteral("%1 answers again but is not used").arg(node),
                      {{QStringLiteral("reason"), error}});
        }
    }
}

bool Controller::readmit(const QString &node, QString *error)
{
    // Whatever it was doing while away (stalled, restarted), it is verified and set up as the controller knows it.
    setState(node, NodeState::Loading);
    const auto loaded = m_calls->load({node}, m_load, kLoadMs, error);
    if (!loaded || loaded->value(node).fingerprint != m_fingerprint) {
        if (loaded)
            *error = QStringLiteral("%1 came back with other weights (%2)").arg(node, loaded->value(node).fingerprint);
        setState(node, NodeState::Dead);
        return false;
    }
    const double slowdown = m_slowdown.value(node, 1.0);
    if (!m_calls->setSlowdown(node, slowdown, kConnectMs, error)) {
        setState(node, NodeState::Dead);
        return false;
    }
    for (const DirectedLink &link : std::as_const(m_links))
        if (link.from == node)
            m_client->setLink(link.from, link.to, {link.mbps, link.burstBytes, link.delayMs}, m_experiment.shaper);
    setState(node, NodeState::Ready);
    m_estimator.setNodes(m_device, aliveEdges(), m_cloud);
    emitEvent(QStringLiteral("node_back"), QStringLiteral("%1 back").arg(node),
              {{QStringLiteral("fingerprint"), m_fingerprint}});
    m_needsReplan = true;
    m_replanReason = QStringLiteral("%1 back").arg(node);
    return true;
}

void Controller::onNodeLost(const QString &node, const QString &reason)
{
    m_returning.remove(node);
    if (m_state.value(node) == NodeState::Dead)
        return;
    setState(node, NodeState::Dead);
    m_estimator.setNodes(m_device, aliveEdges(), m_cloud);
    emitEvent(QStringLiteral("node_lost"), QStringLiteral("%1 lost").arg(node), {{QStringLiteral("reason"), reason}});
    m_needsReplan = true;
    m_replanReason = QStringLiteral("failover: %1 lost").arg(node);
}

bool Controller::resetToExperiment(const ExperimentCondition &condition, QString *error)
{
    useEdgeNodes(condition.edgeNodes);
    for (const ExperimentNode &n : m_experiment.nodes) {
        if (n.isLocal() && m_state.value(n.name) == NodeState::Dead && !restart(n.name, error))
            return false;
        const double slowdown = condition.slowdowns.value(n.name, m_baseSlowdown.value(n.name, n.slowdown));
        if (m_state.value(n.name) != NodeState::Dead && m_slowdown.value(n.name, 1.0) != slowdown
            && !setSlowdown(n.name, slowdown, error))
            return false;
    }
    QVector<DirectedLink> links = m_experiment.expandLinks();
    for (const ExperimentLink &swept : condition.links)
        links += m_experiment.expandLink(swept); // after the file's: the condition's figures win
    for (const DirectedLink &link : std::as_const(links))
        setLink(link);
    // A phase plans afresh from the configured links and the profiled speeds under its slowdowns; of what earlier
    // requests taught, only how requests run against the profiles (each worker's learnt factor, the tiles' efficiency) stays.
    for (auto it = m_profiled.cbegin(); it != m_profiled.cend(); ++it)
        m_estimator.setOwnSpeed(it.key(), it.value() / m_slowdown.value(it.key(), 1.0));
    m_codecs = m_profiledCodecs; // ratios as profiled, not as the last phase's traffic taught them
    const QString codecs = condition.codecs.isEmpty() ? m_experiment.codecs : condition.codecs;
    if (codecs != m_codecSetting) {
        m_codecSetting = codecs;
        m_needsReplan = m_deployment != nullptr;
        m_replanReason = QStringLiteral("codecs: %1").arg(codecs);
    }
    for (const DirectedLink &link : std::as_const(m_links))
        m_estimator.configureLink(link.from, link.to, link.mbps, link.delayMs);
    return true;
}

void Controller::useEdgeNodes(int count)
{
    if (count == m_edgeCount)
        return;
    m_edgeCount = count;
    m_estimator.setNodes(m_device, aliveEdges(), m_cloud);
    m_needsReplan = m_deployment != nullptr;
    m_replanReason = QStringLiteral("%1 edge node(s) take part").arg(aliveEdges().size());
}

void Controller::setLink(const DirectedLink &link)
{
    if (m_client->setLink(link.from, link.to, {link.mbps, link.burstBytes, link.delayMs}, m_experiment.shaper))
        noteLink(link);
}

void Controller::noteLink(const DirectedLink &link)
{
    m_links.insert(link.from + QLatin1String("->") + link.to, link);
    Q_EMIT linkShaped(link);
    // A link that carries this plan's traffic is learnt from that traffic; one that carries none has nothing to
    // learn from, so there the configured figures stand (and so the planner sees a recovered link it avoids).
    bool carries = false;
    if (m_deployment)
        for (const Deployment::Transfer &t : m_deployment->transfers())
            carries |= t.from == link.from && t.to == link.to;
    if (carries)
        m_estimator.configureLink(link.from, link.to, m_estimator.rate(link.from, link.to), link.delayMs);
    else
        m_estimator.configureLink(link.from, link.to, link.mbps, link.delayMs);
}

bool Controller::setSlowdown(const QString &node, double factor, QString *error)
{
    if (!m_state.contains(node) || m_state.value(node) == NodeState::Dead) {
        *error = QStringLiteral("no live worker '%1'").arg(node);
        return false;
    }
    if (!m_calls->setSlowdown(node, factor, kConnectMs, error))
        return false;
    // As for links: a worker that computes for this plan is learnt from its reports, an idle one from the setting.
    const bool computes = m_deployment && m_deployment->participants().contains(node);
    if (!computes)
        m_estimator.setSpeed(node, m_estimator.speed(node) * m_slowdown.value(node, 1.0) / factor);
    m_slowdown.insert(node, factor);
    return true;
}

bool Controller::kill(const QString &node, QString *error)
{
    const ExperimentNode *n = m_experiment.node(node);
    if (!n || !m_state.contains(node)) {
        *error = QStringLiteral("no worker '%1'").arg(node);
        return false;
    }
    if (n->isLocal() ? !m_cluster.kill(node) : m_state.value(node) == NodeState::Dead) {
        *error = QStringLiteral("%1 is not running").arg(node);
        return false;
    }
    if (!n->isLocal())
        m_client->exitWorker(node, QStringLiteral("killed by its controller"));
    if (!BlockingClient::waitUntil([&] { return m_state.value(node) == NodeState::Dead; }, kConnectMs)) {
        *error = QStringLiteral("%1 was killed but its connection is still open").arg(node);
        return false;
    }
    return true;
}

bool Controller::restart(const QString &node, QString *error)
{
    const ExperimentNode *n = m_experiment.node(node);
    if (!n || !m_state.contains(node)) {
        *error = QStringLiteral("no worker '%1'").arg(node);
        return false;
    }
    if (n->isLocal()) {
        if (!m_cluster.restart(node, error))
            return false;
        const WorkerEndpoint *endpoint = m_cluster.endpoint(node);
        if (!endpoint) {
            *error = QStringLiteral("%1 restarted but has no address").arg(node);
            return false;
        }
        setState(node, NodeState::Connecting);
        const QMap<QString, QString> failed = m_calls->connectAll({*endpoint}, kConnectMs); // the others stay
        if (!failed.isEmpty()) {
            *error = QStringLiteral("%1 restarted but does not answer (%2)").arg(node, failed.first());
            setState(node, NodeState::Dead);
            return false;
        }
    } else { // its supervisor starts it again; the client reconnects to its address by itself
        if (m_state.value(node) != NodeState::Dead && !kill(node, error))
            return false;
        if (!BlockingClient::waitUntil([&] { return m_client->readyNodes().contains(node); }, kRestartMs)) {
            *error = QStringLiteral("%1 did not come back at %2 within %3 s (a remote worker is started again only "
                                    "by a supervisor, e.g. systemd's Restart=on-failure)")
                         .arg(node, n->address).arg(kRestartMs / 1000);
            return false;
        }
    }
    m_returning.remove(node);
    m_slowdown.insert(node, m_baseSlowdown.value(node, 1.0));
    for (const DirectedLink &link : m_experiment.expandLinks()) // a restart starts from the experiment's links
        if (link.from == node)
            m_links.insert(link.from + QLatin1String("->") + link.to, link);
    return readmit(node, error); // as any worker that comes back
}

} // namespace d3::core
