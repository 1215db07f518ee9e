#pragma once

#include "RunData.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace d3::core {

/// Reads a run directory back (docs/EXPERIMENTS.md, Outputs): requests.csv and events.jsonl (both required) and
/// summary.json (optional). Strict: a malformed row or line refuses the whole run with one line naming the file and
/// line number; files larger than 1 GiB are refused before they are read. The one exception is what a killed run
/// leaves: a last row or line without its line break that does not parse is dropped (with a warning on d3.core.run).
/// Stateless; any thread.
class RunReader
{
public:
    /// The run in dir; nullopt with one line in *error ("DIR/requests.csv:7: column start_ms: 'x' is not a number").
    static std::optional<RunData> read(const QString &dir, QString *error);

private:
    static bool readFile(const QString &path, bool required, QByteArray *bytes, bool *exists, QString *error);
    static bool readRequests(const QString &path, const QByteArray &bytes, RunData *data, QString *error);
    static bool readEvents(const QString &path, const QByteArray &bytes, RunData *data, QString *error);
};

} // namespace d3::core
