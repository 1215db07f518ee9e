#include "CutCodecs.h"

#include "BenchLog.h"
#include "Engine.h"
#include "Samples.h"
#include "codec/WireCodec.h"
#include "io/SyntheticInput.h"

#include <QElapsedTimer>

#include <cstring>
#include <vector>

namespace d3::bench {
namespace {

constexpr quint64 kWeightSeed = 1;
constexpr quint64 kInputSeed = 7;

/// Bytes of values under codec, after checking the round trip gives back the same bits.
std::optional<qint64> encodedBytes(core::WireCodec codec, const core::HostTensor &t, QString *error)
{
    const qint64 n = qint64(t.values.size());
    const QByteArray bytes = core::WireCodecs::encode(codec, t.values.data(), n);
    std::vector<float> back(static_cast<size_t>(n));
    if (!core::WireCodecs::decode(codec, bytes, n, back.data(), error)
        || std::memcmp(back.data(), t.values.data(), size_t(n) * sizeof(float)) != 0) {
        if (error->isEmpty())
            *error = QStringLiteral("%1 did not give back the same bits").arg(core::WireCodecs::name(codec));
        return std::nullopt;
    }
    return bytes.size();
}

/// Median GB/s of encoding (or decoding) t with codec over runs, after warmup.
double speed(core::WireCodec codec, const core::HostTensor &t, bool decode, const BenchOptions &options)
{
    const qint64 n = qint64(t.values.size());
    const QByteArray bytes = core::WireCodecs::encode(codec, t.values.data(), n);
    std::vector<float> out(static_cast<size_t>(n));
    QVector<double> gbs;
    for (int r = 0; r < options.warmup + options.runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        if (decode)
            core::WireCodecs::decode(codec, bytes, n, out.data(), &error);
        else
            core::WireCodecs::encode(codec, t.values.data(), n);
        const double s = timer.nsecsElapsed() / 1e9;
        if (r >= options.warmup && s > 0)
            gbs << double(n) * sizeof(float) / s / 1e9;
    }
    return Samples::median(gbs);
}

} // namespace

std::optional<CodecTiming> CutCodecs::run(const core::ModelGraph &graph, const BenchOptions &options, QString *error)
{
    engine::WeightSource weights;
    weights.seed = kWeightSeed;
    const auto engine = engine::Engine::create(graph, weights, error);
    if (!engine)
        return std::nullopt;
    CodecTiming timing;
    timing.model = graph.name();
    engine::TensorMap live{{0, core::SyntheticInput::make(graph.inputShape(), kInputSeed)}};
    core::HostTensor largest;
    for (int c = 1; c < graph.layerCount(); ++c) {
        auto next = engine->runRange(c - 1, c, live, error);
        if (!next)
            return std::nullopt;
        live = std::move(*next);
        CodecTiming::Cut cut;
        cut.position = c;
        qint64 zeros = 0, values = 0;
        for (const core::HostTensor &t : std::as_const(live)) {
            const auto zero = encodedBytes(core::WireCodec::ZeroValue, t, error);
            const auto zstd = zero ? encodedBytes(core::WireCodec::ShuffleZstd, t, error) : std::nullopt;
            if (!zstd)
                return std::nullopt;
            cut.raw += qint64(t.values.size()) * qint64(sizeof(float));
            cut.zero += *zero;
            cut.zstd += *zstd;
            for (float v : t.values) {
                quint32 bits;
                std::memcpy(&bits, &v, sizeof bits);
                zeros += bits == 0;
            }
            values += qint64(t.values.size());
            if (t.values.size() > largest.values.size())
                largest = t;
        }
        cut.zeroFraction = values > 0 ? double(zeros) / double(values) : 0;
        timing.cuts << cut;
    }
    timing.largest = qint64(largest.values.size()) * qint64(sizeof(float));
    qCInfo(lcBench).noquote() << QStringLiteral("%1: %2 cuts; timing the codecs on %3 KiB")
                                     .arg(timing.model).arg(timing.cuts.size()).arg(timing.largest / 1024);
    timing.zeroEncodeGBs = speed(core::WireCodec::ZeroValue, largest, false, options);
    timing.zeroDecodeGBs = speed(core::WireCodec::ZeroValue, largest, true, options);
    timing.zstdEncodeGBs = speed(core::WireCodec::ShuffleZstd, largest, false, options);
    timing.zstdDecodeGBs = speed(core::WireCodec::ShuffleZstd, largest, true, options);
    return timing;
}

} // namespace d3::bench
