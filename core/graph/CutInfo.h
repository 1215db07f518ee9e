#pragma once

#include <QVector>

namespace d3::core {

/// What crosses cut position k: every tensor produced before k and consumed at or after k.
struct CutInfo {
    int position = 0;     ///< 0 = raw input, n = final output
    QVector<int> tensors; ///< tensor ids, ascending (0 = model input, i + 1 = layer i)
    qint64 bytes = 0;     ///< their total size as float32
};

} // namespace d3::core
