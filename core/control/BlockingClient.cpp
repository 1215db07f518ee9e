#include "BlockingClient.h"

#include "util/EventWait.h"

#include <future>

namespace d3::core {

bool BlockingClient::waitUntil(const std::function<bool()> &done, int ms)
{
    return EventWait::until(done, ms);
}

void BlockingClient::aside(const std::function<void()> &work)
{
    auto done = std::async(std::launch::async, work);
    waitUntil([&] { return done.wait_for(std::chrono::seconds(0)) == std::future_status::ready; }, 600000);
    done.get();
}

QMap<QString, QString> BlockingClient::connectAll(const QVector<WorkerEndpoint> &workers, int ms)
{
    QMap<QString, QString> lost;
    auto c = QObject::connect(&m_client, &ClusterClient::nodeLost,
                              [&](const QString &node, const QString &reason) { lost.insert(node, reason); });
    auto ready = [&] {
        for (const WorkerEndpoint &w : workers)
            if (!m_client.readyNodes().contains(w.name))
                return false;
        return true;
    };
    for (const WorkerEndpoint &w : workers) // the client's other workers stay as they are
        m_client.setWorker(w);
    waitUntil([&] { return ready() || !lost.isEmpty(); }, ms);
    QObject::disconnect(c);
    QMap<QString, QString> failures;
    for (const WorkerEndpoint &w : workers)
        if (!m_client.readyNodes().contains(w.name))
            failures.insert(w.name, lost.value(w.name, QStringLiteral("no answer in %1 s").arg(ms / 1000)));
    return failures;
}

std::optional<QMap<QString, LoadedMessage>> BlockingClient::load(const QStringList &nodes, const LoadMessage &message,
                                                                 int ms, QString *why)
{
    QMap<QString, LoadedMessage> loaded;
    QString failure;
    auto ok = QObject::connect(&m_client, &ClusterClient::loaded, [&](const QString &node, const LoadedMessage &m) {
        if (nodes.contains(node))
            loaded.insert(node, m);
    });
    auto bad = QObject::connect(&m_client, &ClusterClient::loadFailed, [&](const QString &node, const QString &m) {
        if (nodes.contains(node) && failure.isEmpty())
            failure = node + QStringLiteral(": ") + m;
    });
    for (const QString &node : nodes)
        m_client.load(node, message);
    waitUntil([&] { return loaded.size() == nodes.size() || !failure.isEmpty(); }, ms);
    QObject::disconnect(ok);
    QObject::disconnect(bad);
    if (loaded.size() == nodes.size())
        return loaded;
    if (failure.isEmpty()) {
        QStringList silent;
        for (const QString &node : nodes)
            if (!loaded.contains(node))
                silent << node;
        failure = QStringLiteral("%1: no answer to Load in %2 s").arg(silent.join(QStringLiteral(", "))).arg(ms / 1000);
    }
    *why = failure;
    return std::nullopt;
}

std::optional<Profile> BlockingClient::profile(const QString &node, int warmup, int runs, int ms, QString *why)
{
    std::optional<Profile> profile;
    QString failure;
    auto got = QObject::connect(&m_client, &ClusterClient::profiled, [&](const QString &n, const Profile &p) {
        if (n == node)
            profile = p;
    });
    auto bad = QObject::connect(&m_client, &ClusterClient::profileFailed, [&](const QString &n, const QString &m) {
        if (n == node)
            failure = m;
    });
    m_client.profile(node, warmup, runs);
    waitUntil([&] { return profile.has_value() || !failure.isEmpty(); }, ms);
    QObject::disconnect(got);
    QObject::disconnect(bad);
    if (!profile)
        *why = failure.isEmpty() ? QStringLiteral("no answer in %1 s").arg(ms / 1000) : failure;
    return profile;
}

bool BlockingClient::deploy(const Deployment &deployment, int ms, QString *why)
{
    const quint64 planId = deployment.planId();
    bool ready = false;
    QString failure;
    auto ok = QObject::connect(&m_client, &ClusterClient::deployed, [&](quint64 id) { ready |= id == planId; });
    auto bad = QObject::connect(&m_client, &ClusterClient::deployFailed, [&](quint64 id, const QString &m) {
        if (id == planId)
            failure = m;
    });
    m_client.deploy(deployment);
    waitUntil([&] { return ready || !failure.isEmpty(); }, ms);
    QObject::disconnect(ok);
    QObject::disconnect(bad);
    if (!ready)
        *why = failure.isEmpty() ? QStringLiteral("plan %1 was not deployed in time").arg(planId) : failure;
    return ready;
}

std::optional<RequestResult> BlockingClient::infer(quint64 planId, quint64 inputSeed, int ms, QString *why, quint64 *id)
{
    return await([&] { return m_client.infer(planId, inputSeed); }, ms, why, id);
}

std::optional<RequestResult> BlockingClient::infer(quint64 planId, const HostTensor &input, int ms, QString *why,
                                                   quint64 *id)
{
    return await([&] { return m_client.infer(planId, input); }, ms, why, id);
}

std::optional<RequestResult> BlockingClient::await(const std::function<quint64()> &send, int ms, QString *why,
                                                   quint64 *idOut)
{
    std::optional<RequestResult> result;
    QString failure;
    quint64 id = 0;
    auto ok = QObject::connect(&m_client, &ClusterClient::completed, [&](const RequestResult &r) {
        if (r.id == id)
            result = r;
    });
    auto bad = QObject::connect(&m_client, &ClusterClient::requestFailed, [&](quint64 rid, const QString &m) {
        if (rid == id)
            failure = m;
    });
    id = send();
    if (idOut)
        *idOut = id;
    waitUntil([&] { return result.has_value() || !failure.isEmpty(); }, ms);
    QObject::disconnect(ok);
    QObject::disconnect(bad);
    if (!result)
        *why = failure.isEmpty() ? QStringLiteral("request %1 did not finish in time").arg(id) : failure;
    return result;
}

bool BlockingClient::setLink(const QString &from, const QString &to, const OutboundPeers::Shaping &shaping,
                             ShaperKind shaper, int ms, QString *why)
{
    bool confirmed = false;
    QString refused;
    auto stats = QObject::connect(&m_client, &ClusterClient::linkStats, [&](const QString &n, const QVector<LinkStat> &links) {
        for (const LinkStat &l : links)
            confirmed |= n == from && l.to == to;
    });
    auto refusal = QObject::connect(&m_client, &ClusterClient::linkRefused,
                                    [&](const QString &n, const QString &t, const QString &message) {
                                        if (n == from && t == to && refused.isEmpty())
                                            refused = message;
                                    });
    if (!m_client.setLink(from, to, shaping, shaper))
        refused = QStringLiteral("no link %1->%2 in this cluster").arg(from, to);
    else
        waitUntil([&] { return confirmed || !refused.isEmpty(); }, ms);
    QObject::disconnect(stats);
    QObject::disconnect(refusal);
    if (!refused.isEmpty())
        *why = refused;
    else if (!confirmed)
        *why = QStringLiteral("%1 did not confirm its link to %2 within %3 ms").arg(from, to).arg(ms);
    return refused.isEmpty() && confirmed;
}

bool BlockingClient::setSlowdown(const QString &node, double factor, int ms, QString *why)
{
    double set = 0;
    auto c = QObject::connect(&m_client, &ClusterClient::slowdownSet, [&](const QString &n, double f) {
        if (n == node)
            set = f;
    });
    m_client.setSlowdown(node, factor);
    waitUntil([&] { return set > 0; }, ms);
    QObject::disconnect(c);
    if (set <= 0)
        *why = QStringLiteral("%1 did not confirm its slowdown").arg(node);
    return set > 0;
}

} // namespace d3::core
