#pragma once

#include <QString>

namespace d3::core {

/// Where a layer analysis records its first rule violation: the field ("inputs" or "attributes.NAME") and the
/// message, as GraphError reports them.
struct AnalysisFailure {
    QString *field;   ///< receives the offending field
    QString *message; ///< receives what is wrong

    /// Records the violation; returns false so that a check can `return c.fail(...)`.
    bool fail(const QString &f, const QString &m) const
    {
        *field = f;
        *message = m;
        return false;
    }
};

} // namespace d3::core
