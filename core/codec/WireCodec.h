#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace d3::core {

/// A lossless codec for float32 tensors on the wire (docs/PROTOCOL.md, Codecs): what decode() gives back is
/// bit-identical to what encode() was given, signed zeros, NaN payloads and subnormals included.
enum class WireCodec : quint8 {
    None = 0,        ///< the raw little-endian float32 values
    ZeroValue = 1,   ///< a bitmask of the values that are not +0.0, then those values (ZeroValueCodec)
    ShuffleZstd = 2, ///< the values' bytes grouped by significance, then zstd (ShuffleZstdCodec)
};

/// Number of WireCodec values.
constexpr int kWireCodecs = 3;

/// The wire codecs by name, and encoding and decoding with any of them. Decoding trusts nothing: the caller gives
/// the element count it checked against its own limits (and allocated for), and every size inside the encoded bytes
/// is checked against it before anything is written. Stateless; any thread.
class WireCodecs
{
public:
    /// The codecs' names, in WireCodec order: "none", "zero", "shuffle-zstd".
    static QStringList names();
    /// A codec's name.
    static QString name(WireCodec codec);
    /// The codec of a name; nullopt for an unknown one.
    static std::optional<WireCodec> fromName(const QString &name);
    /// Encodes count float32 values.
    static QByteArray encode(WireCodec codec, const float *values, qint64 count);
    /// Decodes bytes that must hold exactly count float32 values into out (count values, allocated by the caller);
    /// false with one line in *error ("shuffle-zstd: the frame holds 4096 bytes, not the 65536 of 16384 values")
    /// when they do not, out then holding no meaningful values.
    static bool decode(WireCodec codec, const QByteArray &bytes, qint64 count, float *out, QString *error);

private:
    static bool decodeRaw(const QByteArray &bytes, qint64 count, float *out, QString *error);
};

} // namespace d3::core
