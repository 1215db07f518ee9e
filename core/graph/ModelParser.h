#pragma once

#include "GraphError.h"
#include "ModelGraph.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace d3::core {

/// Reads and strictly validates a model file (docs/MODEL_FORMAT.md). Nothing partial is ever returned:
/// either a complete ModelGraph or one GraphError naming the file, the layer and the field.
class ModelParser
{
public:
    /// Parses JSON text; source names it in errors (a path or "built-in NAME").
    static std::optional<ModelGraph> parse(const QByteArray &json, const QString &source, GraphError *error);
    /// Reads and parses a file.
    static std::optional<ModelGraph> load(const QString &path, GraphError *error);
};

} // namespace d3::core
