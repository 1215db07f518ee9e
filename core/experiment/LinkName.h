#pragma once

#include "ExperimentNode.h"

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace d3::core {

/// The link names of an experiment (docs/EXPERIMENTS.md, Links) resolved against its nodes. A tier pair names
/// every link between two tiers ("device->edge", "edge<->cloud", ...); a node pair names the link between two
/// nodes ("edge1->cloud", "edge1<->edge2"). "<->" sets both directions. There is no link between device and cloud:
/// their traffic is relayed by an edge node.
class LinkName
{
public:
    /// What a name names, in ascending precedence: where entries overlap, the higher kind wins.
    enum class Kind { TierBoth, TierOne, NodeBoth, NodeOne };
    /// A directed link: (sending node, receiving node).
    using Direction = QPair<QString, QString>;

    /// The kind of name and, in *directions, the directed links it names among nodes (in node order; empty for a
    /// tier pair without nodes on one side); nullopt with one line in *why for a name that is not a link.
    static std::optional<Kind> resolve(const QString &name, const QVector<ExperimentNode> &nodes,
                                       QVector<Direction> *directions, QString *why);
    /// The tier pairs, as written in files.
    static QStringList tierPairs();
    /// The words that name tiers ("device", "edge", "cloud").
    static QStringList tiers();
};

} // namespace d3::core
