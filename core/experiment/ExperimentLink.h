#pragma once

#include <QString>
#include <QtGlobal>

namespace d3::core {

/// One entry of an experiment's "links" (or a set_link event): a link name and the shaping it gets. The name is a
/// tier pair ("device->edge", "edge<->cloud", ...) or a node pair ("edge1->cloud", "edge1<->edge2"); LinkName
/// resolves it to directed links between nodes.
struct ExperimentLink {
    QString name;          ///< the link name, as written
    double mbps = 0;       ///< rate in Mbit/s, 0 = unlimited
    double delayMs = 0;    ///< one-way delay in ms, 0..60000
    qint64 burstBytes = 0; ///< bytes that may leave at once after the link was idle (0 = none)
};

} // namespace d3::core
