#include "OutboundPeers.h"

#include "NetLog.h"
#include "PeerConnection.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace d3::core {

OutboundPeers::OutboundPeers(QByteArray token, QString localName, QObject *parent)
    : QObject(parent)
    , m_token(std::move(token))
    , m_localName(std::move(localName))
{
}

OutboundPeers::~OutboundPeers()
{
    for (Peer &peer : m_peers)
        if (peer.connection)
            peer.connection->disconnect(this);
}

void OutboundPeers::setAddress(const QString &name, const QString &hostPort)
{
    if (m_addresses.value(name) == hostPort)
        return;
    m_addresses.insert(name, hostPort);
    if (m_peers.contains(name))
        drop(name, QStringLiteral("address changed to %1").arg(hostPort));
}

void OutboundPeers::setHeartbeat(int intervalMs, int timeoutMs)
{
    m_heartbeatMs = intervalMs;
    m_timeoutMs = timeoutMs;
    for (Peer &peer : m_peers)
        if (peer.connection)
            peer.connection->setHeartbeat(intervalMs, timeoutMs);
}

void OutboundPeers::setShaping(const QString &name, const Shaping &shaping)
{
    m_shaping.insert(name, shaping);
    if (PeerConnection *c = m_peers.value(name).connection)
        c->setShaping(shaping.rateMbps, shaping.burstBytes, shaping.delayMs);
}

bool OutboundPeers::open(const QString &name)
{
    const QString hostPort = m_addresses.value(name);
    const int colon = hostPort.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    Peer &peer = m_peers[name];
    if (peer.connection)
        return true;
    auto *socket = new QTcpSocket;
    auto *connection = new PeerConnection(socket, PeerConnection::Side::Dialer, m_token, m_localName, this);
    peer.connection = connection;
    const Shaping shaping = m_shaping.value(name);
    connection->setShaping(shaping.rateMbps, shaping.burstBytes, shaping.delayMs);
    connection->setHeartbeat(m_heartbeatMs, m_timeoutMs);
    connect(connection, &PeerConnection::authenticated, this, [this, name, connection] {
        Peer &p = m_peers[name];
        if (p.connection != connection)
            return;
        if (connection->peerName() != name) // a worker is known by the name it proves, not only by its address
            return connection->close(QStringLiteral("the peer at %1 calls itself '%2', not '%3' (start it with --name %3)")
                                         .arg(m_addresses.value(name), connection->peerName(), name));
        while (!p.queued.isEmpty()) {
            const Frame f = p.queued.dequeue();
            p.inFlight.append(f.requestId);
            connection->send(f);
        }
        Q_EMIT peerReady(name);
    });
    connect(connection, &PeerConnection::frameSent, this,
            [this, name, connection](quint64 id, quint16 type, qint64 bytes, double ms) {
                Peer &p = m_peers[name];
                if (p.connection == connection)
                    p.inFlight.removeOne(id);
                Q_EMIT frameSent(name, id, type, bytes, ms);
            });
    connect(connection, &PeerConnection::frameReceived, this,
            [this, name](const Frame &f) { Q_EMIT frameReceived(name, f); });
    connect(connection, &PeerConnection::closed, this,
            [this, name, connection](const QString &reason) { onClosed(name, connection, reason); });
    socket->connectToHost(hostPort.left(colon), quint16(hostPort.mid(colon + 1).toUInt()));
    return true;
}

bool OutboundPeers::send(const QString &name, const Frame &frame)
{
    if (!open(name))
        return false;
    Peer &peer = m_peers[name];
    if (peer.connection->isAuthenticated()) {
        peer.inFlight.append(frame.requestId);
        peer.connection->send(frame);
    } else {
        peer.queued.enqueue(frame);
    }
    return true;
}

PeerConnection *OutboundPeers::connection(const QString &name) const
{
    const auto it = m_peers.find(name);
    if (it == m_peers.end() || !it->connection || !it->connection->isAuthenticated())
        return nullptr;
    return it->connection;
}

QStringList OutboundPeers::names() const
{
    QStringList names = m_addresses.keys();
    for (const QString &name : m_shaping.keys())
        if (!names.contains(name))
            names.append(name);
    names.sort();
    return names;
}

QStringList OutboundPeers::connected() const
{
    QStringList names;
    for (auto it = m_peers.begin(); it != m_peers.end(); ++it)
        if (it->connection && it->connection->isAuthenticated())
            names.append(it.key());
    return names;
}

void OutboundPeers::drop(const QString &name, const QString &reason)
{
    const auto it = m_peers.find(name);
    if (it == m_peers.end())
        return;
    if (it->connection)
        it->connection->close(reason); // onClosed() reports and forgets it
    else
        m_peers.erase(it);
}

void OutboundPeers::onClosed(const QString &name, PeerConnection *connection, const QString &reason)
{
    const auto it = m_peers.find(name);
    if (it == m_peers.end() || it->connection != connection)
        return;
    QList<quint64> lost = it->inFlight;
    for (const Frame &f : it->queued)
        lost.append(f.requestId);
    m_peers.erase(it);
    connection->deleteLater();
    qCInfo(lcNet) << "link to" << name << "lost:" << reason;
    Q_EMIT peerLost(name, reason, lost);
}

} // namespace d3::core
