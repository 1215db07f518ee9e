#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>

namespace d3::core {

/// The names of the files in a run directory (docs/EXPERIMENTS.md, Outputs), shared by RunRecorder and RunReader.
struct RunFiles {
    static constexpr const char *kRequests = "requests.csv";     ///< one row per request (RequestCsv)
    static constexpr const char *kEvents = "events.jsonl";       ///< one JSON object per line (RunEventJson)
    static constexpr const char *kSummary = "summary.json";      ///< the run's summary (optional)
    static constexpr const char *kExperiment = "experiment.json"; ///< the experiment as it ran
    /// Run files larger than this are refused before they are read (1 GiB).
    static constexpr long long kMaxFileBytes = 1LL << 30;

    /// Makes dir a writable folder (creating it); false with one line in *error if it is a file, cannot be
    /// created or is not writable.
    static bool makeWritableFolder(const QString &dir, QString *error)
    {
        const QFileInfo info(dir);
        if (info.exists() && !info.isDir())
            *error = QStringLiteral("%1: is a file, not a folder (a run writes a folder of files)").arg(dir);
        else if (!info.exists() && !QDir().mkpath(dir))
            *error = QStringLiteral("%1: cannot create the folder").arg(dir);
        else if (!QFileInfo(dir).isWritable())
            *error = QStringLiteral("%1: the folder is not writable").arg(dir);
        else
            return true;
        return false;
    }
};

} // namespace d3::core
