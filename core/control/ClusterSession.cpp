#include "ClusterSession.h"

#include "util/EventWait.h"

#include <future>

namespace d3::core {

bool ClusterSession::waitUntil(const std::function<bool()> &done, int ms)
{
    return EventWait::until(done, ms);
}

ClusterSession::ClusterSession(const QVector<WorkerSpec> &specs, const QString &program)
{
    if (!program.isEmpty())
        m_cluster.setWorkerProgram(program);
    if (!m_cluster.start(specs, &m_error))
        return;
    m_client = std::make_unique<ClusterClient>(m_cluster.token());
    for (const WorkerSpec &s : specs)
        if (s.role == QLatin1String("edge"))
            m_edges.append(s.name);
    m_client->connectTo(m_cluster.endpoints());
    if (!waitUntil([&] { return m_client->readyNodes().size() == specs.size(); }, 20000))
        m_error = QStringLiteral("only %1 of %2 workers connected").arg(m_client->readyNodes().size()).arg(specs.size());
}

ClusterSession::~ClusterSession()
{
    m_client.reset();
    m_cluster.stop();
}

QVector<WorkerSpec> ClusterSession::fiveNodes()
{
    QVector<WorkerSpec> specs;
    specs.append({QStringLiteral("device"), QStringLiteral("device"), 1.0, 1, {}});
    for (int i = 1; i <= 3; ++i)
        specs.append({QStringLiteral("edge%1").arg(i), QStringLiteral("edge"), 1.0, 1, {}});
    specs.append({QStringLiteral("cloud"), QStringLiteral("cloud"), 1.0, 1, {}});
    return specs;
}

std::optional<QString> ClusterSession::loadEverywhere(const QString &model, quint64 seed, QString *why)
{
    QMap<QString, QString> fingerprints;
    QString failure;
    auto ok = QObject::connect(m_client.get(), &ClusterClient::loaded, [&](const QString &node, const QCborMap &h) {
        fingerprints.insert(node, h.value(QStringLiteral("fingerprint")).toString());
    });
    auto bad = QObject::connect(m_client.get(), &ClusterClient::loadFailed,
                                [&](const QString &node, const QString &m) { failure = node + QStringLiteral(": ") + m; });
    const QStringList nodes = m_client->readyNodes();
    for (const QString &node : nodes)
        m_client->load(node, {{QStringLiteral("model"), model}, {QStringLiteral("seed"), qint64(seed)}});
    waitUntil([&] { return fingerprints.size() == nodes.size() || !failure.isEmpty(); }, 120000);
    QObject::disconnect(ok);
    QObject::disconnect(bad);
    if (!failure.isEmpty() || fingerprints.size() != nodes.size()) {
        *why = failure.isEmpty() ? QStringLiteral("not every worker loaded %1").arg(model) : failure;
        return std::nullopt;
    }
    QStringList unique = fingerprints.values();
    unique.removeDuplicates();
    if (unique.size() != 1) {
        *why = QStringLiteral("fingerprints differ: %1").arg(unique.join(QLatin1Char(',')));
        return std::nullopt;
    }
    return unique.front();
}

std::optional<quint64> ClusterSession::deploy(const ModelGraph &graph, const Plan &plan, QString *why)
{
    const quint64 planId = m_nextPlan++;
    auto d = Deployment::make(graph, planId, plan, QStringLiteral("device"), m_edges, QStringLiteral("cloud"),
                                    m_client->addresses(), why);
    if (!d)
        return std::nullopt;
    bool ready = false;
    QString failure;
    auto ok = QObject::connect(m_client.get(), &ClusterClient::deployed, [&](quint64 id) { ready |= id == planId; });
    auto bad = QObject::connect(m_client.get(), &ClusterClient::deployFailed, [&](quint64 id, const QString &m) {
        if (id == planId)
            failure = m;
    });
    m_client->deploy(*d);
    waitUntil([&] { return ready || !failure.isEmpty(); }, 20000);
    QObject::disconnect(ok);
    QObject::disconnect(bad);
    if (!ready) {
        *why = failure.isEmpty() ? QStringLiteral("plan %1 not deployed in time").arg(planId) : failure;
        return std::nullopt;
    }
    return planId;
}

std::optional<RequestResult> ClusterSession::infer(quint64 planId, const HostTensor &input, QString *why,
                                                   int timeoutMs)
{
    return await([&] { return m_client->infer(planId, input); }, why, timeoutMs);
}

std::optional<RequestResult> ClusterSession::infer(quint64 planId, quint64 inputSeed, QString *why, int timeoutMs)
{
    return await([&] { return m_client->infer(planId, inputSeed); }, why, timeoutMs);
}

std::optional<RequestResult> ClusterSession::await(const std::function<quint64()> &send, QString *why, int timeoutMs)
{
    std::optional<RequestResult> result;
    QString failure;
    quint64 id = 0;
    auto ok = QObject::connect(m_client.get(), &ClusterClient::completed, [&](const RequestResult &r) {
        if (r.id == id)
            result = r;
    });
    auto bad = QObject::connect(m_client.get(), &ClusterClient::requestFailed, [&](quint64 rid, const QString &m) {
        if (rid == id)
            failure = m;
    });
    id = send();
    waitUntil([&] { return result.has_value() || !failure.isEmpty(); }, timeoutMs);
    QObject::disconnect(ok);
    QObject::disconnect(bad);
    if (!result)
        *why = failure.isEmpty() ? QStringLiteral("request %1 did not finish in time").arg(id) : failure;
    return result;
}

void ClusterSession::aside(const std::function<void()> &work)
{
    auto done = std::async(std::launch::async, work);
    waitUntil([&] { return done.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 600000);
    done.get();
}

} // namespace d3::core
