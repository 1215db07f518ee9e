#include "TcCommand.h"

#include <QRegularExpression>

#include <cmath>

namespace d3::worker {

std::optional<TcCommand::Rate> TcCommand::rate(double rateMbps, qint64 burstBytes, QString *error)
{
    if (!std::isfinite(rateMbps) || rateMbps < 0.008 || rateMbps > 1e6) {
        *error = QStringLiteral("kernel rate %1 Mbit/s is outside 0.008..1000000").arg(rateMbps);
        return std::nullopt;
    }
    Rate r;
    r.bitsPerSecond = qint64(std::llround(rateMbps * 1e6));
    if (burstBytes == 0)
        burstBytes = std::max(kMinBurst, qint64(std::llround(r.bitsPerSecond / 8.0 * kBurstMs / 1000)));
    if (burstBytes < kMinBurst || burstBytes > kMaxBurst) {
        *error = QStringLiteral("kernel burst %1 bytes is outside %2..%3").arg(burstBytes).arg(kMinBurst).arg(kMaxBurst);
        return std::nullopt;
    }
    r.burstBytes = burstBytes;
    return r;
}

bool TcCommand::isDeviceName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_.@][A-Za-z0-9_.@-]{0,14}$"));
    return pattern.match(name).hasMatch() && name != QLatin1String(".") && name != QLatin1String("..");
}

std::optional<QString> TcCommand::deviceOfRoute(const QString &output, QString *error)
{
    const QStringList words = output.simplified().split(QLatin1Char(' '));
    const int at = words.indexOf(QStringLiteral("dev"));
    if (at < 0 || at + 1 >= words.size() || !isDeviceName(words.at(at + 1))) {
        *error = QStringLiteral("ip route get names no interface: '%1'").arg(output.simplified().left(120));
        return std::nullopt;
    }
    return words.at(at + 1);
}

QStringList TcCommand::routeGet(const QHostAddress &peer)
{
    return {QStringLiteral("-4"), QStringLiteral("route"), QStringLiteral("get"), peer.toString()};
}

QStringList TcCommand::addQdisc(const QString &device)
{
    return {QStringLiteral("qdisc"), QStringLiteral("add"), QStringLiteral("dev"), device, QStringLiteral("root"),
            QStringLiteral("handle"), QLatin1String(kHandle), QStringLiteral("htb")};
}

QStringList TcCommand::deleteQdisc(const QString &device)
{
    return {QStringLiteral("qdisc"), QStringLiteral("del"), QStringLiteral("dev"), device, QStringLiteral("root"),
            QStringLiteral("handle"), QLatin1String(kHandle)};
}

QString TcCommand::classId(int minor)
{
    return QLatin1String(kHandle) + QString::number(minor, 16);
}

QStringList TcCommand::classArgs(const char *verb, const QString &device, int minor, const Rate &rate)
{
    const QString bits = QString::number(rate.bitsPerSecond) + QStringLiteral("bit");
    const QString burst = QString::number(rate.burstBytes);
    return {QStringLiteral("class"), QLatin1String(verb), QStringLiteral("dev"), device, QStringLiteral("parent"),
            QLatin1String(kHandle), QStringLiteral("classid"), classId(minor), QStringLiteral("htb"),
            QStringLiteral("rate"), bits, QStringLiteral("ceil"), bits, QStringLiteral("burst"), burst,
            QStringLiteral("cburst"), burst, QStringLiteral("quantum"), QStringLiteral("60000")};
}

QStringList TcCommand::addClass(const QString &device, int minor, const Rate &rate)
{
    return classArgs("add", device, minor, rate);
}

QStringList TcCommand::changeClass(const QString &device, int minor, const Rate &rate)
{
    return classArgs("change", device, minor, rate);
}

QStringList TcCommand::deleteClass(const QString &device, int minor)
{
    return {QStringLiteral("class"), QStringLiteral("del"), QStringLiteral("dev"), device, QStringLiteral("classid"),
            classId(minor)};
}

QStringList TcCommand::addFilter(const QString &device, int minor, const QHostAddress &peer)
{
    return {QStringLiteral("filter"), QStringLiteral("add"), QStringLiteral("dev"), device, QStringLiteral("parent"),
            QLatin1String(kHandle), QStringLiteral("protocol"), QStringLiteral("ip"), QStringLiteral("prio"),
            QString::number(minor), QStringLiteral("u32"), QStringLiteral("match"), QStringLiteral("ip"),
            QStringLiteral("dst"), peer.toString() + QStringLiteral("/32"), QStringLiteral("flowid"), classId(minor)};
}

QStringList TcCommand::deleteFilter(const QString &device, int minor)
{
    return {QStringLiteral("filter"), QStringLiteral("del"), QStringLiteral("dev"), device, QStringLiteral("parent"),
            QLatin1String(kHandle), QStringLiteral("protocol"), QStringLiteral("ip"), QStringLiteral("prio"),
            QString::number(minor)};
}

} // namespace d3::worker
