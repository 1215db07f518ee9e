#pragma once

#include "codec/WireCodec.h"

#include <QJsonObject>
#include <QString>
#include <QVector>

#include <array>
#include <optional>

namespace d3::core {

/// What the cost model knows of the wire codecs (docs/ARCHITECTURE.md, Codecs): for every cut k (0..n), each
/// codec's ratio (encoded / raw bytes) on the float32 tensors crossing it, measured at profiling on real
/// activations and then learnt from the traffic; each codec's encoding and decoding speed at speed 1 (a node of
/// speed s takes 1/s as long); and the codecs a transfer may use. The raw input (cut 0) is never compressed.
class CodecCosts
{
public:
    /// One transfer's best way over a link.
    struct Choice {
        WireCodec codec = WireCodec::None; ///< the codec
        double ms = 0;                     ///< encoding + transfer + decoding
        double encodeMs = 0;               ///< encoding on the sender
        double decodeMs = 0;               ///< decoding on the receiver
        qint64 wireBytes = 0;              ///< bytes on the wire
    };
    /// A codec's measured figures, as a profile holds them.
    struct Measured {
        QVector<double> ratio; ///< per cut 0..n (1 at cut 0)
        double encodeGBps = 0; ///< GB/s of raw float32 bytes encoded, at speed 1
        double decodeGBps = 0; ///< GB/s of raw float32 bytes decoded, at speed 1
    };

    /// Nothing measured: every transfer raw.
    CodecCosts() = default;
    /// From measurements of a model of layers layers (each codec but none; missing ones stay unusable).
    static CodecCosts fromMeasured(int layers, const QVector<std::pair<WireCodec, Measured>> &codecs);

    /// The same measurements with only allowed (and none) usable: "auto" allows every codec, "none" none alone,
    /// a codec's name that codec alone. nullopt for another word.
    std::optional<CodecCosts> restrictedTo(const QString &setting) const;
    /// The settings restrictedTo() takes: "auto", "none" and each codec's name.
    static QStringList settings();

    /// The fastest way to send rawBytes of the tensors crossing cut over a link of mbps and rttMs, from a node of
    /// fromSpeed to one of toSpeed: a codec is chosen only when encoding, sending and decoding is faster than sending
    /// raw (CostModel::transferMs) by at least 0.1 ms.
    Choice best(int cut, double rawBytes, double mbps, double rttMs, double fromSpeed, double toSpeed) const;
    /// The time of a given codec for the same transfer.
    Choice cost(WireCodec codec, int cut, double rawBytes, double mbps, double rttMs, double fromSpeed,
                double toSpeed) const;

    /// A codec's ratio at cut (1 for none, at cut 0 and when unmeasured).
    double ratio(int cut, WireCodec codec) const;
    /// True when codec was measured at some cut and is allowed.
    bool usable(WireCodec codec) const;
    /// True when some codec but none is usable.
    bool any() const;
    /// A transfer of raw bytes at cut encoded by codec into encoded bytes: moves the cut's ratio (an exponentially
    /// weighted average, weight 0.3).
    void learn(int cut, WireCodec codec, qint64 raw, qint64 encoded);

    /// The measurements as a profile's "codecs" object (docs/PROFILE_FORMAT.md); empty when nothing was measured.
    QJsonObject toJson() const;
    /// Reads a profile's "codecs" object for a model of layers layers; nullopt with one line in *error.
    static std::optional<CodecCosts> fromJson(const QJsonObject &o, int layers, QString *error);

private:
    struct PerCodec {
        bool measured = false;
        bool allowed = false;
        Measured figures;
    };
    std::array<PerCodec, kWireCodecs> m_codecs{};
};

} // namespace d3::core
