#include "Plan.h"

#include <QJsonArray>
#include <QSet>
#include <QStringList>

#include <algorithm>

namespace d3::core {

int Plan::tileNodeCount() const
{
    if (!tiled())
        return 1;
    return QSet<int>(tileNodes.begin(), tileNodes.end()).size();
}

QString Plan::describe() const
{
    QString s = QStringLiteral("p=%1 q=%2").arg(p).arg(q);
    if (tiled())
        s += QStringLiteral(" tiles %1x%2 of [%3, %4) on %5 node(s)").arg(rows).arg(cols).arg(p).arg(stackEnd).arg(tileNodeCount());
    if (compresses())
        s += QStringLiteral("; ") + describeCodecs();
    return s;
}

bool Plan::compresses() const
{
    return std::any_of(codecs.begin(), codecs.end(), [](WireCodec c) { return c != WireCodec::None; });
}

QString Plan::describeCodecs() const
{
    QStringList used;
    for (PlanLink link : kAllPlanLinks)
        if (codec(link) != WireCodec::None)
            used << planLinkNames()[int(link)] + QLatin1Char(' ') + WireCodecs::name(codec(link));
    return used.join(QStringLiteral(", "));
}

QString Plan::tiers(int layers) const
{
    QStringList used;
    if (p > 0)
        used << QStringLiteral("device");
    if (q > p)
        used << QStringLiteral("edge");
    if (q < layers)
        used << QStringLiteral("cloud");
    return used.join(QLatin1Char('+'));
}

QString Plan::shortLabel(int layers) const
{
    const QString t = tiers(layers);
    const int count = int(t.count(QLatin1Char('+'))) + 1;
    QString s = count == 3 ? QStringLiteral("3-tier") : count == 1 ? t + QStringLiteral(" only") : t;
    if (tiled())
        s += QStringLiteral(", %1x%2 tiles").arg(rows).arg(cols);
    return s;
}

QJsonObject Plan::toJson() const
{
    QJsonArray nodes;
    for (int n : tileNodes)
        nodes.append(n);
    QJsonObject o{
        {QStringLiteral("cuts"), QJsonArray{p, q}},
        {QStringLiteral("grid"), QJsonArray{tiled() ? rows : 1, tiled() ? cols : 1}},
        {QStringLiteral("edge_node"), edgeNode},
    };
    QJsonObject links;
    for (PlanLink link : kAllPlanLinks)
        links.insert(planLinkNames()[int(link)], WireCodecs::name(codec(link)));
    o.insert(QStringLiteral("codecs"), links);
    if (tiled()) {
        o.insert(QStringLiteral("stack"), QJsonArray{p, stackEnd - 1});
        o.insert(QStringLiteral("tile_nodes"), nodes);
    }
    return o;
}

} // namespace d3::core
