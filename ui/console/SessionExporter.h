#pragma once

#include "plots/ExportOptions.h"
#include "record/RunData.h"

#include <QString>
#include <QStringList>

namespace d3::ui {

/// Writes a session's figures and data for a paper: every figure of the whole session (PaperFigures: the time
/// series, the timeline and, for a sweep, the comparison) in the formats, size, DPI or preset of ExportOptions, their
/// time axis starting at the session's first request, and optionally its requests as requests.csv (the run format's
/// columns, as recorded; docs/EXPERIMENTS.md). GUI thread (the figures are drawn offscreen).
class SessionExporter
{
public:
    /// Writes into dir (created if missing), appending each path to *written; false with one line in *error.
    static bool write(const core::RunData &data, const QString &dir, const ExportOptions &options, bool csv,
                      QStringList *written, QString *error);
};

} // namespace d3::ui
