#pragma once

#include "net/Frame.h"
#include "io/HostTensor.h"

#include <QMap>
#include <QString>

#include <optional>

namespace d3::core {

/// Tensors in a frame: the header's "tensors" array lists {id, dtype "f32", shape, offset, bytes} per tensor, the
/// payload holds their little-endian float32 values back to back. decode() trusts nothing: every shape, offset and
/// size is checked against the payload before a tensor is allocated.
class TensorCodec
{
public:
    /// Largest number of elements one tensor may have (1 GiB of float32).
    static constexpr qint64 kMaxElements = qint64(1) << 28;

    /// Writes tensors (by tensor id) into frame's header and payload (replacing its payload). A single float32
    /// tensor's payload shares its bytes (no copy); several are copied into one payload.
    static void encode(const QMap<int, HostTensor> &tensors, Frame *frame);
    /// Reads the tensors of a frame; nullopt with one line in *error if anything is inconsistent. float32 tensors
    /// share the payload's buffer where it is 4-byte aligned (FloatStorage::adopt), so they keep it alive.
    static std::optional<QMap<int, HostTensor>> decode(const Frame &frame, QString *error);
};

} // namespace d3::core
