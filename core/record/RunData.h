#pragma once

#include "RequestRecord.h"
#include "RunEvent.h"

#include <QJsonObject>
#include <QVector>

namespace d3::core {

/// Everything a run directory holds that the plots and reports need, as RunReader reads it back.
struct RunData {
    QVector<RequestRecord> requests; ///< the rows of requests.csv, in file order (the order requests ended)
    QVector<RunEvent> events;        ///< the lines of events.jsonl, in file order
    QJsonObject summary;             ///< summary.json, empty when the run wrote none (killed before the end)
};

} // namespace d3::core
