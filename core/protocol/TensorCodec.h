#pragma once

#include "net/Frame.h"
#include "codec/WireCodec.h"
#include "io/HostTensor.h"

#include <QMap>
#include <QString>

#include <functional>
#include <optional>

namespace d3::core {

/// Tensors in a frame: the header's "tensors" array lists {id, dtype "f32", shape, offset, bytes} per tensor, the
/// payload holds their little-endian float32 values back to back, or, with "codec" (docs/PROTOCOL.md, Codecs), their
/// encoding by that wire codec. decode() trusts nothing: every shape, offset and size is checked against the
/// payload, and a compressed tensor's element count against the caller's limit, before a tensor is allocated.
class TensorCodec
{
public:
    /// Largest number of elements one tensor may have (1 GiB of float32).
    static constexpr qint64 kMaxElements = qint64(1) << 28;

    /// Most elements a compressed tensor may claim per encoded byte when the caller gives no limit: far above any
    /// codec's ratio on feature maps, far below a decompression bomb's.
    static constexpr qint64 kMaxExpansion = qint64(1) << 14;
    /// The most elements tensor id may have (its shape in the model); decode() refuses a compressed tensor above it
    /// before allocating.
    using ElementLimit = std::function<qint64(int id)>;

    /// Writes tensors (by tensor id) into frame's header and payload (replacing its payload), float32 tensors
    /// encoded by codec (the raw input's 8-bit image never is). Uncompressed, a single float32 tensor's payload
    /// shares its bytes (no copy); several are copied into one payload. Returns the payload's size uncompressed.
    static qint64 encode(const QMap<int, HostTensor> &tensors, Frame *frame, WireCodec codec = WireCodec::None);
    /// Reads the tensors of a frame; nullopt with one line in *error if anything is inconsistent. float32 tensors
    /// share the payload's buffer where it is 4-byte aligned (FloatStorage::adopt), so they keep it alive.
    /// Compressed tensors are decoded when their element count is within limit (or kMaxExpansion per byte).
    static std::optional<QMap<int, HostTensor>> decode(const Frame &frame, QString *error,
                                                       const ElementLimit &limit = {});
    /// True when some tensor of frame is compressed (decoding it costs time worth measuring).
    static bool compressed(const Frame &frame);
    /// The payload's size uncompressed (from the header; 0 when it has no valid tensor list).
    static qint64 rawBytes(const Frame &frame);
};

} // namespace d3::core
