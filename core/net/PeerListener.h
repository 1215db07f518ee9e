#pragma once

#include "PeerConnection.h"

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSocketNotifier>
#include <QTcpServer>
#include <QTimer>

namespace d3::core {

/// A listening socket for d3lab peers that a hostile host on the LAN cannot exhaust (docs/PROTOCOL.md, Before
/// authentication): every accepted connection becomes a listener-side PeerConnection with a handshake deadline;
/// at most maxUnauthenticated of them may be in their handshake at once (a new one evicts the oldest, so a flood
/// of idle connections cannot keep a real peer out for longer than its own handshake; the oldest of the host holding
/// the most, so a flood from one host closes only that host's handshakes); and when the process runs out of
/// descriptors, accepting pauses for a moment instead of spinning on a connection it cannot take.
class PeerListener : public QObject
{
    Q_OBJECT
public:
    /// Connections in their handshake at once, by default.
    static constexpr int kMaxUnauthenticated = 64;
    /// How long accepting pauses after the process ran out of descriptors (ms).
    static constexpr int kAcceptPauseMs = 100;

    /// A listener proving token and calling itself localName.
    PeerListener(QByteArray token, QString localName, QObject *parent = nullptr);

    /// Binds to host:port (port 0 picks a free one); false with one line in *error on failure.
    bool listen(const QHostAddress &host, quint16 port, QString *error);
    /// The bound port.
    quint16 port() const { return m_server.serverPort(); }
    /// The handshake deadline of connections accepted from now on (ms).
    void setHandshakeTimeout(int ms) { m_handshakeTimeoutMs = ms; }
    /// The most connections in their handshake at once.
    void setMaxUnauthenticated(int count) { m_maxUnauthenticated = std::max(1, count); }
    /// Connections accepted and not yet authenticated.
    int unauthenticated() const { return int(m_pending.size()); }
    /// Connections refused so far because the cap was reached (the oldest evicted) or descriptors ran out.
    qint64 evicted() const { return m_evicted; }

Q_SIGNALS:
    /// A peer proved the token. The connection is a child of this listener, deleted after it closes.
    void peerAuthenticated(d3::core::PeerConnection *peer);

private:
    void acceptAll();
    void take(QTcpSocket *socket);
    void pause(const char *why);

    QByteArray m_token;
    QString m_localName;
    QTcpServer m_server;                 // binds and listens; the accepting is done here (acceptAll())
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_resumeTimer;
    QList<QPointer<PeerConnection>> m_pending; // in their handshake, oldest first
    int m_handshakeTimeoutMs = PeerConnection::kHandshakeTimeoutMs;
    int m_maxUnauthenticated = kMaxUnauthenticated;
    qint64 m_evicted = 0;
};

} // namespace d3::core
