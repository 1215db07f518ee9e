#include "Engine.h"
#include "TestFiles.h"
#include "graph/ModelCatalog.h"
#include "io/SyntheticInput.h"
#include "io/TensorComparison.h"
#include "net/BeaconListener.h"
#include "protocol/MessageType.h"
#include "net/PeerConnection.h"
#include "protocol/TensorCodec.h"

#include "EventLoop.h"
#include "Exactness.h"
#include "WorkerProcess.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace d3 {
namespace {

using test::WorkerProcess;
using test::message;
using test::request;
const QByteArray kToken(WorkerProcess::kToken);

QCoreApplication &app()
{
    return test::EventLoop::app();
}

bool spinUntil(const std::function<bool()> &done, int ms = 60000)
{
    return test::EventLoop::spinUntil(done, ms);
}

TEST(WorkerProcessTest, LoadsAModelAndRunsRangesExactlyAsTheLocalEngine)
{
    WorkerProcess worker;
    ASSERT_NE(worker.port(), 0);
    auto peer = worker.connect(kToken);
    ASSERT_TRUE(spinUntil([&] { return peer->isAuthenticated(); }, 10000)) << peer->closeReason().toStdString();

    const auto loaded = request(*peer, message(core::MessageType::Load, {{QStringLiteral("model"), QStringLiteral("resnet18")},
                                                                        {QStringLiteral("seed"), 3}}));
    ASSERT_TRUE(loaded.has_value());
    ASSERT_EQ(core::MessageType(loaded->type), core::MessageType::Loaded)
        << loaded->header.value(QStringLiteral("message")).toString().toStdString();

    const core::ModelGraph graph = test::TestFiles::builtin(QStringLiteral("resnet18"));
    QString error;
    engine::WeightSource weights;
    weights.seed = 3;
    const auto local = engine::Engine::create(graph, weights, &error);
    ASSERT_TRUE(local) << error.toStdString();
    EXPECT_EQ(loaded->header.value(QStringLiteral("fingerprint")).toString(), local->fingerprint());

    // The device's part locally, the edge's range on the worker (a cut inside a block: two tensors cross), the
    // rest locally: the result must equal the local monolithic forward.
    const core::HostTensor input = core::SyntheticInput::make(graph.inputShape(), 5);
    const int p = 10, q = 40;
    ASSERT_GE(graph.cut(q).tensors.size(), 1);
    const auto atP = local->runRange(0, p, {{0, input}}, &error);
    ASSERT_TRUE(atP) << error.toStdString();
    core::Frame run = message(core::MessageType::RunRange, {{QStringLiteral("a"), p}, {QStringLiteral("b"), q}});
    core::TensorCodec::encode(*atP, &run);
    const auto result = request(*peer, run);
    ASSERT_TRUE(result.has_value());
    ASSERT_EQ(core::MessageType(result->type), core::MessageType::RangeResult)
        << result->header.value(QStringLiteral("message")).toString().toStdString();
    EXPECT_GT(result->header.value(QStringLiteral("compute_ms")).toDouble(), 0.0);
    const auto atQ = core::TensorCodec::decode(*result, &error);
    ASSERT_TRUE(atQ) << error.toStdString();
    const auto out = local->runRange(q, graph.layerCount(), *atQ, &error);
    ASSERT_TRUE(out) << error.toStdString();
    const auto whole = local->forward(input, &error);
    test::Exactness::expectContract(core::TensorComparison::compare(out->value(graph.outputTensor()), *whole),
                                    "resnet18 [10, 40) on the worker");

    // A bad request gets an Error reply and the connection stays usable.
    core::Frame bad = message(core::MessageType::RunRange, {{QStringLiteral("a"), q}, {QStringLiteral("b"), p}});
    core::TensorCodec::encode(*atP, &bad);
    const auto refused = request(*peer, bad);
    ASSERT_TRUE(refused.has_value());
    EXPECT_EQ(core::MessageType(refused->type), core::MessageType::Error);
    const auto links = request(*peer, message(core::MessageType::GetLinks), 5000);
    ASSERT_TRUE(links.has_value());
    EXPECT_EQ(core::MessageType(links->type), core::MessageType::LinkStats);
}

TEST(WorkerProcessTest, WrongTokenIsRefusedAndTheWorkerServesOthers)
{
    WorkerProcess worker;
    ASSERT_NE(worker.port(), 0);
    auto intruder = worker.connect("not the token, but long enough");
    ASSERT_TRUE(spinUntil([&] { return !intruder->closeReason().isEmpty(); }, 10000));
    EXPECT_FALSE(intruder->isAuthenticated());

    QTcpSocket garbage;
    garbage.connectToHost(QHostAddress::LocalHost, worker.port());
    ASSERT_TRUE(garbage.waitForConnected(5000));
    garbage.write(QByteArray(64, '\x7f'));
    garbage.flush();

    auto friendPeer = worker.connect(kToken);
    ASSERT_TRUE(spinUntil([&] { return friendPeer->isAuthenticated(); }, 10000));
    const auto links = request(*friendPeer, message(core::MessageType::GetLinks), 5000);
    ASSERT_TRUE(links.has_value());
}

TEST(WorkerProcessTest, AnExitMessageEndsTheWorkerWithStatus3AsACrashWould)
{
    WorkerProcess worker({QStringLiteral("--name"), QStringLiteral("edge7")});
    auto peer = worker.connect(kToken);
    ASSERT_TRUE(spinUntil([&] { return peer->isAuthenticated(); }, 10000));
    // A malformed Exit is an Error like any malformed message: the worker stays.
    const auto refused = request(*peer, message(core::MessageType::Exit, {{QStringLiteral("reason"), 7}}), 5000);
    ASSERT_TRUE(refused.has_value());
    EXPECT_EQ(core::MessageType(refused->type), core::MessageType::Error);
    EXPECT_TRUE(worker.running());

    peer->send(message(core::MessageType::Exit, {{QStringLiteral("reason"), QStringLiteral("a test")}}));
    ASSERT_TRUE(spinUntil([&] { return !peer->closeReason().isEmpty(); }, 10000)); // no answer: the connection ends
    EXPECT_EQ(worker.waitForExit(10000), 3); // a failure, which a supervisor's Restart=on-failure starts again
    EXPECT_TRUE(worker.output().contains(QStringLiteral("d3worker edge7: exits with status 3: asked by test-controller (a test)")))
        << worker.output().toStdString();
}

TEST(WorkerProcessTest, LoadNeverOpensAPathAMessageNames)
{
    WorkerProcess worker;
    auto peer = worker.connect(kToken);
    ASSERT_TRUE(spinUntil([&] { return peer->isAuthenticated(); }, 10000));
    const auto answer = request(*peer, message(core::MessageType::Load,
                                               {{QStringLiteral("model"), test::TestFiles::sourceDir()
                                                                              + QStringLiteral("/models/alexnet.json")}}));
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(core::MessageType(answer->type), core::MessageType::Error);
}

TEST(WorkerProcessTest, IntegerFieldsOutOfRangeAreRefusedNotTruncated)
{
    WorkerProcess worker;
    auto peer = worker.connect(kToken);
    ASSERT_TRUE(spinUntil([&] { return peer->isAuthenticated(); }, 10000));
    auto expectError = [&](core::MessageType type, const QCborMap &header, const QString &what) {
        const auto answer = request(*peer, message(type, header));
        ASSERT_TRUE(answer.has_value());
        EXPECT_EQ(core::MessageType(answer->type), core::MessageType::Error) << what.toStdString();
        EXPECT_TRUE(answer->header.value(QStringLiteral("message")).toString().contains(what))
            << answer->header.value(QStringLiteral("message")).toString().toStdString();
    };
    // A seed of -1 would wrap to 2^64 - 1, and 1.5 would fall back to seed 1: both are refused.
    const QString model = QStringLiteral("alexnet");
    expectError(core::MessageType::Load, {{QStringLiteral("model"), model}, {QStringLiteral("seed"), -1}},
                QStringLiteral("'seed'"));
    expectError(core::MessageType::Load, {{QStringLiteral("model"), model}, {QStringLiteral("seed"), 1.5}},
                QStringLiteral("'seed'"));
    expectError(core::MessageType::Load,
                {{QStringLiteral("model"), model}, {QStringLiteral("seed"), QStringLiteral("7")}},
                QStringLiteral("'seed'"));
    const auto loaded = request(*peer, message(core::MessageType::Load, {{QStringLiteral("model"), model},
                                                                         {QStringLiteral("seed"), 2}}));
    ASSERT_TRUE(loaded.has_value());
    ASSERT_EQ(core::MessageType(loaded->type), core::MessageType::Loaded);

    // RunRange's cuts: 2^32 + 1 used to be truncated to 1 and run [1, 1); every cut outside 0..n is refused.
    const core::ModelGraph graph = test::TestFiles::builtin(model);
    const core::HostTensor input = core::SyntheticInput::make(graph.inputShape(), 5);
    for (const qint64 a : {qint64(1) << 32, (qint64(1) << 32) + 1, qint64(-1), qint64(graph.layerCount() + 1)}) {
        core::Frame run = message(core::MessageType::RunRange, {{QStringLiteral("a"), a}, {QStringLiteral("b"), 1}});
        core::TensorCodec::encode({{0, input}}, &run);
        const auto answer = request(*peer, run);
        ASSERT_TRUE(answer.has_value());
        EXPECT_EQ(core::MessageType(answer->type), core::MessageType::Error) << "a = " << a;
        EXPECT_TRUE(answer->header.value(QStringLiteral("message")).toString().contains(
            QStringLiteral("RunRange: 'a' must be an integer in 0..%1").arg(graph.layerCount())))
            << answer->header.value(QStringLiteral("message")).toString().toStdString();
    }
    // The worker still serves a good request on the same connection.
    core::Frame good = message(core::MessageType::RunRange, {{QStringLiteral("a"), 0}, {QStringLiteral("b"), 1}});
    core::TensorCodec::encode({{0, input}}, &good);
    const auto answer = request(*peer, good);
    ASSERT_TRUE(answer.has_value());
    EXPECT_EQ(core::MessageType(answer->type), core::MessageType::RangeResult)
        << answer->header.value(QStringLiteral("message")).toString().toStdString();
}

TEST(WorkerProcessTest, WithABeaconTheWorkerAnnouncesItsRoleAndPortOverUdp)
{
    app();
    core::BeaconListener listener;
    QString error;
    ASSERT_TRUE(listener.start(0, &error)) << error.toStdString();
    std::optional<core::WorkerBeacon> heard;
    QObject::connect(&listener, &core::BeaconListener::heard, [&](const core::WorkerBeacon &b) { heard = b; });
    WorkerProcess worker({QStringLiteral("--name"), QStringLiteral("edge9"), QStringLiteral("--beacon"),
                          QStringLiteral("127.0.0.1:%1").arg(listener.port())});
    ASSERT_GT(worker.port(), 0);
    ASSERT_TRUE(spinUntil([&] { return heard.has_value(); }, 10000));
    EXPECT_EQ(heard->name, QStringLiteral("edge9"));
    EXPECT_EQ(heard->role, QStringLiteral("edge"));
    EXPECT_EQ(heard->port, worker.port());
}

TEST(WorkerProcessTest, ABadBeaconAddressIsOneLineAndNoWorker)
{
    app();
    QTemporaryDir dir;
    const QString tokenFile = test::TestFiles::write(dir, QStringLiteral("token"), kToken);
    QProcess p;
    p.start(test::TestFiles::d3worker(), {QStringLiteral("--role"), QStringLiteral("edge"), QStringLiteral("--listen"),
                                          QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"), tokenFile,
                                          QStringLiteral("--beacon"), QStringLiteral("lan")});
    ASSERT_TRUE(p.waitForFinished(30000));
    EXPECT_EQ(p.exitCode(), 2);
    const QString err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    EXPECT_TRUE(err.startsWith(QStringLiteral("d3worker: --beacon must be HOST:PORT"))) << err.toStdString();
    EXPECT_EQ(err.count(QLatin1Char('\n')), 0);
    EXPECT_TRUE(p.readAllStandardOutput().isEmpty());
}

} // namespace
} // namespace d3
