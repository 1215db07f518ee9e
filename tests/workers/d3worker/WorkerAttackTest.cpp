// Attacks a hostile host on the LAN could make on a d3worker, each of which must fail (docs/PROTOCOL.md, Before
// authentication): on a real worker process over loopback.
#include "EventLoop.h"
#include "WorkerProcess.h"
#include "net/FrameParser.h"
#include "net/PeerAuth.h"
#include "TestFiles.h"
#include "protocol/Deployment.h"
#include "protocol/Message.h"
#include "protocol/RequestMessages.h"

#include <QCborArray>

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtEndian>

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace d3 {
namespace {

using test::EventLoop;
using test::WorkerProcess;
using test::message;
using test::request;

/// A frame the handshake allows (AuthResponse) that announces payloadBytes, of which only `send` bytes follow.
QByteArray hugeHandshakeFrame(quint64 payloadBytes, int send)
{
    core::Frame f = message(core::MessageType::AuthResponse);
    QByteArray bytes = f.encode();
    qToLittleEndian<quint64>(payloadBytes, bytes.data() + 20);
    return bytes + QByteArray(send, 'x');
}

/// Opens count raw connections to port (not yet connected when returned).
std::vector<std::unique_ptr<QTcpSocket>> openRaw(quint16 port, int count)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < count; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->connectToHost(QHostAddress::LocalHost, port);
    }
    return sockets;
}

int stillOpen(const std::vector<std::unique_ptr<QTcpSocket>> &sockets)
{
    int open = 0;
    for (const auto &s : sockets)
        open += s->state() != QAbstractSocket::UnconnectedState;
    return open;
}

/// True once a real peer authenticates and is answered.
bool served(const WorkerProcess &worker, int ms = 10000)
{
    auto peer = worker.connect();
    if (!EventLoop::spinUntil([&] { return peer->isAuthenticated() || !peer->closeReason().isEmpty(); }, ms)
        || !peer->isAuthenticated())
        return false;
    const auto links = request(*peer, message(core::MessageType::GetLinks), ms);
    return links && links->type == quint16(core::MessageType::LinkStats);
}

// Once: a peer without the token announced a 1 GiB payload and sent 64 KiB; the worker reserved 1 GiB for each
// such connection (8 of them: VmSize 0.6 to 9.0 GB) and died of std::bad_alloc under an address-space limit.
TEST(WorkerAttackTest, ALargeFrameBeforeAuthenticationAllocatesNothing)
{
    WorkerProcess worker;
    ASSERT_NE(worker.port(), 0);
    ASSERT_TRUE(served(worker)); // the worker's own buffers are in place before the baseline
    const qint64 before = worker.statusKiB("VmSize");
    const qint64 residentBefore = worker.statusKiB("VmRSS");
    auto attackers = openRaw(worker.port(), 8);
    for (auto &s : attackers) {
        ASSERT_TRUE(s->waitForConnected(5000));
        s->write(hugeHandshakeFrame(quint64(1) << 30, 64 * 1024));
    }
    ASSERT_TRUE(EventLoop::spinUntil([&] { return stillOpen(attackers) == 0; }, 10000))
        << stillOpen(attackers) << " connections still open";
    // Reserving the announced payloads would add 8 GiB of address space. A new malloc arena for a thread reserves
    // 64 MiB of it without touching it, so the bound on VmSize is 512 MiB and on resident memory 64 MiB.
    const qint64 after = worker.statusKiB("VmSize");
    const qint64 residentAfter = worker.statusKiB("VmRSS");
    EXPECT_LT(after - before, 512 * 1024) << "VmSize grew from " << before << " to " << after << " KiB";
    EXPECT_LT(residentAfter - residentBefore, 64 * 1024)
        << "VmRSS grew from " << residentBefore << " to " << residentAfter << " KiB";
    EXPECT_TRUE(worker.running());
    EXPECT_TRUE(served(worker));
}

// Exit makes a worker leave: a peer that has not proved the token cannot send it, not even as its first frame.
TEST(WorkerAttackTest, AnExitBeforeAuthenticationIsDroppedWithItsConnection)
{
    WorkerProcess worker;
    ASSERT_NE(worker.port(), 0);
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, worker.port());
    ASSERT_TRUE(raw.waitForConnected(5000));
    raw.write(message(core::MessageType::Exit, {{QStringLiteral("reason"), QStringLiteral("hostile")}}).encode());
    ASSERT_TRUE(EventLoop::spinUntil([&] { return raw.state() == QAbstractSocket::UnconnectedState; }, 10000));
    EXPECT_TRUE(worker.running());
    EXPECT_TRUE(served(worker));
}

// Once: idle and slowloris connections were held for as long as the attacker liked, thousands of them.
TEST(WorkerAttackTest, AFloodOfIdleConnectionsIsCappedTimedOutAndCannotKeepARealPeerOut)
{
    WorkerProcess worker;
    ASSERT_NE(worker.port(), 0);
    ASSERT_TRUE(served(worker));
    const int baseline = worker.openDescriptors();
    auto flood = openRaw(worker.port(), 300);
    EventLoop::spinUntil([] { return false; }, 1000);
    for (int i = 0; i < 300; i += 3)
        if (flood[i]->state() == QAbstractSocket::ConnectedState)
            flood[i]->write("D3L"); // some slowloris, the rest idle
    EXPECT_TRUE(served(worker)) << "a real peer was kept out";
    // The cap: never more than PeerListener::kMaxUnauthenticated (64) handshakes held at once (the real peer's
    // connection and the listening socket aside), however many the attacker opened; sampled over 8 s.
    int most = 0;
    EventLoop::spinUntil([&] {
        most = std::max(most, worker.openDescriptors() - baseline);
        return false;
    }, 8000);
    EXPECT_LE(most, 64 + 2) << "the worker held up to " << most << " descriptors more than before the flood";
    EXPECT_TRUE(served(worker));
    flood.clear();

    // The deadline: one idle connection is closed by the worker after 5 s.
    QTcpSocket idle;
    idle.connectToHost(QHostAddress::LocalHost, worker.port());
    ASSERT_TRUE(idle.waitForConnected(5000));
    QElapsedTimer held;
    held.start();
    ASSERT_TRUE(EventLoop::spinUntil([&] { return idle.state() == QAbstractSocket::UnconnectedState; }, 15000));
    EXPECT_GE(held.elapsed(), 4000);
}

// Once: with 256 descriptors the worker spun at 89% CPU in its accept loop and turned real peers away.
TEST(WorkerAttackTest, OutOfDescriptorsAcceptingPausesInsteadOfSpinning)
{
    WorkerProcess worker({QStringLiteral("--nofile=64")}, QStringLiteral("prlimit"));
    ASSERT_NE(worker.port(), 0) << "d3worker under prlimit --nofile=64 did not start";
    auto flood = openRaw(worker.port(), 150); // more than the worker has descriptors for
    EventLoop::spinUntil([] { return false; }, 500);
    const double cpuBefore = worker.cpuMs();
    EventLoop::spinUntil([] { return false; }, 1000);
    const double busy = worker.cpuMs() - cpuBefore;
    // A spinning accept loop uses the whole second; a paused one next to nothing.
    EXPECT_LT(busy, 500.0) << "the worker used " << busy << " ms of CPU in 1 s with its descriptors exhausted";
    EXPECT_TRUE(worker.running());
    flood.clear(); // the attacker lets go: the worker is reachable again
    EXPECT_TRUE(served(worker));
}

// Once: a relay without the token passed a real worker's challenge to d3ctl and, authenticated in its name, sent
// the worker Load and SetSlowdown 1000. The handshake still passes through a relay, but the frames' tags do not.
TEST(WorkerAttackTest, ARelayCannotSpeakToAWorkerInTheControllersName)
{
    WorkerProcess worker;
    ASSERT_NE(worker.port(), 0);
    QTcpServer relay;
    ASSERT_TRUE(relay.listen(QHostAddress::LocalHost, 0));
    QTcpSocket toWorker;
    toWorker.connectToHost(QHostAddress::LocalHost, worker.port());
    ASSERT_TRUE(toWorker.waitForConnected(5000));
    QTcpSocket *fromController = nullptr;
    QObject::connect(&relay, &QTcpServer::newConnection, [&] { fromController = relay.nextPendingConnection(); });
    auto *socket = new QTcpSocket;
    socket->connectToHost(QHostAddress::LocalHost, relay.serverPort());
    core::PeerConnection controller(socket, core::PeerConnection::Side::Dialer, WorkerProcess::kToken,
                                    QStringLiteral("controller"));
    ASSERT_TRUE(EventLoop::spinUntil([&] { return fromController != nullptr; }, 5000));
    QByteArray fromWorker;
    bool relaying = true;
    auto relayFromWorker = [&] {
        const QByteArray bytes = toWorker.readAll();
        fromWorker += bytes;
        if (relaying)
            fromController->write(bytes);
    };
    auto relayFromController = [&] { toWorker.write(fromController->readAll()); };
    QObject::connect(&toWorker, &QTcpSocket::readyRead, relayFromWorker);
    QObject::connect(fromController, &QTcpSocket::readyRead, relayFromController);
    relayFromWorker(); // the worker's challenge may have arrived before the relay was wired
    relayFromController();
    ASSERT_TRUE(EventLoop::spinUntil([&] { return controller.isAuthenticated(); }, 10000));

    relaying = false;
    fromWorker.clear();
    core::Frame takeOver = message(core::MessageType::SetSlowdown, {{QStringLiteral("factor"), 1000}});
    takeOver.requestId = 9;
    toWorker.write(takeOver.encode());
    ASSERT_TRUE(EventLoop::spinUntil([&] { return toWorker.state() == QAbstractSocket::UnconnectedState; }, 5000))
        << "the worker kept the relayed connection open";
    // Nothing but heartbeats came back: no SlowdownSet.
    core::FrameParser parser;
    parser.feed(fromWorker);
    while (auto f = parser.next())
        EXPECT_EQ(f->type, quint16(core::MessageType::Heartbeat));
    EXPECT_TRUE(served(worker));
}

// An allocation that fails (here under an address-space limit set on the running worker) fails that connection,
// never the process.
TEST(WorkerAttackTest, AnAllocationThatFailsClosesThatConnectionOnly)
{
    WorkerProcess worker;
    ASSERT_NE(worker.port(), 0);
    auto peer = worker.connect();
    ASSERT_TRUE(EventLoop::spinUntil([&] { return peer->isAuthenticated(); }, 10000));
    const qint64 vm = worker.statusKiB("VmSize");
    ASSERT_GT(vm, 0);
    const qint64 limit = (vm + 256 * 1024) * 1024; // 256 MiB of room (the soft limit only: it is lifted again below)
    ASSERT_EQ(QProcess::execute(QStringLiteral("prlimit"),
                                {QStringLiteral("--pid"), QString::number(worker.pid()),
                                 QStringLiteral("--as=%1:").arg(limit)}), 0);
    core::Frame big = message(core::MessageType::RunRange, {{QStringLiteral("a"), 0}, {QStringLiteral("b"), 0}});
    big.payload = QByteArray(900 * 1024 * 1024, 'x'); // 900 MiB: more than the room left
    peer->send(big);
    ASSERT_TRUE(EventLoop::spinUntil([&] { return !peer->closeReason().isEmpty(); }, 30000));
    EXPECT_TRUE(worker.running());
    EXPECT_TRUE(EventLoop::spinUntil([&] { return worker.output().contains(QStringLiteral("out of memory")); }, 5000))
        << worker.output().right(2000).toStdString();
    ASSERT_EQ(QProcess::execute(QStringLiteral("prlimit"), {QStringLiteral("--pid"), QString::number(worker.pid()),
                                                           QStringLiteral("--as=unlimited:")}), 0);
    EXPECT_TRUE(served(worker));
}

// A peer with the token sends a compressed tensor that claims far more values than the model's tensor of that id
// has (a decompression bomb: 16 bytes that say 64 Mi floats): refused before anything is allocated for it, with one
// line, the connection closed, the worker serving others.
TEST(WorkerAttackTest, ADecompressionBombIsRefusedAndItsConnectionClosed)
{
    WorkerProcess worker;
    ASSERT_NE(worker.port(), 0);
    auto peer = worker.connect();
    ASSERT_TRUE(EventLoop::spinUntil([&] { return peer->isAuthenticated(); }, 10000));
    const auto loaded = request(*peer, message(core::MessageType::Load, {{QStringLiteral("model"), QStringLiteral("alexnet")}}));
    ASSERT_TRUE(loaded && loaded->type == quint16(core::MessageType::Loaded));
    const core::ModelGraph graph = test::TestFiles::builtin(QStringLiteral("alexnet"));
    core::Plan plan;
    plan.p = 3;
    plan.q = graph.layerCount();
    plan.codecs[size_t(core::PlanLink::Uplink)] = core::WireCodec::ZeroValue;
    QString why;
    const QString me = QStringLiteral("test-controller");
    const auto d = core::Deployment::make(graph, 5, plan, me, {QStringLiteral("edge")}, QStringLiteral("cloud"),
                                          {{me, QStringLiteral("127.0.0.1:1")},
                                           {QStringLiteral("edge"), QStringLiteral("127.0.0.1:%1").arg(worker.port())},
                                           {QStringLiteral("cloud"), QStringLiteral("127.0.0.1:2")}},
                                          &why);
    ASSERT_TRUE(d) << why.toStdString();
    peer->send(message(core::MessageType::Deploy, d->toCbor()));

    core::DataMessage data;
    data.planId = 5;
    data.kind = core::DataKind::Cut;
    data.at = 3;
    data.to = QStringLiteral("edge");
    core::Frame bomb = core::frameOf(data, 77);
    bomb.payload = QByteArray(16, '\0');
    bomb.header.insert(QStringLiteral("tensors"),
                       QCborArray{QCborMap{{QStringLiteral("id"), 3}, {QStringLiteral("dtype"), QStringLiteral("f32")},
                                           {QStringLiteral("shape"), QCborArray{64, 1024, 1024}},
                                           {QStringLiteral("offset"), 0}, {QStringLiteral("bytes"), 16},
                                           {QStringLiteral("codec"), QStringLiteral("zero")}}});
    const qint64 vmBefore = worker.statusKiB("VmPeak");
    peer->send(bomb);
    ASSERT_TRUE(EventLoop::spinUntil([&] { return !peer->closeReason().isEmpty(); }, 10000))
        << "the worker kept the connection of a peer that sent a bomb";
    EXPECT_TRUE(worker.running());
    EXPECT_TRUE(EventLoop::spinUntil([&] { return worker.output().contains(QStringLiteral("more than")); }, 5000))
        << worker.output().right(2000).toStdString();
    EXPECT_LT(worker.statusKiB("VmPeak") - vmBefore, 128 * 1024) << "256 MiB were not allocated for the claim";
    EXPECT_TRUE(served(worker));
}

// Data for a plan the worker does not have (it was started again since the plan was deployed, or the peer is out of
// step): the connection ends at once, so the sender fails its request now instead of at the request's timeout.
TEST(WorkerAttackTest, DataForAPlanTheWorkerDoesNotKnowEndsThatConnection)
{
    WorkerProcess worker({QStringLiteral("--name"), QStringLiteral("edge")});
    ASSERT_NE(worker.port(), 0);
    auto peer = worker.connect();
    ASSERT_TRUE(EventLoop::spinUntil([&] { return peer->isAuthenticated(); }, 10000));
    core::DataMessage data;
    data.planId = 99;
    data.kind = core::DataKind::Cut;
    data.at = 3;
    data.to = QStringLiteral("edge");
    peer->send(core::frameOf(data, 78));
    ASSERT_TRUE(EventLoop::spinUntil([&] { return !peer->closeReason().isEmpty(); }, 10000))
        << "the worker kept a connection that sends data for a plan it does not know";
    EXPECT_TRUE(EventLoop::spinUntil([&] { return worker.output().contains(QStringLiteral("does not know plan 99")); }, 5000))
        << worker.output().right(2000).toStdString();
    EXPECT_TRUE(worker.running());
    EXPECT_TRUE(served(worker));
}

} // namespace
} // namespace d3
