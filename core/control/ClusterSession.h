#pragma once

#include "BlockingClient.h"
#include "ClusterClient.h"
#include "LocalCluster.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace d3::core {

/// A LocalCluster of real d3worker processes with a ClusterClient connected to every worker, and blocking calls
/// (BlockingClient, which keeps serving the event loop while it waits) for tests, benchmarks and scripts: load,
/// deploy, infer. Needs a QCoreApplication; stops the cluster when destroyed.
class ClusterSession
{
public:
    /// Starts workers (named and shaped by specs) with program (empty: LocalCluster::findWorkerProgram()) and
    /// connects to every one; check ok() and error().
    explicit ClusterSession(const QVector<WorkerSpec> &specs, const QString &program = {});
    ~ClusterSession();


    /// 1 device, edge1..edge3, cloud, all at slowdown 1 and one thread (fast, for exactness tests).
    static QVector<WorkerSpec> fiveNodes();

    /// True when every worker is up and connected.
    bool ok() const { return m_error.isEmpty(); }
    /// Why not.
    const QString &error() const { return m_error; }
    /// The cluster.
    LocalCluster &cluster() { return m_cluster; }
    /// The edge workers' names, in spec order (the plans' edge node indices).
    const QStringList &edges() const { return m_edges; }
    /// The client.
    ClusterClient &client() { return *m_client; }

    /// Loads a built-in model with a seed on every worker; the fingerprints (all equal) or nullopt with *why.
    std::optional<QString> loadEverywhere(const QString &model, quint64 seed, QString *why);
    /// Deploys plan on the workers named "device" and "cloud" and the edge workers in spec order, with a new plan
    /// id; that id, or nullopt with *why.
    std::optional<quint64> deploy(const ModelGraph &graph, const Plan &plan, QString *why);
    /// One request; its result, or nullopt with the failure reason in *why.
    std::optional<RequestResult> infer(quint64 planId, const HostTensor &input, QString *why,
                                       int timeoutMs = 120000);
    /// One request whose input the device makes itself from seed (ClusterClient::infer with a seed).
    std::optional<RequestResult> infer(quint64 planId, quint64 inputSeed, QString *why, int timeoutMs = 120000);
    /// The blocking calls over the client.
    BlockingClient &calls() { return *m_calls; }

private:

    LocalCluster m_cluster;
    std::unique_ptr<ClusterClient> m_client;
    std::unique_ptr<BlockingClient> m_calls;
    QStringList m_edges;
    QString m_error;
    quint64 m_nextPlan = 1;
};

} // namespace d3::core
