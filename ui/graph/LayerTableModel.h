#pragma once

#include "graph/ModelGraph.h"

#include <QAbstractTableModel>

namespace d3::ui {

/// The layers of a model as a table (index, name, op, shape, parameters, FLOPs, output bytes), for the layer
/// graph's detail pane and any view that lists layers. GUI thread only.
class LayerTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// Columns, in display order.
    enum Column { Index, Name, Op, Shape, Params, Flops, Bytes, ColumnCount };

    /// An empty table; call setGraph().
    explicit LayerTableModel(QObject *parent = nullptr);

    /// Shows the layers of graph (copied; ModelGraph is implicitly shared).
    void setGraph(const core::ModelGraph &graph);
    /// The graph shown.
    const core::ModelGraph &graph() const { return m_graph; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    core::ModelGraph m_graph;
};

} // namespace d3::ui
