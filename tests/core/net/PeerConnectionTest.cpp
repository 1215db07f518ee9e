#include "protocol/MessageType.h"
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
    f.type = quint16(MessageType::Heartbeat);
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
    f.type = quint16(MessageType::Heartbeat);
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
    QObject::connect(pair.listener.get(), &PeerConnection::frameReceived, [&](const Frame &f) {
        beats += f.type == quint16(MessageType::Heartbeat);
    });
    pair.dialer->setHeartbeat(50, 800);
    pair.listener->setHeartbeat(0, 800); // listens only: the dialer's beats keep it alive
    // The listener never answers, so the dialer hears nothing and gives up after its timeout; the listener, kept
    // alive by the beats, only sees the connection close.
    ASSERT_TRUE(spinUntil([&] { return !pair.dialer->closeReason().isEmpty(); }));
    ASSERT_TRUE(spinUntil([&] { return !pair.listener->closeReason().isEmpty(); }));
    EXPECT_EQ(pair.listener->closeReason().indexOf(QStringLiteral("silent")), -1) << pair.listener->closeReason().toStdString();
    EXPECT_GE(beats, 5);
    EXPECT_NE(pair.dialer->closeReason().indexOf(QStringLiteral("silent")), -1) << pair.dialer->closeReason().toStdString();
}

} // namespace
} // namespace d3::core
