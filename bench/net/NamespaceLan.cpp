#include "NamespaceLan.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

namespace d3::bench {
namespace {

/// Runs ip with args (3 s deadline); false with its last stderr line in *error.
bool ip(const QStringList &args, QString *error)
{
    QProcess p;
    p.start(QStringLiteral("ip"), args);
    if (!p.waitForFinished(3000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(3000);
        }
        *error = QStringLiteral("ip %1: %2").arg(args.join(QLatin1Char(' ')),
                                               QString::fromLocal8Bit(p.readAllStandardError()).simplified());
        return false;
    }
    return true;
}

} // namespace

std::unique_ptr<NamespaceLan> NamespaceLan::make(QString *error)
{
    if (::geteuid() != 0) {
        *error = QStringLiteral("the namespace LAN needs root (network namespaces and a veth pair)");
        return nullptr;
    }
    std::unique_ptr<NamespaceLan> lan(new NamespaceLan);
    lan->m_prefix = qEnvironmentVariable("D3_LAB_PREFIX", QStringLiteral("d3bench-"));
    lan->m_subnet = qEnvironmentVariable("D3_LAB_SUBNET", QStringLiteral("10.213.250"));
    static const QRegularExpression prefix(QStringLiteral("^[a-z0-9-]{1,16}$"));
    static const QRegularExpression subnet(QStringLiteral("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$"));
    if (!prefix.match(lan->m_prefix).hasMatch() || !subnet.match(lan->m_subnet).hasMatch()) {
        *error = QStringLiteral("D3_LAB_PREFIX must be 1..16 of [a-z0-9-] and D3_LAB_SUBNET three bytes (A.B.C)");
        lan->m_prefix.clear();
        return nullptr;
    }
    lan->m_home = ::open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    lan->remove(); // what a crashed run left
    const QString s = lan->name(Side::Sender);
    const QString r = lan->name(Side::Receiver);
    const QStringList steps[] = {
        {QStringLiteral("netns"), QStringLiteral("add"), s},
        {QStringLiteral("netns"), QStringLiteral("add"), r},
        {QStringLiteral("-n"), s, QStringLiteral("link"), QStringLiteral("add"), QStringLiteral("eth0"),
         QStringLiteral("type"), QStringLiteral("veth"), QStringLiteral("peer"), QStringLiteral("name"),
         QStringLiteral("eth0"), QStringLiteral("netns"), r},
        {QStringLiteral("-n"), s, QStringLiteral("addr"), QStringLiteral("add"),
         lan->address(Side::Sender).toString() + QStringLiteral("/24"), QStringLiteral("dev"), QStringLiteral("eth0")},
        {QStringLiteral("-n"), r, QStringLiteral("addr"), QStringLiteral("add"),
         lan->address(Side::Receiver).toString() + QStringLiteral("/24"), QStringLiteral("dev"), QStringLiteral("eth0")},
        {QStringLiteral("-n"), s, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("eth0"), QStringLiteral("up")},
        {QStringLiteral("-n"), r, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("eth0"), QStringLiteral("up")},
        {QStringLiteral("-n"), s, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")},
        {QStringLiteral("-n"), r, QStringLiteral("link"), QStringLiteral("set"), QStringLiteral("lo"), QStringLiteral("up")},
    };
    for (const QStringList &step : steps)
        if (!ip(step, error))
            return nullptr; // the destructor removes what was made
    return lan;
}

NamespaceLan::~NamespaceLan()
{
    remove();
    if (m_home >= 0)
        ::close(m_home);
}

void NamespaceLan::remove()
{
    if (m_prefix.isEmpty())
        return;
    QString ignored;
    for (Side side : {Side::Sender, Side::Receiver})
        if (QFile::exists(QStringLiteral("/run/netns/") + name(side)))
            ip({QStringLiteral("netns"), QStringLiteral("del"), name(side)}, &ignored);
}

QString NamespaceLan::name(Side side) const
{
    return m_prefix + (side == Side::Sender ? QStringLiteral("sender") : QStringLiteral("receiver"));
}

QHostAddress NamespaceLan::address(Side side) const
{
    return QHostAddress(m_subnet + (side == Side::Sender ? QStringLiteral(".1") : QStringLiteral(".2")));
}

bool NamespaceLan::enter(Side side, QString *error) const
{
    const int fd = ::open(QStringLiteral("/run/netns/%1").arg(name(side)).toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
    const bool ok = setNamespace(fd, name(side), error);
    if (fd >= 0)
        ::close(fd);
    return ok;
}

bool NamespaceLan::leave(QString *error) const
{
    return setNamespace(m_home, QStringLiteral("the one it started in"), error);
}

bool NamespaceLan::setNamespace(int fd, const QString &what, QString *error) const
{
    const bool ok = fd >= 0 && ::setns(fd, CLONE_NEWNET) == 0;
    if (!ok)
        *error = QStringLiteral("cannot enter the network namespace %1").arg(what);
    return ok;
}

} // namespace d3::bench
