#pragma once

#include "Experiment.h"

#include <QJsonValue>
#include <QString>

namespace d3::core {

/// The strict reading of an experiment's "sweep" object (docs/EXPERIMENTS.md, Sweeps) behind ExperimentParser:
/// link names resolved against the nodes, values typed, ranged and distinct, slowdowns on local nodes only, an
/// edge-node count no larger than the nodes hold. The first problem is recorded as "PATH: message".
class ExperimentSweepParser
{
public:
    /// Reads against experiment's nodes (already read); the first problem goes to *error.
    ExperimentSweepParser(const Experiment &experiment, QString *error);
    /// The sweep in value (at path "sweep"); meaningful only while *error stays empty.
    ExperimentSweep read(const QJsonValue &value, const QString &path);

private:
    struct Values {
        QVector<double> list; // the values
        bool swept = false;   // written as an array (an axis), not one number
    };
    Values values(const QJsonValue &value, const QString &path, double minimum, double maximum, bool integer,
                  const QString &what);
    void readLinks(const QJsonValue &value, const QString &path, ExperimentSweep *sweep);
    void readSlowdowns(const QJsonValue &value, const QString &path, ExperimentSweep *sweep);
    /// An axis over names (the codec settings, the objectives): values are their indices in names.
    void readNames(const QJsonValue &value, const QString &path, const QStringList &names, SweepAxis::Kind kind,
                   ExperimentSweep *sweep);
    void fail(const QString &path, const QString &message);

    const Experiment &m_e;
    QString *m_error;
};

} // namespace d3::core
