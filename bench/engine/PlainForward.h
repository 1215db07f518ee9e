#pragma once

#include "io/HostTensor.h"

#include <QString>

#include <memory>

namespace d3::engine {
class TorchModel;
}

namespace d3::bench {

/// The baseline of d3bench_engine: a straight LibTorch forward of an engine's modules. A loop over
/// TorchModel::module(i).forward() under c10::InferenceMode, the tensors in a std::vector indexed by tensor id,
/// each dropped after its last reader (a table built once): no maps, no range bookkeeping, no host copies (the
/// input tensor is built once, the output stays a torch tensor). Torch-free header.
class PlainForward
{
public:
    /// Runs model (which must outlive this object) on input. Converts the input once, here.
    PlainForward(const engine::TorchModel &model, const core::HostTensor &input);
    ~PlainForward();
    PlainForward(const PlainForward &) = delete;
    PlainForward &operator=(const PlainForward &) = delete;

    /// One whole forward pass; keeps its output tensor. On a torch failure false and one line in *error.
    bool run(QString *error);
    /// The output of the last run(), copied to host memory (for checking, not timed).
    core::HostTensor output() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace d3::bench
