#include "net/MessageType.h"
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

    Pair(const QByteArray &listenerToken, const QByteArray &dialerToken)
    {
        app();
        EXPECT_TRUE(server.listen(QHostAddress::LocalHost, 0));
        QObject::connect(&server, &QTcpServer::newConnection, [this, listenerToken] {
            listener = std::make_unique<PeerConnection>(server.nextPendingConnection(), PeerConnection::Side::Listener,
                                                        listenerToken, QStringLiteral("edge-1"));
        });
        auto *socket = new QTcpSocket;
        socket->connectToHost(QHostAddress::LocalHost, server.serverPort());
        dialer = std::make_unique<PeerConnection>(socket, PeerConnection::Side::Dialer, dialerToken,
                                                  QStringLiteral("device"));
    }
};

TEST(PeerConnectionTest, SharedTokenAuthenticatesBothSidesAndFramesFlow)
{
    Pair pair(kToken, kToken);
    ASSERT_TRUE(spinUntil([&] { return pair.listener && pair.listener->isAuthenticated() && pair.dialer->isAuthenticated(); }));
    EXPECT_EQ(pair.listener->peerName(), QStringLiteral("device"));
    EXPECT_EQ(pair.dialer->peerName(), QStringLiteral("edge-1"));

    std::vector<Frame> received;
    QObject::connect(pair.listener.get(), &PeerConnection::frameReceived,
                     [&](const Frame &f) { received.push_back(f); });
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

} // namespace
} // namespace d3::core
