#pragma once

#include "experiment/Experiment.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

/// Building experiment files in tests: a minimal valid one, edits at JSON paths, parsing that must succeed or be
/// refused with one line.
namespace d3::test::experiment_json {

using core::Experiment;

/// The source name parse() reports ("x.json").
extern const QString kSource;
/// A node object {"name", "role"} plus extra keys.
QJsonObject node(const QString &name, const QString &role, const QJsonObject &extra = {});
/// A minimal valid experiment: device, edge1, edge2, cloud; resnet18 under hpa; 10 requests.
QJsonObject minimal();
/// Parses text as JSON (single quotes stand for double quotes).
QJsonValue js(QString text);
/// o with the value at a simple path "a.b[2].c" set (an undefined value removes it).
QJsonObject with(QJsonObject o, const QString &path, const QJsonValue &value);
/// o without the value at path.
QJsonObject without(const QJsonObject &o, const QString &path);
/// o as JSON text.
QByteArray bytes(const QJsonObject &o);
/// Experiment::parse of o as kSource, relative paths against base.
std::optional<Experiment> parse(const QJsonObject &o, QString *error, const QString &base = QString());
/// Parses bytes that must be refused; expects one line starting with the source and returns it.
QString refuse(const QByteArray &json, const QString &base = QString());
/// refuse() of o as JSON text.
QString refuse(const QJsonObject &o);
/// Expects the error for o to begin with "x.json: " + start.
void expectError(const QJsonObject &o, const QString &start);

} // namespace d3::test::experiment_json
