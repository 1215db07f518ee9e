#include "LinkName.h"

namespace d3::core {
namespace {

const QString kRelayed = QStringLiteral("there is no device<->cloud link: traffic between device and cloud is relayed "
                                        "by an edge node (shape device<->edge and edge<->cloud instead)");

/// Splits "A->B" or "A<->B" (names never contain '<' or '>'); false if the name has no single arrow.
bool split(const QString &name, QString *from, QString *to, bool *both)
{
    const int arrow = name.indexOf(QLatin1Char('>'));
    if (arrow < 1 || name.count(QLatin1Char('>')) != 1 || name.at(arrow - 1) != QLatin1Char('-'))
        return false;
    *from = name.left(arrow - 1);
    *to = name.mid(arrow + 1);
    *both = from->endsWith(QLatin1Char('<'));
    if (*both)
        from->chop(1);
    return !from->isEmpty() && !to->isEmpty() && !from->contains(QLatin1Char('<')) && !to->contains(QLatin1Char('<'));
}

bool deviceAndCloud(const QString &a, const QString &b)
{
    const QStringList pair{a, b};
    return pair.contains(QStringLiteral("device")) && pair.contains(QStringLiteral("cloud"));
}

const ExperimentNode *find(const QVector<ExperimentNode> &nodes, const QString &name)
{
    for (const ExperimentNode &n : nodes)
        if (n.name == name)
            return &n;
    return nullptr;
}

} // namespace

QStringList LinkName::tierPairs()
{
    return {QStringLiteral("device->edge"), QStringLiteral("edge->device"), QStringLiteral("edge->cloud"),
            QStringLiteral("cloud->edge"), QStringLiteral("edge<->edge"), QStringLiteral("device<->edge"),
            QStringLiteral("edge<->cloud")};
}

QStringList LinkName::tiers()
{
    return {QStringLiteral("device"), QStringLiteral("edge"), QStringLiteral("cloud")};
}

std::optional<LinkName::Kind> LinkName::resolve(const QString &name, const QVector<ExperimentNode> &nodes,
                                                QVector<Direction> *directions, QString *why)
{
    directions->clear();
    QString from, to;
    bool both = false;
    if (!split(name, &from, &to, &both)) {
        *why = QStringLiteral("'%1' is not a link name (a tier pair: %2; or a node pair: NODE->NODE or NODE<->NODE)")
                   .arg(name, tierPairs().join(QLatin1String(", ")));
        return std::nullopt;
    }
    const bool tierPair = tiers().contains(from) && tiers().contains(to);
    if (tierPair) {
        if (deviceAndCloud(from, to)) {
            *why = kRelayed;
            return std::nullopt;
        }
        if (!tierPairs().contains(name)) {
            const QString fix = both || from == to ? QStringLiteral("%1<->%2") : QStringLiteral("%1->%2");
            const QString suggestion = tierPairs().contains(fix.arg(to, from)) ? fix.arg(to, from) : fix.arg(from, to);
            *why = tierPairs().contains(suggestion)
                       ? QStringLiteral("'%1' is not a tier pair; write '%2'").arg(name, suggestion)
                       : QStringLiteral("'%1' is not a link (tier pairs: %2)")
                             .arg(name, tierPairs().join(QLatin1String(", ")));
            return std::nullopt;
        }
        for (const ExperimentNode &a : nodes) {
            for (const ExperimentNode &b : nodes) {
                if (a.name == b.name)
                    continue;
                if (a.role == from && b.role == to)
                    *directions << Direction(a.name, b.name);
                else if (both && a.role == to && b.role == from)
                    *directions << Direction(a.name, b.name);
            }
        }
        return both ? Kind::TierBoth : Kind::TierOne;
    }
    const ExperimentNode *a = find(nodes, from);
    const ExperimentNode *b = find(nodes, to);
    if (!a || !b) {
        *why = QStringLiteral("no node named '%1' (a tier pair names two tiers, a node pair two nodes of \"nodes\")")
                   .arg(a ? to : from);
        return std::nullopt;
    }
    if (a == b) {
        *why = QStringLiteral("'%1' joins node '%2' to itself").arg(name, from);
        return std::nullopt;
    }
    if (deviceAndCloud(a->role, b->role)) {
        *why = QStringLiteral("'%1' joins the device and the cloud: ").arg(name) + kRelayed;
        return std::nullopt;
    }
    *directions << Direction(a->name, b->name);
    if (both)
        *directions << Direction(b->name, a->name);
    return both ? Kind::NodeBoth : Kind::NodeOne;
}

} // namespace d3::core
