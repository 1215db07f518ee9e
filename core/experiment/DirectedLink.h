#pragma once

#include <QString>
#include <QtGlobal>

namespace d3::core {

/// The shaping of one direction of the link between two nodes, as Experiment::expandLinks() yields it: what the
/// controller sets on the sending worker (ClusterClient::setLink(from, to, ...)).
struct DirectedLink {
    QString from;          ///< sending node
    QString to;            ///< receiving node
    double mbps = 0;       ///< rate in Mbit/s, 0 = unlimited
    double delayMs = 0;    ///< one-way delay in ms
    qint64 burstBytes = 0; ///< burst in bytes

    /// Same endpoints and figures.
    bool operator==(const DirectedLink &o) const
    {
        return from == o.from && to == o.to && mbps == o.mbps && delayMs == o.delayMs && burstBytes == o.burstBytes;
    }
};

} // namespace d3::core
