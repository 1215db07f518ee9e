#pragma once

#include <QByteArray>
#include <QString>

namespace d3::core {

/// Zero-value compression of float32 values (docs/PROTOCOL.md, Codecs): a bitmask of ceil(count / 8) bytes, bit i
/// (least significant first in each byte) set when value i is not +0.0 (its 32 bits are not all zero: -0.0 is kept
/// as a value), then the values whose bit is set, little-endian, in order. After a ReLU most of a feature map is
/// +0.0 and the encoding is 1/32 + 1 - (fraction of zeros) of the raw size; it never exceeds the raw size by more
/// than 1/32. Stateless; any thread.
class ZeroValueCodec
{
public:
    /// Encodes count values.
    static QByteArray encode(const float *values, qint64 count);
    /// Decodes exactly count values into out; false with one line in *error when the bitmask's length, its unused
    /// high bits or the number of values after it disagree with count (nothing is read past the bytes).
    static bool decode(const QByteArray &bytes, qint64 count, float *out, QString *error);
};

} // namespace d3::core
