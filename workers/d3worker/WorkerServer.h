#pragma once

#include "Engine.h"

#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QThread>

#include <memory>

namespace d3::core {
class PeerConnection;
struct Frame;
}

namespace d3::worker {

/// One d3worker node: listens for authenticated peers (core::PeerConnection), loads the model it is told to
/// (a built-in name or a model file's text sent by the controller; never a path), and runs cut ranges on request.
/// Torch work runs on a dedicated thread, so heartbeats and control messages are answered while it computes.
class WorkerServer : public QObject
{
    Q_OBJECT
public:
    /// A worker with the given role ("device", "edge", "cloud"), name and shared token; slowdown >= 1 pads every
    /// computation to that many times its measured time (heterogeneity on one machine, DESIGN.md section 5).
    WorkerServer(QString role, QString name, QByteArray token, double slowdown = 1.0, QObject *parent = nullptr);
    ~WorkerServer() override;

    /// Binds to host:port (port 0 picks a free one); false with *error on failure.
    bool listen(const QHostAddress &host, quint16 port, QString *error);
    /// The bound port.
    quint16 port() const { return m_server.serverPort(); }

private:
    void onConnection();
    void onFrame(core::PeerConnection *peer, const core::Frame &frame);
    void load(core::PeerConnection *peer, const core::Frame &frame);
    void runRange(core::PeerConnection *peer, const core::Frame &frame);
    void replyError(core::PeerConnection *peer, quint64 requestId, const QString &message);

    QString m_role;
    QString m_name;
    QByteArray m_token;
    double m_slowdown = 1.0;
    QTcpServer m_server;
    QThread m_computeThread;
    QObject *m_computeContext = nullptr; // lives in m_computeThread
    std::shared_ptr<engine::Engine> m_engine;
};

} // namespace d3::worker
