#pragma once

#include "Engine.h"
#include "net/Frame.h"
#include "net/OutboundPeers.h"
#include "protocol/Deployment.h"
#include "protocol/HopReport.h"

#include "protocol/LinkMessages.h"

#include <QCborArray>
#include <QHostAddress>
#include <QElapsedTimer>
#include <QHash>
#include <QMap>
#include <QObject>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace d3::worker {

class ComputeQueue;

/// A worker's part of the data plane (docs/PROTOCOL.md, Data plane): it keeps the deployments it was sent, runs
/// its stages and tiles of each request on the compute queue, stitches tiles when it is the stitching edge node,
/// and sends every result straight to the worker that needs it next (through OutboundPeers, with each link's
/// shaping). What it measures goes out as HopReports; a request that cannot go on fails with one line.
class DataPlane : public QObject
{
    Q_OBJECT
public:
    /// The worker called name, computing on compute, dialling peers with token.
    DataPlane(QString name, QByteArray token, ComputeQueue *compute, QObject *parent = nullptr);
    ~DataPlane() override;

    /// The model to run from now on (forgets deployments and unfinished requests of the previous one).
    void setEngine(std::shared_ptr<const engine::Engine> engine);
    /// Stores a Deploy and connects to this worker's next hops; deployReady() or deployFailed() follows.
    void deploy(const QCborMap &header);
    /// A request's input, sent by the controller to the device.
    void infer(const core::Frame &frame);
    /// Called with one line when a peer's message is refused (its tensors do not read): the caller closes it.
    using Refuse = std::function<void(const QString &why)>;
    /// A Data message from another worker.
    void receive(const QString &from, const core::Frame &frame, const Refuse &refuse = {});
    /// Shapes this worker's link to another worker.
    void setShaping(const QString &to, const core::OutboundPeers::Shaping &shaping);
    /// True if this worker has a link to name (an address or a shaping).
    bool knows(const QString &name) const { return m_peers.names().contains(name); }
    /// The address of the peer this worker's connection to name reaches (null while not connected).
    QHostAddress peerAddress(const QString &name) const;
    /// Links this worker knows.
    int linkCount() const { return int(m_peers.names().size()); }
    /// Configured and measured figures of every link this worker knows (LinkStats "links").
    QVector<core::LinkStat> linkStats() const;

Q_SIGNALS:
    /// The deployment is stored and its next hops are connected.
    void deployReady(quint64 planId);
    /// The deployment was refused or a next hop is unreachable.
    void deployFailed(quint64 planId, const QString &message);
    /// A measurement for the controller.
    void report(quint64 requestId, const d3::core::HopReport &report);
    /// The device has the request's output (tensors by id).
    void done(quint64 requestId, quint64 planId, const QMap<int, d3::core::HostTensor> &output);
    /// The request cannot finish.
    void failed(quint64 requestId, const QString &message);
    /// This worker's connection to a peer is authenticated, with the peer at address (its socket's); emitted before
    /// any deployment waiting for it is reported ready, so what is set up here precedes the requests' data.
    void peerConnected(const QString &name, const QHostAddress &address);

private:
    using DeploymentPtr = std::shared_ptr<const core::Deployment>;
    struct Stitch {
        quint64 planId = 0;
        core::HostTensor output;
        QVector<bool> have;
        int missing = 0;
    };
    struct Encoded {
        double ms = 0;       // serialising (and compressing) the tensors before the frame was handed over
        qint64 rawBytes = 0; // the tensors' bytes before the codec
        core::WireCodec codec = core::WireCodec::None;
    };
    struct Sending {
        quint64 requestId;
        core::DataKind kind;
        int at;
        int tile;
        double encodeMs;
        qint64 rawBytes;
        core::WireCodec codec;
        qint64 handedNs; // when it was handed to the link (m_clock)
    };
    struct CameraImage {
        quint64 seed = 0;
        core::HostTensor image; // SyntheticInput::make(its shape, seed)
    };

    void forward(const DeploymentPtr &d, quint64 id, int at, engine::TensorMap tensors);
    void runStage(const DeploymentPtr &d, quint64 id, const core::Deployment::Stage &stage, engine::TensorMap tensors);
    void runTile(const DeploymentPtr &d, quint64 id, int tile, engine::TensorMap crops);
    void paste(const DeploymentPtr &d, quint64 id, int tile, const core::HostTensor &out);
    void sendData(const DeploymentPtr &d, quint64 id, const QString &to, core::DataKind kind, int at, int tile,
                  const engine::TensorMap &tensors);
    void send(const DeploymentPtr &d, quint64 id, const QString &to, core::DataKind kind, int at, int tile,
              const core::Frame &frame, const Encoded &encoded);
    void decodeThen(const DeploymentPtr &d, quint64 id, const QString &from, core::DataKind kind, int at, int tile,
                    const core::Frame &frame, const Refuse &refuse, std::function<void(engine::TensorMap)> then);
    void dispatch(const DeploymentPtr &d, quint64 id, const QString &from, core::DataKind kind, int at, int tile,
                  engine::TensorMap tensors);
    void fail(quint64 id, const QString &message);
    /// True (the request failed) when the compute thread already has as many jobs waiting as it may.
    bool queueFull(quint64 id);
    void checkPendingDeploys();
    DeploymentPtr deployment(quint64 planId, quint64 id);

    QString m_name;
    ComputeQueue *m_compute;
    core::OutboundPeers m_peers;
    std::shared_ptr<const engine::Engine> m_engine;
    std::map<quint64, DeploymentPtr> m_deployments; // by plan id, the latest few
    QMap<quint64, Stitch> m_stitches;               // by request id
    QHash<QString, QList<Sending>> m_sending;        // per next hop, Data frames not yet written, in order
    QHash<QString, qint64> m_lastSentNs;             // per next hop, when its last Data frame was written (m_clock)
    QElapsedTimer m_clock;
    QMap<quint64, QStringList> m_pendingDeploys;    // plan id -> next hops not yet connected
    QHash<QString, int> m_dialAttempts;             // next hop -> dials again since it was last connected
    std::optional<CameraImage> m_camera;            // the device's last synthetic input, shared with requests
};

} // namespace d3::worker
