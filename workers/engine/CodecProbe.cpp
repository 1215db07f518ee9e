#include "CodecProbe.h"

#include "Engine.h"
#include "record/RunSummary.h"

#include <QElapsedTimer>

#include <cstring>
#include <vector>

namespace d3::engine {
namespace {

/// Bytes of t under codec, after checking the round trip gives back the same bits.
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
double speed(core::WireCodec codec, const core::HostTensor &t, bool decode, int warmup, int runs)
{
    const qint64 n = qint64(t.values.size());
    const QByteArray bytes = core::WireCodecs::encode(codec, t.values.data(), n);
    std::vector<float> out(static_cast<size_t>(n));
    QVector<double> gbs;
    for (int r = 0; r < warmup + runs; ++r) {
        QElapsedTimer timer;
        timer.start();
        QString error;
        if (decode)
            core::WireCodecs::decode(codec, bytes, n, out.data(), &error);
        else
            core::WireCodecs::encode(codec, t.values.data(), n);
        const double s = timer.nsecsElapsed() / 1e9;
        if (r >= warmup && s > 0)
            gbs << double(n) * sizeof(float) / s / 1e9;
    }
    return core::RunSummary::median(gbs);
}

} // namespace

std::optional<CodecProbe::Result> CodecProbe::run(const Engine &engine, const core::HostTensor &input, int warmup,
                                                  int runs, QString *error)
{
    const int layers = engine.graph().layerCount();
    Result result;
    TensorMap live{{0, input}};
    core::HostTensor largest;
    for (int c = 1; c <= layers; ++c) {
        auto next = engine.runRange(c - 1, c, live, error);
        if (!next)
            return std::nullopt;
        live = std::move(*next);
        Cut cut;
        cut.position = c;
        qint64 zeros = 0, values = 0;
        for (const core::HostTensor &t : std::as_const(live)) {
            cut.raw += t.bytes();
            for (int i = 1; i < core::kWireCodecs; ++i) {
                const auto bytes = encodedBytes(core::WireCodec(i), t, error);
                if (!bytes)
                    return std::nullopt;
                cut.bytes[size_t(i)] += *bytes;
            }
            for (float v : t.values) {
                quint32 bits;
                std::memcpy(&bits, &v, sizeof bits);
                zeros += bits == 0;
            }
            values += qint64(t.values.size());
            if (t.values.size() > largest.values.size())
                largest = t;
        }
        cut.bytes[0] = cut.raw;
        cut.zeroFraction = values > 0 ? double(zeros) / double(values) : 0;
        result.cuts << cut;
    }
    result.largest = largest.bytes();
    for (int i = 1; i < core::kWireCodecs && largest.elements() > 0; ++i) {
        result.encodeGBps[size_t(i)] = speed(core::WireCodec(i), largest, false, warmup, runs);
        result.decodeGBps[size_t(i)] = speed(core::WireCodec(i), largest, true, warmup, runs);
    }
    return result;
}

core::CodecCosts CodecProbe::Result::costs(double slowdown) const
{
    QVector<std::pair<core::WireCodec, core::CodecCosts::Measured>> measured;
    for (int i = 1; i < core::kWireCodecs; ++i) {
        core::CodecCosts::Measured m;
        m.ratio << 1.0;
        for (const Cut &c : cuts)
            m.ratio << (c.raw > 0 ? double(c.bytes[size_t(i)]) / double(c.raw) : 1.0);
        m.encodeGBps = encodeGBps[size_t(i)] / slowdown;
        m.decodeGBps = decodeGBps[size_t(i)] / slowdown;
        measured.append({core::WireCodec(i), m});
    }
    return core::CodecCosts::fromMeasured(int(cuts.size()), measured);
}

} // namespace d3::engine
