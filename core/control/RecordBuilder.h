#pragma once

#include "protocol/Deployment.h"
#include "record/RequestRecord.h"
#include "RequestResult.h"

namespace d3::core {

/// Turns what the workers reported for one request into a row of the run: compute per stage (the slowest tile node
/// for the tile phase), transfers per link class (device <-> edge, edge <-> edge, the backbone edge <-> cloud), the
/// longest of parallel transfers and the sum of sequential ones.
class RecordBuilder
{
public:
    /// The record of a completed request on deployment d.
    static RequestRecord completed(const RequestResult &result, const Deployment &d);
    /// The record of a failed request.
    static RequestRecord failed(quint64 id, quint64 planId, double startMs, const QString &reason);
};

} // namespace d3::core
