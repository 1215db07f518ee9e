#pragma once

#include "RunEvent.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace d3::core {

/// A RunEvent as a line of events.jsonl: {"t_ms": number, "phase": integer, "kind": string, "label": string,
/// "details": object} (docs/EXPERIMENTS.md, Outputs). Stateless; any thread.
class RunEventJson
{
public:
    /// The event as a JSON object.
    static QJsonObject toJson(const RunEvent &event);
    /// The event as one line of compact JSON with its line break.
    static QByteArray line(const RunEvent &event);
    /// An event from its object: t_ms (a number), phase (an integer >= 0) and kind (a non-empty string) required,
    /// label (string) and details (object) optional, no other key; nullopt with one line in *error.
    static std::optional<RunEvent> fromJson(const QJsonObject &object, QString *error);
};

} // namespace d3::core
