#include "LocalCluster.h"
#include "net/PeerAuth.h"

#include "ControlLog.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

#include <array>

#if defined(Q_OS_UNIX)
#include <csignal>
#include <unistd.h>
#endif
#if defined(Q_OS_LINUX)
#include <sys/prctl.h>
#endif

namespace d3::core {

/// One worker process and what it has written so far.
struct LocalCluster::Worker {
    WorkerSpec spec;
    QProcess *process = nullptr; // child of the cluster; nullptr while down
    QByteArray out;              // stdout not yet split into lines
    QByteArray err;              // stderr not yet split into lines
    QStringList tail;            // the last stderr lines
    QString badFirstLine;        // a first stdout line that did not announce the port
    bool sawFirstLine = false;
    bool expected = false; // its exit was asked for (stop, restart): no workerExited
    bool killed = false;   // kill() ended it
};

namespace {

constexpr int kTailLines = 20;
constexpr int kTermGraceMs = 2000;
const QString kHost = QStringLiteral("127.0.0.1");

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

LocalCluster::LocalCluster(QObject *parent)
    : QObject(parent)
{
}

LocalCluster::~LocalCluster()
{
    stop();
}

QVector<WorkerSpec> LocalCluster::standard()
{
    const auto spec = [](const char *name, const char *role, double slowdown) {
        WorkerSpec s;
        s.name = QString::fromLatin1(name);
        s.role = QString::fromLatin1(role);
        s.slowdown = slowdown;
        return s;
    };
    return {spec("device", "device", 4.0), spec("edge1", "edge", 2.0), spec("edge2", "edge", 2.0),
            spec("edge3", "edge", 2.0), spec("cloud", "cloud", 1.0)};
}

QString LocalCluster::findWorkerProgram(QString *why)
{
    const QString fromEnv = qEnvironmentVariable("D3_WORKER");
    if (!fromEnv.isEmpty()) {
        if (isExecutableFile(fromEnv))
            return fromEnv;
        fail(why, QStringLiteral("D3_WORKER=%1 is not an executable file").arg(fromEnv));
        return {};
    }
    if (!QCoreApplication::instance()) {
        fail(why, QStringLiteral("no QCoreApplication to find d3worker next to (set D3_WORKER)"));
        return {};
    }
    const QString beside = QCoreApplication::applicationDirPath() + QStringLiteral("/d3worker");
    if (isExecutableFile(beside))
        return beside;
    fail(why, QStringLiteral("no d3worker next to this program (%1); set D3_WORKER").arg(beside));
    return {};
}

void LocalCluster::setWorkerProgram(const QString &path)
{
    m_program = path;
}

const WorkerEndpoint *LocalCluster::endpoint(const QString &name) const
{
    const int i = indexOf(name);
    return i < 0 ? nullptr : &m_endpoints[i];
}

QStringList LocalCluster::stderrTail(const QString &name) const
{
    const int i = indexOf(name);
    return i < 0 ? QStringList() : m_workers[size_t(i)]->tail;
}

bool LocalCluster::start(const QVector<WorkerSpec> &specs, QString *error, int timeoutMs)
{
    stop();
    if (specs.isEmpty())
        return fail(error, QStringLiteral("a cluster needs at least one worker"));
    QSet<QString> names;
    for (const WorkerSpec &spec : specs) {
        if (spec.name.isEmpty() || names.contains(spec.name))
            return fail(error, QStringLiteral("worker names must be unique and non-empty ('%1')").arg(spec.name));
        names.insert(spec.name);
    }
    m_tokenDir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/d3lab-cluster-XXXXXX"));
    if (!m_tokenDir->isValid()) {
        const QString why = m_tokenDir->errorString();
        m_tokenDir.reset();
        return fail(error, QStringLiteral("cannot create a private directory for the token (%1)").arg(why));
    }
    const QByteArray token = m_givenToken.isEmpty() ? PeerAuth::newToken() : m_givenToken;
    const QString tokenFile = m_tokenDir->filePath(QStringLiteral("token"));
    QString why;
    if (!PeerAuth::writeTokenFile(tokenFile, token, &why)) {
        m_tokenDir.reset();
        return fail(error, why);
    }
    why.clear();
    m_token = token;
    m_tokenFile = tokenFile;

    QVector<int> all;
    for (const WorkerSpec &spec : specs) {
        all.append(int(m_workers.size()));
        m_workers.push_back(std::make_unique<Worker>());
        m_workers.back()->spec = spec;
        m_endpoints.append(WorkerEndpoint{spec.name, spec.role, kHost, 0, 0});
    }
    for (int i : all) {
        if (!launch(i, &why)) {
            stop();
            return fail(error, why);
        }
    }
    if (!awaitPorts(all, timeoutMs, &why)) {
        stop();
        return fail(error, why);
    }
    qCInfo(lcControl, "started %d workers", int(m_endpoints.size()));
    return true;
}

void LocalCluster::stop()
{
    QVector<int> all;
    for (int i = 0; i < int(m_workers.size()); ++i)
        all.append(i);
    halt(all);
    for (int i : all)
        release(i);
    m_workers.clear();
    m_endpoints.clear();
    m_token.clear();
    m_tokenFile.clear();
    m_tokenDir.reset(); // removes the token file
}

bool LocalCluster::kill(const QString &name)
{
    const int i = indexOf(name);
    if (i < 0)
        return false;
    Worker &w = *m_workers[size_t(i)];
    if (!w.process || w.process->state() == QProcess::NotRunning)
        return false;
    w.expected = false;
    w.killed = true;
    w.process->kill();
    w.process->waitForFinished(-1); // SIGKILL cannot be ignored; onFinished emits workerExited
    return true;
}

bool LocalCluster::restart(const QString &name, QString *error, int timeoutMs)
{
    if (m_workers.empty())
        return fail(error, QStringLiteral("the cluster is not started"));
    const int i = indexOf(name);
    if (i < 0)
        return fail(error, QStringLiteral("the cluster has no worker called '%1'").arg(name));
    halt({i});
    release(i);
    QString why;
    if (!launch(i, &why) || !awaitPorts({i}, timeoutMs, &why)) {
        halt({i});
        release(i);
        return fail(error, why);
    }
    qCInfo(lcControl, "restarted %s on port %u", qUtf8Printable(name), unsigned(m_endpoints[i].port));
    return true;
}

int LocalCluster::indexOf(const QString &name) const
{
    for (int i = 0; i < int(m_workers.size()); ++i)
        if (m_workers[size_t(i)]->spec.name == name)
            return i;
    return -1;
}

int LocalCluster::indexOf(const QProcess *process) const
{
    for (int i = 0; i < int(m_workers.size()); ++i)
        if (process && m_workers[size_t(i)]->process == process)
            return i;
    return -1;
}

bool LocalCluster::launch(int index, QString *error)
{
    Worker &w = *m_workers[size_t(index)];
    const WorkerSpec &spec = w.spec;
    QString why;
    const QString program = m_program.isEmpty() ? findWorkerProgram(&why) : m_program;
    if (program.isEmpty())
        return fail(error, QStringLiteral("worker %1: no d3worker program: %2").arg(spec.name, why));
    if (!isExecutableFile(program))
        return fail(error, QStringLiteral("worker %1: %2 is not an executable file").arg(spec.name, program));

    QStringList args{QStringLiteral("--role"), spec.role,
                     QStringLiteral("--name"), spec.name,
                     QStringLiteral("--listen"), kHost + QStringLiteral(":0"),
                     QStringLiteral("--token-file"), m_tokenFile,
                     QStringLiteral("--threads"), QString::number(spec.threads),
                     QStringLiteral("--slowdown"), QString::number(spec.slowdown, 'g', 12)};
    if (!spec.weightsFile.isEmpty())
        args << QStringLiteral("--weights") << spec.weightsFile;
    if (!spec.weightsFile.isEmpty() && spec.ignoreExtraWeights)
        args << QStringLiteral("--ignore-extra-weights");

    auto *process = new QProcess(this);
    process->setProgram(program);
    process->setArguments(args);
    process->setStandardInputFile(QProcess::nullDevice());
#if defined(Q_OS_UNIX)
    // Runs in the child between fork and exec: die with the parent (the forking *thread*, see the class comment),
    // and if the parent died before prctl took effect, exit now rather than live on as an orphan.
    const pid_t parent = ::getpid();
    process->setChildProcessModifier([parent] {
#if defined(Q_OS_LINUX)
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
        if (::getppid() != parent)
            ::_exit(127);
    });
#endif
    connect(process, &QProcess::readyReadStandardOutput, this, [this, process] { onStdout(process); });
    connect(process, &QProcess::readyReadStandardError, this, [this, process] { onStderr(process); });
    connect(process, &QProcess::finished, this, [this, process](int code, QProcess::ExitStatus status) {
        onFinished(process, code, status);
    });
    w.process = process;
    w.out.clear();
    w.err.clear();
    w.tail.clear();
    w.badFirstLine.clear();
    w.sawFirstLine = false;
    w.expected = false;
    w.killed = false;
    process->start();
    if (!process->waitForStarted(kTermGraceMs * 5)) {
        const QString reason = process->errorString();
        release(index);
        return fail(error, QStringLiteral("worker %1: cannot start %2 (%3)").arg(spec.name, program, reason));
    }
    m_endpoints[index].pid = process->processId();
    qCDebug(lcControl, "%s is pid %lld: %s %s", qUtf8Printable(spec.name), m_endpoints[index].pid,
            qUtf8Printable(program), qUtf8Printable(args.join(QLatin1Char(' '))));
    return true;
}

bool LocalCluster::awaitPorts(const QVector<int> &indices, int timeoutMs, QString *error)
{
    // The workers start concurrently; waiting for them one after the other costs the slowest one's time.
    const QDeadlineTimer deadline(timeoutMs);
    for (int i : indices) {
        Worker &w = *m_workers[size_t(i)];
        const QString &name = w.spec.name;
        while (m_endpoints[i].port == 0) {
            if (!w.badFirstLine.isEmpty())
                return fail(error, QStringLiteral("worker %1: unexpected first line '%2' (last stderr: %3)")
                                       .arg(name, w.badFirstLine, lastStderrLine(i)));
            if (!w.process || w.process->state() == QProcess::NotRunning) {
                const QString how = !w.process ? QStringLiteral("stopped")
                    : w.process->exitStatus() == QProcess::CrashExit
                    ? QStringLiteral("was killed by a signal")
                    : QStringLiteral("exited with code %1").arg(w.process->exitCode());
                return fail(error, QStringLiteral("worker %1 %2 at start: %3").arg(name, how, lastStderrLine(i)));
            }
            if (deadline.hasExpired())
                return fail(error, QStringLiteral("worker %1 did not report its port within %2 ms (last stderr: %3)")
                                       .arg(name)
                                       .arg(timeoutMs)
                                       .arg(lastStderrLine(i)));
            w.process->waitForReadyRead(int(qBound(qint64(1), deadline.remainingTime(), qint64(100))));
        }
    }
    return true;
}

void LocalCluster::halt(const QVector<int> &indices)
{
    QVector<QProcess *> running;
    for (int i : indices) {
        Worker &w = *m_workers[size_t(i)];
        if (w.process && w.process->state() != QProcess::NotRunning) {
            w.expected = true;
            w.process->terminate();
            running.append(w.process);
        }
    }
    const QDeadlineTimer grace(kTermGraceMs);
    for (QProcess *process : running) {
        if (process->waitForFinished(int(qMax<qint64>(0, grace.remainingTime()))))
            continue;
        qCWarning(lcControl, "worker pid %lld ignored SIGTERM for %d ms; sending SIGKILL", process->processId(),
                  kTermGraceMs);
        process->kill();
        process->waitForFinished(-1);
    }
}

void LocalCluster::release(int index)
{
    Worker &w = *m_workers[size_t(index)];
    if (w.process) {
        w.process->disconnect(this);
        w.process->deleteLater(); // may be inside one of its signals (a workerExited slot calling stop())
        w.process = nullptr;
    }
    m_endpoints[index].port = 0;
    m_endpoints[index].pid = 0;
}

void LocalCluster::onStdout(QProcess *process)
{
    const int i = indexOf(process);
    if (i < 0)
        return;
    Worker &w = *m_workers[size_t(i)];
    w.out += process->readAllStandardOutput();
    static const QRegularExpression listening(QStringLiteral("^d3worker .+ \\(\\w+\\) listening on (\\S+):(\\d+)$"));
    for (qsizetype nl; (nl = w.out.indexOf('\n')) >= 0;) {
        const QString line = QString::fromUtf8(w.out.left(nl)).trimmed();
        w.out.remove(0, nl + 1);
        if (w.sawFirstLine) {
            qCDebug(lcControl).noquote() << w.spec.name << "stdout:" << line;
            continue;
        }
        w.sawFirstLine = true;
        const auto match = listening.match(line);
        const uint port = match.hasMatch() ? match.captured(2).toUInt() : 0;
        if (port == 0 || port > 65535) {
            w.badFirstLine = line.isEmpty() ? QStringLiteral("(empty)") : line;
            continue;
        }
        m_endpoints[i].host = match.captured(1);
        m_endpoints[i].port = quint16(port);
        qCDebug(lcControl, "%s listening on %s:%u", qUtf8Printable(w.spec.name), qUtf8Printable(m_endpoints[i].host),
                port);
    }
}

void LocalCluster::onStderr(QProcess *process)
{
    const int i = indexOf(process);
    if (i < 0)
        return;
    Worker &w = *m_workers[size_t(i)];
    w.err += process->readAllStandardError();
    for (qsizetype nl; (nl = w.err.indexOf('\n')) >= 0;) {
        const QString line = QString::fromUtf8(w.err.left(nl)).trimmed();
        w.err.remove(0, nl + 1);
        if (line.isEmpty())
            continue;
        qCDebug(lcControl).noquote() << w.spec.name << "stderr:" << line;
        w.tail.append(line);
        while (w.tail.size() > kTailLines)
            w.tail.removeFirst();
    }
}

void LocalCluster::onFinished(QProcess *process, int exitCode, QProcess::ExitStatus status)
{
    const int i = indexOf(process);
    if (i < 0)
        return;
    onStderr(process);
    Worker &w = *m_workers[size_t(i)];
    if (!w.err.isEmpty()) { // a last line without a newline
        w.err += '\n';
        onStderr(process);
    }
    const bool wasUp = m_endpoints[i].port != 0;
    m_endpoints[i].port = 0;
    m_endpoints[i].pid = 0;
    const int code = status == QProcess::CrashExit ? -1 : exitCode;
    if (w.expected || !wasUp) {
        qCDebug(lcControl, "%s exited (code %d)", qUtf8Printable(w.spec.name), code);
        return;
    }
    if (w.killed)
        qCInfo(lcControl, "%s killed", qUtf8Printable(w.spec.name));
    else
        qCWarning(lcControl, "%s exited unexpectedly (code %d); last stderr: %s", qUtf8Printable(w.spec.name), code,
                  qUtf8Printable(lastStderrLine(i)));
    Q_EMIT workerExited(w.spec.name, code);
}

QString LocalCluster::lastStderrLine(int index) const
{
    const QStringList &tail = m_workers[size_t(index)]->tail;
    return tail.isEmpty() ? QStringLiteral("(nothing on stderr)") : tail.last();
}

} // namespace d3::core
