#pragma once

#include "GraphError.h"
#include "ModelGraph.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace d3::core {

/// The built-in models (compiled in from models/), the user's models folders, and the resolution of a MODEL
/// argument (docs/MODEL_FORMAT.md, Where models come from).
class ModelCatalog
{
public:
    /// Names of the built-in models, in documentation order.
    static QStringList builtinNames();
    /// The folders of the user's models: $D3_MODEL_PATH (colon-separated) if set, else
    /// $XDG_DATA_HOME/d3lab/models (~/.local/share/d3lab/models).
    static QStringList userFolders();
    /// The user's models by name (a file NAME.json in a folder of userFolders(); the first folder wins), with their
    /// paths; a built-in name is not shadowed.
    static QMap<QString, QString> userModels();
    /// Resolves a built-in name, then a user model's name, then a path to a model file; on failure one GraphError
    /// saying why: "no such file" for a path that is not there, "unknown model" (with what is known) for a name.
    static std::optional<ModelGraph> resolve(const QString &nameOrPath, GraphError *error);
    /// Loads a built-in model by name (asserts nothing; returns nullopt with an error for an unknown name).
    static std::optional<ModelGraph> builtin(const QString &name, GraphError *error);
};

} // namespace d3::core
