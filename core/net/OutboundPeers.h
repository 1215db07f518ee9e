#pragma once

#include "Frame.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QQueue>

namespace d3::core {

class PeerConnection;

/// This process's outgoing connections to named peers ("host:port" each): dials on first use, authenticates with
/// the shared token (a peer that proves a name other than the one it was dialled as is refused), queues frames
/// until the handshake is done, and remembers each link's shaping so a reconnect keeps it. One per process side (a worker's next hops, or the controller's workers). Lives in one thread.
class OutboundPeers : public QObject
{
    Q_OBJECT
public:
    /// Link shaping of one directed link (see LinkShaper).
    struct Shaping {
        double rateMbps = 0;  ///< 0 = unlimited
        qint64 burstBytes = 0;
        double delayMs = 0;
    };

    /// localName is what this side calls itself in the handshake.
    OutboundPeers(QByteArray token, QString localName, QObject *parent = nullptr);
    ~OutboundPeers() override;

    /// Where a peer listens ("host:port"); a changed address drops the old connection.
    void setAddress(const QString &name, const QString &hostPort);
    /// The peer's address ("" if unknown).
    QString address(const QString &name) const { return m_addresses.value(name); }
    /// Heartbeat interval and silence timeout for every connection (see PeerConnection::setHeartbeat).
    void setHeartbeat(int intervalMs, int timeoutMs);
    /// Shapes the link to name from now on (and after reconnects).
    void setShaping(const QString &name, const Shaping &shaping);
    /// The link's shaping.
    Shaping shaping(const QString &name) const { return m_shaping.value(name); }
    /// Connects to name unless connected or connecting; false if its address is unknown.
    bool open(const QString &name);
    /// Sends a frame to name (connecting first if needed); false if its address is unknown.
    bool send(const QString &name, const Frame &frame);
    /// The authenticated connection to name, or nullptr.
    PeerConnection *connection(const QString &name) const;
    /// Every peer with an address or a shaping, sorted.
    QStringList names() const;
    /// Names with an authenticated connection.
    QStringList connected() const;
    /// Drops the connection to name (queued frames are dropped too).
    void drop(const QString &name, const QString &reason);

Q_SIGNALS:
    /// The connection to name is authenticated (queued frames are on their way).
    void peerReady(const QString &name);
    /// The connection to name closed or could not be made; requests whose frames were queued for it or in flight
    /// on it are listed (the peer may not have received them).
    void peerLost(const QString &name, const QString &reason, const QList<quint64> &requestIds);
    /// A frame from send() was written to the socket (see PeerConnection::frameSent).
    void frameSent(const QString &name, quint64 requestId, quint16 type, qint64 bytes, double transferMs);
    /// A frame arrived from name.
    void frameReceived(const QString &name, const d3::core::Frame &frame);

private:
    struct Peer {
        QPointer<PeerConnection> connection;
        QQueue<Frame> queued;
        QList<quint64> inFlight; // request ids of frames written but not yet reported sent
    };
    void onClosed(const QString &name, PeerConnection *connection, const QString &reason);

    QByteArray m_token;
    QString m_localName;
    int m_heartbeatMs = 0;
    int m_timeoutMs = 0;
    QHash<QString, QString> m_addresses;
    QHash<QString, Shaping> m_shaping;
    QHash<QString, Peer> m_peers;
};

} // namespace d3::core
