#include "protocol/MessageType.h"
#include "net/PeerConnection.h"
#include "control/LocalCluster.h"

#include "ChildProcesses.h"
#include "EventLoop.h"
#include "TestFiles.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSet>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

#include <gtest/gtest.h>

#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <unistd.h>

namespace d3::core {
namespace {

/// Set in the child process of WorkersDieWithAParentThatIsKilled.
const char *kChildEnv = "D3_LOCAL_CLUSTER_CHILD";

bool spinUntil(const std::function<bool()> &done, int ms = 10000)
{
    return test::EventLoop::spinUntil(done, ms);
}

bool processExists(qint64 pid)
{
    return QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
}

QVector<qint64> childPids()
{
    return test::ChildProcesses::pids();
}

LocalCluster &configured(LocalCluster &cluster)
{
    cluster.setWorkerProgram(test::TestFiles::d3worker());
    return cluster;
}

/// Connects to a worker as a dialer with token; "" once it authenticated and answered GetLinks, else why not.
QString answers(const WorkerEndpoint &endpoint, const QByteArray &token)
{
    auto *socket = new QTcpSocket;
    socket->connectToHost(endpoint.host, endpoint.port);
    PeerConnection peer(socket, PeerConnection::Side::Dialer, token, QStringLiteral("local-cluster-test"));
    if (!spinUntil([&] { return peer.isAuthenticated() || !peer.closeReason().isEmpty(); }) || !peer.isAuthenticated())
        return QStringLiteral("%1: not authenticated (%2)").arg(endpoint.name, peer.closeReason());
    bool answered = false;
    QObject::connect(&peer, &PeerConnection::frameReceived, [&](const Frame &f) {
        answered = answered || (f.type == quint16(MessageType::LinkStats) && f.requestId == 77);
    });
    Frame ask;
    ask.type = quint16(MessageType::GetLinks);
    ask.requestId = 77;
    peer.send(ask);
    if (!spinUntil([&] { return answered || !peer.closeReason().isEmpty(); }) || !answered)
        return QStringLiteral("%1: no answer (%2)").arg(endpoint.name, peer.closeReason());
    return {};
}

/// A worker program that never announces a port: a script that writes one stderr line and sleeps.
QString silentProgram(const QTemporaryDir &dir)
{
    const QString path = test::TestFiles::write(dir, QStringLiteral("silent-worker"),
                                                "#!/bin/sh\necho 'warming up forever' >&2\nexec sleep 60\n");
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    return path;
}

TEST(LocalClusterTest, StandardClusterServesTheTokenAndStopLeavesNoProcess)
{
    test::EventLoop::app();
    LocalCluster cluster;
    QString error;
    ASSERT_TRUE(configured(cluster).start(LocalCluster::standard(), &error)) << error.toStdString();

    const auto &endpoints = cluster.endpoints();
    ASSERT_EQ(endpoints.size(), 5);
    QStringList names;
    QSet<quint16> ports;
    QVector<qint64> pids;
    for (const WorkerEndpoint &e : endpoints) {
        names << e.name + QLatin1Char('/') + e.role;
        EXPECT_EQ(e.host, QStringLiteral("127.0.0.1"));
        EXPECT_NE(e.port, 0);
        ports.insert(e.port);
        EXPECT_GT(e.pid, 0);
        EXPECT_TRUE(processExists(e.pid)) << e.pid;
        pids << e.pid;
    }
    EXPECT_EQ(names.join(QLatin1Char(' ')),
              QStringLiteral("device/device edge1/edge edge2/edge edge3/edge cloud/cloud"));
    EXPECT_EQ(ports.size(), 5);

    // The token: 32 random bytes as hex, alone in a file only its owner may read.
    EXPECT_EQ(cluster.token().size(), 64);
    EXPECT_EQ(QByteArray::fromHex(cluster.token()).toHex(), cluster.token());
    QFile tokenFile(cluster.tokenFile());
    ASSERT_TRUE(tokenFile.open(QIODevice::ReadOnly));
    EXPECT_EQ(tokenFile.readAll(), cluster.token());
    struct stat st {};
    ASSERT_EQ(::stat(qPrintable(cluster.tokenFile()), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);

    for (const WorkerEndpoint &e : endpoints)
        EXPECT_EQ(answers(e, cluster.token()), QString()) << e.name.toStdString();

    auto *socket = new QTcpSocket;
    socket->connectToHost(endpoints[1].host, endpoints[1].port);
    PeerConnection intruder(socket, PeerConnection::Side::Dialer, QByteArray(64, 'a'), QStringLiteral("intruder"));
    ASSERT_TRUE(spinUntil([&] { return !intruder.closeReason().isEmpty(); }));
    EXPECT_FALSE(intruder.isAuthenticated());

    const QString tokenPath = cluster.tokenFile();
    cluster.stop();
    for (qint64 pid : pids)
        EXPECT_FALSE(processExists(pid)) << pid;
    EXPECT_TRUE(childPids().isEmpty());
    EXPECT_TRUE(cluster.endpoints().isEmpty());
    EXPECT_TRUE(cluster.token().isEmpty());
    EXPECT_FALSE(QFile::exists(tokenPath));
    cluster.stop(); // idempotent
}

TEST(LocalClusterTest, KillEmitsWorkerExitedAndRestartBringsTheWorkerBack)
{
    test::EventLoop::app();
    LocalCluster cluster;
    QString error;
    ASSERT_TRUE(configured(cluster).start(LocalCluster::standard(), &error)) << error.toStdString();
    QStringList exited;
    QObject::connect(&cluster, &LocalCluster::workerExited, [&](const QString &name, int code) {
        exited << QStringLiteral("%1:%2").arg(name).arg(code);
    });

    const qint64 oldPid = cluster.endpoint(QStringLiteral("edge2"))->pid;
    const quint16 oldPort = cluster.endpoint(QStringLiteral("edge2"))->port;
    ASSERT_TRUE(cluster.kill(QStringLiteral("edge2")));
    EXPECT_EQ(exited, QStringList{QStringLiteral("edge2:-1")});
    EXPECT_FALSE(processExists(oldPid));
    EXPECT_EQ(cluster.endpoint(QStringLiteral("edge2"))->port, 0);
    EXPECT_EQ(cluster.endpoint(QStringLiteral("edge2"))->pid, 0);
    EXPECT_FALSE(cluster.kill(QStringLiteral("edge2")));
    EXPECT_FALSE(cluster.kill(QStringLiteral("nobody")));
    EXPECT_EQ(answers(*cluster.endpoint(QStringLiteral("edge1")), cluster.token()), QString());

    ASSERT_TRUE(cluster.restart(QStringLiteral("edge2"), &error)) << error.toStdString();
    const WorkerEndpoint &back = *cluster.endpoint(QStringLiteral("edge2"));
    EXPECT_NE(back.pid, 0);
    EXPECT_NE(back.pid, oldPid);
    EXPECT_NE(back.port, 0);
    EXPECT_TRUE(processExists(back.pid));
    EXPECT_EQ(answers(back, cluster.token()), QString());
    qDebug() << "edge2 moved from port" << oldPort << "to" << back.port;

    // A worker killed from outside is noticed through the event loop.
    const qint64 cloudPid = cluster.endpoint(QStringLiteral("cloud"))->pid;
    ASSERT_EQ(::kill(pid_t(cloudPid), SIGKILL), 0);
    ASSERT_TRUE(spinUntil([&] { return exited.size() == 2; }));
    EXPECT_EQ(exited.last(), QStringLiteral("cloud:-1"));
    EXPECT_FALSE(processExists(cloudPid));

    QVector<qint64> pids;
    for (const WorkerEndpoint &e : cluster.endpoints())
        pids << e.pid;
    cluster.stop();
    EXPECT_EQ(exited.size(), 2); // stop() is not an unexpected exit
    for (qint64 pid : pids)
        EXPECT_TRUE(pid == 0 || !processExists(pid)) << pid;
    EXPECT_TRUE(childPids().isEmpty());
    EXPECT_FALSE(cluster.restart(QStringLiteral("edge2"), &error));
    EXPECT_NE(error.indexOf(QStringLiteral("not started")), -1) << error.toStdString();
}

TEST(LocalClusterTest, MissingProgramFailsStartWithOneLine)
{
    test::EventLoop::app();
    LocalCluster cluster;
    cluster.setWorkerProgram(QStringLiteral("/nonexistent/d3worker"));
    QString error;
    EXPECT_FALSE(cluster.start(LocalCluster::standard(), &error));
    EXPECT_NE(error.indexOf(QStringLiteral("/nonexistent/d3worker")), -1) << error.toStdString();
    EXPECT_EQ(error.indexOf(QLatin1Char('\n')), -1);
    EXPECT_TRUE(cluster.endpoints().isEmpty());
    EXPECT_TRUE(cluster.tokenFile().isEmpty());
    EXPECT_TRUE(childPids().isEmpty());
}

TEST(LocalClusterTest, AWorkerExitingAtStartFailsTheWholeStartAndLeavesNoProcess)
{
    test::EventLoop::app();
    LocalCluster cluster;
    QVector<WorkerSpec> specs = LocalCluster::standard();
    specs[2].role = QStringLiteral("fog");
    QString error;
    EXPECT_FALSE(configured(cluster).start(specs, &error));
    EXPECT_NE(error.indexOf(QStringLiteral("edge2")), -1) << error.toStdString();
    EXPECT_NE(error.indexOf(QStringLiteral("--role must be device, edge or cloud")), -1) << error.toStdString();
    EXPECT_EQ(error.indexOf(QLatin1Char('\n')), -1);
    EXPECT_TRUE(cluster.endpoints().isEmpty());
    EXPECT_TRUE(childPids().isEmpty());

    specs[2].role = QStringLiteral("edge");
    specs[3].name = specs[1].name;
    EXPECT_FALSE(cluster.start(specs, &error));
    EXPECT_NE(error.indexOf(QStringLiteral("unique")), -1) << error.toStdString();
    EXPECT_TRUE(childPids().isEmpty());
}

TEST(LocalClusterTest, AWorkerThatNeverReportsItsPortTimesOut)
{
    test::EventLoop::app();
    QTemporaryDir dir;
    LocalCluster cluster;
    cluster.setWorkerProgram(silentProgram(dir));
    WorkerSpec slow;
    slow.name = QStringLiteral("slow");
    slow.role = QStringLiteral("edge");
    QString error;
    EXPECT_FALSE(cluster.start({slow}, &error, 1500));
    EXPECT_NE(error.indexOf(QStringLiteral("worker slow did not report its port within 1500 ms")), -1)
        << error.toStdString();
    EXPECT_NE(error.indexOf(QStringLiteral("warming up forever")), -1) << error.toStdString();
    EXPECT_TRUE(childPids().isEmpty());
}

TEST(LocalClusterTest, TheSpecBecomesTheWorkersCommandLine)
{
    test::EventLoop::app();
    QTemporaryDir dir;
    const QString echo = test::TestFiles::write(dir, QStringLiteral("echo-worker"), "#!/bin/sh\necho \"$@\" >&2\nexit 3\n");
    QFile::setPermissions(echo, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    LocalCluster cluster;
    cluster.setWorkerProgram(echo);
    WorkerSpec spec;
    spec.name = QStringLiteral("w1");
    spec.role = QStringLiteral("cloud");
    spec.slowdown = 2.5;
    spec.threads = 3;
    spec.weightsFile = QStringLiteral("/data/resnet18.pt");
    QString error;
    EXPECT_FALSE(cluster.start({spec}, &error));
    EXPECT_NE(error.indexOf(QStringLiteral("worker w1 exited with code 3 at start: --role cloud --name w1 "
                                           "--listen 127.0.0.1:0 --token-file /")),
              -1)
        << error.toStdString();
    EXPECT_NE(error.indexOf(QStringLiteral("--threads 3 --slowdown 2.5 --weights /data/resnet18.pt")), -1)
        << error.toStdString();
    spec.weightsFile.clear();
    EXPECT_FALSE(cluster.start({spec}, &error));
    EXPECT_EQ(error.indexOf(QStringLiteral("--weights")), -1) << error.toStdString();
}

TEST(LocalClusterTest, FindWorkerProgramHonoursD3Worker)
{
    test::EventLoop::app();
    const QByteArray saved = qgetenv("D3_WORKER");
    QString why;
    qputenv("D3_WORKER", test::TestFiles::d3worker().toUtf8());
    EXPECT_EQ(LocalCluster::findWorkerProgram(&why), test::TestFiles::d3worker());
    qputenv("D3_WORKER", "/nonexistent/d3worker");
    EXPECT_TRUE(LocalCluster::findWorkerProgram(&why).isEmpty());
    EXPECT_NE(why.indexOf(QStringLiteral("D3_WORKER=/nonexistent/d3worker")), -1) << why.toStdString();
    qunsetenv("D3_WORKER");
    why.clear();
    const QString beside = LocalCluster::findWorkerProgram(&why); // this test is not built into build/bin
    EXPECT_TRUE(beside.isEmpty() != why.isEmpty());
    if (!saved.isEmpty())
        qputenv("D3_WORKER", saved);
}

/// The child of WorkersDieWithAParentThatIsKilled: when this executable runs with kChildEnv set, it starts a cluster
/// before any test, prints its pids and waits to be killed. A global environment, not a test, so ctest never lists
/// or skips it.
class ChildCluster : public ::testing::Environment
{
public:
    void SetUp() override
    {
        if (qEnvironmentVariableIsEmpty(kChildEnv))
            return;
        test::EventLoop::app();
        LocalCluster cluster;
        QString error;
        if (!configured(cluster).start(LocalCluster::standard(), &error)) {
            std::fprintf(stderr, "child cluster: %s\n", qPrintable(error));
            std::_Exit(1);
        }
        QStringList pids;
        for (const WorkerEndpoint &e : cluster.endpoints())
            pids << QString::number(e.pid);
        std::printf("TOKEN %s\nPIDS %s\n", qPrintable(cluster.tokenFile()), qPrintable(pids.join(QLatin1Char(' '))));
        std::fflush(stdout);
        spinUntil([] { return false; }, 60000); // the parent SIGKILLs this process long before
        std::_Exit(0);
    }
};
const auto *const kChildCluster = ::testing::AddGlobalTestEnvironment(new ChildCluster);

TEST(LocalClusterTest, WorkersDieWithAParentThatIsKilled)
{
    test::EventLoop::app();
    // Orphaned workers are re-parented to this process, so it can reap them and /proc/PID disappears.
    ASSERT_EQ(::prctl(PR_SET_CHILD_SUBREAPER, 1), 0);
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QString::fromLatin1(kChildEnv), QStringLiteral("1"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    // ChildCluster runs first and never returns; gtest sets environments up only when some test is selected.
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--gtest_filter=LocalClusterTest.FindWorkerProgramHonoursD3Worker")});
    QVector<qint64> pids;
    QByteArray out;
    QDeadlineTimer deadline(30000);
    while (pids.isEmpty() && !deadline.hasExpired() && child.state() != QProcess::NotRunning) {
        child.waitForReadyRead(100);
        out += child.readAllStandardOutput();
        for (const QByteArray &line : out.split('\n'))
            if (line.startsWith("PIDS ") && line.count(' ') == 5)
                for (const QByteArray &pid : line.mid(5).split(' '))
                    pids << pid.toLongLong();
    }
    ASSERT_EQ(pids.size(), 5) << out.toStdString();
    for (qint64 pid : pids)
        EXPECT_TRUE(processExists(pid)) << pid;

    child.kill();
    ASSERT_TRUE(child.waitForFinished(5000));
    QVector<qint64> alive = pids;
    QDeadlineTimer twoSeconds(2000);
    while (!alive.isEmpty() && !twoSeconds.hasExpired()) {
        for (qint64 pid : alive)
            ::waitpid(pid_t(pid), nullptr, WNOHANG);
        alive.erase(std::remove_if(alive.begin(), alive.end(), [](qint64 pid) { return !processExists(pid); }),
                    alive.end());
        QThread::msleep(20);
    }
    EXPECT_TRUE(alive.isEmpty()) << alive.size() << " workers outlived their killed parent";
    for (qint64 pid : alive) { // clean up after a failure: never leave a stray worker
        ::kill(pid_t(pid), SIGKILL);
        ::waitpid(pid_t(pid), nullptr, 0);
    }
    ::prctl(PR_SET_CHILD_SUBREAPER, 0);
    for (const QByteArray &line : out.split('\n')) // the killed child could not remove its token file
        if (line.startsWith("TOKEN /") && line.endsWith("/token"))
            QDir(QFileInfo(QString::fromUtf8(line.mid(6))).path()).removeRecursively();
}

} // namespace
} // namespace d3::core
