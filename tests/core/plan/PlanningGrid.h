#pragma once

#include "plan/Conditions.h"

#include <QString>
#include <QVector>

#include <string>

namespace d3::test {

/// The conditions grid of the planner tests: both bandwidths over 1..1000 Mbit/s, 1..8 edge nodes (equal, or of
/// falling speeds), the device 2x..20x slower than the cloud.
inline QVector<core::Conditions> conditionsGrid()
{
    QVector<core::Conditions> grid;
    for (double de : {1.0, 10.0, 100.0, 1000.0}) {
        for (double ec : {1.0, 10.0, 100.0, 1000.0}) {
            for (int nodes : {1, 2, 4, 8}) {
                for (double slower : {2.0, 5.0, 20.0}) {
                    for (bool mixed : {false, true}) {
                        if (mixed && nodes == 1)
                            continue;
                        core::Conditions c;
                        c.bwDeviceEdgeMbps = de;
                        c.bwEdgeCloudMbps = ec;
                        c.cloudSpeed = 1.0;
                        c.deviceSpeed = 1.0 / slower;
                        c.edgeSpeeds.clear();
                        for (int i = 0; i < nodes; ++i)
                            c.edgeSpeeds << (mixed ? 0.8 / (1 + i % 3) : 0.5);
                        grid << c;
                    }
                }
            }
        }
    }
    return grid;
}

/// One line naming conditions of the grid (for SCOPED_TRACE).
inline std::string describe(const core::Conditions &c)
{
    return QStringLiteral("bw-de %1 bw-ec %2 device %3 edges %4 (first %5)")
        .arg(c.bwDeviceEdgeMbps).arg(c.bwEdgeCloudMbps).arg(c.deviceSpeed).arg(c.edgeNodes()).arg(c.edgeSpeeds.first())
        .toStdString();
}

} // namespace d3::test
