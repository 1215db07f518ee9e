#pragma once

#include "net/PeerConnection.h"

#include <QString>
#include <QTcpServer>

#include <memory>

namespace d3::bench {

/// Two authenticated PeerConnections over loopback, as two lab nodes hold them: a listener (the receiver) and a
/// dialer (the sender) with a shared token. Both live in the calling thread and run on its event loop.
class LoopbackPeers
{
public:
    /// Listens on a free loopback port, dials it and waits for the handshake; nullptr and one line in *error if
    /// that fails within 5 s.
    static std::unique_ptr<LoopbackPeers> open(QString *error);
    /// Closes both connections.
    ~LoopbackPeers();

    /// The dialer: the side whose outgoing bytes a benchmark shapes.
    core::PeerConnection &sender() { return *m_dialer; }
    /// The listener: receives what sender() sends.
    core::PeerConnection &receiver() { return *m_listener; }

private:
    LoopbackPeers() = default;

    QTcpServer m_server;
    std::unique_ptr<core::PeerConnection> m_listener;
    std::unique_ptr<core::PeerConnection> m_dialer;
};

} // namespace d3::bench
