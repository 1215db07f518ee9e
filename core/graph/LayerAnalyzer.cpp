#include "LayerAnalyzer.h"

#include "ShapeOpAnalyzer.h"

namespace d3::core {
namespace {

using Check = AnalysisFailure;

/// Largest rank and element count of any tensor (the element count keeps every size computation in range).
constexpr int kMaxRank = 6;
constexpr double kMaxElements = double(qint64(1) << 34);

/// A state_dict entry of layer l: "NAME.SUFFIX", or "NAME" itself for an empty suffix (a parameter layer).
ParamTensor tensor(const Layer &l, const char *suffix, QVector<qint64> dims, bool learned = true,
                   bool integer = false)
{
    ParamTensor p;
    p.suffix = QString::fromLatin1(suffix);
    p.key = p.suffix.isEmpty() ? l.name : l.name + QLatin1Char('.') + p.suffix;
    p.shape.dims = std::move(dims);
    p.learned = learned;
    p.integer = integer;
    return p;
}

bool fitsInMemory(const QVector<qint64> &dims)
{
    double n = 1;
    for (qint64 d : dims)
        n *= double(d);
    return dims.size() <= kMaxRank && n <= kMaxElements;
}

bool layerNorm(Layer *l, const TensorShape &in, const Check &c)
{
    const QVector<qint64> &norm = l->attributes.shape;
    if (norm.size() > in.dims.size() || in.dims.mid(in.dims.size() - norm.size()) != norm)
        return c.fail(QStringLiteral("attributes.normalized_shape"),
                      QStringLiteral("%1 is not the trailing dimensions of the input %2")
                          .arg(TensorShape{norm}.toString(), in.toString()));
    l->shape = in;
    if (l->attributes.elementwiseAffine)
        l->tensors = {tensor(*l, "weight", norm), tensor(*l, "bias", norm)};
    l->flops = 5 * in.elements();
    return true;
}

bool attention(Layer *l, const TensorShape &in, const Check &c)
{
    const LayerAttributes &a = l->attributes;
    if (in.dims.size() != 2 || in.dims.last() != a.embedDim)
        return c.fail(QStringLiteral("inputs"), QStringLiteral("multihead_attention needs a [T, %1] sequence, got %2")
                                                    .arg(a.embedDim).arg(in.toString()));
    if (a.embedDim % a.numHeads != 0)
        return c.fail(QStringLiteral("attributes.num_heads"), QStringLiteral("%1 heads do not divide embed_dim %2")
                                                                  .arg(a.numHeads).arg(a.embedDim));
    const qint64 e = a.embedDim, t = in.dims.first();
    l->shape = in;
    l->tensors = {tensor(*l, "in_proj_weight", {3 * e, e})};
    if (a.bias)
        l->tensors << tensor(*l, "in_proj_bias", {3 * e});
    l->tensors << tensor(*l, "out_proj.weight", {e, e});
    if (a.bias)
        l->tensors << tensor(*l, "out_proj.bias", {e});
    // projections in and out, the scores and their weighted sum, and the softmax
    l->flops = 2 * t * e * 3 * e + 2 * 2 * t * t * e + 3 * a.numHeads * t * t + 2 * t * e * e;
    return true;
}

bool windowShape(Layer *l, const TensorShape &in, bool dilated, const Check &c)
{
    const LayerAttributes &a = l->attributes;
    if (a.padding.h * 2 > a.kernel.h || a.padding.w * 2 > a.kernel.w) {
        if (l->op != OpKind::Conv2d)
            return c.fail(QStringLiteral("attributes.padding"),
                          QStringLiteral("padding must be at most half the kernel size"));
    }
    const int dh = dilated ? a.dilation.h : 1;
    const int dw = dilated ? a.dilation.w : 1;
    const qint64 oh = LayerAnalyzer::windowOutput(in.height(), a.kernel.h, a.stride.h, a.padding.h, dh, a.ceilMode);
    const qint64 ow = LayerAnalyzer::windowOutput(in.width(), a.kernel.w, a.stride.w, a.padding.w, dw, a.ceilMode);
    if (oh < 1 || ow < 1)
        return c.fail(QStringLiteral("attributes.kernel_size"),
                      QStringLiteral("the window does not fit the input %1").arg(in.toString()));
    const qint64 channels = l->op == OpKind::Conv2d ? a.outChannels : in.channels();
    l->shape.dims = {channels, oh, ow};
    return true;
}

} // namespace

qint64 LayerAnalyzer::windowOutput(qint64 in, int kernel, int stride, int padding, int dilation, bool ceilMode)
{
    const qint64 span = in + 2 * padding - qint64(dilation) * (kernel - 1) - 1;
    if (span < 0)
        return 0;
    qint64 out = (span + (ceilMode ? stride - 1 : 0)) / stride + 1;
    if (ceilMode && (out - 1) * stride >= in + padding)
        --out;
    return out;
}

bool LayerAnalyzer::analyze(Layer *l, const QVector<TensorShape> &inputs, QString *field, QString *message)
{
    Check c{field, message};
    const LayerAttributes &a = l->attributes;
    const QString inputsField = QStringLiteral("inputs");
    l->shape = {};
    l->tensors.clear();
    l->params = l->flops = l->bytes = 0;
    l->broadcasts = false;
    if (!fitsInMemory(a.shape))
        return c.fail(QStringLiteral("attributes.shape"), QStringLiteral("has more than %1 dimensions or 2^34 elements")
                                                              .arg(kMaxRank));
    if (l->op == OpKind::Parameter) {
        l->shape.dims = a.shape;
        QVector<qint64> stored = a.shape;
        if (a.batchDim)
            stored.prepend(1);
        l->tensors = {tensor(*l, "", stored)};
    } else if (ShapeOpAnalyzer::handles(l->op)) {
        if (inputs.isEmpty())
            return c.fail(inputsField, QStringLiteral("needs at least one input"));
        if (!ShapeOpAnalyzer::analyze(l, inputs, c))
            return false;
    } else if (!analyzeOne(l, inputs, c)) {
        return false;
    }
    if (!fitsInMemory(l->shape.dims))
        return c.fail(inputsField, QStringLiteral("the output %1 has more than %2 dimensions or 2^34 elements")
                                       .arg(l->shape.toString()).arg(kMaxRank));
    for (const ParamTensor &p : l->tensors) {
        if (!fitsInMemory(p.shape.dims))
            return c.fail(QStringLiteral("attributes"), QStringLiteral("its tensor '%1' %2 would have more than 2^34 "
                                                                       "elements").arg(p.key, p.shape.toString()));
        if (p.learned)
            l->params += p.shape.elements();
    }
    l->bytes = l->shape.elements() * 4;
    return true;
}

bool LayerAnalyzer::analyzeOne(Layer *l, const QVector<TensorShape> &inputs, const AnalysisFailure &c)
{
    const LayerAttributes &a = l->attributes;
    const QString inputsField = QStringLiteral("inputs");
    if (inputs.size() != 1)
        return c.fail(inputsField, QStringLiteral("%1 takes exactly one input, got %2").arg(opName(l->op)).arg(inputs.size()));
    const TensorShape &in = inputs.first();
    const qint64 inElems = in.elements();
    const bool spatialOp = l->op == OpKind::Conv2d || l->op == OpKind::BatchNorm2d || l->op == OpKind::MaxPool2d
        || l->op == OpKind::AvgPool2d || l->op == OpKind::AdaptiveAvgPool2d || l->op == OpKind::Lrn;
    if (spatialOp && !in.isFeatureMap())
        return c.fail(inputsField, QStringLiteral("%1 needs a [C, H, W] feature map, got %2").arg(opName(l->op), in.toString()));

    switch (l->op) {
    case OpKind::Conv2d: {
        const qint64 cin = in.channels();
        if (a.groups < 1 || cin % a.groups != 0 || a.outChannels % a.groups != 0)
            return c.fail(QStringLiteral("attributes.groups"),
                          QStringLiteral("groups %1 must divide the input channels %2 and out_channels %3")
                              .arg(a.groups).arg(cin).arg(a.outChannels));
        if (!windowShape(l, in, true, c))
            return false;
        const qint64 perOut = (cin / a.groups) * a.kernel.h * a.kernel.w;
        l->tensors = {tensor(*l, "weight", {a.outChannels, cin / a.groups, a.kernel.h, a.kernel.w})};
        if (a.bias)
            l->tensors << tensor(*l, "bias", {a.outChannels});
        const qint64 outElems = l->shape.elements();
        l->flops = 2 * perOut * outElems + (a.bias ? outElems : 0);
        break;
    }
    case OpKind::BatchNorm2d: {
        const qint64 ch = in.channels();
        l->shape = in;
        l->tensors = {tensor(*l, "weight", {ch}), tensor(*l, "bias", {ch}),
                      tensor(*l, "running_mean", {ch}, false), tensor(*l, "running_var", {ch}, false),
                      tensor(*l, "num_batches_tracked", {}, false, true)};
        l->flops = 2 * inElems;
        break;
    }
    case OpKind::LayerNorm:
        return layerNorm(l, in, c);
    case OpKind::MultiheadAttention:
        return attention(l, in, c);
    case OpKind::Dropout:
        l->shape = in;
        break;
    case OpKind::MaxPool2d:
    case OpKind::AvgPool2d:
        if (!windowShape(l, in, l->op == OpKind::MaxPool2d, c))
            return false;
        l->flops = l->shape.elements() * a.kernel.h * a.kernel.w;
        break;
    case OpKind::AdaptiveAvgPool2d:
        l->shape.dims = {in.channels(), a.outputSize.h, a.outputSize.w};
        l->flops = inElems;
        break;
    case OpKind::Lrn:
        l->shape = in;
        l->flops = inElems * (a.lrnSize + 3);
        break;
    case OpKind::Linear: {
        if (in.dims.isEmpty())
            return c.fail(inputsField, QStringLiteral("linear needs an input with a last dimension, got a scalar"));
        const qint64 features = in.dims.last(), rows = inElems / features;
        l->shape = in;
        l->shape.dims.last() = a.outFeatures;
        l->tensors = {tensor(*l, "weight", {a.outFeatures, features})};
        if (a.bias)
            l->tensors << tensor(*l, "bias", {a.outFeatures});
        l->flops = rows * (2 * features * a.outFeatures + (a.bias ? a.outFeatures : 0));
        break;
    }
    default:
        if (!isElementwiseActivation(l->op))
            return c.fail(QStringLiteral("op"), QStringLiteral("%1 has no shape rule").arg(opName(l->op)));
        l->shape = in;
        l->flops = inElems;
        break;
    }
    return true;
}

} // namespace d3::core
