#pragma once

#include "net/Frame.h"
#include "net/PeerConnection.h"
#include "protocol/MessageType.h"

#include <QProcess>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace d3::test {

/// A d3worker process (role edge, one thread) on a free loopback port, proving kToken; killed when the test ends,
/// whatever happens.
class WorkerProcess
{
public:
    /// The token the worker is started with.
    static constexpr char kToken[] = "worker-process-test-token-0123456789";

    /// Starts the worker with extra command-line options; program replaces the d3worker binary (e.g. "prlimit" with
    /// its options first in extra, then the binary).
    explicit WorkerProcess(const QStringList &extra = {}, const QString &program = {});
    ~WorkerProcess();
    /// The port it listens on (0 if it did not start).
    quint16 port() const { return m_port; }
    /// Its process id.
    qint64 pid() const { return m_process.processId(); }
    /// True while it runs.
    bool running() const { return m_process.state() == QProcess::Running; }
    /// Waits up to ms for it to end; its exit status, or -1 if it still runs or a signal ended it.
    int waitForExit(int ms);
    /// A dialer connection to the worker proving token.
    std::unique_ptr<core::PeerConnection> connect(const QByteArray &token = QByteArray(kToken)) const;
    /// What it printed so far (standard output and error).
    QString output();
    /// A field of /proc/PID/status in KiB ("VmSize", "VmRSS"), -1 if unreadable.
    qint64 statusKiB(const char *field) const;
    /// Descriptors it has open (/proc/PID/fd), -1 if unreadable.
    int openDescriptors() const;
    /// User plus system CPU time the worker has used, in ms (/proc/PID/stat).
    double cpuMs() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    QString m_output;
    quint16 m_port = 0;
};

/// Sends a frame and waits up to ms for the reply with the same request id.
std::optional<core::Frame> request(core::PeerConnection &peer, core::Frame frame, int ms = 60000);
/// A frame of type with header.
core::Frame message(core::MessageType type, QCborMap header = {});

} // namespace d3::test
