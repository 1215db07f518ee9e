#include "PeerConnection.h"

#include "NetLog.h"
#include "protocol/HandshakeMessages.h"
#include "protocol/Message.h"
#include "protocol/MessageType.h"
#include "PeerAuth.h"
#include "SocketIo.h"

#include <QTcpSocket>

#include <climits>

namespace d3::core {
namespace {

/// The most the socket reads into its own buffer at a time: enough for a frame's head and for small frames; the
/// rest of a larger payload is read straight into the payload's own buffer (onReadyRead()).
constexpr qint64 kReadBufferBytes = 64 * 1024;

/// Resolution of the pump timer: QTimer counts whole milliseconds.
constexpr qint64 kPumpTickNs = 1000000;

} // namespace

PeerConnection::PeerConnection(QTcpSocket *socket, Side side, QByteArray token, QString localName, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_peerAddress(socket->peerAddress())
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
    m_parser.setLimits(FrameParser::handshakeLimits());
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, [this] {
        close(QStringLiteral("refused: no handshake within %1 ms").arg(m_handshakeTimer.interval()));
    });
    m_handshakeTimer.start(kHandshakeTimeoutMs);
    connect(m_socket, &QTcpSocket::readyRead, this, &PeerConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &PeerConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { close(QStringLiteral("peer disconnected")); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] { close(m_socket->errorString()); });
    auto start = [this] {
        m_peerAddress = m_socket->peerAddress(); // a dialer's socket knows it only now
        // Writes are paced here already; Nagle's algorithm would only hold a small frame back until the previous
        // one is acknowledged (up to the peer's 40 ms delayed ACK).
        m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        m_socket->setReadBufferSize(kReadBufferBytes);
        if (m_side == Side::Listener) {
            m_exchange.listenerChallenge = PeerAuth::makeChallenge();
            m_exchange.listenerName = m_localName;
            sendNow(frameOf(AuthChallengeMessage{m_exchange.listenerChallenge, m_localName}));
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

void PeerConnection::setHandshakeTimeout(int ms)
{
    if (m_authenticated || !m_closeReason.isEmpty())
        return;
    if (ms <= 0)
        return m_handshakeTimer.stop();
    const int elapsed = int(m_clock.elapsed());
    m_handshakeTimer.start(std::max(0, ms - elapsed));
    m_handshakeTimer.setInterval(ms); // what the message names
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
    QByteArray head = frame.head();
    const QByteArray tag = PeerAuth::frameTag(m_sendKey, m_sendSequence++, head);
    head.replace(Frame::kTagOffset, tag.size(), tag);
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
        send(frameOf(HeartbeatMessage{true}));
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
    m_handshakeTimer.stop();
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
        try {
            handle(*frame);
        } catch (const std::bad_alloc &) { // a receiver ran out of memory for this frame: it fails, not the process
            close(QStringLiteral("out of memory handling a frame of %1 payload bytes").arg(frame->payload.size()));
        }
    }
    if (m_parser.failed())
        return close(QStringLiteral("refused: ") + m_parser.error());
    if (m_closeReason.isEmpty() && m_parser.inPayload()) // the sender may wait for our acknowledgement to go on
        SocketIo::acknowledgeNow(descriptor);
}

void PeerConnection::handle(const Frame &frame)
{
    if (!m_authenticated)
        return handshake(frame);
    const auto type = MessageType(frame.type);
    if (frame.wireHead.size() < Frame::kPreambleSize)
        return close(QStringLiteral("refused: a frame without its head"));
    QByteArray head = frame.wireHead;
    const QByteArray tag = head.mid(Frame::kTagOffset, PeerAuth::kTagBytes);
    head.replace(Frame::kTagOffset, PeerAuth::kTagBytes, QByteArray(PeerAuth::kTagBytes, '\0'));
    if (!PeerAuth::equalInConstantTime(tag, PeerAuth::frameTag(m_receiveKey, m_receiveSequence++, head)))
        return close(QStringLiteral("refused: frame %1 from '%2' fails its authentication tag (altered, replayed or "
                                    "sent by a relay)").arg(m_receiveSequence - 1).arg(m_peerName));
    if (type == MessageType::AuthChallenge || type == MessageType::AuthResponse || type == MessageType::AuthResult)
        return close(QStringLiteral("refused: handshake message after authentication"));
    if (type == MessageType::Heartbeat) { // answered here: no owner needs to see them
        QString error;
        const auto beat = messageOf<HeartbeatMessage>(frame, &error);
        if (!beat)
            return close(QStringLiteral("refused: %1").arg(error));
        if (!beat->beat)
            send(frameOf(HeartbeatMessage{true}, frame.requestId));
        return;
    }
    Q_EMIT frameReceived(frame);
}

void PeerConnection::handshake(const Frame &frame)
{
    const auto type = MessageType(frame.type);
    QString error;
    if (m_side == Side::Listener && type == MessageType::AuthResponse && m_exchange.dialerChallenge.isEmpty()
        && !m_exchange.listenerChallenge.isEmpty()) {
        const auto response = messageOf<AuthResponseMessage>(frame, &error);
        PeerAuth::Exchange e = m_exchange;
        if (response) {
            e.dialerName = response->name;
            e.dialerChallenge = response->challenge;
        }
        if (!response || e.dialerChallenge == e.listenerChallenge
            || !PeerAuth::verifyProof(m_token, Side::Dialer, e, response->proof)) {
            sendNow(frameOf(AuthResultMessage{false, {}}));
            m_socket->flush();
            return close(response ? QStringLiteral("refused: authentication failed (wrong token) for peer '%1'")
                                        .arg(e.dialerName)
                                  : QStringLiteral("refused: %1").arg(error));
        }
        sendNow(frameOf(AuthResultMessage{true, PeerAuth::proof(m_token, Side::Listener, e)}));
        return authenticate(e);
    }
    if (m_side == Side::Dialer && type == MessageType::AuthChallenge && m_exchange.listenerChallenge.isEmpty()) {
        const auto challenge = messageOf<AuthChallengeMessage>(frame, &error);
        if (!challenge)
            return close(QStringLiteral("refused: malformed challenge (%1)").arg(error));
        m_exchange.listenerChallenge = challenge->challenge;
        m_exchange.listenerName = challenge->name;
        m_exchange.dialerName = m_localName;
        m_exchange.dialerChallenge = PeerAuth::makeChallenge();
        sendNow(frameOf(AuthResponseMessage{m_localName, m_exchange.dialerChallenge,
                                            PeerAuth::proof(m_token, Side::Dialer, m_exchange)}));
        return;
    }
    if (m_side == Side::Dialer && type == MessageType::AuthResult) {
        if (m_exchange.dialerChallenge.isEmpty())
            return close(QStringLiteral("refused: an authentication result before any challenge was exchanged"));
        const auto result = messageOf<AuthResultMessage>(frame, &error);
        if (result && !result->ok)
            return close(QStringLiteral("refused by the peer: authentication failed (wrong token?)"));
        if (!result || !PeerAuth::verifyProof(m_token, Side::Listener, m_exchange, result->proof))
            return close(QStringLiteral("refused: the peer '%1' did not prove the token (an impostor, or a relay)")
                             .arg(m_exchange.listenerName));
        return authenticate(m_exchange);
    }
    close(QStringLiteral("refused: %1 out of place in the handshake").arg(messageName(frame.type)));
}

void PeerConnection::authenticate(const PeerAuth::Exchange &exchange)
{
    m_exchange = exchange;
    const Side other = m_side == Side::Listener ? Side::Dialer : Side::Listener;
    m_sendKey = PeerAuth::frameKey(m_token, m_side, exchange);
    m_receiveKey = PeerAuth::frameKey(m_token, other, exchange);
    m_peerName = m_side == Side::Listener ? exchange.dialerName : exchange.listenerName;
    m_authenticated = true;
    m_handshakeTimer.stop();
    m_parser.setLimits(FrameParser::Limits());
    Q_EMIT authenticated();
}

} // namespace d3::core
