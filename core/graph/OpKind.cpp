#include "OpKind.h"

#include <array>
#include <utility>

namespace d3::core {
namespace {

constexpr std::array<std::pair<OpKind, const char *>, 15> kOps{{
    {OpKind::Conv2d, "conv2d"},
    {OpKind::BatchNorm2d, "batchnorm2d"},
    {OpKind::Relu, "relu"},
    {OpKind::Relu6, "relu6"},
    {OpKind::LeakyRelu, "leaky_relu"},
    {OpKind::MaxPool2d, "maxpool2d"},
    {OpKind::AvgPool2d, "avgpool2d"},
    {OpKind::AdaptiveAvgPool2d, "adaptive_avgpool2d"},
    {OpKind::Lrn, "lrn"},
    {OpKind::Dropout, "dropout"},
    {OpKind::Flatten, "flatten"},
    {OpKind::Linear, "linear"},
    {OpKind::Add, "add"},
    {OpKind::Concat, "concat"},
    {OpKind::Softmax, "softmax"},
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
    case OpKind::Relu:
    case OpKind::Relu6:
    case OpKind::LeakyRelu:
    case OpKind::MaxPool2d:
    case OpKind::AvgPool2d:
    case OpKind::Lrn:
    case OpKind::Dropout:
    case OpKind::Add:
    case OpKind::Concat:
        return true;
    default:
        return false;
    }
}

} // namespace d3::core
