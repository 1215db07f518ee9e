#pragma once

#include "io/HostTensor.h"

#include <QString>

#include <optional>

namespace d3::test {

/// The output of scripts/torch_reference.py for one torchvision model: its weights in both formats, an input
/// and PyTorch's output for it (batch dimension dropped).
struct TorchReference {
    QString stateDict;      ///< MODEL.state_dict.pt
    QString torchScript;    ///< MODEL.torchscript.pt
    QString inputPath;      ///< MODEL.input.npy
    QString referencePath;  ///< MODEL.reference.npy
    core::HostTensor input;     ///< [3, 224, 224]
    core::HostTensor reference; ///< [1000]

    /// Runs torch_reference.py with Debian's Python into dir with the given intra-op thread count; nullopt with
    /// *error (saying how to install what is missing) on failure.
    static std::optional<TorchReference> make(const QString &model, const QString &dir, int threads,
                                              QString *error);
};

} // namespace d3::test
