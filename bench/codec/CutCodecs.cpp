#include "CutCodecs.h"

#include "BenchLog.h"
#include "CodecProbe.h"
#include "Engine.h"
#include "io/SyntheticInput.h"

namespace d3::bench {
namespace {

constexpr quint64 kWeightSeed = 1;
constexpr quint64 kInputSeed = 7;

} // namespace

std::optional<CodecTiming> CutCodecs::run(const core::ModelGraph &graph, const BenchOptions &options, QString *error)
{
    engine::WeightSource weights;
    weights.seed = kWeightSeed;
    const auto engine = engine::Engine::create(graph, weights, error);
    if (!engine)
        return std::nullopt;
    const auto probe = engine::CodecProbe::run(*engine, core::SyntheticInput::make(graph.inputShape(), kInputSeed),
                                               options.warmup, options.runs, error);
    if (!probe)
        return std::nullopt;
    constexpr size_t zero = size_t(core::WireCodec::ZeroValue), zstd = size_t(core::WireCodec::ShuffleZstd);
    CodecTiming timing;
    timing.model = graph.name();
    for (const engine::CodecProbe::Cut &c : probe->cuts) {
        if (c.position < graph.layerCount()) // the cuts inside the model; the output is the result, not a cut
            timing.cuts << CodecTiming::Cut{c.position, c.raw, c.bytes[zero], c.bytes[zstd], c.zeroFraction};
    }
    timing.largest = probe->largest;
    qCInfo(lcBench).noquote() << QStringLiteral("%1: %2 cuts; the codecs timed on %3 KiB")
                                     .arg(timing.model).arg(timing.cuts.size()).arg(timing.largest / 1024);
    timing.zeroEncodeGBs = probe->encodeGBps[zero];
    timing.zeroDecodeGBs = probe->decodeGBps[zero];
    timing.zstdEncodeGBs = probe->encodeGBps[zstd];
    timing.zstdDecodeGBs = probe->decodeGBps[zstd];
    return timing;
}

} // namespace d3::bench
