#pragma once

#include "MessageType.h"
#include "StageKind.h"
#include "codec/WireCodec.h"

#include <QCborMap>
#include <QString>

#include <optional>

namespace d3::core {

/// What one worker measured for one request: a computation (a stage's range or one tile), one transfer to another
/// worker, or the decoding of a compressed message it received. Sent to the controller in a Report message; the
/// controller adds them up per request.
struct HopReport {
    /// What was measured.
    enum class Kind { Compute, Transfer, Decode };

    Kind kind = Kind::Compute;
    QString node;          ///< the worker that measured it (the sender of a transfer)
    StageKind stage = StageKind::Device; ///< compute: the stage computed
    DataKind data = DataKind::Cut;       ///< transfer: what travelled
    int a = 0;             ///< compute: first layer; transfer: the cut whose tensors travelled
    int b = 0;             ///< compute: one past the last layer
    int tile = -1;         ///< tile index (tiles, tile_in, tile_out), else -1
    double ms = 0;         ///< compute or decode time (slowdown padding included), or transfer time (encoding, then
                           ///< sending to the last byte written)
    double measuredMs = 0; ///< compute: the time the computation really took, before padding
    QString to;            ///< transfer: the receiving worker
    QString from;          ///< decode: the worker the message came from
    qint64 bytes = 0;      ///< transfer: bytes on the wire (the whole frame)
    qint64 rawBytes = 0;   ///< transfer: the tensors' bytes before the codec (bytes - frame overhead when none)
    WireCodec codec = WireCodec::None; ///< transfer, decode: the wire codec of the message's tensors
    double encodeMs = 0;   ///< transfer: encoding the tensors (part of ms), slowdown padding included
    double queuedMs = 0;   ///< compute, decode: waiting on the compute thread behind other work before it started;
                           ///< transfer: the frame waiting behind earlier frames on the link before its first byte
                           ///< (part of ms). 0 from a worker that predates it

    static constexpr MessageType kType = MessageType::Report;
    /// The Report message's header ("stage" holds the stage's or the data kind's name).
    QCborMap toCbor() const;
    /// Reads and checks a Report header; nullopt with one line in *error.
    static std::optional<HopReport> fromCbor(const QCborMap &map, QString *error);
};

} // namespace d3::core
