#pragma once

#include "experiment/WorkerSpec.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QVector>

#include <memory>
#include <vector>

class QTemporaryDir;

namespace d3::core {

/// A whole d3lab cluster of real d3worker processes on loopback, started and stopped with one call (tests,
/// `d3ctl run`, the console). Every worker gets the same fresh random token through a private token file.
///
/// No stray processes: each worker is started with PR_SET_PDEATHSIG = SIGKILL (Linux), so it dies with its parent
/// even if the parent is SIGKILLed or aborts. The kernel ties that signal to the *thread* that started the process,
/// not to the process: a LocalCluster must live in, and be used from, a long-lived thread (the main thread), or its
/// workers die when the starting thread ends. The blocking calls (start, stop, kill, restart) wait on the worker
/// processes directly, without a nested event loop. Not thread-safe; lives in the thread that created it.
class LocalCluster : public QObject
{
    Q_OBJECT
public:
    /// An empty cluster; start() launches the workers.
    explicit LocalCluster(QObject *parent = nullptr);
    /// Stops every worker (stop()).
    ~LocalCluster() override;

    /// 1 device, 3 edge, 1 cloud with slowdowns that make the tiers differ: device 4, edge1..edge3 2, cloud 1.
    static QVector<WorkerSpec> standard();
    /// The d3worker program: $D3_WORKER if set, else d3worker next to this program
    /// (QCoreApplication::applicationDirPath(); the programs are built side by side into build/bin); an empty
    /// string with one line in *why when that is not an executable file.
    static QString findWorkerProgram(QString *why);
    /// The next start() gives the workers this token (the hex text of a token file) instead of a fresh one, so that
    /// workers started elsewhere with the same file can join them; empty: a fresh token again.
    void setToken(const QByteArray &token) { m_givenToken = token; }
    /// Uses this program instead of findWorkerProgram() from the next start() or restart() on.
    void setWorkerProgram(const QString &path);

    /// Starts one worker per spec on 127.0.0.1 with a free port each (read back from the worker's first stdout
    /// line), all sharing a fresh random token (32 random bytes as hex) in a private temporary file (mode 0600).
    /// A running cluster is stopped first. All or nothing: if the program is missing, a worker exits or does not
    /// report its port within timeoutMs, every started worker is stopped, endpoints() is empty and *error holds
    /// one line naming the worker and the last line of its stderr. Blocks up to timeoutMs.
    bool start(const QVector<WorkerSpec> &specs, QString *error, int timeoutMs = 20000);
    /// Stops every worker: SIGTERM, up to 2 s in all for them to exit, then SIGKILL; returns once every process
    /// has been reaped. Clears endpoints(), the token and its file; emits no workerExited. Idempotent.
    void stop();
    /// Sends SIGKILL to one running worker now (failure injection) and reaps it; workerExited is emitted before
    /// this returns and its endpoint goes down (port and pid 0). False if no such worker is running.
    bool kill(const QString &name);
    /// Starts a worker of the current cluster again with the same spec and token (stopping it first if it is
    /// still running, without workerExited); its endpoint gets the new port and pid. False with one line in *error
    /// if the cluster is not started, there is no such worker, or it fails to come up (it then stays down).
    bool restart(const QString &name, QString *error, int timeoutMs = 20000);

    /// The shared token (the hex text of the token file), empty when not started.
    QByteArray token() const { return m_token; }
    /// The path of the token file (mode 0600, removed by stop()), empty when not started.
    QString tokenFile() const { return m_tokenFile; }
    /// One endpoint per spec, in spec order; empty when not started.
    const QVector<WorkerEndpoint> &endpoints() const { return m_endpoints; }
    /// The endpoint of the worker called name, or nullptr.
    const WorkerEndpoint *endpoint(const QString &name) const;
    /// The last lines (at most 20) the worker called name wrote on stderr, oldest first.
    QStringList stderrTail(const QString &name) const;

Q_SIGNALS:
    /// A worker that was up exited without stop() or restart() asking it to (it crashed, was killed from
    /// outside, or by kill()). exitCode is its exit status, or -1 if a signal ended it.
    void workerExited(const QString &name, int exitCode);

private:
    struct Worker;

    int indexOf(const QString &name) const;
    int indexOf(const QProcess *process) const;
    bool launch(int index, QString *error);
    bool awaitPorts(const QVector<int> &indices, int timeoutMs, QString *error);
    void halt(const QVector<int> &indices);
    void release(int index);
    void onStdout(QProcess *process);
    void onStderr(QProcess *process);
    void onFinished(QProcess *process, int exitCode, QProcess::ExitStatus status);
    QString lastStderrLine(int index) const;

    QString m_program;
    std::unique_ptr<QTemporaryDir> m_tokenDir;
    QByteArray m_token;
    QByteArray m_givenToken;
    QString m_tokenFile;
    std::vector<std::unique_ptr<Worker>> m_workers; // parallel to m_endpoints
    QVector<WorkerEndpoint> m_endpoints;
};

} // namespace d3::core
