#pragma once

#include "LayerAttributes.h"
#include "OpKind.h"
#include "ParamTensor.h"
#include "TensorShape.h"

#include <QString>
#include <QVector>

namespace d3::core {

/// One layer of a validated model graph, with everything derived from it.
/// Tensor ids: 0 is the model input, i + 1 is the output of layer i.
struct Layer {
    int index = 0;                  ///< position in topological order
    QString name;                   ///< unique; also the name of its output tensor and its state_dict prefix
    OpKind op = OpKind::Relu;       ///< operator
    QVector<int> inputs;            ///< tensor ids it reads, in order
    LayerAttributes attributes;     ///< typed attributes
    TensorShape shape;              ///< output shape (batch of one)
    QVector<ParamTensor> tensors;   ///< its state_dict entries
    qint64 params = 0;              ///< learned parameter count (buffers excluded)
    qint64 flops = 0;               ///< floating-point operations for one input (a multiply-add counts 2)
    qint64 bytes = 0;               ///< output size in bytes as float32
    bool broadcasts = false;        ///< its inputs have different shapes (add, sub, mul, div, matmul)
};

} // namespace d3::core
