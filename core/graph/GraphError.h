#pragma once

#include <QString>

namespace d3::core {

/// Why a model file was refused: where (file, layer, field) and what.
struct GraphError {
    QString file;    ///< path or built-in name of the model
    QString layer;   ///< offending layer name ("" for file-level problems)
    int layerIndex = -1; ///< its position in "layers", or -1
    QString field;   ///< offending field, e.g. "attributes.kernel_size"
    QString message; ///< what is wrong, in plain words

    /// One line: "FILE: layer 'NAME' (#I), field 'F': MESSAGE" (or "FILE: field 'F': MESSAGE" outside layers).
    QString toString() const
    {
        QString s = file;
        const bool inLayer = !layer.isEmpty() || layerIndex >= 0;
        if (inLayer)
            s += QStringLiteral(": layer '%1' (#%2)").arg(layer).arg(layerIndex);
        if (!field.isEmpty())
            s += (inLayer ? QStringLiteral(", field '%1'") : QStringLiteral(": field '%1'")).arg(field);
        return s + QStringLiteral(": ") + message;
    }
};

} // namespace d3::core
