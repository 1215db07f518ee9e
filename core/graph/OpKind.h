#pragma once

#include <QString>
#include <QStringList>

namespace d3::core {

/// The operators a model file may use (docs/MODEL_FORMAT.md). Values are stable within a build only.
enum class OpKind {
    Conv2d,
    BatchNorm2d,
    Relu,
    Relu6,
    LeakyRelu,
    MaxPool2d,
    AvgPool2d,
    AdaptiveAvgPool2d,
    Lrn,
    Dropout,
    Flatten,
    Linear,
    Add,
    Concat,
    Softmax,
};

/// The file-format spelling of an op ("conv2d", "maxpool2d", ...).
QString opName(OpKind kind);

/// Parses a file-format op name; returns false for an unknown name.
bool parseOpName(const QString &name, OpKind *kind);

/// Every op name the format accepts, in documentation order.
QStringList allOpNames();

/// True for ops whose each output pixel depends on a bounded window of input pixels
/// (the layers a fused tile stack may contain).
bool isSpatiallyLocal(OpKind kind);

} // namespace d3::core
