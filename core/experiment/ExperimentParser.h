#pragma once

#include "Experiment.h"
#include "JsonFieldReader.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace d3::core {

/// The strict reading of an experiment file's top-level object (docs/EXPERIMENTS.md) behind Experiment::parse:
/// every key checked, the first problem recorded as "PATH: message". One use per parser.
class ExperimentParser
{
public:
    /// Relative paths resolve against baseDir (absolute); the first problem goes to *error.
    ExperimentParser(QString baseDir, QString *error);
    /// Reads root into *experiment (source and baseDir are the caller's); false with the reason in the error.
    bool read(const QJsonObject &root, Experiment *experiment);

private:
    void fail(const QString &path, const QString &message);
    void readNodes(const QJsonValue &value);
    void readNode(const QJsonValue &value, const QString &path);
    void checkRoles();
    void readModels(JsonFieldReader &top);
    QString resolveModel(const QJsonValue &value, const QString &path);
    void readWeights(JsonFieldReader &top);
    void readPlanners(JsonFieldReader &top);
    void readTiles(JsonFieldReader &top);
    void readProfile(JsonFieldReader &top);
    void readCodecs(JsonFieldReader &top);
    void readShaper(JsonFieldReader &top);
    void readLinks(JsonFieldReader &top);
    ExperimentLink readLinkFigures(JsonFieldReader &r, const QString &name);
    void readRequests(JsonFieldReader &top);
    void readAdapt(JsonFieldReader &top);

    QString m_baseDir;
    QString *m_error;
    Experiment *m_e = nullptr;
};

} // namespace d3::core
