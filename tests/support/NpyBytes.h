#pragma once

#include <QByteArray>
#include <QString>

#include "io/FloatStorage.h"

namespace d3::test {

/// Hand-made .npy files, for feeding readers what numpy (or a broken writer) would produce.
class NpyBytes
{
public:
    /// A version 1.0 file: header {'descr': descr, 'fortran_order': fortran, 'shape': (shape)} padded as numpy
    /// pads it (to a multiple of 64), followed by payload as is.
    static QByteArray make(const QString &descr, bool fortran, const QString &shape, const QByteArray &payload);
    /// The raw little-endian bytes of float32 values.
    static QByteArray floats(const core::FloatStorage &values);
};

} // namespace d3::test
