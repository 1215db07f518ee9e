#pragma once

#include "run/ClusterClient.h"
#include "run/LocalCluster.h"

#include <QStringList>

#include <functional>
#include <optional>

namespace d3::test {

/// A LocalCluster of real d3worker processes with a ClusterClient connected to every worker, and blocking
/// helpers (spinning the event loop) for tests: load, deploy, infer. Stops the cluster when destroyed.
class ClusterHarness
{
public:
    /// Starts workers (named and shaped by specs) and connects; check ok() and error().
    explicit ClusterHarness(const QVector<core::WorkerSpec> &specs);
    ~ClusterHarness();

    /// 1 device, edge1..edge3, cloud, all at slowdown 1 and one thread (fast, for exactness tests).
    static QVector<core::WorkerSpec> fiveNodes();

    /// True when every worker is up and connected.
    bool ok() const { return m_error.isEmpty(); }
    /// Why not.
    const QString &error() const { return m_error; }
    /// The cluster.
    core::LocalCluster &cluster() { return m_cluster; }
    /// The client.
    core::ClusterClient &client() { return *m_client; }

    /// Loads a built-in model with a seed on every worker; the fingerprints (all equal) or nullopt with *why.
    std::optional<QString> loadEverywhere(const QString &model, quint64 seed, QString *why);
    /// Deploys plan on device / edge1..edgeK / cloud with a new plan id; that id, or nullopt with *why.
    std::optional<quint64> deploy(const core::ModelGraph &graph, const core::Plan &plan, QString *why);
    /// One request; its result, or nullopt with the failure reason in *why.
    std::optional<core::RequestResult> infer(quint64 planId, const core::HostTensor &input, QString *why,
                                             int timeoutMs = 120000);
    /// Runs work on another thread while this one keeps serving the event loop (heartbeats go on).
    static void aside(const std::function<void()> &work);

private:
    core::LocalCluster m_cluster;
    std::unique_ptr<core::ClusterClient> m_client;
    QStringList m_edges;
    QString m_error;
    quint64 m_nextPlan = 1;
};

} // namespace d3::test
