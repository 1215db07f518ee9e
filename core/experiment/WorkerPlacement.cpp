#include "WorkerPlacement.h"

#include "JsonFieldReader.h"

#include <QFile>
#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace d3::core {

bool WorkerPlacement::apply(const QByteArray &json, const QString &source, Experiment *experiment, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: not JSON: %2 at offset %3").arg(source, parseError.errorString()).arg(parseError.offset);
        return false;
    }
    if (!doc.isArray()) {
        *error = QStringLiteral("%1: must be an array of {\"name\", \"address\"} objects").arg(source);
        return false;
    }
    Experiment placed = *experiment;
    QString why;
    const QJsonArray list = doc.array();
    for (int i = 0; i < list.size() && why.isEmpty(); ++i) {
        const QString path = QStringLiteral("[%1]").arg(i);
        if (!list.at(i).isObject()) {
            JsonFieldReader::failAt(&why, path, QStringLiteral("must be an object, not %1").arg(JsonFieldReader::show(list.at(i))));
            break;
        }
        JsonFieldReader r(list.at(i).toObject(), path, {QStringLiteral("name"), QStringLiteral("role"),
                                                        QStringLiteral("address")}, &why);
        r.require(QStringLiteral("name"), QStringLiteral("the experiment's node"));
        r.require(QStringLiteral("address"), QStringLiteral("HOST:PORT of its worker"));
        const QString name = r.string(QStringLiteral("name"));
        const QString address = r.string(QStringLiteral("address"));
        const QString role = r.string(QStringLiteral("role"));
        if (!r.ok())
            break;
        auto node = std::find_if(placed.nodes.begin(), placed.nodes.end(),
                                 [&](const ExperimentNode &n) { return n.name == name; });
        if (node == placed.nodes.end())
            continue; // a worker the experiment does not use
        if (!ExperimentNode::addressPattern().match(address).hasMatch())
            r.fail(QStringLiteral("address"), QStringLiteral("must be \"HOST:PORT\" with a port in 1..65535, not %1")
                                                  .arg(JsonFieldReader::show(address)));
        else if (!role.isEmpty() && role != node->role)
            r.fail(QStringLiteral("role"), QStringLiteral("'%1' has role %2 in %3, not %4")
                                               .arg(name, node->role, experiment->source, role));
        else if (node->threads != 1)
            r.fail(QStringLiteral("name"), QStringLiteral("'%1' has \"threads\": %2 in %3; a remote worker runs with "
                                                          "the threads it was started with")
                                               .arg(name).arg(node->threads).arg(experiment->source));
        for (const ExperimentNode &other : std::as_const(placed.nodes))
            if (r.ok() && other.name != name && other.address == address)
                r.fail(QStringLiteral("address"), QStringLiteral("'%1' is already the address of '%2'").arg(address, other.name));
        node->address = address;
    }
    if (!why.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(source, why);
        return false;
    }
    *experiment = placed;
    return true;
}

bool WorkerPlacement::applyFile(const QString &path, Experiment *experiment, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read (%2)").arg(path, file.errorString());
        return false;
    }
    constexpr qint64 kMaxBytes = 1 << 20;
    if (file.size() > kMaxBytes) {
        *error = QStringLiteral("%1: larger than %2 bytes: not a list of workers").arg(path).arg(kMaxBytes);
        return false;
    }
    return apply(file.read(kMaxBytes), path, experiment, error);
}

} // namespace d3::core
