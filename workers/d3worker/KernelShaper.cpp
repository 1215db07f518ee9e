#include "KernelShaper.h"

#include "WorkerLog.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace d3::worker {
namespace {

/// tc and ip where Debian puts them (root's PATH is not trusted to find them).
QString program(const char *name)
{
    return QStandardPaths::findExecutable(QLatin1String(name),
                                          {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"),
                                           QStringLiteral("/usr/bin"), QStringLiteral("/bin")});
}

/// The peer's IPv4 address (an IPv4-mapped IPv6 address read as IPv4); nullopt for IPv6.
std::optional<QHostAddress> ipv4(const QHostAddress &address)
{
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    if (!ok)
        return std::nullopt;
    return QHostAddress(v4);
}

} // namespace

KernelShaper::KernelShaper(QString name) : m_name(std::move(name)) {}

KernelShaper::~KernelShaper()
{
    QString ignored;
    for (const QString &device : std::as_const(m_devices))
        run(program("tc"), TcCommand::deleteQdisc(device), QString(), nullptr, &ignored);
}

bool KernelShaper::available(QString *error)
{
    if (program("tc").isEmpty() || program("ip").isEmpty()) {
        *error = QStringLiteral("--kernel-shaping needs tc and ip (apt-get install iproute2)");
        return false;
    }
    return true;
}

QString KernelShaper::where(const QString &to) const
{
    return to.isEmpty() ? QStringLiteral("d3worker %1").arg(m_name)
                        : QStringLiteral("d3worker %1: link %1->%2").arg(m_name, to);
}

bool KernelShaper::run(const QString &prog, const QStringList &args, const QString &to, QString *output,
                       QString *error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(prog, args);
    const QString command = QFileInfo(prog).fileName() + QLatin1Char(' ') + args.join(QLatin1Char(' '));
    if (!p.waitForStarted(kDeadlineMs) || !p.waitForFinished(kDeadlineMs)) {
        p.kill();
        p.waitForFinished(kDeadlineMs);
        *error = QStringLiteral("%1: %2 did not finish within %3 ms").arg(where(to), command).arg(kDeadlineMs);
        return false;
    }
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString why = QString::fromLocal8Bit(p.readAllStandardError()).simplified().left(200);
        *error = QStringLiteral("%1: %2 failed: %3").arg(where(to), command,
                                                        why.isEmpty() ? QStringLiteral("exit %1").arg(p.exitCode()) : why);
        return false;
    }
    if (output)
        *output = QString::fromLocal8Bit(p.readAllStandardOutput());
    qCDebug(lcWorker).noquote() << where(to) << "ran" << command;
    return true;
}

bool KernelShaper::tc(const QStringList &args, const QString &to, QString *error)
{
    return run(program("tc"), args, to, nullptr, error);
}

bool KernelShaper::setRate(const QString &to, double rateMbps, qint64 burstBytes, QString *error)
{
    QString why;
    const auto rate = TcCommand::rate(rateMbps, burstBytes, &why);
    if (!rate) {
        *error = QStringLiteral("%1: %2").arg(where(to), why);
        return false;
    }
    if (!m_minors.contains(to)) {
        if (m_minors.size() >= TcCommand::kMaxMinor) {
            *error = QStringLiteral("%1: more than %2 kernel-shaped links").arg(where(to)).arg(TcCommand::kMaxMinor);
            return false;
        }
        m_minors.insert(to, int(m_minors.size()) + 1);
    }
    auto it = m_links.find(to);
    if (it == m_links.end()) {
        Link link;
        link.rate = *rate;
        link.minor = m_minors.value(to);
        m_links.insert(to, link);
        return true;
    }
    if (!it->device.isEmpty() && !(it->rate == *rate)
        && !tc(TcCommand::changeClass(it->device, it->minor, *rate), to, error))
        return false;
    it->rate = *rate;
    if (!it->device.isEmpty())
        qCInfo(lcWorker).noquote() << where(to) << "kernel rate changed to" << rateMbps << "Mbit/s on" << it->device;
    return true;
}

bool KernelShaper::attach(const QString &to, const QHostAddress &address, QString *error)
{
    auto it = m_links.find(to);
    if (it == m_links.end())
        return true;
    const auto peer = ipv4(address);
    if (!peer) {
        *error = QStringLiteral("%1: the peer's address %2 is not IPv4 (kernel shaping filters IPv4)")
                     .arg(where(to), address.toString());
        return false;
    }
    if (!it->device.isEmpty() && it->address == *peer)
        return true;
    return install(to, *it, *peer, error);
}

bool KernelShaper::install(const QString &to, Link &link, const QHostAddress &address, QString *error)
{
    uninstall(to, link); // a new address: the old filter goes
    QString route;
    if (!run(program("ip"), TcCommand::routeGet(address), to, &route, error))
        return false;
    QString why;
    const auto device = TcCommand::deviceOfRoute(route, &why);
    if (!device) {
        *error = QStringLiteral("%1: %2").arg(where(to), why);
        return false;
    }
    if (!m_devices.contains(*device)) {
        // A root qdisc d3: that this process did not install was left by a worker killed outright (or belongs to
        // another kernel-shaping worker in this namespace, which is one too many): it goes. Any other root qdisc
        // stays, and the add below fails on it.
        if (tc(TcCommand::deleteQdisc(*device), to, &why))
            qCWarning(lcWorker).noquote() << where(to) << "removed a qdisc" << TcCommand::kHandle << "on" << *device
                                          << "that another d3worker left";
        if (!tc(TcCommand::addQdisc(*device), to, error))
            return false;
        m_devices.insert(*device);
    }
    if (!tc(TcCommand::addClass(*device, link.minor, link.rate), to, error))
        return false;
    if (!tc(TcCommand::addFilter(*device, link.minor, address), to, error)) {
        tc(TcCommand::deleteClass(*device, link.minor), to, &why);
        return false;
    }
    link.device = *device;
    link.address = address;
    qCInfo(lcWorker).noquote() << where(to) << "kernel-shaped at" << link.rate.bitsPerSecond / 1e6 << "Mbit/s:"
                               << *device << TcCommand::classId(link.minor) << "to" << address.toString();
    return true;
}

void KernelShaper::uninstall(const QString &to, Link &link)
{
    if (link.device.isEmpty())
        return;
    QString why;
    if (!tc(TcCommand::deleteFilter(link.device, link.minor), to, &why)
        || !tc(TcCommand::deleteClass(link.device, link.minor), to, &why))
        qCWarning(lcWorker).noquote() << why;
    link.device.clear();
    link.address.clear();
}

void KernelShaper::reset(const QString &to)
{
    auto it = m_links.find(to);
    if (it == m_links.end())
        return;
    uninstall(to, *it);
    m_links.erase(it);
    qCInfo(lcWorker).noquote() << where(to) << "no longer kernel-shaped";
}

std::optional<TcCommand::Rate> KernelShaper::rate(const QString &to) const
{
    const auto it = m_links.find(to);
    if (it == m_links.end())
        return std::nullopt;
    return it->rate;
}

} // namespace d3::worker
