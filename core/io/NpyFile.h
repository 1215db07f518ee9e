#pragma once

#include "HostTensor.h"

#include <QString>

#include <optional>

namespace d3::core {

/// Reads and writes float32 C-order arrays as NumPy .npy files (format versions 1.0 to 3.0).
class NpyFile
{
public:
    /// Reads a .npy file; refuses any dtype but little-endian float32, Fortran order, or a size that does not
    /// match the header, with one line in *error. Sizes are checked before allocating.
    static std::optional<HostTensor> read(const QString &path, QString *error);
    /// Writes a version 1.0 .npy file; returns false with *error on an I/O failure.
    static bool write(const QString &path, const HostTensor &tensor, QString *error);
};

} // namespace d3::core
