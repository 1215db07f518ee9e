#include "ClusterSession.h"

namespace d3::core {

ClusterSession::ClusterSession(const QVector<WorkerSpec> &specs, const QString &program)
{
    if (!program.isEmpty())
        m_cluster.setWorkerProgram(program);
    if (!m_cluster.start(specs, &m_error))
        return;
    m_client = std::make_unique<ClusterClient>(m_cluster.token());
    m_calls = std::make_unique<BlockingClient>(*m_client);
    for (const WorkerSpec &s : specs)
        if (s.role == QLatin1String("edge"))
            m_edges.append(s.name);
    const QMap<QString, QString> failed = m_calls->connectAll(m_cluster.endpoints(), 20000);
    if (!failed.isEmpty())
        m_error = QStringLiteral("%1 of %2 workers did not connect (%3: %4)")
                      .arg(failed.size()).arg(specs.size()).arg(failed.firstKey(), failed.first());
}

ClusterSession::~ClusterSession()
{
    m_calls.reset();
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
    LoadMessage load;
    load.model = model;
    load.seed = seed;
    const auto loaded = m_calls->load(m_client->readyNodes(), load, 120000, why);
    if (!loaded)
        return std::nullopt;
    QStringList unique;
    for (const LoadedMessage &m : *loaded)
        unique << m.fingerprint;
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
    if (!d || !m_calls->deploy(*d, 20000, why))
        return std::nullopt;
    return planId;
}

std::optional<RequestResult> ClusterSession::infer(quint64 planId, const HostTensor &input, QString *why,
                                                   int timeoutMs)
{
    return m_calls->infer(planId, input, timeoutMs, why);
}

std::optional<RequestResult> ClusterSession::infer(quint64 planId, quint64 inputSeed, QString *why, int timeoutMs)
{
    return m_calls->infer(planId, inputSeed, timeoutMs, why);
}

} // namespace d3::core
