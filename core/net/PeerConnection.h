#pragma once

#include "Frame.h"
#include "FrameParser.h"
#include "LinkShaper.h"
#include "PeerAuth.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QObject>
#include <QQueue>
#include <QTimer>

class QTcpSocket;

namespace d3::core {

/// One authenticated, shaped TCP connection between two d3lab peers. Both sides prove the shared token (PeerAuth:
/// the listener challenges, the dialer answers and challenges back, the listener answers); until both have, only
/// handshake frames of at most 1 KiB are read, and the handshake must end within handshakeTimeoutMs. Afterwards
/// frames flow both ways, each with a tag keyed from the handshake (a frame without the right tag closes the
/// connection); heartbeats are answered and consumed here; outgoing bytes pass this side's LinkShaper. Any
/// malformed input, or an allocation that fails, closes the connection with one logged reason and a closed()
/// signal; nothing else in the process is affected. Lives in the thread of its socket.
class PeerConnection : public QObject
{
    Q_OBJECT
public:
    /// Which side of the handshake this is.
    using Side = PeerAuth::Side;
    /// How long a handshake may take by default (from the connection's start).
    static constexpr int kHandshakeTimeoutMs = 5000;

    /// Takes ownership of a connected (or connecting) socket; localName is what this side calls itself.
    PeerConnection(QTcpSocket *socket, Side side, QByteArray token, QString localName, QObject *parent = nullptr);
    ~PeerConnection() override;

    /// Closes the connection unless the handshake has succeeded within ms of its start (0 = no deadline).
    void setHandshakeTimeout(int ms);
    /// True once the handshake succeeded.
    bool isAuthenticated() const { return m_authenticated; }
    /// The peer's address (as the connection began; a dialer's once it is connected).
    const QHostAddress &peerAddress() const { return m_peerAddress; }
    /// The peer's name (known after authentication).
    const QString &peerName() const { return m_peerName; }
    /// Why it closed ("" while open).
    const QString &closeReason() const { return m_closeReason; }
    /// Shapes this side's outgoing bytes from now on (see LinkShaper::configure).
    void setShaping(double rateMbps, qint64 burstBytes, double delayMs);
    /// The shaper (configured rate, released bytes).
    const LinkShaper &shaper() const { return m_shaper; }
    /// Sends a frame (after authentication; ignored when closed). frameSent() reports when its last byte has been
    /// handed to the kernel.
    void send(const Frame &frame);
    /// Liveness: after authentication, sends a Heartbeat every intervalMs while nothing else is queued (0 = never),
    /// and closes with "peer silent" when no byte has arrived for timeoutMs (0 = never).
    void setHeartbeat(int intervalMs, int timeoutMs);

    /// What this side has sent so far on this connection.
    struct SendStats {
        qint64 bytes = 0;       ///< bytes of frames sent with send() and written to the socket
        qint64 busyNs = 0;      ///< time with at least one such frame not yet written
        /// Measured throughput while busy, in Mbit/s (0 before anything was sent).
        double measuredMbps() const { return busyNs > 0 ? bytes * 8e3 / busyNs : 0; }
    };
    /// Bytes and busy time of everything sent with send().
    SendStats sendStats() const;
    /// Closes with a reason (logged; closed() is emitted once).
    void close(const QString &reason);

Q_SIGNALS:
    /// The handshake succeeded.
    void authenticated();
    /// A frame other than a heartbeat arrived after authentication (its tag checked).
    void frameReceived(const d3::core::Frame &frame);
    /// The connection closed; reason says why.
    void closed(const QString &reason);
    /// The last byte of a frame given to send() was written to the socket, transferMs after send() was called
    /// (shaping and the delay line included).
    void frameSent(quint64 requestId, quint16 type, qint64 bytes, double transferMs);

private:
    void onReadyRead();
    void handle(const Frame &frame);
    void handshake(const Frame &frame);
    void authenticate(const PeerAuth::Exchange &exchange);
    void sendNow(const Frame &frame);
    void pump();
    void write(const QList<QByteArray> &pieces);
    void onBytesWritten(qint64 bytes);
    /// When frameSent() of frames completed by written bytes is emitted: now (the socket reported the bytes) or
    /// from the event loop (a write that went to the kernel directly, inside send()).
    enum class Delivery { Now, Queued };
    void account(qint64 bytes, Delivery delivery);
    void checkLiveness();

    struct InFlight {
        qint64 end;        // offset of its last byte in this side's output stream
        quint64 requestId;
        quint16 type;
        qint64 bytes;
        qint64 sentNs;     // when send() was called
    };

    QTcpSocket *m_socket;
    QHostAddress m_peerAddress;
    Side m_side;
    QByteArray m_token;
    QString m_localName;
    QString m_peerName;
    PeerAuth::Exchange m_exchange; // what both sides said so far
    bool m_authenticated = false;
    QByteArray m_sendKey;          // keys of the frames' tags, from the handshake
    QByteArray m_receiveKey;
    quint64 m_sendSequence = 0;
    quint64 m_receiveSequence = 0;
    QTimer m_handshakeTimer;
    QString m_closeReason;
    FrameParser m_parser;
    LinkShaper m_shaper;
    QElapsedTimer m_clock;
    QTimer m_pumpTimer;
    QQueue<InFlight> m_inFlight;
    struct Kept {
        qint64 end;        // offset after its last byte in this side's output stream
        QByteArray bytes;  // a piece the socket's buffer holds a view of
    };
    QQueue<Kept> m_keepAlive;
    qint64 m_handedBytes = 0;   // bytes written to the kernel or the socket's buffer, in order
    qint64 m_streamBytes = 0;   // bytes given to send() or sendNow(), in order
    qint64 m_writtenBytes = 0;  // bytes the kernel took, directly or as the socket reported them written
    qint64 m_sentBytes = 0;     // frames of send() fully written
    qint64 m_busyNs = 0;
    qint64 m_busySinceNs = -1;
    QTimer m_heartbeatTimer;
    int m_heartbeatIntervalMs = 0;
    int m_silenceTimeoutMs = 0;
    qint64 m_lastHeardNs = 0;
    qint64 m_lastHeartbeatNs = 0;
};

} // namespace d3::core
