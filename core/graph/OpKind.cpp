#include "OpKind.h"

#include <array>
#include <utility>

namespace d3::core {
namespace {

constexpr std::array<std::pair<OpKind, const char *>, 33> kOps{{
    {OpKind::Conv2d, "conv2d"},
    {OpKind::BatchNorm2d, "batchnorm2d"},
    {OpKind::LayerNorm, "layer_norm"},
    {OpKind::Relu, "relu"},
    {OpKind::Relu6, "relu6"},
    {OpKind::Silu, "silu"},
    {OpKind::Sigmoid, "sigmoid"},
    {OpKind::Tanh, "tanh"},
    {OpKind::Hardswish, "hardswish"},
    {OpKind::Hardsigmoid, "hardsigmoid"},
    {OpKind::LeakyRelu, "leaky_relu"},
    {OpKind::Gelu, "gelu"},
    {OpKind::MaxPool2d, "maxpool2d"},
    {OpKind::AvgPool2d, "avgpool2d"},
    {OpKind::AdaptiveAvgPool2d, "adaptive_avgpool2d"},
    {OpKind::Mean, "mean"},
    {OpKind::Lrn, "lrn"},
    {OpKind::Dropout, "dropout"},
    {OpKind::Flatten, "flatten"},
    {OpKind::Reshape, "reshape"},
    {OpKind::Permute, "permute"},
    {OpKind::Slice, "slice"},
    {OpKind::Select, "select"},
    {OpKind::Concat, "concat"},
    {OpKind::Linear, "linear"},
    {OpKind::Matmul, "matmul"},
    {OpKind::MultiheadAttention, "multihead_attention"},
    {OpKind::Add, "add"},
    {OpKind::Sub, "sub"},
    {OpKind::Mul, "mul"},
    {OpKind::Div, "div"},
    {OpKind::Softmax, "softmax"},
    {OpKind::Parameter, "parameter"},
}};

} // namespace

QString opName(OpKind kind)
{
    for (const auto &[k, name] : kOps) {
        if (k == kind)
            return QString::fromLatin1(name);
    }
    return QStringLiteral("?");
}

bool parseOpName(const QString &name, OpKind *kind)
{
    for (const auto &[k, n] : kOps) {
        if (name == QLatin1String(n)) {
            *kind = k;
            return true;
        }
    }
    return false;
}

QStringList allOpNames()
{
    QStringList names;
    for (const auto &op : kOps)
        names << QString::fromLatin1(op.second);
    return names;
}

bool isSpatiallyLocal(OpKind kind)
{
    switch (kind) {
    case OpKind::Conv2d:
    case OpKind::BatchNorm2d:
    case OpKind::MaxPool2d:
    case OpKind::AvgPool2d:
    case OpKind::Lrn:
    case OpKind::Dropout:
    case OpKind::Concat:
    case OpKind::Slice:
        return true;
    default:
        return isElementwiseActivation(kind) || isArithmetic(kind);
    }
}

bool isElementwiseActivation(OpKind kind)
{
    switch (kind) {
    case OpKind::Relu:
    case OpKind::Relu6:
    case OpKind::LeakyRelu:
    case OpKind::Silu:
    case OpKind::Sigmoid:
    case OpKind::Tanh:
    case OpKind::Hardswish:
    case OpKind::Hardsigmoid:
    case OpKind::Gelu:
        return true;
    default:
        return false;
    }
}

bool isArithmetic(OpKind kind)
{
    return kind == OpKind::Add || kind == OpKind::Sub || kind == OpKind::Mul || kind == OpKind::Div;
}

} // namespace d3::core
