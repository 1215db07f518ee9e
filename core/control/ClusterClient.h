#pragma once

#include "protocol/Deployment.h"
#include "protocol/LinkMessages.h"
#include "protocol/ModelMessages.h"
#include "RequestResult.h"
#include "experiment/WorkerSpec.h"
#include "net/Frame.h"
#include "net/OutboundPeers.h"
#include "plan/Profile.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <map>
#include <memory>

namespace d3::core {

/// The controller's side of the wire: one authenticated control connection per worker (heartbeats both ways, a
/// silent worker is lost after the timeout, and dialled again until it answers: a worker that stalled or restarted
/// at its address comes back as nodeReady()), and the messages of docs/PROTOCOL.md as calls and signals: load,
/// profile, deploy a plan, send requests, shape links. Every request ends exactly once, as completed() with its
/// output and hop reports, or as requestFailed() with a reason (an Error from a worker, a participating worker
/// lost, a malformed answer, or the request timeout). Lives in one thread; everything is asynchronous.
class ClusterClient : public QObject
{
    Q_OBJECT
public:
    /// A client proving token, calling itself name.
    explicit ClusterClient(QByteArray token, QString name = QStringLiteral("controller"), QObject *parent = nullptr);
    ~ClusterClient() override;

    /// Heartbeat interval and silence timeout of every control connection (default 250 ms and 1000 ms).
    void setHeartbeat(int intervalMs, int timeoutMs);
    /// A request not finished after this long fails (default 60 s).
    void setRequestTimeout(int ms) { m_requestTimeoutMs = ms; }
    /// How often a lost worker is dialled again (ms; 0: never).
    void setReconnectInterval(int ms) { m_reconnectMs = ms; }
    /// Adds a worker or moves one to another address (a restarted local worker), leaving every other as it is.
    void setWorker(const WorkerEndpoint &worker);
    /// Workers with an authenticated control connection.
    QStringList readyNodes() const { return m_peers.connected(); }
    /// "host:port" of every known worker, by name.
    QMap<QString, QString> addresses() const;

    /// Sends Load to one worker; loaded() or loadFailed() follows.
    quint64 load(const QString &node, const LoadMessage &message);
    /// Asks one worker for a profile; profileProgress() then profiled() or profileFailed() follow.
    quint64 profile(const QString &node, int warmup, int runs);
    /// Sends a deployment to every participant; deployed() once all stored it, or deployFailed().
    void deploy(const Deployment &deployment);
    /// Sends a request's input to the deployment's device; returns its request id (completed() or requestFailed()
    /// follows). The plan must have been deployed.
    quint64 infer(quint64 planId, const HostTensor &input);
    /// The same with the device making the input itself, the synthetic input of seed (SyntheticInput): no input
    /// crosses the control connection, as when the device's own camera takes the frame.
    quint64 infer(quint64 planId, quint64 inputSeed);
    /// Shapes the link from one worker to another, its rate imposed by shaper; linkStats() follows, or linkRefused()
    /// (the worker refused, or predates kernel shaping). False (nothing sent) unless both are workers of this cluster.
    bool setLink(const QString &from, const QString &to, const OutboundPeers::Shaping &shaping,
                 ShaperKind shaper = ShaperKind::Process);
    /// Asks a worker for its links' figures; linkStats() follows.
    void queryLinks(const QString &node);
    /// Sets a worker's compute padding (>= 1) from its next computation on; slowdownSet() follows.
    void setSlowdown(const QString &node, double factor);
    /// Asks a worker to exit at once with status 3, as a crash would (Exit); nodeLost() follows when its connection
    /// ends. The way to kill a worker this process did not start.
    void exitWorker(const QString &node, const QString &reason);
    /// Requests in flight.
    int pending() const { return m_requests.size(); }
    /// Deployments kept (at most Deployment::kKept).
    int keptDeployments() const { return int(m_deployments.size()); }

Q_SIGNALS:
    /// The control connection to node is authenticated (the first time, or again after nodeLost()).
    void nodeReady(const QString &node);
    /// The control connection to node closed (the worker died, or was silent too long); emitted once per loss.
    void nodeLost(const QString &node, const QString &reason);
    /// A worker loaded the model.
    void loaded(const QString &node, const d3::core::LoadedMessage &message);
    /// A worker could not load the model.
    void loadFailed(const QString &node, const QString &message);
    /// Profiling progress on a worker.
    void profileProgress(const QString &node, int done, int layers);
    /// A worker's profile.
    void profiled(const QString &node, const d3::core::Profile &profile);
    /// A worker could not profile.
    void profileFailed(const QString &node, const QString &message);
    /// Every participant stored the plan and connected its next hops.
    void deployed(quint64 planId);
    /// A participant refused the plan or could not reach a next hop.
    void deployFailed(quint64 planId, const QString &message);
    /// A request finished with its output and every hop report.
    void completed(const d3::core::RequestResult &result);
    /// One hop report of a request in flight, as it arrives (before completed()): where the request has got to.
    void reported(quint64 requestId, const d3::core::HopReport &report);
    /// A request failed; reason names the worker and why.
    void requestFailed(quint64 requestId, const QString &reason);
    /// A worker's links.
    void linkStats(const QString &node, const QVector<d3::core::LinkStat> &links);
    /// A worker did not shape its link to `to` as asked; message is one line naming the worker.
    void linkRefused(const QString &node, const QString &to, const QString &message);
    /// A worker's new compute padding is in effect.
    void slowdownSet(const QString &node, double factor);

private:
    struct Pending {
        std::shared_ptr<const Deployment> deployment;
        RequestResult result;
        bool done = false;
        int expected = 0;
        qint64 deadlineNs = 0;
    };
    struct Deploying {
        QSet<QString> waiting;
    };
    enum class Ask { Load, Profile };

    void onFrame(const QString &node, const Frame &frame);
    void onLost(const QString &node, const QString &reason);
    void finishIfComplete(quint64 id);
    void checkLinkAnswer(const QString &node, quint64 id, const QVector<LinkStat> &links);
    void failRequest(quint64 id, const QString &reason);
    void checkTimeouts();
    void reconnect();
    quint64 sendTo(const QString &node, quint16 type, const QCborMap &header, quint64 id = 0);
    quint64 sendInfer(quint64 planId, Frame frame);

    OutboundPeers m_peers;
    QElapsedTimer m_clock;
    QTimer m_timeoutTimer;
    int m_requestTimeoutMs = 60000;
    int m_reconnectMs = 500;
    QTimer m_reconnectTimer;
    QSet<QString> m_listed;                                          // the workers of the cluster
    QSet<QString> m_lost;                                            // lost and not yet back
    struct Retry {
        qint64 atNs = 0;   // next attempt
        int delayMs = 0;   // the interval now
    };
    QHash<QString, Retry> m_retry;                                   // per lost worker
    quint64 m_nextId = 1;
    std::map<quint64, std::shared_ptr<const Deployment>> m_deployments; // by plan id, the latest kKept
    QHash<quint64, Deploying> m_deploying;                           // by plan id
    QHash<quint64, Pending> m_requests;                              // by request id
    struct LinkAsk {
        QString from;
        QString to;
        ShaperKind shaper;
    };
    QHash<quint64, LinkAsk> m_linkAsks;                              // SetLink request id -> what it asked
    QHash<quint64, QPair<Ask, QString>> m_asks;                      // load / profile request id -> node
};

} // namespace d3::core
