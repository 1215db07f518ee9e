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

std::unique_ptr<LoopbackPeers> LoopbackPeers::open(QString *error, ReceiverThread *receiverThread)
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
    if (!ReceiverThread::listenOnLoopback(p->m_server, receiverThread)) {
        *error = QStringLiteral("cannot listen on loopback: ") + p->m_server.errorString();
        return nullptr;
    }
    auto *socket = new QTcpSocket;
    socket->connectToHost(QHostAddress::LocalHost, p->m_server.serverPort());
    p->m_dialer = std::make_unique<core::PeerConnection>(socket, core::PeerConnection::Side::Dialer, kToken,
                                                         QStringLiteral("sender"));
    const bool ok = core::EventWait::until([p] { return p->m_listenerReady.load() && p->m_dialer->isAuthenticated(); },
                                           5000);
    if (!ok) {
        *error = QStringLiteral("the loopback handshake did not complete within 5 s (%1)")
                     .arg(p->m_dialer->closeReason());
        return nullptr;
    }
    return peers;
}

} // namespace d3::bench
