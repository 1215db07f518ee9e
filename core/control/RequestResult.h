#pragma once

#include "protocol/HopReport.h"
#include "io/HostTensor.h"

#include <QVector>

namespace d3::core {

/// One request through the cluster as the controller saw it: the output and every hop's measurements.
struct RequestResult {
    quint64 id = 0;          ///< request id
    quint64 planId = 0;      ///< the plan it ran on
    qint64 startNs = 0;      ///< when it was sent (the client's monotonic clock)
    double endToEndMs = 0;   ///< from sending the input to receiving the output
    HostTensor output;       ///< the model output
    QVector<HopReport> hops; ///< computations and transfers, in arrival order

    /// Sum of every compute time.
    double computeMs() const;
    /// Sum of every transfer time.
    double transferMs() const;
    /// Bytes sent between workers (all transfers).
    qint64 bytes() const;
    /// Bytes sent from one worker to another (e.g. the backbone: an edge worker to the cloud worker).
    qint64 bytesBetween(const QString &from, const QString &to) const;
};

} // namespace d3::core
