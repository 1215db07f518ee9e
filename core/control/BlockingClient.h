#pragma once

#include "ClusterClient.h"

#include <QHash>
#include <QMap>

#include <optional>

namespace d3::core {

/// The one blocking layer over the asynchronous ClusterClient, shared by the Controller, the console's session
/// (through the Controller) and the test and benchmark harness (ClusterSession): each call sends its message(s) and
/// serves this thread's event loop (EventWait, asleep between events) until the answer, a failure or its deadline,
/// and says which. Nothing is left connected after a call returns. Lives in the client's thread.
class BlockingClient
{
public:
    /// Calls through client (not owned; must outlive this).
    explicit BlockingClient(ClusterClient &client) : m_client(client) {}

    /// Connects to workers (ClusterClient::setWorker; any others the client has stay as they are) and waits until every one is ready, one is lost, or ms
    /// pass; empty when all are ready, else why not for each worker that is not (lost first, then silent).
    QMap<QString, QString> connectAll(const QVector<WorkerEndpoint> &workers, int ms);
    /// Loads on nodes; each node's Loaded message, or nullopt with one line in *why naming the first node that
    /// failed or did not answer.
    std::optional<QMap<QString, LoadedMessage>> load(const QStringList &nodes, const LoadMessage &message, int ms,
                                                     QString *why);
    /// One node's profile, or nullopt with *why.
    std::optional<Profile> profile(const QString &node, int warmup, int runs, int ms, QString *why);
    /// Sends deployment to its participants; true once every one stored it, else false with *why.
    bool deploy(const Deployment &deployment, int ms, QString *why);
    /// One request whose input the device makes from inputSeed; its result, or nullopt with *why. *id (optional)
    /// receives the request id.
    std::optional<RequestResult> infer(quint64 planId, quint64 inputSeed, int ms, QString *why, quint64 *id = nullptr);
    /// One request with input sent by the controller.
    std::optional<RequestResult> infer(quint64 planId, const HostTensor &input, int ms, QString *why,
                                       quint64 *id = nullptr);
    /// Shapes the link from -> to by shaper; true once the worker confirmed it (its LinkStats), else false with one
    /// line in *why (a refusal naming the worker, or no answer within ms).
    bool setLink(const QString &from, const QString &to, const OutboundPeers::Shaping &shaping, ShaperKind shaper,
                 int ms, QString *why);
    /// Sets a node's compute padding; true once it confirmed, else false with *why.
    bool setSlowdown(const QString &node, double factor, int ms, QString *why);

    /// Serves the event loop until done() holds or ms pass (EventWait); returns done().
    static bool waitUntil(const std::function<bool()> &done, int ms);
    /// Runs work on another thread while this one keeps serving the event loop (heartbeats go on).
    static void aside(const std::function<void()> &work);

private:
    std::optional<RequestResult> await(const std::function<quint64()> &send, int ms, QString *why, quint64 *id);

    ClusterClient &m_client;
};

} // namespace d3::core
