#include "TensorConvert.h"

#include <cstring>

namespace d3::engine {

at::Tensor TensorConvert::toTorch(const core::HostTensor &t)
{
    std::vector<int64_t> sizes{1};
    sizes.insert(sizes.end(), t.shape.begin(), t.shape.end());
    at::Tensor out = torch::empty(sizes, torch::kFloat);
    std::memcpy(out.data_ptr<float>(), t.values.data(), size_t(t.bytes()));
    return out;
}

core::HostTensor TensorConvert::fromTorch(const at::Tensor &t)
{
    const at::Tensor c = t.to(torch::kFloat).contiguous();
    core::HostTensor h;
    for (int64_t d = 1; d < c.dim(); ++d)
        h.shape << c.size(d);
    h.values.resizeForOverwrite(size_t(c.numel()));
    std::memcpy(h.values.data(), c.data_ptr<float>(), h.values.size() * sizeof(float));
    return h;
}

} // namespace d3::engine
