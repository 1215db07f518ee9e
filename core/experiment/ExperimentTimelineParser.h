#pragma once

#include "Experiment.h"
#include "JsonFieldReader.h"

#include <QJsonValue>
#include <QString>
#include <QVector>

namespace d3::core {

/// The strict reading of an experiment's "timeline" (docs/EXPERIMENTS.md): each event's time (at_s or at_request),
/// its one action, the nodes and links it names (against the experiment's nodes) and the order of events (an event
/// earlier than the previous one of its kind of time is in the past and refused).
class ExperimentTimelineParser
{
public:
    /// Events are checked against experiment (nodes, request count); the first problem goes to *error.
    ExperimentTimelineParser(const Experiment &experiment, QString *error);
    /// Reads the timeline array found at path; what it read so far on a problem (recorded as "PATH: message").
    QVector<ExperimentEvent> read(const QJsonValue &value, const QString &path);

private:
    void fail(const QString &path, const QString &message);
    ExperimentEvent readEvent(const QJsonValue &value, const QString &path);
    void readAction(JsonFieldReader &r, const QString &action, ExperimentEvent *event);
    QString nodeName(const QJsonValue &value, const QString &path);

    const Experiment &m_e;
    QString *m_error;
};

} // namespace d3::core
