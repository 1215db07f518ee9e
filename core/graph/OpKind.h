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
    LayerNorm,
    Silu,
    Sigmoid,
    Tanh,
    Hardswish,
    Hardsigmoid,
    Gelu,
    Mean,
    Reshape,
    Permute,
    Slice,
    Select,
    Matmul,
    MultiheadAttention,
    Sub,
    Mul,
    Div,
    Parameter,
};

/// The file-format spelling of an op ("conv2d", "maxpool2d", ...).
QString opName(OpKind kind);

/// Parses a file-format op name; returns false for an unknown name.
bool parseOpName(const QString &name, OpKind *kind);

/// Every op name the format accepts, in documentation order.
QStringList allOpNames();

/// True for ops whose each output pixel depends on a bounded window of input pixels
/// (the layers a fused tile stack may contain, given the conditions of StackFinder::whyNotTileable).
bool isSpatiallyLocal(OpKind kind);

/// True for the ops that apply one function to every element (relu, silu, gelu, ...): one input, same shape.
bool isElementwiseActivation(OpKind kind);

/// True for add, sub, mul and div: two or more inputs that broadcast, or one input and a scalar.
bool isArithmetic(OpKind kind);

} // namespace d3::core
