#include "Deployment.h"

#include "CborFields.h"
#include "tiling/StackFinder.h"

#include <QCborArray>
#include <QSet>

#include <algorithm>
#include <limits>

namespace d3::core {
namespace {

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

bool validAddress(const QString &address)
{
    const int colon = address.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint port = address.mid(colon + 1).toUInt(&ok);
    return colon > 0 && ok && port > 0 && port <= 65535;
}

} // namespace

std::optional<Deployment> Deployment::make(const ModelGraph &graph, quint64 planId, const Plan &plan, QString device,
                                           QStringList edges, QString cloud, QMap<QString, QString> addresses,
                                           QString *why)
{
    const int n = graph.layerCount();
    if (plan.p < 0 || plan.p > plan.q || plan.q > n) {
        *why = QStringLiteral("plan cuts %1, %2 do not fit %3 (0 <= p <= q <= %4)").arg(plan.p).arg(plan.q).arg(graph.name()).arg(n);
        return std::nullopt;
    }
    // The edge node computes when p < q, and relays device <-> cloud traffic otherwise (unless p == n, or there is
    // no edge worker at all: a two-tier cluster links device and cloud directly).
    const bool needsEdge = plan.p < plan.q || (plan.p < n && !edges.isEmpty());
    if (needsEdge && (plan.edgeNode < 0 || plan.edgeNode >= edges.size())) {
        *why = QStringLiteral("plan edge node %1 is not one of the %2 edge workers (it computes [p, q) or relays between "
                              "device and cloud)").arg(plan.edgeNode).arg(edges.size());
        return std::nullopt;
    }
    Deployment d;
    if (plan.tiled()) {
        FusedStack stack;
        bool found = false;
        for (const FusedStack &s : StackFinder::candidates(graph, plan.p, plan.q))
            if (s.end == plan.stackEnd) {
                stack = s;
                found = true;
            }
        if (!found) {
            *why = QStringLiteral("plan stack [%1, %2) is not a tileable stack of %3").arg(plan.p).arg(plan.stackEnd).arg(graph.name());
            return std::nullopt;
        }
        auto geometry = TileGeometry::build(graph, stack, plan.rows, plan.cols, why);
        if (!geometry)
            return std::nullopt;
        if (plan.tileNodes.size() != plan.rows * plan.cols) {
            *why = QStringLiteral("plan has %1 tile nodes for a %2x%3 grid").arg(plan.tileNodes.size()).arg(plan.rows).arg(plan.cols);
            return std::nullopt;
        }
        for (int node : plan.tileNodes)
            if (node < 0 || node >= edges.size()) {
                *why = QStringLiteral("plan tile node %1 is not one of the %2 edge workers").arg(node).arg(edges.size());
                return std::nullopt;
            }
        d.m_geometry = std::make_shared<const TileGeometry>(std::move(*geometry));
    }
    QStringList names{device, cloud};
    names += edges;
    if (QSet<QString>(names.begin(), names.end()).size() != names.size() || names.contains(QString())) {
        *why = QStringLiteral("worker names must be distinct and non-empty (device '%1', edges '%2', cloud '%3')")
                   .arg(device, edges.join(QLatin1Char(',')), cloud);
        return std::nullopt;
    }
    d.m_planId = planId;
    d.m_plan = plan;
    d.m_device = std::move(device);
    d.m_cloud = std::move(cloud);
    d.m_edges = std::move(edges);
    d.m_addresses = std::move(addresses);
    d.m_layers = n;
    if (plan.p > 0)
        d.m_stages.append({StageKind::Device, 0, plan.p, d.m_device});
    int edgeFrom = plan.p;
    if (plan.tiled()) {
        d.m_stages.append({StageKind::Tiles, plan.p, plan.stackEnd, d.stitcher()});
        edgeFrom = plan.stackEnd;
    }
    if (edgeFrom < plan.q)
        d.m_stages.append({StageKind::Edge, edgeFrom, plan.q, d.stitcher()});
    if (plan.q < n)
        d.m_stages.append({StageKind::Cloud, plan.q, n, d.m_cloud});
    for (const QString &name : d.participants())
        if (!validAddress(d.m_addresses.value(name))) {
            *why = QStringLiteral("worker '%1' has no valid host:port address ('%2')").arg(name, d.m_addresses.value(name));
            return std::nullopt;
        }
    return d;
}

QCborMap Deployment::toCbor() const
{
    QCborArray tileNodes;
    for (int t : m_plan.tileNodes)
        tileNodes.append(t);
    QCborMap addresses;
    for (auto it = m_addresses.begin(); it != m_addresses.end(); ++it)
        addresses.insert(it.key(), it.value());
    QCborArray codecs;
    for (WireCodec c : m_plan.codecs)
        codecs.append(int(c));
    return QCborMap{{key("plan_id"), qint64(m_planId)},
                    {key("p"), m_plan.p},
                    {key("q"), m_plan.q},
                    {key("stack_end"), m_plan.stackEnd},
                    {key("rows"), m_plan.rows},
                    {key("cols"), m_plan.cols},
                    {key("tile_nodes"), tileNodes},
                    {key("edge_node"), m_plan.edgeNode},
                    {key("device"), m_device},
                    {key("edges"), QCborArray::fromStringList(m_edges)},
                    {key("cloud"), m_cloud},
                    {key("addresses"), addresses},
                    {key("codecs"), codecs}};
}

std::optional<Deployment> Deployment::fromCbor(const ModelGraph &graph, const QCborMap &map, QString *why)
{
    // Every integer in its range as it is read (never clamped into one: a stack_end of -2^40 is not "untiled");
    // make() then checks the plan against the model.
    constexpr qint64 kMaxIndex = 1 << 20;
    CborFields f(map, QStringLiteral("Deploy"));
    const qint64 planId = f.integer("plan_id", 1, std::numeric_limits<qint64>::max());
    Plan plan;
    plan.p = int(f.integer("p", 0, kMaxIndex));
    plan.q = int(f.integer("q", 0, kMaxIndex));
    plan.stackEnd = int(f.integer("stack_end", -1, kMaxIndex));
    plan.rows = int(f.integer("rows", 1, TileGeometry::kMaxGrid));
    plan.cols = int(f.integer("cols", 1, TileGeometry::kMaxGrid));
    plan.edgeNode = int(f.integer("edge_node", 0, kMaxIndex));
    const QCborArray tileNodes = map.value(key("tile_nodes")).toArray();
    if (tileNodes.size() > TileGeometry::kMaxGrid * TileGeometry::kMaxGrid)
        f.fail(QStringLiteral("too many tile nodes (%1)").arg(tileNodes.size()));
    for (const auto &v : tileNodes) {
        if (!v.isInteger() || v.toInteger() < 0 || v.toInteger() > kMaxIndex)
            f.fail(QStringLiteral("'tile_nodes' must hold edge node indices in 0..%1").arg(kMaxIndex));
        plan.tileNodes.append(int(std::clamp<qint64>(v.toInteger(), 0, kMaxIndex)));
    }
    const QCborArray codecs = map.value(key("codecs")).toArray(); // absent: nothing compressed
    if (!codecs.isEmpty() && codecs.size() != kPlanLinks)
        f.fail(QStringLiteral("'codecs' must name one codec for each of the %1 links").arg(kPlanLinks));
    for (qsizetype i = 0; i < codecs.size() && i < kPlanLinks; ++i) {
        const qint64 c = codecs.at(i).isInteger() ? codecs.at(i).toInteger() : -1;
        if (c < 0 || c >= kWireCodecs)
            f.fail(QStringLiteral("'codecs' holds %1, not a codec number in 0..%2").arg(c).arg(kWireCodecs - 1));
        else
            plan.codecs[size_t(i)] = WireCodec(c);
    }
    if (!f.ok()) {
        *why = f.error();
        return std::nullopt;
    }
    QStringList edges;
    for (const auto &v : map.value(key("edges")).toArray())
        edges.append(v.toString());
    QMap<QString, QString> addresses;
    for (const auto &entry : map.value(key("addresses")).toMap())
        addresses.insert(entry.first.toString(), entry.second.toString());
    return make(graph, quint64(planId), plan, map.value(key("device")).toString(), edges,
                map.value(key("cloud")).toString(), addresses, why);
}

const Deployment::Stage *Deployment::stageAt(int at) const
{
    for (const Stage &s : m_stages)
        if (s.a == at)
            return &s;
    return nullptr;
}

QString Deployment::firstHop(const QString &from, const QString &to) const
{
    const bool deviceCloud = (from == m_device && to == m_cloud) || (from == m_cloud && to == m_device);
    return deviceCloud && !relay().isEmpty() ? relay() : to;
}

PlanLink Deployment::linkOf(const QString &from, const QString &to) const
{
    if (from == m_device)
        return PlanLink::Uplink;
    if (to == m_device)
        return PlanLink::Downlink;
    if (from == m_cloud)
        return PlanLink::Return;
    return to == m_cloud ? PlanLink::Backbone : PlanLink::Gather;
}

QVector<Deployment::Transfer> Deployment::transfers() const
{
    QVector<Transfer> out;
    auto send = [&](const QString &from, const QString &to, DataKind kind, int at, int tile) {
        const QString hop = firstHop(from, to);
        out.append({from, hop, kind, at, tile, hop != to});
        if (hop != to)
            out.append({hop, to, kind, at, tile});
    };
    // The tensors crossing cut at, produced on worker from, go to whoever reads them next.
    auto route = [&](const QString &from, int at) {
        const Stage *next = stageAt(at);
        if (!next) {
            if (from != m_device)
                send(from, m_device, DataKind::Result, at, -1);
        } else if (next->kind == StageKind::Tiles) {
            for (int t = 0; t < m_plan.tileNodes.size(); ++t)
                if (tileNode(t) != from)
                    out.append({from, tileNode(t), DataKind::TileIn, at, t});
        } else if (next->node != from) {
            send(from, next->node, DataKind::Cut, at, -1);
        }
    };
    route(m_device, 0);
    for (const Stage &s : m_stages) {
        if (s.kind == StageKind::Tiles)
            for (int t = 0; t < m_plan.tileNodes.size(); ++t)
                if (tileNode(t) != s.node)
                    out.append({tileNode(t), s.node, DataKind::TileOut, s.b, t});
        route(s.node, s.b);
    }
    return out;
}

int Deployment::expectedReports() const
{
    int computes = 0;
    for (const Stage &s : m_stages)
        computes += s.kind == StageKind::Tiles ? m_plan.tileNodes.size() : 1;
    int decodes = 0; // the receiver of a compressed message reports decoding it, unless it relays it as it came
    const QVector<Transfer> all = transfers();
    for (qsizetype i = 0; i < all.size(); ++i) {
        const WireCodec c = codecOf(all[i].from, all[i].to);
        const bool relayedAsIs = all[i].relayed && codecOf(all[i + 1].from, all[i + 1].to) == c;
        decodes += c != WireCodec::None && !relayedAsIs ? 1 : 0;
    }
    return computes + int(all.size()) + decodes;
}

QStringList Deployment::participants() const
{
    QStringList names{m_device};
    auto add = [&](const QString &name) {
        if (!names.contains(name))
            names.append(name);
    };
    for (const Stage &s : m_stages)
        add(s.node);
    for (const Transfer &t : transfers())
        add(t.to); // the relay
    if (m_plan.tiled())
        for (int t = 0; t < m_plan.tileNodes.size(); ++t)
            add(tileNode(t));
    return names;
}

QStringList Deployment::nextHops(const QString &node) const
{
    QStringList hops;
    for (const Transfer &t : transfers())
        if (t.from == node && !hops.contains(t.to))
            hops.append(t.to);
    return hops;
}

} // namespace d3::core
