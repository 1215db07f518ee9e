#pragma once

#include "GraphError.h"
#include "ModelGraph.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace d3::core {

/// The built-in models (compiled in from models/) and the resolution of a MODEL argument.
class ModelCatalog
{
public:
    /// Names of the built-in models, in documentation order.
    static QStringList builtinNames();
    /// Resolves a built-in name or a path to a model file; on failure one GraphError saying why.
    static std::optional<ModelGraph> resolve(const QString &nameOrPath, GraphError *error);
    /// Loads a built-in model by name (asserts nothing; returns nullopt with an error for an unknown name).
    static std::optional<ModelGraph> builtin(const QString &name, GraphError *error);
};

} // namespace d3::core
