#include "protocol/MessageType.h"
#include "net/FrameParser.h"
#include "net/PeerAuth.h"
#include "net/PeerConnection.h"

#include "EventLoop.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace d3::core {
namespace {

const QByteArray kToken("a shared lab token, 32 bytes ok");

QCoreApplication &app()
{
    return test::EventLoop::app();
}

bool spinUntil(const std::function<bool()> &done, int ms = 5000)
{
    return test::EventLoop::spinUntil(done, ms);
}

/// A listener on a free loopback port and one dialer connected to it.
struct Pair {
    QTcpServer server;
    std::unique_ptr<PeerConnection> listener;
    std::unique_ptr<PeerConnection> dialer;
    QTcpSocket *dialerSocket = nullptr; // owned by dialer

    Pair(const QByteArray &listenerToken, const QByteArray &dialerToken)
    {
        app();
        EXPECT_TRUE(server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&server, &QTcpServer::newConnection, [this, listenerToken] {
            listener = std::make_unique<PeerConnection>(server.nextPendingConnection(), PeerConnection::Side::Listener,
                                                        listenerToken, QStringLiteral("edge-1"));
        });
        dialerSocket = new QTcpSocket;
        dialerSocket->connectToHost(QHostAddress::LocalHost, server.serverPort());
        dialer = std::make_unique<PeerConnection>(dialerSocket, PeerConnection::Side::Dialer, dialerToken,
                                                  QStringLiteral("device"));
    }

    /// Waits until both sides have authenticated; false after 5 s.
    bool authenticate()
    {
        return spinUntil([this] { return listener && listener->isAuthenticated() && dialer->isAuthenticated(); });
    }

    /// From now on, every frame the listener receives goes to received, in order.
    void collect()
    {
        QObject::connect(listener.get(), &PeerConnection::frameReceived, [this](const Frame &f) { received.push_back(f); });
    }
    std::vector<Frame> received;
};

TEST(PeerConnectionTest, SharedTokenAuthenticatesBothSidesAndFramesFlow)
{
    Pair pair(kToken, kToken);
    ASSERT_TRUE(pair.authenticate());
    EXPECT_EQ(pair.listener->peerName(), QStringLiteral("device"));
    EXPECT_EQ(pair.dialer->peerName(), QStringLiteral("edge-1"));

    pair.collect();
    std::vector<Frame> &received = pair.received;
    pair.dialer->setShaping(100, 0, 5); // 100 Mbit/s and 5 ms: the shaped path
    Frame f;
    f.type = quint16(MessageType::GetLinks);
    f.requestId = 42;
    f.payload = QByteArray(300000, 'x');
    pair.dialer->send(f);
    ASSERT_TRUE(spinUntil([&] { return !received.empty(); }));
    EXPECT_EQ(received.front().requestId, 42u);
    EXPECT_EQ(received.front().payload, f.payload);
    EXPECT_GE(pair.dialer->shaper().releasedBytes(), f.payload.size());
}

// Writes are paced by the shaper; Nagle's algorithm would hold a small frame back until the previous one is
// acknowledged, which the peer may delay by 40 ms (d3bench_net saw a second small frame take 41 to 47 ms).
TEST(PeerConnectionTest, NagleIsOffSoASmallFrameIsNotHeldBack)
{
    Pair pair(kToken, kToken);
    ASSERT_TRUE(pair.authenticate());
    EXPECT_EQ(pair.dialerSocket->socketOption(QAbstractSocket::LowDelayOption).toInt(), 1);
}

// A payload is sent as it is (shared with the caller, not copied into the frame). One of 6 MiB is more than the
// kernel takes at once: the rest follows through the socket's buffer, and the peer receives the same frame,
// followed in order by a small one.
TEST(PeerConnectionTest, ALargePayloadArrivesIntactAndInOrder)
{
    Pair pair(kToken, kToken);
    ASSERT_TRUE(pair.authenticate());
    pair.collect();
    std::vector<Frame> &received = pair.received;
    Frame big;
    big.type = quint16(MessageType::RangeResult);
    big.requestId = 5;
    big.header.insert(QStringLiteral("n"), 1);
    big.payload = QByteArray(6 * 1024 * 1024 + 3, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.payload.size(); ++i)
        big.payload[i] = char(i * 7 + 1);
    Frame small = big;
    small.requestId = 6;
    small.payload = "tail";
    pair.dialer->send(big);
    pair.dialer->send(small);
    ASSERT_TRUE(spinUntil([&] { return received.size() == 2; }));
    EXPECT_EQ(received[0].requestId, 5u);
    EXPECT_EQ(received[0].header, big.header);
    EXPECT_EQ(received[0].payload, big.payload);
    EXPECT_EQ(received[1].payload, QByteArray("tail"));
    EXPECT_EQ(pair.dialer->sendStats().bytes, big.encode().size() + small.encode().size());
}

// Frames go straight to the kernel when nothing is queued before them, and through the socket's buffer when
// something is: a burst of frames larger than the socket takes at once, each released by its sender right after
// send(), arrives intact and in order, and frameSent reports each once, in order, never from inside send().
TEST(PeerConnectionTest, ABurstOfFramesArrivesIntactInOrderAndEachIsReportedOnce)
{
    Pair pair(kToken, kToken);
    ASSERT_TRUE(pair.authenticate());
    pair.collect();
    std::vector<Frame> &received = pair.received;
    std::vector<quint64> sent;
    bool inSend = false;
    bool reportedInSend = false;
    QObject::connect(pair.dialer.get(), &PeerConnection::frameSent, [&](quint64 id, quint16, qint64, double) {
        sent.push_back(id);
        reportedInSend = reportedInSend || inSend;
    });
    auto payload = [](quint64 id) {
        QByteArray bytes(qsizetype(id % 3) * 700000 + 5000 + qsizetype(id), Qt::Uninitialized);
        for (qsizetype i = 0; i < bytes.size(); ++i)
            bytes[i] = char(i * 13 + id);
        return bytes;
    };
    constexpr quint64 kFrames = 24;
    for (quint64 id = 1; id <= kFrames; ++id) {
        Frame f;
        f.type = quint16(MessageType::RangeResult);
        f.requestId = id;
        f.payload = payload(id);
        inSend = true;
        pair.dialer->send(f);
        inSend = false;
    } // each payload's last reference outside the connection goes here
    ASSERT_TRUE(spinUntil([&] { return received.size() == kFrames && sent.size() == kFrames; }));
    EXPECT_FALSE(reportedInSend);
    for (quint64 id = 1; id <= kFrames; ++id) {
        EXPECT_EQ(received[id - 1].requestId, id);
        EXPECT_EQ(received[id - 1].payload, payload(id)) << "frame " << id;
        EXPECT_EQ(sent[id - 1], id);
    }
}

TEST(PeerConnectionTest, WrongTokenIsRefusedOnBothSides)
{
    Pair pair(kToken, "a different token of enough size");
    ASSERT_TRUE(spinUntil([&] { return pair.listener && !pair.listener->closeReason().isEmpty()
                                       && !pair.dialer->closeReason().isEmpty(); }));
    EXPECT_FALSE(pair.listener->isAuthenticated());
    EXPECT_FALSE(pair.dialer->isAuthenticated());
    EXPECT_NE(pair.listener->closeReason().indexOf(QStringLiteral("authentication failed")), -1);
}

TEST(PeerConnectionTest, GarbageClosesOnlyThatConnection)
{
    app();
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    std::vector<std::unique_ptr<PeerConnection>> accepted;
    QObject::connect(&server, &QTcpServer::newConnection, [&] {
        while (QTcpSocket *s = server.nextPendingConnection())
            accepted.push_back(std::make_unique<PeerConnection>(s, PeerConnection::Side::Listener, kToken,
                                                                QStringLiteral("edge-1")));
    });
    QTcpSocket rogue;
    rogue.connectToHost(QHostAddress::LocalHost, server.serverPort());
    ASSERT_TRUE(rogue.waitForConnected(2000));
    rogue.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    ASSERT_TRUE(spinUntil([&] { return !accepted.empty() && !accepted[0]->closeReason().isEmpty(); }));
    EXPECT_NE(accepted[0]->closeReason().indexOf(QStringLiteral("magic")), -1);

    // A well-behaved peer is still served afterwards.
    auto *socket = new QTcpSocket;
    socket->connectToHost(QHostAddress::LocalHost, server.serverPort());
    PeerConnection good(socket, PeerConnection::Side::Dialer, kToken, QStringLiteral("device"));
    ASSERT_TRUE(spinUntil([&] { return good.isAuthenticated(); }));
}

TEST(PeerConnectionTest, AFrameBeforeAuthenticationIsRefused)
{
    app();
    QTcpServer server;
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0));
    std::unique_ptr<PeerConnection> listener;
    QObject::connect(&server, &QTcpServer::newConnection, [&] {
        listener = std::make_unique<PeerConnection>(server.nextPendingConnection(), PeerConnection::Side::Listener,
                                                    kToken, QStringLiteral("edge-1"));
    });
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, server.serverPort());
    ASSERT_TRUE(raw.waitForConnected(2000));
    Frame f;
    f.type = quint16(MessageType::Heartbeat);
    raw.write(f.encode());
    ASSERT_TRUE(spinUntil([&] { return listener && !listener->closeReason().isEmpty(); }));
    EXPECT_NE(listener->closeReason().indexOf(QStringLiteral("before authentication")), -1);
}

TEST(PeerConnectionTest, FrameSentReportsEachFrameOnceWithItsTransferTime)
{
    Pair pair(kToken, kToken);
    ASSERT_TRUE(pair.authenticate());
    struct Sent { quint64 id; qint64 bytes; double ms; };
    std::vector<Sent> sent;
    QObject::connect(pair.dialer.get(), &PeerConnection::frameSent,
                     [&](quint64 id, quint16, qint64 bytes, double ms) { sent.push_back({id, bytes, ms}); });
    pair.dialer->setShaping(0, 0, 30); // unlimited rate, 30 ms one-way delay
    Frame f;
    f.type = quint16(MessageType::GetLinks);
    for (quint64 id : {7u, 8u}) {
        f.requestId = id;
        f.payload = QByteArray(int(id) * 1000, 'x');
        pair.dialer->send(f);
    }
    ASSERT_TRUE(spinUntil([&] { return sent.size() == 2; }));
    EXPECT_EQ(sent[0].id, 7u);
    EXPECT_EQ(sent[1].id, 8u);
    EXPECT_EQ(sent[0].bytes, Frame::kPreambleSize + 1 + 7000); // an empty CBOR map is one byte
    EXPECT_GE(sent[0].ms, 30.0); // the delay line holds it back
    const auto stats = pair.dialer->sendStats();
    EXPECT_EQ(stats.bytes, sent[0].bytes + sent[1].bytes);
    EXPECT_GE(stats.busyNs, 30000000);
    EXPECT_GT(stats.measuredMbps(), 0.0);
}

TEST(PeerConnectionTest, HeartbeatsKeepASilentPairAliveAndSilenceClosesIt)
{
    Pair pair(kToken, kToken);
    ASSERT_TRUE(pair.authenticate());
    int beats = 0;
    int seen = 0;
    QObject::connect(pair.dialer.get(), &PeerConnection::frameSent, [&](quint64, quint16 type, qint64, double) {
        beats += type == quint16(MessageType::Heartbeat);
    });
    QObject::connect(pair.listener.get(), &PeerConnection::frameReceived, [&](const Frame &) { ++seen; });
    pair.dialer->setHeartbeat(50, 800);
    pair.listener->setHeartbeat(0, 800); // listens only: the dialer's beats keep it alive
    // The listener never sends, so the dialer hears nothing and gives up after its timeout; the listener, kept
    // alive by the beats, only sees the connection close.
    ASSERT_TRUE(spinUntil([&] { return !pair.dialer->closeReason().isEmpty(); }));
    ASSERT_TRUE(spinUntil([&] { return !pair.listener->closeReason().isEmpty(); }));
    EXPECT_EQ(pair.listener->closeReason().indexOf(QStringLiteral("silent")), -1) << pair.listener->closeReason().toStdString();
    EXPECT_GE(beats, 5);
    EXPECT_EQ(seen, 0); // heartbeats are consumed by the connection
    EXPECT_NE(pair.dialer->closeReason().indexOf(QStringLiteral("silent")), -1) << pair.dialer->closeReason().toStdString();
}

TEST(PeerConnectionTest, AHeartbeatAskingForAnAnswerIsAnsweredByTheConnectionItself)
{
    Pair pair(kToken, kToken);
    ASSERT_TRUE(pair.authenticate());
    std::vector<quint64> answered;
    int seen = 0;
    QObject::connect(pair.listener.get(), &PeerConnection::frameSent, [&](quint64 id, quint16 type, qint64, double) {
        if (type == quint16(MessageType::Heartbeat))
            answered.push_back(id);
    });
    QObject::connect(pair.listener.get(), &PeerConnection::frameReceived, [&](const Frame &) { ++seen; });
    QObject::connect(pair.dialer.get(), &PeerConnection::frameReceived, [&](const Frame &) { ++seen; });
    Frame ask;
    ask.type = quint16(MessageType::Heartbeat);
    ask.requestId = 77;
    pair.dialer->send(ask);
    ASSERT_TRUE(spinUntil([&] { return !answered.empty(); }));
    EXPECT_EQ(answered, std::vector<quint64>{77});
    spinUntil([] { return false; }, 100);
    EXPECT_EQ(seen, 0);
    EXPECT_TRUE(pair.dialer->closeReason().isEmpty());
}

/// A raw TCP peer speaking bytes of its own choosing to a listener-side PeerConnection.
struct RawDialer {
    QTcpServer server;
    std::unique_ptr<PeerConnection> listener;
    QTcpSocket raw;

    RawDialer()
    {
        app();
        EXPECT_TRUE(server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&server, &QTcpServer::newConnection, [this] {
            listener = std::make_unique<PeerConnection>(server.nextPendingConnection(), PeerConnection::Side::Listener,
                                                        kToken, QStringLiteral("edge-1"));
        });
        raw.connectToHost(QHostAddress::LocalHost, server.serverPort());
        EXPECT_TRUE(raw.waitForConnected(2000));
    }
    /// Waits until the listener closed; its reason ("" if it stayed open for 5 s).
    QString closed()
    {
        spinUntil([this] { return listener && !listener->closeReason().isEmpty(); });
        return listener ? listener->closeReason() : QString();
    }
};

/// A raw TCP listener accepting one dialer-side PeerConnection, answering with bytes of its own choosing.
struct RawListener {
    QTcpServer server;
    QTcpSocket *raw = nullptr;
    std::unique_ptr<PeerConnection> dialer;

    RawListener()
    {
        app();
        EXPECT_TRUE(server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&server, &QTcpServer::newConnection, [this] { raw = server.nextPendingConnection(); });
        auto *socket = new QTcpSocket;
        socket->connectToHost(QHostAddress::LocalHost, server.serverPort());
        dialer = std::make_unique<PeerConnection>(socket, PeerConnection::Side::Dialer, kToken, QStringLiteral("device"));
        EXPECT_TRUE(spinUntil([this] { return raw != nullptr; }));
    }
    /// The frames the dialer sent so far (parsed as a listener would before authentication).
    const std::vector<Frame> &received()
    {
        m_parser.feed(raw->readAll());
        while (auto f = m_parser.next())
            m_received.push_back(*f);
        return m_received;
    }
    QString closed()
    {
        spinUntil([this] { return !dialer->closeReason().isEmpty(); });
        return dialer->closeReason();
    }
    FrameParser m_parser{FrameParser::handshakeLimits()};
    std::vector<Frame> m_received;
};

Frame handshakeFrame(MessageType type, QCborMap header)
{
    Frame f;
    f.type = quint16(type);
    f.header = std::move(header);
    return f;
}

TEST(PeerConnectionTest, BeforeAuthenticationALargeFrameIsRefusedAtItsPreamble)
{
    RawDialer peer;
    Frame big = handshakeFrame(MessageType::AuthResponse, {});
    big.payload = QByteArray(64 * 1024, 'x'); // announces 64 KiB: a real one announced 1 GiB and sent this much
    peer.raw.write(big.encode());
    const QString why = peer.closed();
    EXPECT_NE(why.indexOf(QStringLiteral("payload of 65536 bytes exceeds the limit of 0")), -1) << why.toStdString();
    EXPECT_FALSE(peer.listener->isAuthenticated());

    RawDialer second;
    QByteArray head = handshakeFrame(MessageType::AuthResponse, {}).encode();
    head.replace(16, 4, QByteArray("\x00\x00\x10\x00", 4)); // a 1 MiB CBOR header
    second.raw.write(head);
    EXPECT_NE(second.closed().indexOf(QStringLiteral("exceeds the limit of 1024")), -1);
}

TEST(PeerConnectionTest, AHandshakeNotFinishedBeforeItsDeadlineIsClosed)
{
    RawDialer peer;
    ASSERT_TRUE(spinUntil([&] { return peer.listener != nullptr; }));
    peer.listener->setHandshakeTimeout(300);
    peer.raw.write(QByteArray("D3L")); // slowloris: a few bytes, then nothing
    const QString why = peer.closed();
    EXPECT_NE(why.indexOf(QStringLiteral("no handshake within 300 ms")), -1) << why.toStdString();
}

TEST(PeerConnectionTest, ADialerRefusesAnAuthResultWithoutAnExchange)
{
    RawListener impostor;
    impostor.raw->write(handshakeFrame(MessageType::AuthResult, {{QStringLiteral("ok"), true},
                                                                {QStringLiteral("name"), QStringLiteral("cloud")}})
                            .encode());
    const QString why = impostor.closed();
    EXPECT_NE(why.indexOf(QStringLiteral("before any challenge was exchanged")), -1) << why.toStdString();
    EXPECT_FALSE(impostor.dialer->isAuthenticated());
}

TEST(PeerConnectionTest, ADialerRefusesAListenerThatCannotProveTheToken)
{
    RawListener impostor;
    impostor.raw->write(handshakeFrame(MessageType::AuthChallenge,
                                       {{QStringLiteral("challenge"), PeerAuth::makeChallenge()},
                                        {QStringLiteral("name"), QStringLiteral("cloud")}})
                            .encode());
    ASSERT_TRUE(spinUntil([&] { return !impostor.received().empty(); }));
    EXPECT_EQ(impostor.received()[0].type, quint16(MessageType::AuthResponse));
    // Without the token the impostor can only claim success.
    impostor.raw->write(handshakeFrame(MessageType::AuthResult, {{QStringLiteral("ok"), true},
                                                                {QStringLiteral("proof"), QByteArray(32, 'p')}})
                            .encode());
    const QString why = impostor.closed();
    EXPECT_NE(why.indexOf(QStringLiteral("did not prove the token")), -1) << why.toStdString();
    EXPECT_FALSE(impostor.dialer->isAuthenticated());
}

TEST(PeerConnectionTest, APeerOnAnOlderProtocolVersionIsRefusedWithOneLine)
{
    RawListener old;
    QByteArray v1 = handshakeFrame(MessageType::AuthChallenge, {{QStringLiteral("challenge"), PeerAuth::makeChallenge()}})
                        .encode();
    v1[4] = 1; // version 1, little endian
    v1[5] = 0;
    old.raw->write(v1);
    const QString why = old.closed();
    EXPECT_NE(why.indexOf(QStringLiteral("protocol version 1, this build speaks 2")), -1) << why.toStdString();
}

// A relay in the middle without the token: it passes a real listener's challenge to a real dialer and the answers
// back, so both authenticate, but every frame it then sends of its own fails the frames' tags.
TEST(PeerConnectionTest, ARelayThatPassedTheHandshakeCannotSpeakOnTheConnection)
{
    app();
    QTcpServer realServer;
    ASSERT_TRUE(realServer.listen(QHostAddress::LocalHost, 0));
    std::unique_ptr<PeerConnection> real;
    QObject::connect(&realServer, &QTcpServer::newConnection, [&] {
        real = std::make_unique<PeerConnection>(realServer.nextPendingConnection(), PeerConnection::Side::Listener,
                                                kToken, QStringLiteral("cloud"));
    });
    QTcpServer relayServer;
    ASSERT_TRUE(relayServer.listen(QHostAddress::LocalHost, 0));
    QTcpSocket toReal;
    toReal.connectToHost(QHostAddress::LocalHost, realServer.serverPort());
    ASSERT_TRUE(toReal.waitForConnected(2000));
    auto *socket = new QTcpSocket;
    socket->connectToHost(QHostAddress::LocalHost, relayServer.serverPort());
    PeerConnection controller(socket, PeerConnection::Side::Dialer, kToken, QStringLiteral("controller"));
    QTcpSocket *fromController = nullptr;
    QObject::connect(&relayServer, &QTcpServer::newConnection, [&] { fromController = relayServer.nextPendingConnection(); });
    ASSERT_TRUE(spinUntil([&] { return fromController != nullptr; }));
    auto fromReal = [&] { fromController->write(toReal.readAll()); };
    auto fromDialer = [&] { toReal.write(fromController->readAll()); };
    QObject::connect(&toReal, &QTcpSocket::readyRead, fromReal);
    QObject::connect(fromController, &QTcpSocket::readyRead, fromDialer);
    fromReal(); // the challenge may have arrived before the relay was wired
    fromDialer();
    ASSERT_TRUE(spinUntil([&] { return real && real->isAuthenticated() && controller.isAuthenticated(); }));

    Frame takeOver;
    takeOver.type = quint16(MessageType::SetSlowdown);
    takeOver.header = {{QStringLiteral("factor"), 1000}};
    int received = 0;
    QObject::connect(real.get(), &PeerConnection::frameReceived, [&](const Frame &) { ++received; });
    toReal.write(takeOver.encode());
    ASSERT_TRUE(spinUntil([&] { return !real->closeReason().isEmpty(); }));
    EXPECT_NE(real->closeReason().indexOf(QStringLiteral("fails its authentication tag")), -1)
        << real->closeReason().toStdString();
    EXPECT_EQ(received, 0);
}

} // namespace
} // namespace d3::core
