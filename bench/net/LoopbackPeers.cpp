#include "LoopbackPeers.h"
#include "ReceiverThread.h"
#include "util/EventWait.h"

#include <QTcpSocket>

namespace d3::bench {
namespace {

const QByteArray kToken("d3bench_net: a shared lab token of enough size");

} // namespace

LoopbackPeers::~LoopbackPeers()
{
    // The listener's side goes in its own thread.
    ReceiverThread::closeServer(m_server, m_receiverThread, [this] { m_listener.reset(); });
}

std::unique_ptr<LoopbackPeers> LoopbackPeers::open(QString *error, ReceiverThread *receiverThread,
                                                   const QHostAddress &address)
{
    std::unique_ptr<LoopbackPeers> peers(new LoopbackPeers);
    LoopbackPeers *p = peers.get();
    p->m_receiverThread = receiverThread;
    QObject::connect(&p->m_server, &QTcpServer::newConnection, &p->m_server, [p] {
        QTcpSocket *socket = p->m_server.nextPendingConnection();
        if (socket && !p->m_listener) {
            p->m_listener = std::make_unique<core::PeerConnection>(socket, core::PeerConnection::Side::Listener, kToken,
                                                                   QStringLiteral("receiver"));
            QObject::connect(p->m_listener.get(), &core::PeerConnection::authenticated, p->m_listener.get(), [p] {
                p->m_listenerReady.store(true);
                ReceiverThread::wakeMainThread();
            });
        }
    });
    if (!ReceiverThread::listenOnLoopback(p->m_server, receiverThread, address)) {
        *error = QStringLiteral("cannot listen on %1: %2").arg(address.toString(), p->m_server.errorString());
        return nullptr;
    }
    auto *socket = new QTcpSocket;
    socket->connectToHost(address, p->m_server.serverPort());
    p->m_dialer = std::make_unique<core::PeerConnection>(socket, core::PeerConnection::Side::Dialer, kToken,
                                                         QStringLiteral("sender"));
    const bool ok = core::EventWait::until([p] { return p->m_listenerReady.load() && p->m_dialer->isAuthenticated(); },
                                           5000);
    if (!ok) {
        *error = QStringLiteral("the handshake with %1 did not complete within 5 s (%2)")
                     .arg(address.toString(), p->m_dialer->closeReason());
        return nullptr;
    }
    return peers;
}

} // namespace d3::bench
