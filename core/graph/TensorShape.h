#pragma once

#include <QString>
#include <QVector>

namespace d3::core {

/// The shape of one activation tensor for a batch of one: [C, H, W] for feature maps, [F] for vectors.
struct TensorShape {
    QVector<qint64> dims; ///< sizes, outermost first; the batch dimension is implied

    /// Number of elements (product of dims; 1 for a scalar).
    qint64 elements() const
    {
        qint64 n = 1;
        for (qint64 d : dims)
            n *= d;
        return n;
    }
    /// True for a [C, H, W] feature map.
    bool isFeatureMap() const { return dims.size() == 3; }
    /// Channels of a feature map (dims[0]).
    qint64 channels() const { return dims.value(0); }
    /// Height of a feature map (dims[1]).
    qint64 height() const { return dims.value(1); }
    /// Width of a feature map (dims[2]).
    qint64 width() const { return dims.value(2); }
    /// "[64, 56, 56]".
    QString toString() const
    {
        QStringList parts;
        for (qint64 d : dims)
            parts << QString::number(d);
        return QLatin1Char('[') + parts.join(QLatin1String(", ")) + QLatin1Char(']');
    }
    bool operator==(const TensorShape &o) const { return dims == o.dims; }
    bool operator!=(const TensorShape &o) const { return dims != o.dims; }
};

} // namespace d3::core
