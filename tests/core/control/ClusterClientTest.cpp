// The controller's side of the wire against real and impostor workers.
#include "control/BlockingClient.h"
#include "control/ClusterClient.h"
#include "control/ClusterSession.h"

#include "EventLoop.h"
#include "TestFiles.h"
#include "WorkerProcess.h"
#include "protocol/HandshakeMessages.h"
#include "protocol/Message.h"

#include <QTcpServer>
#include <QTcpSocket>

#include <gtest/gtest.h>

namespace d3::core {
namespace {

// Once: an impostor at a node's address, without the token, answered AuthResult{ok: true} and was sent Load and
// Deploy (every node's host:port). Now it is never ready, and nothing past the handshake reaches it.
TEST(ClusterClientTest, AnImpostorAtAWorkersAddressIsNeverReadyAndIsSentNothing)
{
    test::EventLoop::app();
    QTcpServer impostor;
    ASSERT_TRUE(impostor.listen(QHostAddress::LocalHost, 0));
    QByteArray heard;
    QTcpSocket *socket = nullptr;
    QObject::connect(&impostor, &QTcpServer::newConnection, [&] {
        socket = impostor.nextPendingConnection();
        socket->write(frameOf(AuthChallengeMessage{QByteArray(32, 'c'), QStringLiteral("cloud")}).encode());
        QObject::connect(socket, &QTcpSocket::readyRead, [&] {
            heard += socket->readAll();
            socket->write(frameOf(AuthResultMessage{true, QByteArray(32, 'p')}).encode()); // a claim, not a proof
        });
    });
    ClusterClient client(test::WorkerProcess::kToken);
    BlockingClient calls(client);
    const auto failed = calls.connectAll({{QStringLiteral("cloud"), QStringLiteral("cloud"), QStringLiteral("127.0.0.1"),
                                           impostor.serverPort(), 0}}, 5000);
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(failed.first().contains(QStringLiteral("did not prove the token"))) << failed.first().toStdString();
    LoadMessage load;
    load.model = QStringLiteral("alexnet");
    client.load(QStringLiteral("cloud"), load);
    test::EventLoop::spinUntil([] { return false; }, 300);
    FrameParser parser(FrameParser::handshakeLimits());
    parser.feed(heard);
    int frames = 0;
    while (const auto f = parser.next()) {
        EXPECT_EQ(f->type, quint16(MessageType::AuthResponse));
        ++frames;
    }
    EXPECT_GE(frames, 1);
    EXPECT_FALSE(parser.failed()) << "something other than the handshake reached the impostor: "
                                  << parser.error().toStdString();
}

TEST(ClusterClientTest, AWorkerThatCallsItselfByAnotherNameIsRefusedWithOneLine)
{
    test::EventLoop::app();
    test::WorkerProcess worker; // calls itself "edge"
    ASSERT_NE(worker.port(), 0);
    ClusterClient client(test::WorkerProcess::kToken);
    BlockingClient calls(client);
    const auto failed = calls.connectAll({{QStringLiteral("edge2"), QStringLiteral("edge"), QStringLiteral("127.0.0.1"),
                                           worker.port(), 0}}, 5000);
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(failed.first().contains(QStringLiteral("calls itself 'edge', not 'edge2' (start it with --name edge2)")))
        << failed.first().toStdString();
}

// Once: the client kept every deployment ever made (each re-plan, probe and dragged cut).
TEST(ClusterClientTest, OnlyTheLatestDeploymentsAreKept)
{
    test::EventLoop::app();
    ClusterSession h(ClusterSession::fiveNodes(), test::TestFiles::d3worker());
    ASSERT_TRUE(h.ok()) << h.error().toStdString();
    QString why;
    ASSERT_TRUE(h.loadEverywhere(QStringLiteral("alexnet"), 1, &why)) << why.toStdString();
    const ModelGraph graph = test::TestFiles::builtin(QStringLiteral("alexnet"));
    quint64 first = 0, last = 0;
    for (int i = 0; i < 3 * Deployment::kKept; ++i) {
        Plan plan;
        plan.p = plan.q = i % graph.layerCount();
        const auto id = h.deploy(graph, plan, &why);
        ASSERT_TRUE(id) << why.toStdString();
        first = first ? first : *id;
        last = *id;
    }
    EXPECT_EQ(h.client().keptDeployments(), Deployment::kKept);
    EXPECT_TRUE(h.infer(last, quint64(1), &why)) << why.toStdString();
    EXPECT_FALSE(h.infer(first, quint64(1), &why));
    EXPECT_TRUE(why.contains(QStringLiteral("not deployed"))) << why.toStdString();
}

} // namespace
} // namespace d3::core
