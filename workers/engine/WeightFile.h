#pragma once

#include <QString>

namespace d3::engine {

class TorchModel;

/// Loads weights by state_dict key from a file the local user named: a plain dict saved with
/// torch.save(dict(model.state_dict()), path), or a TorchScript archive saved with torch.jit.save.
/// Every key of the model must be present with its exact shape and float32 dtype, and no other key may be
/// (unless ignoreExtra); the model is only written once the whole file checked out.
class WeightFile
{
public:
    /// Fills model from path; false with one line in *error ("PATH: missing tensor 'fc.weight'", ...).
    /// With ignoreExtra, tensors the model does not declare are skipped (and counted in the log) instead of refused.
    static bool load(const TorchModel &model, const QString &path, bool ignoreExtra, QString *error);
};

} // namespace d3::engine
