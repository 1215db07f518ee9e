#pragma once

#include <torch/torch.h>

#include <functional>
#include <vector>

namespace d3::engine {

class TorchModel;

/// Times each layer of a TorchModel alone on its real inputs (the torch side of Engine::profile).
class LayerProfiler
{
public:
    /// Runs one forward from input ([1, ...], the model's input shape) keeping every intermediate tensor, then
    /// times each layer's LayerModule::forward on its inputs: warmup untimed calls, then runs timed calls.
    /// Returns per layer the median in milliseconds (not scaled). progress(done, layers) after each layer.
    /// Caller holds an InferenceMode guard. Throws c10::Error on torch failures.
    static std::vector<double> medianMs(const TorchModel &model, const at::Tensor &input, int warmup, int runs,
                                        const std::function<void(int, int)> &progress);

    /// Median of values (mean of the middle two for an even count); 0 for none.
    static double median(std::vector<double> values);
};

} // namespace d3::engine
