#include "LayerAnalyzer.h"

namespace d3::core {
namespace {

struct Check {
    QString *field;
    QString *message;
    bool fail(const QString &f, const QString &m)
    {
        *field = f;
        *message = m;
        return false;
    }
};

ParamTensor tensor(const Layer &l, const char *suffix, QVector<qint64> dims, bool learned = true,
                   bool integer = false)
{
    ParamTensor p;
    p.suffix = QString::fromLatin1(suffix);
    p.key = l.name + QLatin1Char('.') + p.suffix;
    p.shape.dims = std::move(dims);
    p.learned = learned;
    p.integer = integer;
    return p;
}

bool windowShape(Layer *l, const TensorShape &in, bool dilated, Check &c)
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
    const bool needsOne = l->op != OpKind::Add && l->op != OpKind::Concat;
    if (needsOne && inputs.size() != 1)
        return c.fail(inputsField, QStringLiteral("%1 takes exactly one input, got %2").arg(opName(l->op)).arg(inputs.size()));
    if (inputs.isEmpty())
        return c.fail(inputsField, QStringLiteral("needs at least one input"));
    const TensorShape &in = inputs.first();
    const qint64 inElems = in.elements();
    const bool spatialOp = l->op == OpKind::Conv2d || l->op == OpKind::BatchNorm2d || l->op == OpKind::MaxPool2d
        || l->op == OpKind::AvgPool2d || l->op == OpKind::AdaptiveAvgPool2d || l->op == OpKind::Lrn
        || l->op == OpKind::Concat;
    if (spatialOp) {
        for (const TensorShape &s : inputs) {
            if (!s.isFeatureMap())
                return c.fail(inputsField, QStringLiteral("%1 needs a [C, H, W] feature map, got %2")
                                               .arg(opName(l->op), s.toString()));
        }
    }

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
    case OpKind::Relu:
    case OpKind::Relu6:
    case OpKind::LeakyRelu:
    case OpKind::Dropout:
        l->shape = in;
        l->flops = l->op == OpKind::Dropout ? 0 : inElems;
        break;
    case OpKind::Softmax:
        l->shape = in;
        l->flops = 3 * inElems;
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
    case OpKind::Flatten:
        l->shape.dims = {inElems};
        break;
    case OpKind::Linear: {
        if (in.dims.size() != 1)
            return c.fail(inputsField, QStringLiteral("linear needs a flat [F] input, got %1 (add a flatten layer)")
                                           .arg(in.toString()));
        l->shape.dims = {a.outFeatures};
        l->tensors = {tensor(*l, "weight", {a.outFeatures, inElems})};
        if (a.bias)
            l->tensors << tensor(*l, "bias", {a.outFeatures});
        l->flops = 2 * inElems * a.outFeatures + (a.bias ? a.outFeatures : 0);
        break;
    }
    case OpKind::Add:
        if (inputs.size() < 2)
            return c.fail(inputsField, QStringLiteral("add needs at least two inputs"));
        for (const TensorShape &s : inputs) {
            if (s != in)
                return c.fail(inputsField, QStringLiteral("add needs equal shapes, got %1 and %2")
                                               .arg(in.toString(), s.toString()));
        }
        l->shape = in;
        l->flops = (inputs.size() - 1) * inElems;
        break;
    case OpKind::Concat: {
        qint64 channels = 0;
        for (const TensorShape &s : inputs) {
            if (s.height() != in.height() || s.width() != in.width())
                return c.fail(inputsField, QStringLiteral("concat needs equal heights and widths, got %1 and %2")
                                               .arg(in.toString(), s.toString()));
            channels += s.channels();
        }
        l->shape.dims = {channels, in.height(), in.width()};
        break;
    }
    }
    for (const ParamTensor &p : l->tensors) {
        if (p.learned)
            l->params += p.shape.elements();
    }
    l->bytes = l->shape.elements() * 4;
    return true;
}

} // namespace d3::core
