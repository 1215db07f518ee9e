#include "ModelGraph.h"

#include <algorithm>

namespace d3::core {

ModelGraph::ModelGraph(QString name, QString source, QString inputName, TensorShape inputShape,
                       QVector<Layer> layers)
    : m_name(std::move(name))
    , m_source(std::move(source))
    , m_inputName(std::move(inputName))
    , m_inputShape(std::move(inputShape))
    , m_layers(std::move(layers))
{
    const int n = m_layers.size();
    m_consumers.resize(n + 1);
    for (const Layer &l : m_layers) {
        for (int t : l.inputs) {
            if (!m_consumers[t].contains(l.index))
                m_consumers[t].append(l.index);
        }
    }
    // Tensor t becomes available at position avail(t) and is last needed by position last(t);
    // the model output is needed "by" position n.
    m_cuts.resize(n + 1);
    for (int k = 0; k <= n; ++k)
        m_cuts[k].position = k;
    for (int t = 0; t <= n; ++t) {
        const int avail = t; // input at 0, layer i's output at i + 1
        int last = m_consumers[t].isEmpty() ? avail : m_consumers[t].last();
        if (t == outputTensor())
            last = n;
        const qint64 bytes = tensorShape(t).elements() * 4;
        for (int k = avail; k <= last; ++k) {
            m_cuts[k].tensors.append(t);
            m_cuts[k].bytes += bytes;
        }
    }
}

int ModelGraph::indexOf(const QString &name) const
{
    auto it = std::find_if(m_layers.begin(), m_layers.end(), [&](const Layer &l) { return l.name == name; });
    return it == m_layers.end() ? -1 : int(it - m_layers.begin());
}

QString ModelGraph::tensorName(int t) const
{
    return t == 0 ? m_inputName : m_layers.at(t - 1).name;
}

const TensorShape &ModelGraph::tensorShape(int t) const
{
    return t == 0 ? m_inputShape : m_layers.at(t - 1).shape;
}

qint64 ModelGraph::totalParams() const
{
    qint64 sum = 0;
    for (const Layer &l : m_layers)
        sum += l.params;
    return sum;
}

qint64 ModelGraph::totalFlops() const
{
    qint64 sum = 0;
    for (const Layer &l : m_layers)
        sum += l.flops;
    return sum;
}

} // namespace d3::core
