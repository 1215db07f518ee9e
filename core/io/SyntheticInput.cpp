#include "SyntheticInput.h"

#include "util/Hash64.h"

namespace d3::core {

HostTensor SyntheticInput::make(const TensorShape &shape, quint64 seed)
{
    HostTensor t;
    t.shape = shape.dims;
    t.values.resize(size_t(shape.elements()));
    const quint64 stream = Hash64::mix(seed ^ 0x5eed1a9b7f4a7c15ULL);
    for (size_t i = 0; i < t.values.size(); ++i)
        t.values[i] = -1.0f + 2.0f * Hash64::unitFloat(stream, i);
    return t;
}

} // namespace d3::core
