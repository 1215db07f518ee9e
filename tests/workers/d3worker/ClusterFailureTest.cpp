// A cluster of real d3worker processes under failure: a worker killed mid-request, a silent worker, shaped links
// set by message, and malformed or unauthenticated peers.
#include "EventLoop.h"
#include "control/ClusterSession.h"
#include "TestFiles.h"
#include "io/SyntheticInput.h"
#include "net/Frame.h"
#include "net/PeerConnection.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QtEndian>

#include <gtest/gtest.h>

#include <csignal>
#include <iostream>

namespace d3 {
namespace {

using core::ClusterSession;
using test::EventLoop;

core::Plan split(int p, int q, int edgeNode)
{
    core::Plan plan;
    plan.p = p;
    plan.q = q;
    plan.edgeNode = edgeNode;
    return plan;
}

qint64 pidOf(ClusterSession &h, const QString &name)
{
    for (const core::WorkerEndpoint &e : h.cluster().endpoints())
        if (e.name == name)
            return e.pid;
    return 0;
}

TEST(ClusterFailureTest, AWorkerKilledMidRequestFailsThatRequestPromptlyAndTheRestGoOn)
{
    EventLoop::app();
    auto specs = ClusterSession::fiveNodes();
    specs[1].slowdown = 30; // edge1 takes seconds for its range: time enough to kill it mid-request
    ClusterSession h(specs, test::TestFiles::d3worker());
    ASSERT_TRUE(h.ok()) << h.error().toStdString();
    QString why;
    ASSERT_TRUE(h.loadEverywhere(QStringLiteral("resnet18"), 1, &why)) << why.toStdString();
    const core::ModelGraph graph = test::TestFiles::builtin(QStringLiteral("resnet18"));
    const int n = graph.layerCount();
    const auto onEdge1 = h.deploy(graph, split(2, n - 2, 0), &why);
    ASSERT_TRUE(onEdge1) << why.toStdString();

    QString reason;
    quint64 failedId = 0;
    QObject::connect(&h.client(), &core::ClusterClient::requestFailed, [&](quint64 id, const QString &r) {
        failedId = id;
        reason = r;
    });
    const core::HostTensor input = core::SyntheticInput::make(graph.inputShape(), 1);
    const quint64 id = h.client().infer(*onEdge1, input);
    EventLoop::spinUntil([] { return false; }, 500); // the device's two layers are done by now; edge1 computes
    ASSERT_EQ(h.client().pending(), 1);
    QElapsedTimer sinceKill;
    sinceKill.start();
    ASSERT_TRUE(h.cluster().kill(QStringLiteral("edge1")));
    ASSERT_TRUE(EventLoop::spinUntil([&] { return failedId != 0; }, 10000)) << "the request hangs";
    const qint64 ms = sinceKill.elapsed();
    std::cout << "killed worker noticed after " << ms << " ms: " << reason.toStdString() << "\n";
    EXPECT_EQ(failedId, id);
    EXPECT_LT(ms, 2000);
    EXPECT_NE(reason.indexOf(QStringLiteral("edge1")), -1) << reason.toStdString();
    EXPECT_EQ(h.client().pending(), 0);

    // The survivors serve the next plan (edge2 instead of edge1).
    const auto onEdge2 = h.deploy(graph, split(2, n - 2, 1), &why);
    ASSERT_TRUE(onEdge2) << why.toStdString();
    EXPECT_TRUE(h.infer(*onEdge2, input, &why)) << why.toStdString();
}

TEST(ClusterFailureTest, ASilentWorkerIsLostAfterTheHeartbeatTimeout)
{
    EventLoop::app();
    ClusterSession h(ClusterSession::fiveNodes(), test::TestFiles::d3worker());
    ASSERT_TRUE(h.ok()) << h.error().toStdString();
    QString lost;
    QObject::connect(&h.client(), &core::ClusterClient::nodeLost, [&](const QString &node, const QString &) { lost = node; });
    const qint64 pid = pidOf(h, QStringLiteral("cloud"));
    ASSERT_GT(pid, 0);
    QElapsedTimer sinceStop;
    sinceStop.start();
    ::kill(pid_t(pid), SIGSTOP); // alive, connected, and silent
    const bool noticed = EventLoop::spinUntil([&] { return !lost.isEmpty(); }, 10000);
    const qint64 ms = sinceStop.elapsed();
    ::kill(pid_t(pid), SIGCONT);
    ASSERT_TRUE(noticed);
    std::cout << "silent worker noticed after " << ms << " ms\n";
    EXPECT_EQ(lost, QStringLiteral("cloud"));
    EXPECT_GE(ms, 900); // not before the 1 s timeout...
    EXPECT_LT(ms, 3000); // ...and soon after it (a loose bound: the machine is shared)
}

TEST(ClusterFailureTest, LinkShapingSetByMessageReachesTheSenderAndPacesItsData)
{
    EventLoop::app();
    ClusterSession h(ClusterSession::fiveNodes(), test::TestFiles::d3worker());
    ASSERT_TRUE(h.ok()) << h.error().toStdString();
    QString why;
    ASSERT_TRUE(h.loadEverywhere(QStringLiteral("alexnet"), 1, &why)) << why.toStdString();
    const core::ModelGraph graph = test::TestFiles::builtin(QStringLiteral("alexnet"));
    QVector<core::LinkStat> links;
    QObject::connect(&h.client(), &core::ClusterClient::linkStats,
                     [&](const QString &, const QVector<core::LinkStat> &l) { links = l; });
    const double rate = 20, delay = 15;
    EXPECT_FALSE(h.client().setLink(QStringLiteral("device"), QStringLiteral("nobody"), {rate, 0, delay}));
    ASSERT_TRUE(h.client().setLink(QStringLiteral("device"), QStringLiteral("edge1"), {rate, 0, delay}));
    ASSERT_TRUE(EventLoop::spinUntil([&] { return !links.isEmpty(); }));
    EXPECT_EQ(links.at(0).to, QStringLiteral("edge1"));
    EXPECT_EQ(links.at(0).rateMbps, rate);

    // Edge-only: the raw input travels device -> edge1 through the shaped link.
    const auto planId = h.deploy(graph, split(0, graph.layerCount(), 0), &why);
    ASSERT_TRUE(planId) << why.toStdString();
    const auto result = h.infer(*planId, core::SyntheticInput::make(graph.inputShape(), 1), &why);
    ASSERT_TRUE(result) << why.toStdString();
    const core::HopReport *uplink = nullptr;
    for (const core::HopReport &hop : result->hops)
        if (hop.kind == core::HopReport::Kind::Transfer && hop.node == QLatin1String("device"))
            uplink = &hop;
    ASSERT_NE(uplink, nullptr);
    EXPECT_EQ(uplink->to, QStringLiteral("edge1"));
    // The shaper can only be slower than configured: the delay plus the bytes beyond one burst at the rate.
    const double floorMs = delay + (uplink->bytes - 64 * 1024) * 8.0 / (rate * 1e3);
    std::cout << uplink->bytes << " bytes in " << uplink->ms << " ms (at least " << floorMs << " expected)\n";
    EXPECT_GE(uplink->ms, floorMs);

    links = {};
    h.client().queryLinks(QStringLiteral("device"));
    ASSERT_TRUE(EventLoop::spinUntil([&] { return !links.isEmpty(); }));
    const core::LinkStat edge1 = links.at(0);
    EXPECT_GE(edge1.bytes, uplink->bytes); // heartbeats travel the link too
    EXPECT_GT(edge1.measuredMbps, 0.0);
    EXPECT_LE(edge1.measuredMbps, rate * 1.05);
}

/// Raw bytes to a worker's port; true if the worker closes the connection within 5 s.
bool workerHangsUpOn(quint16 port, const QByteArray &bytes)
{
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, port);
    if (!raw.waitForConnected(3000))
        return false;
    raw.write(bytes);
    return EventLoop::spinUntil([&] { return raw.state() == QAbstractSocket::UnconnectedState; }, 5000);
}

QByteArray preamble(quint16 version, quint32 headerBytes, quint64 payloadBytes)
{
    QByteArray b(core::Frame::kPreambleSize, '\0');
    memcpy(b.data(), "D3LB", 4);
    qToLittleEndian<quint16>(version, b.data() + 4);
    qToLittleEndian<quint16>(4, b.data() + 6);
    qToLittleEndian<quint32>(headerBytes, b.data() + 16);
    qToLittleEndian<quint64>(payloadBytes, b.data() + 20);
    return b;
}

TEST(ClusterFailureTest, BadPeersAreRefusedAndTheClusterKeepsServing)
{
    EventLoop::app();
    ClusterSession h(ClusterSession::fiveNodes(), test::TestFiles::d3worker());
    ASSERT_TRUE(h.ok()) << h.error().toStdString();
    quint16 port = 0;
    for (const core::WorkerEndpoint &e : h.cluster().endpoints())
        if (e.name == QLatin1String("edge1"))
            port = e.port;
    EXPECT_TRUE(workerHangsUpOn(port, preamble(2, 1, 0))) << "wrong version";
    EXPECT_TRUE(workerHangsUpOn(port, preamble(1, 1, quint64(1) << 40))) << "oversized payload";
    EXPECT_TRUE(workerHangsUpOn(port, preamble(1, 1u << 30, 0))) << "oversized header";
    EXPECT_TRUE(workerHangsUpOn(port, QByteArray(64, '\xff'))) << "garbage";
    { // a truncated frame, then the peer goes away
        QTcpSocket raw;
        raw.connectToHost(QHostAddress::LocalHost, port);
        ASSERT_TRUE(raw.waitForConnected(3000));
        raw.write(preamble(1, 100, 10).left(20));
        raw.waitForBytesWritten(1000);
    }
    { // a peer with the wrong token
        auto *socket = new QTcpSocket;
        socket->connectToHost(QHostAddress::LocalHost, port);
        core::PeerConnection wrong(socket, core::PeerConnection::Side::Dialer, "not the cluster's token at all",
                                   QStringLiteral("intruder"));
        ASSERT_TRUE(EventLoop::spinUntil([&] { return !wrong.closeReason().isEmpty(); }));
        EXPECT_FALSE(wrong.isAuthenticated());
    }
    // edge1 still computes for the cluster.
    QString why;
    ASSERT_TRUE(h.loadEverywhere(QStringLiteral("alexnet"), 1, &why)) << why.toStdString();
    const core::ModelGraph graph = test::TestFiles::builtin(QStringLiteral("alexnet"));
    const auto planId = h.deploy(graph, split(3, 10, 0), &why);
    ASSERT_TRUE(planId) << why.toStdString();
    EXPECT_TRUE(h.infer(*planId, core::SyntheticInput::make(graph.inputShape(), 1), &why)) << why.toStdString();
    EXPECT_EQ(h.client().readyNodes().size(), 5);
}

} // namespace
} // namespace d3
