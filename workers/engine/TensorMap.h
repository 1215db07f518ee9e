#pragma once

#include "io/HostTensor.h"

#include <QMap>

namespace d3::engine {

/// Tensors keyed by tensor id (0 = model input, i + 1 = output of layer i): the crossing set of a cut.
using TensorMap = QMap<int, core::HostTensor>;

} // namespace d3::engine
