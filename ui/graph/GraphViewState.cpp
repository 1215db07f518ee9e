#include "GraphViewState.h"

#include <QDataStream>
#include <QIODevice>

namespace d3::ui {

namespace {

constexpr quint32 kMagic = 0xD3'6A'05'01; ///< "d3 graph view state, version 1"

} // namespace

QByteArray GraphViewState::toBytes() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << double(zoom) << qint32(columns) << qint32(layer) << offset;
    return bytes;
}

std::optional<GraphViewState> GraphViewState::fromBytes(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    double zoom = 0;
    qint32 columns = 0;
    qint32 layer = -1;
    QPointF offset;
    in >> magic >> zoom >> columns >> layer >> offset;
    if (in.status() != QDataStream::Ok || magic != kMagic || !(zoom > 0) || columns < 0)
        return std::nullopt;
    return GraphViewState{zoom, columns, layer, offset};
}

} // namespace d3::ui
