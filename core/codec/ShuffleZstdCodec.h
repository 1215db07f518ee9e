#pragma once

#include <QByteArray>
#include <QString>

namespace d3::core {

/// Byte grouping and zstd for float32 values (docs/PROTOCOL.md, Codecs): the values' bytes are regrouped by
/// significance (every value's lowest byte, then every second byte, ...), which puts the slowly varying signs and
/// exponents next to each other, and the result is one zstd frame (level 1) that records its content size. Decoding
/// refuses a frame whose recorded size is not exactly count * 4 bytes before it decompresses anything, so a
/// decompression bomb or a lying header costs nothing. Stateless; any thread.
class ShuffleZstdCodec
{
public:
    /// The zstd level encode uses (1: the fastest of the standard levels).
    static constexpr int kLevel = 1;

    /// Encodes count values.
    static QByteArray encode(const float *values, qint64 count);
    /// Decodes exactly count values into out; false with one line in *error when the bytes are not one zstd frame
    /// of exactly count * 4 bytes.
    static bool decode(const QByteArray &bytes, qint64 count, float *out, QString *error);
};

} // namespace d3::core
