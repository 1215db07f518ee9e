#include "LayerTableModel.h"

#include <QLocale>

namespace d3::ui {

LayerTableModel::LayerTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LayerTableModel::setGraph(const core::ModelGraph &graph)
{
    beginResetModel();
    m_graph = graph;
    endResetModel();
}

int LayerTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_graph.layerCount();
}

int LayerTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LayerTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_graph.layerCount())
        return {};
    const core::Layer &l = m_graph.layer(index.row());
    if (role == Qt::TextAlignmentRole) {
        const bool numeric = index.column() == Index || index.column() >= Params;
        return QVariant::fromValue(Qt::Alignment(numeric ? Qt::AlignRight | Qt::AlignVCenter
                                                         : Qt::AlignLeft | Qt::AlignVCenter));
    }
    if (role != Qt::DisplayRole && role != Qt::UserRole)
        return {};
    const bool raw = role == Qt::UserRole; // sortable numbers instead of formatted text
    const QLocale locale;
    switch (index.column()) {
    case Index:
        return l.index;
    case Name:
        return l.name;
    case Op:
        return core::opName(l.op);
    case Shape:
        return l.shape.toString();
    case Params:
        return raw ? QVariant(l.params) : QVariant(locale.toString(l.params));
    case Flops:
        return raw ? QVariant(l.flops) : QVariant(tr("%1 M").arg(locale.toString(double(l.flops) / 1e6, 'f', 1)));
    case Bytes:
        return raw ? QVariant(l.bytes) : QVariant(locale.formattedDataSize(l.bytes));
    default:
        return {};
    }
}

QVariant LayerTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Index:
        return tr("#");
    case Name:
        return tr("Layer");
    case Op:
        return tr("Op");
    case Shape:
        return tr("Output shape");
    case Params:
        return tr("Parameters");
    case Flops:
        return tr("FLOPs");
    case Bytes:
        return tr("Output size");
    default:
        return {};
    }
}

} // namespace d3::ui
