#pragma once

#include "Frame.h"
#include "FrameParser.h"
#include "LinkShaper.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace d3::core {

/// One authenticated, shaped TCP connection between two d3lab peers. The listener side challenges, the dialer
/// side answers (PeerAuth); until that succeeds any other frame closes the connection. Afterwards frames flow both
/// ways; outgoing bytes pass this side's LinkShaper. Any malformed input closes the connection with one logged
/// reason and a closed() signal; nothing else in the process is affected. Lives in the thread of its socket.
class PeerConnection : public QObject
{
    Q_OBJECT
public:
    /// Which side of the handshake this is.
    enum class Side { Listener, Dialer };

    /// Takes ownership of a connected (or connecting) socket; localName is what this side calls itself.
    PeerConnection(QTcpSocket *socket, Side side, QByteArray token, QString localName, QObject *parent = nullptr);
    ~PeerConnection() override;

    /// True once the handshake succeeded.
    bool isAuthenticated() const { return m_authenticated; }
    /// The peer's name (known after authentication).
    const QString &peerName() const { return m_peerName; }
    /// Why it closed ("" while open).
    const QString &closeReason() const { return m_closeReason; }
    /// Shapes this side's outgoing bytes from now on (see LinkShaper::configure).
    void setShaping(double rateMbps, qint64 burstBytes, double delayMs);
    /// The shaper (configured rate, released bytes).
    const LinkShaper &shaper() const { return m_shaper; }
    /// Sends a frame (after authentication; ignored when closed).
    void send(const Frame &frame);
    /// Closes with a reason (logged; closed() is emitted once).
    void close(const QString &reason);

Q_SIGNALS:
    /// The handshake succeeded.
    void authenticated();
    /// A frame arrived after authentication.
    void frameReceived(const d3::core::Frame &frame);
    /// The connection closed; reason says why.
    void closed(const QString &reason);

private:
    void onReadyRead();
    void handle(const Frame &frame);
    void sendNow(const Frame &frame);
    void pump();

    QTcpSocket *m_socket;
    Side m_side;
    QByteArray m_token;
    QString m_localName;
    QString m_peerName;
    QByteArray m_challenge;
    bool m_authenticated = false;
    QString m_closeReason;
    FrameParser m_parser;
    LinkShaper m_shaper;
    QElapsedTimer m_clock;
    QTimer m_pumpTimer;
};

} // namespace d3::core
