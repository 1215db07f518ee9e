#pragma once

#include "HostTensor.h"

#include <QByteArray>

#include <cmath>

namespace d3::core {

/// 8-bit images, d3lab's raw inputs: byte k stands for the float (k - 128) / 128, which float32 holds exactly. A
/// tensor whose every value is one of those 256 travels as one byte per element and arrives bit-identical: the
/// raw input costs a quarter of its float32 size on the wire (docs/ARCHITECTURE.md, Planning). SyntheticInput makes
/// such tensors; any other tensor (an arbitrary .npy input, a feature map) stays float32.
class ImageBytes
{
public:
    /// The value byte k stands for.
    static float value(int k) { return float(k - 128) * (1.0f / 128.0f); }
    /// True if every value of t is value(k) for some byte k (bit for bit: -0.0 is not).
    static bool fits(const HostTensor &t)
    {
        for (float v : t.values) {
            const float scaled = v * 128.0f + 128.0f; // rounds: 1e-10 lands on 128, so check the way back too
            if (!(scaled >= 0.0f && scaled <= 255.0f) || value(int(scaled)) != v || (v == 0.0f && std::signbit(v)))
                return false;
        }
        return true;
    }
    /// The bytes of t (which must fit).
    static QByteArray pack(const HostTensor &t)
    {
        QByteArray bytes(qsizetype(t.values.size()), Qt::Uninitialized);
        for (size_t i = 0; i < t.values.size(); ++i)
            bytes[qsizetype(i)] = char(int(t.values[i] * 128.0f + 128.0f));
        return bytes;
    }
    /// Fills out[0, n) with the values of n bytes.
    static void unpack(const char *bytes, qint64 n, float *out)
    {
        for (qint64 i = 0; i < n; ++i)
            out[i] = value(quint8(bytes[i]));
    }
};

} // namespace d3::core
