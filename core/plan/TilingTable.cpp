#include "TilingTable.h"

#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

namespace d3::core {

TilingTable::TilingTable(const ModelGraph &graph, const QVector<double> &ms)
{
    const int n = graph.layerCount();
    m_byStart.resize(n + 1);
    for (int s = 1; s <= n; ++s) {
        const CutInfo &end = graph.cut(s);
        if (!StackFinder::isTileable(graph.layer(s - 1)) || end.tensors.size() != 1 || end.tensors.first() != s
            || !graph.tensorShape(s).isFeatureMap())
            continue;
        const TensorShape &outShape = graph.tensorShape(s);
        for (int rows = 1; rows <= std::min<qint64>(kMaxGrid, outShape.height()); ++rows) {
            for (int cols = 1; cols <= std::min<qint64>(kMaxGrid, outShape.width()); ++cols) {
                const int tiles = rows * cols;
                QVector<QVector<Region>> regions(tiles, QVector<Region>(n + 1));
                QVector<double> tileMs(tiles, 0.0);
                QVector<qint64> outBytes(tiles);
                for (int k = 0; k < tiles; ++k) {
                    const int r = k / cols, c = k % cols;
                    regions[k][s] = {TileGeometry::sliceStart(outShape.height(), rows, r),
                                     TileGeometry::sliceStart(outShape.height(), rows, r + 1),
                                     TileGeometry::sliceStart(outShape.width(), cols, c),
                                     TileGeometry::sliceStart(outShape.width(), cols, c + 1)};
                    outBytes[k] = outShape.channels() * regions[k][s].area() * 4;
                }
                for (int i = s - 1; i >= 0 && StackFinder::isTileable(graph.layer(i)); --i) {
                    const Layer &layer = graph.layer(i);
                    const double perPixel = ms.value(i) / double(layer.shape.height() * layer.shape.width());
                    for (int k = 0; k < tiles; ++k) {
                        const Region out = regions[k][i + 1];
                        const TileStep step = TileGeometry::stepFor(graph, layer, out);
                        for (int j = 0; j < layer.inputs.size(); ++j) {
                            Region &need = regions[k][layer.inputs[j]];
                            need = need.united(step.in[j]);
                        }
                        tileMs[k] += perPixel * double(out.area());
                    }
                    // Position i: the stack [i, s) reads exactly the tensors crossing i.
                    TilingEntry e;
                    e.p = i;
                    e.s = s;
                    e.rows = rows;
                    e.cols = cols;
                    e.tileMs = tileMs;
                    for (double t : tileMs) {
                        e.sumMs += t;
                        e.maxMs = std::max(e.maxMs, t);
                    }
                    e.tileOutBytes = outBytes;
                    const int bytesPerElement = i == 0 ? 1 : 4;
                    e.tileInBytes.fill(0, tiles);
                    for (int t : graph.cut(i).tensors) {
                        for (int k = 0; k < tiles; ++k)
                            e.tileInBytes[k] += graph.tensorShape(t).channels() * regions[k][t].area() * bytesPerElement;
                    }
                    for (qint64 bytes : e.tileInBytes)
                        e.inputBytes += bytes;
                    m_byStart[i] << e;
                }
            }
        }
    }
}

TilingTable TilingTable::none(int layers)
{
    TilingTable table;
    table.m_byStart.resize(layers + 1);
    return table;
}

const TilingEntry *TilingTable::find(int p, int s, int rows, int cols) const
{
    if (p < 0 || p >= m_byStart.size())
        return nullptr;
    for (const TilingEntry &e : m_byStart[p]) {
        if (e.s == s && e.rows == rows && e.cols == cols)
            return &e;
    }
    return nullptr;
}

} // namespace d3::core
