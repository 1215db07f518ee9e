#include "SeededWeights.h"

#include "util/Hash64.h"
#include "TorchModel.h"

#include <cmath>

namespace d3::engine {
namespace {

void fillUniform(at::Tensor &t, quint64 stream, float low, float high)
{
    float *p = t.data_ptr<float>();
    const qint64 n = t.numel();
    const float span = high - low;
    for (qint64 i = 0; i < n; ++i)
        p[i] = low + span * core::Hash64::unitFloat(stream, quint64(i));
}

} // namespace

void SeededWeights::fill(const TorchModel &model, quint64 seed)
{
    for (const core::Layer &layer : model.graph().layers()) {
        const LayerModule &m = model.module(layer.index);
        qint64 fanIn = 1;
        for (const auto &[p, t] : m.tensors()) {
            if (p.suffix.endsWith(QLatin1String("weight")) && t.dim() >= 2 && fanIn == 1)
                fanIn = t.numel() / t.size(0);
        }
        const bool norm = layer.op == core::OpKind::BatchNorm2d || layer.op == core::OpKind::LayerNorm;
        for (const auto &[p, tensor] : m.tensors()) {
            at::Tensor t = tensor;
            const QString &suffix = p.suffix;
            const QString &key = p.key;
            const quint64 stream = core::Hash64::mix(seed ^ core::Hash64::ofBytes(key.toUtf8()));
            if (t.scalar_type() != at::kFloat) {
                t.zero_();
            } else if (norm && (suffix == QLatin1String("weight") || suffix == QLatin1String("running_var"))) {
                fillUniform(t, stream, 0.8f, 1.2f);
            } else if (norm) {
                fillUniform(t, stream, -0.1f, 0.1f);
            } else if (suffix.endsWith(QLatin1String("weight"))) {
                const float bound = std::sqrt(6.0f / float(fanIn));
                fillUniform(t, stream, -bound, bound);
            } else {
                const float bound = 1.0f / std::sqrt(float(fanIn));
                fillUniform(t, stream, -bound, bound);
            }
        }
    }
}

} // namespace d3::engine
