#include "PeerConnection.h"

#include "protocol/MessageType.h"
#include "NetLog.h"
#include "PeerAuth.h"
#include "SocketIo.h"

#include <QTcpSocket>

#include <climits>

namespace d3::core {
namespace {

Frame message(MessageType type, QCborMap header = {})
{
    Frame f;
    f.type = quint16(type);
    f.header = std::move(header);
    return f;
}

/// The most the socket reads into its own buffer at a time: enough for a frame's head and for small frames; the
/// rest of a larger payload is read straight into the payload's own buffer (onReadyRead()).
constexpr qint64 kReadBufferBytes = 64 * 1024;

/// Resolution of the pump timer: QTimer counts whole milliseconds.
constexpr qint64 kPumpTickNs = 1000000;

} // namespace

PeerConnection::PeerConnection(QTcpSocket *socket, Side side, QByteArray token, QString localName, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_side(side)
    , m_token(std::move(token))
    , m_localName(std::move(localName))
{
    m_socket->setParent(this);
    m_clock.start();
    m_pumpTimer.setSingleShot(true);
    m_pumpTimer.setTimerType(Qt::PreciseTimer);
    m_shaper.setEarlyNs(kPumpTickNs / 2); // the timer wakes up to a tick late: aim half a tick early
    connect(&m_pumpTimer, &QTimer::timeout, this, &PeerConnection::pump);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &PeerConnection::checkLiveness);
    connect(m_socket, &QTcpSocket::readyRead, this, &PeerConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &PeerConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { close(QStringLiteral("peer disconnected")); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] { close(m_socket->errorString()); });
    auto start = [this] {
        // Writes are paced here already; Nagle's algorithm would only hold a small frame back until the previous
        // one is acknowledged (up to the peer's 40 ms delayed ACK).
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket->setReadBufferSize(kReadBufferBytes);
        if (m_side == Side::Listener) {
            m_challenge = PeerAuth::makeChallenge();
            sendNow(message(MessageType::AuthChallenge, {{QStringLiteral("challenge"), m_challenge}}));
        }
    };
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        QTimer::singleShot(0, this, start);
    else
        connect(m_socket, &QTcpSocket::connected, this, start);
}

PeerConnection::~PeerConnection()
{
    // Before m_keepAlive goes: the socket's buffer may still point into its pieces.
    disconnect(m_socket, nullptr, this, nullptr);
    delete m_socket;
}

void PeerConnection::setShaping(double rateMbps, qint64 burstBytes, double delayMs)
{
    m_shaper.configure(rateMbps, burstBytes, delayMs, m_clock.nsecsElapsed());
    pump();
}

void PeerConnection::send(const Frame &frame)
{
    if (!m_authenticated || !m_closeReason.isEmpty())
        return;
    const qint64 now = m_clock.nsecsElapsed();
    // The payload goes out as it is, shared with the caller (often the tensor's own bytes): only the preamble and
    // header are new bytes.
    const QByteArray head = frame.head();
    const qint64 size = head.size() + frame.payload.size();
    m_shaper.enqueue(head);
    m_shaper.enqueue(frame.payload);
    if (m_inFlight.isEmpty())
        m_busySinceNs = now;
    m_streamBytes += size;
    m_inFlight.enqueue({m_streamBytes, frame.requestId, frame.type, size, now});
    pump();
}

void PeerConnection::sendNow(const Frame &frame)
{
    if (!m_closeReason.isEmpty())
        return;
    const QByteArray bytes = frame.encode();
    m_streamBytes += bytes.size();
    write({bytes});
}

void PeerConnection::write(const QList<QByteArray> &pieces)
{
    // Straight to the kernel when nothing waits in the socket's buffer (else the order would break); what the
    // kernel does not take now follows through that buffer.
    qint64 skip = 0;
    if (m_socket->bytesToWrite() == 0 && m_socket->state() == QAbstractSocket::ConnectedState)
        skip = SocketIo::write(m_socket->socketDescriptor(), pieces);
    const qint64 direct = skip;
    for (const QByteArray &piece : pieces) {
        m_handedBytes += piece.size();
        if (skip >= piece.size()) {
            skip -= piece.size();
        } else if (skip == 0) {
            m_socket->write(piece); // kept without a copy from 4 KiB on
        } else {
            // The kernel took the start of piece: the socket queues the rest as a view, and piece is kept alive
            // until the socket has written it.
            m_socket->write(QByteArray::fromRawData(piece.constData() + skip, piece.size() - skip));
            m_keepAlive.enqueue({m_handedBytes, piece});
            skip = 0;
        }
    }
    if (direct > 0)
        account(direct, Delivery::Queued);
}

void PeerConnection::onBytesWritten(qint64 bytes)
{
    account(bytes, Delivery::Now);
}

void PeerConnection::account(qint64 bytes, Delivery delivery)
{
    m_writtenBytes += bytes;
    while (!m_keepAlive.isEmpty() && m_keepAlive.head().end <= m_writtenBytes)
        m_keepAlive.dequeue();
    const qint64 now = m_clock.nsecsElapsed();
    while (!m_inFlight.isEmpty() && m_inFlight.head().end <= m_writtenBytes) {
        const InFlight done = m_inFlight.dequeue();
        m_sentBytes += done.bytes;
        if (m_inFlight.isEmpty()) {
            m_busyNs += now - m_busySinceNs;
            m_busySinceNs = -1;
        }
        const double transferMs = (now - done.sentNs) / 1e6;
        if (delivery == Delivery::Now) {
            Q_EMIT frameSent(done.requestId, done.type, done.bytes, transferMs);
        } else {
            QMetaObject::invokeMethod(
                this, [this, done, transferMs] { Q_EMIT frameSent(done.requestId, done.type, done.bytes, transferMs); },
                Qt::QueuedConnection);
        }
    }
}

PeerConnection::SendStats PeerConnection::sendStats() const
{
    SendStats stats;
    stats.bytes = m_sentBytes;
    stats.busyNs = m_busyNs + (m_busySinceNs >= 0 ? m_clock.nsecsElapsed() - m_busySinceNs : 0);
    return stats;
}

void PeerConnection::setHeartbeat(int intervalMs, int timeoutMs)
{
    m_heartbeatIntervalMs = std::max(0, intervalMs);
    m_silenceTimeoutMs = std::max(0, timeoutMs);
    m_lastHeardNs = m_clock.nsecsElapsed();
    const int tick = std::min(m_heartbeatIntervalMs > 0 ? m_heartbeatIntervalMs : INT_MAX,
                              m_silenceTimeoutMs > 0 ? std::max(1, m_silenceTimeoutMs / 4) : INT_MAX);
    if (tick == INT_MAX)
        m_heartbeatTimer.stop();
    else
        m_heartbeatTimer.start(tick);
}

void PeerConnection::checkLiveness()
{
    if (!m_closeReason.isEmpty())
        return;
    const qint64 now = m_clock.nsecsElapsed();
    if (m_silenceTimeoutMs > 0 && now - m_lastHeardNs > qint64(m_silenceTimeoutMs) * 1000000)
        return close(QStringLiteral("peer '%1' silent for %2 ms").arg(m_peerName).arg((now - m_lastHeardNs) / 1000000));
    // Bytes already queued keep the peer hearing from us; a heartbeat would only wait behind them.
    if (m_authenticated && m_heartbeatIntervalMs > 0 && m_shaper.pendingBytes() == 0
        && now - m_lastHeartbeatNs >= qint64(m_heartbeatIntervalMs) * 1000000) {
        m_lastHeartbeatNs = now;
        send(message(MessageType::Heartbeat, {{QStringLiteral("beat"), true}}));
    }
}

void PeerConnection::pump()
{
    if (!m_closeReason.isEmpty())
        return;
    const qint64 now = m_clock.nsecsElapsed();
    // Whole buffers where possible: QTcpSocket keeps a written QByteArray of 4 KiB or more without copying it.
    const QList<QByteArray> ready = m_shaper.takeReadyPieces(now);
    if (!ready.isEmpty())
        write(ready);
    // A late wake-up costs no throughput: the shaper's tokens keep accruing while bytes wait.
    const qint64 next = m_shaper.nextEventNs(now);
    if (next >= 0)
        m_pumpTimer.start(int(std::max<qint64>(0, (next - now + kPumpTickNs - 1) / kPumpTickNs)));
    else
        m_pumpTimer.stop();
}

void PeerConnection::close(const QString &reason)
{
    if (!m_closeReason.isEmpty())
        return;
    m_closeReason = reason.isEmpty() ? QStringLiteral("closed") : reason;
    m_pumpTimer.stop();
    m_heartbeatTimer.stop();
    qCInfo(lcNet) << "connection" << m_socket->peerAddress().toString() << m_socket->peerPort() << "closed:"
                  << m_closeReason;
    m_socket->abort();
    Q_EMIT closed(m_closeReason);
}

void PeerConnection::onReadyRead()
{
    m_lastHeardNs = m_clock.nsecsElapsed();
    const qintptr descriptor = m_socket->socketDescriptor();
    while (m_closeReason.isEmpty()) {
        m_parser.readFrom(*m_socket); // from the socket's buffer into the frame, up to its end
        if (m_socket->bytesAvailable() == 0) // then the rest of a payload straight from the kernel into its buffer
            m_parser.readPayloadFrom([descriptor](char *to, qint64 max) { return SocketIo::read(descriptor, to, max); });
        const auto frame = m_parser.next();
        if (!frame)
            break;
        handle(*frame);
    }
    if (m_parser.failed())
        return close(QStringLiteral("refused: ") + m_parser.error());
    if (m_closeReason.isEmpty() && m_parser.inPayload()) // the sender may wait for our acknowledgement to go on
        SocketIo::acknowledgeNow(descriptor);
}

void PeerConnection::handle(const Frame &frame)
{
    const auto type = MessageType(frame.type);
    if (m_authenticated) {
        if (type == MessageType::AuthChallenge || type == MessageType::AuthResponse || type == MessageType::AuthResult)
            return close(QStringLiteral("refused: handshake message after authentication"));
        Q_EMIT frameReceived(frame);
        return;
    }
    if (m_side == Side::Listener && type == MessageType::AuthResponse) {
        const QString name = frame.header.value(QStringLiteral("name")).toString();
        const QByteArray response = frame.header.value(QStringLiteral("response")).toByteArray();
        if (name.isEmpty() || name.size() > 128 || !PeerAuth::verify(m_token, m_challenge, name, response)) {
            sendNow(message(MessageType::AuthResult, {{QStringLiteral("ok"), false}}));
            m_socket->flush();
            return close(QStringLiteral("refused: authentication failed (wrong token) for peer '%1'").arg(name.left(128)));
        }
        m_peerName = name;
        m_authenticated = true;
        sendNow(message(MessageType::AuthResult, {{QStringLiteral("ok"), true}, {QStringLiteral("name"), m_localName}}));
        Q_EMIT authenticated();
        return;
    }
    if (m_side == Side::Dialer && type == MessageType::AuthChallenge) {
        const QByteArray challenge = frame.header.value(QStringLiteral("challenge")).toByteArray();
        if (challenge.size() != PeerAuth::kChallengeBytes)
            return close(QStringLiteral("refused: malformed challenge"));
        sendNow(message(MessageType::AuthResponse, {{QStringLiteral("name"), m_localName},
                                                    {QStringLiteral("response"),
                                                     PeerAuth::respond(m_token, challenge, m_localName)}}));
        return;
    }
    if (m_side == Side::Dialer && type == MessageType::AuthResult) {
        if (!frame.header.value(QStringLiteral("ok")).toBool())
            return close(QStringLiteral("refused by the peer: authentication failed (wrong token?)"));
        m_peerName = frame.header.value(QStringLiteral("name")).toString();
        m_authenticated = true;
        Q_EMIT authenticated();
        return;
    }
    close(QStringLiteral("refused: message type %1 before authentication").arg(frame.type));
}

} // namespace d3::core
