#include "LayerProfiler.h"

#include "TorchModel.h"

#include <algorithm>
#include <chrono>

namespace d3::engine {

std::vector<double> LayerProfiler::medianMs(const TorchModel &model, const at::Tensor &input, int warmup, int runs,
                                            const std::function<void(int, int)> &progress)
{
    const int n = model.graph().layerCount();
    std::vector<at::Tensor> tensors(size_t(n + 1)); // tensor id -> value; all kept for the timing below
    tensors[0] = input;
    for (int i = 0; i < n; ++i) {
        const LayerModule &m = model.module(i);
        std::vector<at::Tensor> args;
        for (int t : m.layer().inputs)
            args.push_back(tensors[size_t(t)]);
        tensors[size_t(i + 1)] = m.forward(args);
    }

    std::vector<double> result(static_cast<size_t>(n));
    std::vector<double> samples;
    for (int i = 0; i < n; ++i) {
        const LayerModule &m = model.module(i);
        std::vector<at::Tensor> args;
        for (int t : m.layer().inputs)
            args.push_back(tensors[size_t(t)]);
        for (int w = 0; w < warmup; ++w)
            m.forward(args);
        samples.clear();
        for (int r = 0; r < runs; ++r) {
            const auto start = std::chrono::steady_clock::now();
            const at::Tensor out = m.forward(args);
            const auto end = std::chrono::steady_clock::now();
            samples.push_back(std::chrono::duration<double, std::milli>(end - start).count());
        }
        result[size_t(i)] = median(samples);
        if (progress)
            progress(i + 1, n);
    }
    return result;
}

double LayerProfiler::median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    const size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + long(mid), values.end());
    if (values.size() % 2 == 1)
        return values[mid];
    const double upper = values[mid];
    const double lower = *std::max_element(values.begin(), values.begin() + long(mid));
    return (lower + upper) / 2;
}

} // namespace d3::engine
