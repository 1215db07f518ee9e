#pragma once

#include "ExperimentLink.h"
#include "SweepAxis.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace d3::core {

/// The conditions a phase runs under beyond the file's own (one point of a sweep): links reshaped, slowdowns
/// changed, the number of edge nodes that take part.
struct ExperimentCondition {
    int index = 0;                     ///< position in ExperimentSweep::conditionCount(), from 0
    QVector<double> values;            ///< one per sweep axis, in axis order
    QVector<ExperimentLink> links;     ///< links to shape over the file's "links", in axis order
    QHash<QString, double> slowdowns;  ///< node name -> slowdown
    int edgeNodes = 0;                 ///< the first N edge nodes of "nodes" take part; 0 = all
    QString codecs;                    ///< the codecs transfers may use (CodecCosts::settings()); "" = the file's
    double streamRateHz = 0;           ///< the stream's offered rate; 0 = the file's
    int streamInFlight = 0;            ///< the stream's in-flight bound; 0 = the file's
    int objective = -1;                ///< what the planners optimise (an Objective::Kind); -1 = the file's
};

/// An experiment's "sweep" (docs/EXPERIMENTS.md, Sweeps): axes over link rates and delays, the edge-node count,
/// node slowdowns and the wire codecs, crossed into conditions (the last axis varies fastest), and the repetitions of every phase.
struct ExperimentSweep {
    /// Most values one axis may take.
    static constexpr int kMaxValues = 64;
    /// Most repetitions.
    static constexpr int kMaxRepeats = 100;

    /// A link axis's figures besides the swept one: the rate or delay it keeps and its burst.
    struct LinkFigures {
        QString name;          ///< the link name
        double mbps = 0;       ///< the rate when it is not swept
        double delayMs = 0;    ///< the delay when it is not swept
        qint64 burstBytes = 0; ///< the burst
    };

    QVector<SweepAxis> axes;        ///< link axes (by link name, rate before delay), edge_nodes, slowdowns (by target)
    QVector<LinkFigures> links;     ///< every link the sweep names, by name
    int repeats = 1;                ///< every phase is run this many times, 1..kMaxRepeats

    /// True when there is nothing to sweep and nothing to repeat.
    bool isEmpty() const { return axes.isEmpty() && repeats == 1; }
    /// The number of conditions: the product of the axes' value counts (1 without axes).
    int conditionCount() const;
    /// The axes' names, in order.
    QStringList axisNames() const;
    /// Condition index (0 <= index < conditionCount()); nodes of role "edge" etc. are resolved by the caller's
    /// lists: edges and every node's role.
    ExperimentCondition condition(int index, const QHash<QString, QString> &roleOf) const;
    /// The "sweep" object, as parse() reads it back.
    QJsonObject toJson() const;
};

} // namespace d3::core
