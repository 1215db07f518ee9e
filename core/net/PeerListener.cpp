#include "PeerListener.h"

#include "NetLog.h"

#include <QTcpSocket>

#include <cerrno>
#include <cstring>

#include <sys/socket.h>
#include <unistd.h>

namespace d3::core {

PeerListener::PeerListener(QByteArray token, QString localName, QObject *parent)
    : QObject(parent)
    , m_token(std::move(token))
    , m_localName(std::move(localName))
{
    m_resumeTimer.setSingleShot(true);
    connect(&m_resumeTimer, &QTimer::timeout, this, [this] {
        m_notifier->setEnabled(true);
        acceptAll();
    });
}

bool PeerListener::listen(const QHostAddress &host, quint16 port, QString *error)
{
    if (!m_server.listen(host, port)) {
        *error = QStringLiteral("cannot listen on %1:%2 (%3)").arg(host.toString()).arg(port).arg(m_server.errorString());
        return false;
    }
    // QTcpServer keeps retrying an accept that failed for want of descriptors (EMFILE) as fast as the event loop
    // turns; this listener accepts itself, so that it can pause instead.
    m_server.pauseAccepting();
    m_notifier = new QSocketNotifier(m_server.socketDescriptor(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &PeerListener::acceptAll);
    return true;
}

void PeerListener::acceptAll()
{
    const int listening = int(m_server.socketDescriptor());
    for (;;) {
        const int fd = ::accept4(listening, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
                pause(std::strerror(errno));
            else if (errno != EAGAIN && errno != EWOULDBLOCK)
                qCWarning(lcNet) << m_localName << "cannot accept a connection:" << std::strerror(errno);
            return;
        }
        auto *socket = new QTcpSocket;
        if (!socket->setSocketDescriptor(fd)) {
            ::close(fd);
            delete socket;
            continue;
        }
        take(socket);
    }
}

void PeerListener::take(QTcpSocket *socket)
{
    m_pending.removeAll(nullptr);
    // At the cap the oldest handshake of the host holding the most goes: a flood from one host closes that host's
    // own handshakes, never another host's.
    while (m_pending.size() >= m_maxUnauthenticated) {
        QHash<QHostAddress, int> held;
        for (const QPointer<PeerConnection> &p : std::as_const(m_pending))
            ++held[p->peerAddress()];
        qsizetype victim = 0;
        for (qsizetype i = 1; i < m_pending.size(); ++i)
            if (held.value(m_pending[i]->peerAddress()) > held.value(m_pending[victim]->peerAddress()))
                victim = i;
        ++m_evicted;
        m_pending.takeAt(victim)->close(QStringLiteral("refused: %1 connections already in their handshake; the "
                                                       "oldest of the busiest host goes").arg(m_maxUnauthenticated));
    }
    auto *peer = new PeerConnection(socket, PeerConnection::Side::Listener, m_token, m_localName, this);
    peer->setHandshakeTimeout(m_handshakeTimeoutMs);
    m_pending.append(peer);
    connect(peer, &PeerConnection::closed, peer, &QObject::deleteLater);
    connect(peer, &PeerConnection::authenticated, this, [this, peer] {
        m_pending.removeAll(peer);
        Q_EMIT peerAuthenticated(peer);
    });
}

void PeerListener::pause(const char *why)
{
    // The connection stays in the kernel's queue and the socket stays readable: accepting again at once would spin.
    // Pause, free a descriptor held by the oldest handshake, and try again shortly.
    ++m_evicted;
    if (!m_resumeTimer.isActive())
        qCWarning(lcNet) << m_localName << "cannot accept a connection:" << why << "- pausing" << kAcceptPauseMs << "ms";
    m_notifier->setEnabled(false);
    m_pending.removeAll(nullptr);
    if (!m_pending.isEmpty())
        m_pending.takeFirst()->close(QStringLiteral("refused: out of descriptors; the oldest handshake goes"));
    m_resumeTimer.start(kAcceptPauseMs);
}

} // namespace d3::core
