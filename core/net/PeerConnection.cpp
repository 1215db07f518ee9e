#include "PeerConnection.h"

#include "MessageType.h"
#include "NetLog.h"
#include "PeerAuth.h"

#include <QTcpSocket>

namespace d3::core {
namespace {

Frame message(MessageType type, QCborMap header = {})
{
    Frame f;
    f.type = quint16(type);
    f.header = std::move(header);
    return f;
}

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
    connect(&m_pumpTimer, &QTimer::timeout, this, &PeerConnection::pump);
    connect(m_socket, &QTcpSocket::readyRead, this, &PeerConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { close(QStringLiteral("peer disconnected")); });
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] { close(m_socket->errorString()); });
    auto start = [this] {
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

PeerConnection::~PeerConnection() = default;

void PeerConnection::setShaping(double rateMbps, qint64 burstBytes, double delayMs)
{
    m_shaper.configure(rateMbps, burstBytes, delayMs, m_clock.nsecsElapsed());
    pump();
}

void PeerConnection::send(const Frame &frame)
{
    if (!m_authenticated || !m_closeReason.isEmpty())
        return;
    m_shaper.enqueue(frame.encode());
    pump();
}

void PeerConnection::sendNow(const Frame &frame)
{
    if (m_closeReason.isEmpty())
        m_socket->write(frame.encode());
}

void PeerConnection::pump()
{
    if (!m_closeReason.isEmpty())
        return;
    const qint64 now = m_clock.nsecsElapsed();
    const QByteArray ready = m_shaper.takeReady(now);
    if (!ready.isEmpty())
        m_socket->write(ready);
    const qint64 next = m_shaper.nextEventNs(now);
    if (next >= 0)
        m_pumpTimer.start(int(std::max<qint64>(0, (next - now + 999999) / 1000000)));
}

void PeerConnection::close(const QString &reason)
{
    if (!m_closeReason.isEmpty())
        return;
    m_closeReason = reason.isEmpty() ? QStringLiteral("closed") : reason;
    m_pumpTimer.stop();
    qCInfo(lcNet) << "connection" << m_socket->peerAddress().toString() << m_socket->peerPort() << "closed:"
                  << m_closeReason;
    m_socket->abort();
    Q_EMIT closed(m_closeReason);
}

void PeerConnection::onReadyRead()
{
    m_parser.feed(m_socket->readAll());
    while (m_closeReason.isEmpty()) {
        const auto frame = m_parser.next();
        if (!frame)
            break;
        handle(*frame);
    }
    if (m_parser.failed())
        close(QStringLiteral("refused: ") + m_parser.error());
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
