#include "WorkerBeacon.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace d3::core {
namespace {

const QString kMagic = QStringLiteral("d3lab-worker");

} // namespace

QByteArray WorkerBeacon::datagram(const QString &name, const QString &role, quint16 port)
{
    const QJsonObject o{{QStringLiteral("beacon"), kMagic}, {QStringLiteral("v"), 1},
                        {QStringLiteral("name"), name}, {QStringLiteral("role"), role}, {QStringLiteral("port"), port}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<WorkerBeacon> WorkerBeacon::parse(const QByteArray &bytes, const QHostAddress &sender)
{
    if (bytes.isEmpty() || bytes.size() > kMaxBytes || sender.isNull())
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9_.-]{1,128}$"));
    static const QRegularExpression rolePattern(QStringLiteral("^(device|edge|cloud)$"));
    const double port = o.value(QStringLiteral("port")).toDouble(-1);
    WorkerBeacon b;
    b.name = o.value(QStringLiteral("name")).toString();
    b.role = o.value(QStringLiteral("role")).toString();
    if (o.value(QStringLiteral("beacon")).toString() != kMagic || o.value(QStringLiteral("v")).toInt() != 1
        || !namePattern.match(b.name).hasMatch() || !rolePattern.match(b.role).hasMatch() || port < 1
        || port > 65535 || port != double(int(port)))
        return std::nullopt;
    b.host = sender;
    b.port = quint16(port);
    return b;
}

QString WorkerBeacon::address() const
{
    QHostAddress h = host;
    bool v4 = false;
    const quint32 ip4 = h.toIPv4Address(&v4); // ::ffff:a.b.c.d from a dual-stack socket
    if (v4)
        return QStringLiteral("%1:%2").arg(QHostAddress(ip4).toString()).arg(port);
    return QStringLiteral("[%1]:%2").arg(h.toString()).arg(port);
}

} // namespace d3::core
