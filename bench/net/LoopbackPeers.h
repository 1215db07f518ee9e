#pragma once

#include "net/PeerConnection.h"

#include <QString>
#include <QTcpServer>

#include <atomic>
#include <memory>

namespace d3::bench {

class ReceiverThread;

/// Two authenticated PeerConnections over loopback, as two lab nodes hold them: a listener (the receiver) and a
/// dialer (the sender) with a shared token. The sender lives in the calling thread and runs on its event loop; the
/// receiver too, or in a ReceiverThread.
class LoopbackPeers
{
public:
    /// Listens on a free port of address, loopback by default (in receiverThread when one is given; on the
    /// namespace LAN, that thread is in the receiver's namespace), dials it and waits for the handshake; nullptr
    /// and one line in *error if that fails within 5 s.
    static std::unique_ptr<LoopbackPeers> open(QString *error, ReceiverThread *receiverThread = nullptr,
                                               const QHostAddress &address = QHostAddress(QHostAddress::LocalHost));
    /// Closes both connections.
    ~LoopbackPeers();

    /// The dialer: the side whose outgoing bytes a benchmark shapes.
    core::PeerConnection &sender() { return *m_dialer; }
    /// The listener: receives what sender() sends (in the receiver thread, if open() was given one).
    core::PeerConnection &receiver() { return *m_listener; }

private:
    LoopbackPeers() = default;

    QTcpServer m_server;
    ReceiverThread *m_receiverThread = nullptr;
    std::unique_ptr<core::PeerConnection> m_listener;
    std::atomic<bool> m_listenerReady{false};
    std::unique_ptr<core::PeerConnection> m_dialer;
};

} // namespace d3::bench
