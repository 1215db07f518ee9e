#include "LoopbackPeers.h"
#include "util/EventWait.h"


#include <QTcpSocket>

namespace d3::bench {
namespace {

const QByteArray kToken("d3bench_net: a shared lab token of enough size");

} // namespace

LoopbackPeers::~LoopbackPeers() = default;

std::unique_ptr<LoopbackPeers> LoopbackPeers::open(QString *error)
{
    std::unique_ptr<LoopbackPeers> peers(new LoopbackPeers);
    LoopbackPeers *p = peers.get();
    if (!p->m_server.listen(QHostAddress::LocalHost, 0)) {
        *error = QStringLiteral("cannot listen on loopback: ") + p->m_server.errorString();
        return nullptr;
    }
    QObject::connect(&p->m_server, &QTcpServer::newConnection, &p->m_server, [p] {
        if (QTcpSocket *socket = p->m_server.nextPendingConnection())
            p->m_listener = std::make_unique<core::PeerConnection>(socket, core::PeerConnection::Side::Listener, kToken,
                                                                   QStringLiteral("receiver"));
    });
    auto *socket = new QTcpSocket;
    socket->connectToHost(QHostAddress::LocalHost, p->m_server.serverPort());
    p->m_dialer = std::make_unique<core::PeerConnection>(socket, core::PeerConnection::Side::Dialer, kToken,
                                                         QStringLiteral("sender"));
    const bool ok = core::EventWait::until([p] { return p->m_listener && p->m_listener->isAuthenticated()
                                                  && p->m_dialer->isAuthenticated(); }, 5000);
    if (!ok) {
        *error = QStringLiteral("the loopback handshake did not complete within 5 s (%1)")
                     .arg(p->m_dialer->closeReason());
        return nullptr;
    }
    p->m_server.close();
    return peers;
}

} // namespace d3::bench
