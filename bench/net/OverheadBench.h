#pragma once

#include "BenchOptions.h"

#include <QString>
#include <QVector>

namespace d3::bench {

/// One tensor size of the protocol-overhead benchmark, with the wall times of both variants.
struct OverheadPoint {
    QVector<qint64> shape;   ///< the float32 tensor's shape
    qint64 tensorBytes = 0;  ///< its values' bytes (what the raw variant sends)
    qint64 frameBytes = 0;   ///< the frame carrying it, on the wire
    QVector<double> d3labMs; ///< encode + send + receive + decode, one per measured round
    QVector<double> frameMs; ///< send + receive of the same frame already encoded, not decoded (the transport alone)
    QVector<double> rawMs;   ///< raw send + receive into one buffer, one per measured round
    QVector<double> encodeMs; ///< TensorCodec::encode within d3labMs, one per measured round
    QVector<double> decodeMs; ///< TensorCodec::decode within d3labMs, one per measured round
};

/// Protocol overhead: a float32 tensor sent as one frame (TensorCodec::encode into a Frame, an unshaped
/// authenticated PeerConnection on loopback, TensorCodec::decode on arrival) against a raw QTcpSocket transfer
/// of the same number of bytes (RawTransfer); a third variant sends the frame already encoded and does not decode
/// it, which separates the transport from the codec. The senders run in the calling thread and the receivers in a
/// ReceiverThread, as two nodes do not share an event loop. Variants run in InterleavedRounds; each variant cycles
/// through 5 connections per size (d3lab and frame share theirs), so that no variant's median rests on one
/// connection's congestion-control state.
class OverheadBench
{
public:
    /// Points for tensors of the given sizes in MiB, each of shape [1, 16 x MiB, 128, 128].
    static QVector<OverheadPoint> grid(const QVector<int> &sizesMiB);
    /// Checks each size once (the decoded tensor equals the sent one), then times options.warmup + options.runs
    /// rounds; false and one line in *error on failure.
    static bool run(QVector<OverheadPoint> *points, const BenchOptions &options, QString *error);
};

} // namespace d3::bench
