#pragma once

#include "CutInfo.h"
#include "Layer.h"
#include "TensorShape.h"

#include <QString>
#include <QVector>

namespace d3::core {

/// A validated DNN: layers in topological order with shapes, parameters, FLOPs and the crossing set of every
/// cut position. Immutable after construction by ModelParser; cheap to copy (implicitly shared vectors).
class ModelGraph
{
public:
    ModelGraph() = default;
    /// Builds the derived tables (crossings) from already validated layers; used by ModelParser.
    ModelGraph(QString name, QString source, QString inputName, TensorShape inputShape, QVector<Layer> layers);

    /// Model name from the file ("resnet18").
    const QString &name() const { return m_name; }
    /// Where it came from (built-in name or file path), for messages.
    const QString &source() const { return m_source; }
    /// Name of the input tensor (tensor id 0).
    const QString &inputName() const { return m_inputName; }
    /// Input shape [C, H, W] for a batch of one.
    const TensorShape &inputShape() const { return m_inputShape; }

    /// Number of layers n; cut positions run 0..n.
    int layerCount() const { return m_layers.size(); }
    /// Layer i in topological order (0 <= i < n).
    const Layer &layer(int i) const { return m_layers.at(i); }
    /// All layers in topological order.
    const QVector<Layer> &layers() const { return m_layers; }
    /// Index of the layer called name, or -1.
    int indexOf(const QString &name) const;

    /// Number of tensors: the input plus one per layer.
    int tensorCount() const { return m_layers.size() + 1; }
    /// Name of tensor t (the input's name, or the producing layer's).
    QString tensorName(int t) const;
    /// Shape of tensor t.
    const TensorShape &tensorShape(int t) const;
    /// Layers that read tensor t, ascending.
    const QVector<int> &consumers(int t) const { return m_consumers.at(t); }
    /// The model's output tensor id (the last layer's).
    int outputTensor() const { return m_layers.size(); }

    /// What crosses cut position k (0 <= k <= n).
    const CutInfo &cut(int k) const { return m_cuts.at(k); }
    /// Crossing sets of all n + 1 positions.
    const QVector<CutInfo> &cuts() const { return m_cuts; }

    /// Sum of learned parameters (torchvision's parameter count).
    qint64 totalParams() const;
    /// Sum of FLOPs over all layers for one input.
    qint64 totalFlops() const;

private:
    QString m_name;
    QString m_source;
    QString m_inputName;
    TensorShape m_inputShape;
    QVector<Layer> m_layers;
    QVector<QVector<int>> m_consumers;
    QVector<CutInfo> m_cuts;
};

} // namespace d3::core
