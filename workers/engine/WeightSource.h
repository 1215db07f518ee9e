#pragma once

#include <QString>

namespace d3::engine {

/// Where a model's weights come from: deterministic from a seed (every node builds the same model without
/// shipping weights), or a file (a torch.save'd state_dict dict or a torch.jit.save'd TorchScript archive).
struct WeightSource {
    quint64 seed = 1; ///< used when path is empty
    QString path;     ///< weights file chosen by the local user; empty for seeded weights
    bool ignoreExtra = false; ///< the file may hold tensors the model does not use (an auxiliary head): skip them

    /// "seed 1" or the file path, for logs and reports.
    QString describe() const
    {
        if (path.isEmpty())
            return QStringLiteral("seed %1").arg(seed);
        return ignoreExtra ? path + QStringLiteral(" (extra tensors ignored)") : path;
    }
};

} // namespace d3::engine
