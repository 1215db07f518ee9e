#pragma once

#include "TensorMap.h"
#include "codec/WireCodec.h"
#include "plan/CodecCosts.h"

#include <QString>
#include <QVector>

#include <array>
#include <optional>

namespace d3::engine {

class Engine;

/// The wire codecs on a model's real activations (docs/PROFILE_FORMAT.md, codecs): runs the model once layer by
/// layer from an input, encodes the float32 tensors crossing every cut with each codec, checks that they decode
/// bit-identical, counts the bytes, and times each codec on the largest crossing tensor. What a profile records and
/// d3bench_codec reports. Uses Engine's public calls only.
class CodecProbe
{
public:
    /// One cut position.
    struct Cut {
        int position = 0;                            ///< the cut (1..n)
        qint64 raw = 0;                              ///< float32 bytes crossing it
        std::array<qint64, core::kWireCodecs> bytes{}; ///< the same under each codec (WireCodec order)
        double zeroFraction = 0;                     ///< share of the crossing values that are +0.0
    };
    /// Everything measured.
    struct Result {
        QVector<Cut> cuts;                             ///< cuts 1..n, in order
        qint64 largest = 0;                            ///< raw bytes of the largest crossing tensor (the speed sample)
        std::array<double, core::kWireCodecs> encodeGBps{}; ///< median GB/s of raw bytes, per codec
        std::array<double, core::kWireCodecs> decodeGBps{}; ///< idem

        /// The cost model's figures of it, speeds divided by slowdown (as a profile pads its times).
        core::CodecCosts costs(double slowdown) const;
    };

    /// Measures engine's model from input (timing each codec warmup + runs times); nullopt with one line in *error
    /// (a layer that fails, a codec that does not give back the same bits).
    static std::optional<Result> run(const Engine &engine, const core::HostTensor &input, int warmup, int runs,
                                     QString *error);
};

} // namespace d3::engine
