#include "NaiveRunner.h"

#include "tiling/RegionCopy.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>

namespace d3::test {
namespace {

using core::HostTensor;
using core::Layer;
using core::OpKind;

std::uint64_t mix(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/// A small integer in -range..range, a function of its arguments only.
float small(std::uint64_t a, std::uint64_t b, std::uint64_t c, int range)
{
    const std::uint64_t h = mix(mix(mix(a) ^ b) ^ c);
    return float(qint64(h % std::uint64_t(2 * range + 1)) - range);
}

HostTensor zeros(qint64 c, qint64 h, qint64 w)
{
    HostTensor t;
    t.shape = {c, h, w};
    t.values.assign(size_t(c * h * w), 0.0f);
    return t;
}

float &at(HostTensor &t, qint64 c, qint64 y, qint64 x)
{
    return t.values[size_t((c * t.shape[1] + y) * t.shape[2] + x)];
}

float at(const HostTensor &t, qint64 c, qint64 y, qint64 x)
{
    return t.values[size_t((c * t.shape[1] + y) * t.shape[2] + x)];
}

} // namespace

HostTensor NaiveRunner::pattern(const core::TensorShape &shape, int seed)
{
    HostTensor t = zeros(shape.channels(), shape.height(), shape.width());
    for (size_t i = 0; i < t.values.size(); ++i)
        t.values[i] = small(std::uint64_t(seed), i, 7, 4);
    return t;
}

HostTensor NaiveRunner::window(const Layer &layer, const HostTensor &in, const Pads &pads, qint64 outH, qint64 outW,
                               bool strict) const
{
    const core::LayerAttributes &a = layer.attributes;
    const qint64 inC = in.shape[0], inH = in.shape[1], inW = in.shape[2];
    const bool conv = layer.op == OpKind::Conv2d;
    const bool max = layer.op == OpKind::MaxPool2d;
    const int dh = layer.op == OpKind::AvgPool2d ? 1 : a.dilation.h;
    const int dw = layer.op == OpKind::AvgPool2d ? 1 : a.dilation.w;
    const qint64 outC = conv ? a.outChannels : inC;
    const qint64 groupIn = conv ? inC / a.groups : 1;
    const qint64 groupOut = conv ? outC / a.groups : 1;
    HostTensor out = zeros(outC, outH, outW);
    bool reported = false;
    for (qint64 o = 0; o < outC; ++o) {
        const qint64 firstIn = conv ? (o / groupOut) * groupIn : o;
        for (qint64 oy = 0; oy < outH; ++oy) {
            for (qint64 ox = 0; ox < outW; ++ox) {
                float acc = conv ? (a.bias ? small(std::uint64_t(layer.index), std::uint64_t(o), 99, 3) : 0.0f)
                                 : (max ? -std::numeric_limits<float>::infinity() : 0.0f);
                for (qint64 c = 0; c < groupIn; ++c) {
                    for (int ky = 0; ky < a.kernel.h; ++ky) {
                        for (int kx = 0; kx < a.kernel.w; ++kx) {
                            // Row and column in the crop (negative or past the end: border padding).
                            const qint64 iy = oy * a.stride.h + qint64(ky) * dh - pads.top;
                            const qint64 ix = ox * a.stride.w + qint64(kx) * dw - pads.left;
                            const bool inside = iy >= 0 && iy < inH && ix >= 0 && ix < inW;
                            if (strict && !reported
                                && (iy < -pads.top || iy >= inH + pads.bottom || ix < -pads.left
                                    || ix >= inW + pads.right)) {
                                ADD_FAILURE() << "layer " << layer.name.toStdString() << " reads (" << iy << ", " << ix
                                              << ") outside its padded crop";
                                reported = true;
                            }
                            const float v = inside ? at(in, firstIn + c, iy, ix)
                                                   : (max ? -std::numeric_limits<float>::infinity() : 0.0f);
                            if (conv) {
                                const float w = small(std::uint64_t(layer.index) * 1000003u + std::uint64_t(o),
                                                      std::uint64_t(c), std::uint64_t(ky * 31 + kx), 2);
                                acc += w * v;
                            } else if (max) {
                                acc = std::max(acc, v);
                            } else {
                                acc += v;
                            }
                        }
                    }
                }
                if (layer.op == OpKind::AvgPool2d)
                    acc /= float(a.kernel.h * a.kernel.w);
                at(out, o, oy, ox) = acc;
            }
        }
    }
    return out;
}

HostTensor NaiveRunner::forward(const Layer &layer, const QVector<HostTensor> &ins, const Pads &pads, qint64 outH,
                                qint64 outW, bool strict) const
{
    const HostTensor &in = ins.first();
    switch (layer.op) {
    case OpKind::Conv2d:
    case OpKind::MaxPool2d:
    case OpKind::AvgPool2d:
        return window(layer, in, pads, outH, outW, strict);
    case OpKind::Concat: {
        qint64 channels = 0;
        for (const HostTensor &t : ins)
            channels += t.shape[0];
        HostTensor out = zeros(channels, in.shape[1], in.shape[2]);
        size_t offset = 0;
        for (const HostTensor &t : ins) {
            std::copy(t.values.begin(), t.values.end(), out.values.begin() + std::ptrdiff_t(offset));
            offset += t.values.size();
        }
        return out;
    }
    case OpKind::Add: {
        HostTensor out = in;
        for (int k = 1; k < ins.size(); ++k) {
            for (size_t i = 0; i < out.values.size(); ++i)
                out.values[i] += ins[k].values[i];
        }
        return out;
    }
    case OpKind::Lrn: {
        const core::LayerAttributes &a = layer.attributes;
        HostTensor out = in;
        const qint64 channels = in.shape[0], h = in.shape[1], w = in.shape[2];
        for (qint64 c = 0; c < channels; ++c) {
            for (qint64 y = 0; y < h; ++y) {
                for (qint64 x = 0; x < w; ++x) {
                    double sum = 0;
                    for (qint64 j = c - a.lrnSize / 2; j <= c + (a.lrnSize - 1) / 2; ++j) {
                        if (j >= 0 && j < channels)
                            sum += double(at(in, j, y, x)) * double(at(in, j, y, x));
                    }
                    at(out, c, y, x) = float(double(at(in, c, y, x))
                                             / std::pow(a.lrnK + a.lrnAlpha / a.lrnSize * sum, a.lrnBeta));
                }
            }
        }
        return out;
    }
    default:
        break;
    }
    HostTensor out = in;
    const qint64 plane = in.shape[1] * in.shape[2];
    for (size_t i = 0; i < out.values.size(); ++i) {
        float &v = out.values[i];
        switch (layer.op) {
        case OpKind::BatchNorm2d: {
            const qint64 c = qint64(i) / plane;
            v = v * float(c % 3 + 1) + float(c - 1);
            break;
        }
        case OpKind::Relu:
            v = std::max(v, 0.0f);
            break;
        case OpKind::Relu6:
            v = std::min(std::max(v, 0.0f), 6.0f);
            break;
        case OpKind::LeakyRelu:
            v = v < 0 ? v * float(layer.attributes.negativeSlope) : v;
            break;
        case OpKind::Dropout:
            break;
        default:
            ADD_FAILURE() << "NaiveRunner cannot run op of layer " << layer.name.toStdString();
            break;
        }
    }
    return out;
}

QMap<int, HostTensor> NaiveRunner::runWhole(const HostTensor &input, int end) const
{
    QMap<int, HostTensor> tensors;
    tensors.insert(0, input);
    for (int i = 0; i < end; ++i) {
        const Layer &layer = m_graph.layer(i);
        QVector<HostTensor> ins;
        for (int t : layer.inputs)
            ins << tensors.value(t);
        const Pads pads{layer.attributes.padding.h, layer.attributes.padding.h, layer.attributes.padding.w,
                        layer.attributes.padding.w};
        tensors.insert(i + 1, forward(layer, ins, pads, layer.shape.height(), layer.shape.width(), false));
        EXPECT_EQ(tensors.value(i + 1).shape, layer.shape.dims) << layer.name.toStdString();
    }
    return tensors;
}

HostTensor NaiveRunner::runTile(const core::Tile &tile, const QMap<int, HostTensor> &crops,
                                const QMap<int, HostTensor> *whole) const
{
    QMap<int, HostTensor> live = crops;
    for (auto it = crops.begin(); it != crops.end(); ++it) {
        const core::Region r = tile.regions.value(it.key());
        EXPECT_EQ(it.value().shape[1], r.height());
        EXPECT_EQ(it.value().shape[2], r.width());
    }
    for (const core::TileStep &step : tile.steps) {
        const Layer &layer = m_graph.layer(step.layer);
        const std::string where = "tile (" + std::to_string(tile.row) + ", " + std::to_string(tile.col) + ") layer "
            + layer.name.toStdString();
        EXPECT_EQ(step.in.size(), layer.inputs.size()) << where;
        EXPECT_EQ(tile.regions.value(step.layer + 1), step.out) << where;
        QVector<HostTensor> ins;
        for (int k = 0; k < layer.inputs.size() && k < step.in.size(); ++k) {
            const int t = layer.inputs[k];
            const core::Region have = tile.regions.value(t);
            const core::Region need = step.in[k];
            const core::TensorShape &shape = m_graph.tensorShape(t);
            if (need.height() < 0 || need.width() < 0
                || !(core::Region{0, shape.height(), 0, shape.width()}).contains(need)) {
                ADD_FAILURE() << where << " reads " << need.toString().toStdString() << " of tensor " << t << " "
                              << shape.toString().toStdString() << ": inverted or outside the map";
                return {};
            }
            if (need.isEmpty()) { // a window wholly inside the border padding reads nothing
                ins << zeros(shape.channels(), need.height(), need.width());
                continue;
            }
            if (!live.contains(t) || !have.contains(need)) {
                ADD_FAILURE() << where << " needs " << need.toString().toStdString() << " of tensor " << t
                              << " but the tile holds " << have.toString().toStdString();
                return {};
            }
            const core::Region local{need.y0 - have.y0, need.y1 - have.y0, need.x0 - have.x0, need.x1 - have.x0};
            ins << core::RegionCopy::crop(live.value(t), local);
        }
        const Pads pads{step.padTop, step.padBottom, step.padLeft, step.padRight};
        const bool windowOp = layer.op == OpKind::Conv2d || layer.op == OpKind::MaxPool2d
            || layer.op == OpKind::AvgPool2d;
        if (!windowOp) {
            EXPECT_EQ(pads.top + pads.bottom + pads.left + pads.right, 0) << where;
            for (const core::Region &r : step.in)
                EXPECT_EQ(r, step.out) << where;
        }
        HostTensor out = forward(layer, ins, pads, step.out.height(), step.out.width(), true);
        if (whole) {
            const HostTensor expected = core::RegionCopy::crop(whole->value(step.layer + 1), step.out);
            EXPECT_EQ(out.shape, expected.shape) << where;
            if (out.values != expected.values) {
                ADD_FAILURE() << where << ": the tile's values differ from the whole run at "
                              << step.out.toString().toStdString();
                return {};
            }
        }
        live.insert(step.layer + 1, std::move(out));
    }
    return live.value(tile.steps.isEmpty() ? 0 : tile.steps.last().layer + 1);
}

} // namespace d3::test
