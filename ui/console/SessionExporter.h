#pragma once

#include "plots/ExportOptions.h"
#include "record/RunData.h"

#include <QString>
#include <QStringList>

namespace d3::ui {

/// Writes a session's figures and data for a paper: every figure (latency, stages, backbone) of the whole session
/// in the formats, size and DPI of ExportOptions, and optionally its requests as requests.csv (the run format's
/// columns, docs/EXPERIMENTS.md). GUI thread (the figures are drawn offscreen).
class SessionExporter
{
public:
    /// Writes into dir (created if missing), appending each path to *written; false with one line in *error.
    static bool write(const core::RunData &data, const QString &dir, const ExportOptions &options, bool csv,
                      QStringList *written, QString *error);
};

} // namespace d3::ui
