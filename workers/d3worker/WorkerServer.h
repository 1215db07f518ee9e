#pragma once

#include "ComputeQueue.h"
#include "DataPlane.h"
#include "Engine.h"
#include "KernelShaper.h"
#include "net/PeerListener.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace d3::core {
class PeerConnection;
struct Frame;
struct SetLinkMessage;
}

namespace d3::worker {

/// One d3worker node: listens for authenticated peers (core::PeerConnection), loads the model it is told to (a
/// built-in name or a model file's text sent by the controller; weights from the seed it is sent or the file on
/// its own command line, never a path from the wire), profiles it on request, and runs its part of every request
/// through the DataPlane. The peer that sends Load, Deploy or Infer is its controller: reports, results and
/// errors go there. Torch work runs on the ComputeQueue, so heartbeats and control messages are answered while it
/// computes.
class WorkerServer : public QObject
{
    Q_OBJECT
public:
    /// A worker with the given role ("device", "edge", "cloud"), name and shared token; slowdown >= 1 pads every
    /// computation to that many times its measured time (heterogeneity on one machine, docs/ARCHITECTURE.md, Local
    /// cluster); weightsFile (may be empty) replaces the seeded weights; threads > 0 fixes LibTorch's intra-op threads
    /// on the compute thread (OpenMP keeps that setting per thread). setIgnoreExtraWeights lets the file hold more.
    WorkerServer(QString role, QString name, QByteArray token, double slowdown = 1.0, QString weightsFile = {},
                 int threads = 0, QObject *parent = nullptr);
    ~WorkerServer() override;

    /// Whether the weights file may hold tensors the model does not use (d3worker --ignore-extra-weights).
    void setIgnoreExtraWeights(bool ignore) { m_ignoreExtraWeights = ignore; }

    /// Lets SetLink ask for the kernel's shaping (d3worker --kernel-shaping): this worker then runs tc on its own
    /// interfaces (KernelShaper). Without it, such a SetLink is answered by an Error.
    void enableKernelShaping() { m_kernel = std::make_unique<KernelShaper>(m_name); }

    /// Binds to host:port (port 0 picks a free one); false with *error on failure.
    bool listen(const QHostAddress &host, quint16 port, QString *error);
    /// The bound port.
    quint16 port() const { return m_listener.port(); }

private:
    void onPeer(core::PeerConnection *peer);
    void onFrame(core::PeerConnection *peer, const core::Frame &frame);
    void load(core::PeerConnection *peer, const core::Frame &frame);
    void runRange(core::PeerConnection *peer, const core::Frame &frame);
    void profile(core::PeerConnection *peer, const core::Frame &frame);
    void setLink(core::PeerConnection *peer, const core::Frame &frame);
    bool shapeByKernel(const core::SetLinkMessage &message, QString *error);
    void sendLinkStats(core::PeerConnection *peer, quint64 requestId);
    void replyError(core::PeerConnection *peer, quint64 requestId, const QString &message,
                    std::optional<quint64> planId = std::nullopt);
    void toController(const core::Frame &frame);
    /// Exit (docs/PROTOCOL.md): one line on stderr naming the peer, then the process ends with status 3 at once.
    [[noreturn]] void exitAsACrash(const QString &peer, const QString &reason) const;

    QString m_role;
    QString m_name;
    QByteArray m_token;
    QString m_weightsFile;
    bool m_ignoreExtraWeights = false;
    core::PeerListener m_listener;
    DataPlane m_data;
    ComputeQueue m_compute; // declared last but one: destroyed (its thread joined) before the data plane
    QPointer<core::PeerConnection> m_controller;
    std::shared_ptr<engine::Engine> m_engine;
    std::unique_ptr<KernelShaper> m_kernel; // null unless enabled; destroyed first: its qdiscs go before the links
};

} // namespace d3::worker
