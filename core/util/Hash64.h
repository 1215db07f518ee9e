#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace d3::core {

/// A fast, stable 64-bit hash (not cryptographic): seeds the deterministic generators and fingerprints weights.
class Hash64
{
public:
    /// SplitMix64 finaliser: a bijective mix of one word.
    static quint64 mix(quint64 z)
    {
        z += 0x9e3779b97f4a7c15ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    /// Feeds size bytes into the running state h and returns the new state. Same bytes, same result, on any
    /// little-endian machine.
    static quint64 update(quint64 h, const void *data, qint64 size);

    /// Element index of a counter-based stream as a float uniform in [0, 1) (24 random bits).
    static float unitFloat(quint64 stream, quint64 index)
    {
        return float(mix(stream + index * 0x9e3779b97f4a7c15ULL) >> 40) * (1.0f / 16777216.0f);
    }

    /// Hash of a byte string.
    static quint64 ofBytes(const QByteArray &bytes) { return mix(update(0, bytes.constData(), bytes.size())); }
};

} // namespace d3::core
