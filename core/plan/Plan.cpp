#include "Plan.h"

#include <QJsonArray>
#include <QSet>

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
    if (tiled()) {
        o.insert(QStringLiteral("stack"), QJsonArray{p, stackEnd - 1});
        o.insert(QStringLiteral("tile_nodes"), nodes);
    }
    return o;
}

} // namespace d3::core
