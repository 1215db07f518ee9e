#include "SyntheticInput.h"

#include "ImageBytes.h"
#include "util/Hash64.h"

namespace d3::core {

HostTensor SyntheticInput::make(const TensorShape &shape, quint64 seed)
{
    HostTensor t;
    t.shape = shape.dims;
    t.values.resizeForOverwrite(size_t(shape.elements()));
    const quint64 stream = Hash64::mix(seed ^ 0x5eed1a9b7f4a7c15ULL);
    float *out = t.values.data(); // once: each call of the non-const accessors checks for sharing
    for (size_t i = 0; i < t.values.size(); ++i)
        out[i] = ImageBytes::value(int(Hash64::unitFloat(stream, i) * 256.0f)); // an 8-bit image
    return t;
}

} // namespace d3::core
