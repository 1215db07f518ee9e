#include "LinkMessages.h"

#include "CborFields.h"

#include <QCborArray>

#include <limits>

namespace d3::core {
namespace {

constexpr qsizetype kMaxName = 128;
constexpr qint64 kMaxInt = std::numeric_limits<qint64>::max();

/// The optional "shaper" field of a header (absent: nullopt), checked; a fault goes to f.
std::optional<ShaperKind> readShaper(CborFields &f)
{
    if (!f.has("shaper"))
        return std::nullopt;
    const QString name = f.text("shaper", 16);
    const auto kind = shaperFromName(name);
    if (f.ok() && !kind)
        f.fail(QStringLiteral("'shaper' must be one of %1, not '%2'").arg(shaperNames().join(QStringLiteral(", ")), name));
    return kind;
}


} // namespace

QCborMap SetLinkMessage::toCbor() const
{
    return {{QStringLiteral("to"), to},
            {QStringLiteral("rate_mbps"), rateMbps},
            {QStringLiteral("burst"), burstBytes},
            {QStringLiteral("delay_ms"), delayMs},
            {QStringLiteral("shaper"), shaperName(shaper)}};
}

std::optional<SetLinkMessage> SetLinkMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("SetLink"));
    SetLinkMessage m;
    m.to = f.text("to", kMaxName);
    m.rateMbps = f.number("rate_mbps", 0, 1e6);
    m.burstBytes = f.integer("burst", 0, qint64(1) << 30, false, 0);
    m.delayMs = f.number("delay_ms", 0, 60000, false, 0);
    m.shaper = readShaper(f).value_or(ShaperKind::Process);
    if (f.ok() && m.to.isEmpty())
        f.fail(QStringLiteral("'to' must name a worker"));
    return f.result(m, error);
}

QCborMap LinkStatsMessage::toCbor() const
{
    QCborArray array;
    for (const LinkStat &l : links) {
        QCborMap one{{QStringLiteral("to"), l.to},
                              {QStringLiteral("rate_mbps"), l.rateMbps},
                              {QStringLiteral("burst"), l.burstBytes},
                              {QStringLiteral("delay_ms"), l.delayMs},
                              {QStringLiteral("connected"), l.connected},
                              {QStringLiteral("bytes"), l.bytes},
                              {QStringLiteral("busy_ms"), l.busyMs},
                              {QStringLiteral("measured_mbps"), l.measuredMbps}};
        if (l.shaper)
            one.insert(QStringLiteral("shaper"), shaperName(*l.shaper));
        array.append(one);
    }
    return {{QStringLiteral("node"), node}, {QStringLiteral("links"), array}};
}

std::optional<LinkStatsMessage> LinkStatsMessage::fromCbor(const QCborMap &map, QString *error)
{
    CborFields f(map, QStringLiteral("LinkStats"));
    LinkStatsMessage m;
    m.node = f.text("node", kMaxName);
    const QCborValue links = map.value(QStringLiteral("links"));
    if (!links.isArray())
        f.fail(QStringLiteral("'links' must be an array"));
    for (const QCborValue &v : links.toArray()) {
        const QCborMap one = v.toMap();
        CborFields g(one, QStringLiteral("LinkStats link"));
        LinkStat l;
        l.to = g.text("to", kMaxName);
        l.rateMbps = g.number("rate_mbps", 0, 1e6);
        l.burstBytes = g.integer("burst", 0, kMaxInt);
        l.delayMs = g.number("delay_ms", 0, 60000);
        l.connected = g.boolean("connected");
        l.bytes = g.integer("bytes", 0, kMaxInt);
        l.busyMs = g.number("busy_ms", 0, 1e15);
        l.measuredMbps = g.number("measured_mbps", 0, 1e9);
        l.shaper = readShaper(g);
        if (!g.ok())
            f.fail(g.error());
        m.links.append(l);
    }
    return f.result(m, error);
}

} // namespace d3::core
