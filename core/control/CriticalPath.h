#pragma once

#include "protocol/HopReport.h"

#include <QString>
#include <QVector>

namespace d3::core {

/// The time a request would take if every computation, transfer and decode its workers reported started the moment
/// its inputs were there and its worker could take it: the critical path of the request's reports, without the
/// orchestration around them (the controller's Infer and Done, frames parsed, hand-offs between a worker's event
/// loop and its compute thread, crops and stitching). A request's overhead is its end-to-end time less this
/// (docs/EXPERIMENTS.md, requests.csv's critical_path_ms; docs/ARCHITECTURE.md, The path of one request).
///
/// Everything outside the tile phase runs one step after another (device, cut, edge, backbone, cloud, result and
/// its relay, their decodes), so it adds up. In the tile phase, a worker sends its tile inputs one after another in
/// tile order; a tile node decodes and computes its tiles one after another as they arrive; it sends each tile's
/// output to the stitcher as it is done, one after another; the stitcher decodes them one after another as they
/// arrive, after its own tiles. The tile phase ends when the stitcher holds every tile.
class CriticalPath
{
public:
    /// The critical path in ms of a completed request's reports (any order), whose tiles, if any, are stitched on
    /// the worker named stitcher.
    static double ms(const QVector<HopReport> &hops, const QString &stitcher);
};

} // namespace d3::core
