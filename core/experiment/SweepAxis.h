#pragma once

#include <QString>
#include <QVector>

namespace d3::core {

/// One axis of an experiment's sweep (docs/EXPERIMENTS.md, Sweeps): what it changes and the values it takes.
struct SweepAxis {
    /// What an axis changes.
    enum class Kind {
        LinkMbps,  ///< the rate of the links a link name names (target: the name)
        LinkDelay, ///< their one-way delay
        EdgeNodes, ///< how many edge nodes take part: the first N of "nodes" (no target)
        Slowdown,  ///< the slowdown of a node, or of every node of a role (target: the name or role)
        Codecs,    ///< the codecs transfers may use: values index CodecCosts::settings() (no target)
        StreamRate, ///< the stream's offered rate, requests per second (no target): the offered load of a knee
        StreamInFlight, ///< the stream's in-flight bound (no target): 1 sends the requests one after another
        Objective, ///< what the planners optimise: values index Objective::names() (no target)
    };

    Kind kind = Kind::LinkMbps; ///< what it changes
    QString target;             ///< the link name, node name or role; empty for EdgeNodes
    QVector<double> values;     ///< the values, in file order (at least one, no two equal)

    /// The axis's name, as columns and figures show it: "edge<->cloud.mbps", "edge<->cloud.delay_ms",
    /// "edge_nodes", "slowdown.edge1", "codecs", "stream.rate_hz", "stream.in_flight", "objective".
    QString name() const
    {
        switch (kind) {
        case Kind::LinkMbps:
            return target + QStringLiteral(".mbps");
        case Kind::LinkDelay:
            return target + QStringLiteral(".delay_ms");
        case Kind::EdgeNodes:
            return QStringLiteral("edge_nodes");
        case Kind::Slowdown:
            return QStringLiteral("slowdown.") + target;
        case Kind::Codecs:
            return QStringLiteral("codecs");
        case Kind::StreamRate:
            return QStringLiteral("stream.rate_hz");
        case Kind::StreamInFlight:
            return QStringLiteral("stream.in_flight");
        case Kind::Objective:
            return QStringLiteral("objective");
        }
        return {};
    }
};

} // namespace d3::core
