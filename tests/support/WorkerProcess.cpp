#include "WorkerProcess.h"

#include "EventLoop.h"
#include "TestFiles.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTcpSocket>

#include <unistd.h>

namespace d3::test {

WorkerProcess::WorkerProcess(const QStringList &extra, const QString &program)
{
    EventLoop::app();
    const QString tokenFile = TestFiles::write(m_dir, QStringLiteral("token"), kToken);
    const QStringList options{QStringLiteral("--role"), QStringLiteral("edge"), QStringLiteral("--listen"),
                              QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"), tokenFile,
                              QStringLiteral("--threads"), QStringLiteral("1")};
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    if (program.isEmpty())
        m_process.start(TestFiles::d3worker(), options + extra);
    else
        m_process.start(program, extra + QStringList{TestFiles::d3worker()} + options);
    static const QRegularExpression listening(QStringLiteral("listening on 127\\.0\\.0\\.1:(\\d+)"));
    QDeadlineTimer deadline(30000);
    while (m_port == 0 && !deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
        m_process.waitForReadyRead(100);
        m_output += QString::fromUtf8(m_process.readAllStandardOutput());
        const auto m = listening.match(m_output);
        if (m.hasMatch())
            m_port = quint16(m.captured(1).toUInt());
    }
}

WorkerProcess::~WorkerProcess()
{
    m_process.kill();
    m_process.waitForFinished(5000);
}

int WorkerProcess::waitForExit(int ms)
{
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(ms))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

QString WorkerProcess::output()
{
    m_output += QString::fromUtf8(m_process.readAllStandardOutput());
    return m_output;
}

std::unique_ptr<core::PeerConnection> WorkerProcess::connect(const QByteArray &token) const
{
    auto *socket = new QTcpSocket;
    socket->connectToHost(QHostAddress::LocalHost, m_port);
    return std::make_unique<core::PeerConnection>(socket, core::PeerConnection::Side::Dialer, token,
                                                  QStringLiteral("test-controller"));
}

qint64 WorkerProcess::statusKiB(const char *field) const
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid()));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray &line : file.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

int WorkerProcess::openDescriptors() const
{
    const QDir fds(QStringLiteral("/proc/%1/fd").arg(pid()));
    return fds.exists() ? int(fds.entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System).size()) : -1;
}

double WorkerProcess::cpuMs() const
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid()));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = file.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')': utime and stime are 14 and 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

std::optional<core::Frame> request(core::PeerConnection &peer, core::Frame frame, int ms)
{
    static quint64 next = 1;
    frame.requestId = next++;
    std::optional<core::Frame> answer;
    auto c = QObject::connect(&peer, &core::PeerConnection::frameReceived, [&](const core::Frame &f) {
        if (f.requestId == frame.requestId)
            answer = f;
    });
    peer.send(frame);
    EventLoop::spinUntil([&] { return answer.has_value() || !peer.closeReason().isEmpty(); }, ms);
    QObject::disconnect(c);
    return answer;
}

core::Frame message(core::MessageType type, QCborMap header)
{
    core::Frame f;
    f.type = quint16(type);
    f.header = std::move(header);
    return f;
}

} // namespace d3::test
