#pragma once

#include <QString>
#include <QtGlobal>

#include <algorithm>

namespace d3::core {

/// A half-open rectangle of a feature map: rows [y0, y1), columns [x0, x1).
struct Region {
    qint64 y0 = 0; ///< first row
    qint64 y1 = 0; ///< one past the last row
    qint64 x0 = 0; ///< first column
    qint64 x1 = 0; ///< one past the last column

    /// Rows covered.
    qint64 height() const { return y1 - y0; }
    /// Columns covered.
    qint64 width() const { return x1 - x0; }
    /// Pixels covered (0 when empty).
    qint64 area() const { return isEmpty() ? 0 : height() * width(); }
    /// True when it covers nothing.
    bool isEmpty() const { return y1 <= y0 || x1 <= x0; }
    /// The bounding box of both (an empty region is the identity).
    Region united(const Region &o) const
    {
        if (isEmpty())
            return o;
        if (o.isEmpty())
            return *this;
        return {std::min(y0, o.y0), std::max(y1, o.y1), std::min(x0, o.x0), std::max(x1, o.x1)};
    }
    /// True when o lies inside this region.
    bool contains(const Region &o) const { return o.y0 >= y0 && o.y1 <= y1 && o.x0 >= x0 && o.x1 <= x1; }
    /// "rows 0-28, cols 0-28" style text ("[y0, y1) x [x0, x1)").
    QString toString() const
    {
        return QStringLiteral("[%1, %2) x [%3, %4)").arg(y0).arg(y1).arg(x0).arg(x1);
    }
    bool operator==(const Region &o) const { return y0 == o.y0 && y1 == o.y1 && x0 == o.x0 && x1 == o.x1; }
    bool operator!=(const Region &o) const { return !(*this == o); }
};

} // namespace d3::core
