#include "Experiment.h"

#include "ExperimentParser.h"
#include "LinkName.h"
#include "ExperimentLog.h"
#include "graph/ModelCatalog.h"
#include "plan/Planner.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace d3::core {
namespace {

const QLatin1String kFormat("d3lab-experiment");

QString lineColumn(const QByteArray &json, int offset)
{
    const QByteArray head = json.left(offset);
    const int line = head.count('\n') + 1;
    const int column = offset - (head.lastIndexOf('\n') + 1) + 1;
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

/// path written relative to folder (absolute when folder is empty); "./" keeps a file from reading as a built-in.
QString relative(const QString &path, const QString &folder)
{
    if (folder.isEmpty())
        return path;
    const QString r = QDir(folder).relativeFilePath(path);
    return ModelCatalog::builtinNames().contains(r) ? QStringLiteral("./") + r : r;
}

QJsonObject linkFigures(const ExperimentLink &link)
{
    QJsonObject o{{QStringLiteral("mbps"), link.mbps}, {QStringLiteral("delay_ms"), link.delayMs}};
    if (link.burstBytes > 0)
        o.insert(QStringLiteral("burst_bytes"), link.burstBytes);
    return o;
}

QJsonObject eventJson(const ExperimentEvent &e)
{
    QJsonObject o;
    if (e.byRequest())
        o.insert(QStringLiteral("at_request"), e.atRequest);
    else
        o.insert(QStringLiteral("at_s"), e.atS);
    const QString action = ExperimentEvent::actionKey(e.action);
    switch (e.action) {
    case ExperimentEvent::Action::SetLink: {
        QJsonObject link = linkFigures(e.link);
        link.insert(QStringLiteral("link"), e.link.name);
        o.insert(action, link);
        break;
    }
    case ExperimentEvent::Action::SetSlowdown:
        o.insert(action, QJsonObject{{QStringLiteral("node"), e.node}, {QStringLiteral("factor"), e.factor}});
        break;
    case ExperimentEvent::Action::Kill:
    case ExperimentEvent::Action::Restart:
        o.insert(action, e.node);
        break;
    case ExperimentEvent::Action::ForcePlan:
        o.insert(action, e.plan.toJson());
        break;
    case ExperimentEvent::Action::Planner:
        o.insert(action, e.planner);
        break;
    }
    if (!e.label.isEmpty())
        o.insert(QStringLiteral("label"), e.label);
    return o;
}

} // namespace

std::optional<Experiment> Experiment::load(const QString &path, QString *error)
{
    const QFileInfo info(path);
    if (info.isFile() && info.size() > kMaxFileBytes) {
        *error = QStringLiteral("%1: larger than 1 MiB; not an experiment file").arg(path);
        return std::nullopt;
    }
    QFile file(path);
    if (!info.exists() || !info.isFile() || !file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read the file (%2)")
                     .arg(path, !info.exists() ? QStringLiteral("no such file")
                                : !info.isFile() ? QStringLiteral("not a file") : file.errorString());
        return std::nullopt;
    }
    return parse(file.read(kMaxFileBytes + 1), path, info.absolutePath(), error);
}

std::optional<Experiment> Experiment::parse(const QByteArray &json, const QString &source, const QString &baseDir,
                                            QString *error)
{
    error->clear();
    auto fail = [&](const QString &why) {
        *error = source + QStringLiteral(": ") + why;
        qCDebug(lcExperiment) << "experiment refused:" << *error;
        return std::nullopt;
    };
    if (json.size() > kMaxFileBytes)
        return fail(QStringLiteral("larger than 1 MiB; not an experiment file"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(QStringLiteral("not JSON (%1: %2)")
                        .arg(lineColumn(json, parseError.offset), parseError.errorString()));
    if (!doc.isObject())
        return fail(QStringLiteral("not an experiment: the top level must be a JSON object"));
    Experiment e;
    e.source = source;
    e.baseDir = QDir::cleanPath(QDir(baseDir.isEmpty() ? QDir::currentPath() : baseDir).absolutePath());
    QString why;
    if (!ExperimentParser(e.baseDir, &why).read(doc.object(), &e))
        return fail(why);
    return e;
}

QJsonObject Experiment::toJson(const QString &relativeTo) const
{
    QJsonArray nodeList;
    for (const ExperimentNode &n : nodes) {
        QJsonObject o{{QStringLiteral("name"), n.name}, {QStringLiteral("role"), n.role}};
        if (n.isLocal()) {
            o.insert(QStringLiteral("slowdown"), n.slowdown);
            o.insert(QStringLiteral("threads"), n.threads);
        } else {
            o.insert(QStringLiteral("address"), n.address);
            if (n.slowdownGiven)
                o.insert(QStringLiteral("slowdown"), n.slowdown);
        }
        nodeList.append(o);
    }
    QJsonObject root{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("name"), name},
        {QStringLiteral("nodes"), nodeList},
        {QStringLiteral("profile"), profile.enabled ? QJsonValue(QJsonObject{{QStringLiteral("warmup"), profile.warmup},
                                                                             {QStringLiteral("runs"), profile.runs}})
                                                    : QJsonValue(false)},
        {QStringLiteral("requests"), QJsonObject{{QStringLiteral("count"), requests.count},
                                                 {QStringLiteral("rate_hz"), requests.rateHz},
                                                 {QStringLiteral("timeout_ms"), requests.timeoutMs},
                                                 {QStringLiteral("input_seed"), qint64(requests.inputSeed)}}},
        {QStringLiteral("adapt"), QJsonObject{{QStringLiteral("threshold"), adapt.threshold},
                                              {QStringLiteral("ewma"), adapt.ewma}}},
    };
    QStringList modelList;
    for (const QString &m : models)
        modelList << (ModelCatalog::builtinNames().contains(m) ? m : relative(m, relativeTo));
    if (modelList.size() == 1)
        root.insert(QStringLiteral("model"), modelList.first());
    else
        root.insert(QStringLiteral("models"), QJsonArray::fromStringList(modelList));
    if (weights.file.isEmpty())
        root.insert(QStringLiteral("weights"), QJsonObject{{QStringLiteral("seed"), qint64(weights.seed)}});
    else if (!weights.ignoreExtra)
        root.insert(QStringLiteral("weights"), QJsonObject{{QStringLiteral("file"), relative(weights.file, relativeTo)}});
    else
        root.insert(QStringLiteral("weights"), QJsonObject{{QStringLiteral("file"), relative(weights.file, relativeTo)},
                                                           {QStringLiteral("ignore_extra"), true}});
    if (planners.size() == 1)
        root.insert(QStringLiteral("planner"), planners.first());
    else
        root.insert(QStringLiteral("planners"), QJsonArray::fromStringList(planners));
    if (planners.contains(QStringLiteral("manual")))
        root.insert(QStringLiteral("plan"), plan.toJson());
    if (tiles.size() == 1) {
        root.insert(QStringLiteral("tiles"), tiles.first());
    } else {
        QJsonArray list;
        for (bool t : tiles)
            list.append(t);
        root.insert(QStringLiteral("tiles"), list);
    }
    if (codecs != QLatin1String("auto"))
        root.insert(QStringLiteral("codecs"), codecs);
    if (stream.enabled) {
        QJsonObject s{{QStringLiteral("arrivals"), ExperimentStream::arrivalNames().value(int(stream.arrivals))},
                      {QStringLiteral("in_flight"), stream.inFlight},
                      {QStringLiteral("queue"), stream.queue},
                      {QStringLiteral("drop"), ExperimentStream::dropNames().value(int(stream.drop))},
                      {QStringLiteral("seed"), qint64(stream.seed)}};
        if (stream.openLoop())
            s.insert(QStringLiteral("rate_hz"), stream.rateHz);
        root.insert(QStringLiteral("stream"), s);
    }
    if (objective != Objective::Kind::Latency)
        root.insert(QStringLiteral("objective"), Objective::names().value(int(objective)));
    if (shaper != ShaperKind::Process)
        root.insert(QStringLiteral("shaper"), shaperName(shaper));
    if (!links.isEmpty()) {
        QJsonObject linkMap;
        for (const ExperimentLink &l : links)
            linkMap.insert(l.name, linkFigures(l));
        root.insert(QStringLiteral("links"), linkMap);
    }
    if (!sweep.isEmpty())
        root.insert(QStringLiteral("sweep"), sweep.toJson());
    if (!timeline.isEmpty()) {
        QJsonArray events;
        for (const ExperimentEvent &e : timeline)
            events.append(eventJson(e));
        root.insert(QStringLiteral("timeline"), events);
    }
    return root;
}

QStringList Experiment::plannerNames()
{
    return Planner::names() << QStringLiteral("manual");
}

QVector<ExperimentPhase> Experiment::phases() const
{
    QVector<ExperimentPhase> list;
    const int conditions = sweep.conditionCount();
    for (const QString &model : models) {
        for (int repeat = 0; repeat < sweep.repeats; ++repeat) {
            for (int c = 0; c < conditions; ++c) {
                for (const QString &planner : planners) {
                    for (bool t : tiles)
                        list.append(ExperimentPhase{int(list.size()), model, planner, t, repeat, c});
                }
            }
        }
    }
    return list;
}

qint64 Experiment::phaseCount() const
{
    return qint64(models.size()) * sweep.repeats * sweep.conditionCount() * planners.size() * tiles.size();
}

ExperimentCondition Experiment::condition(const ExperimentPhase &phase) const
{
    QHash<QString, QString> roleOf;
    for (const ExperimentNode &n : nodes)
        roleOf.insert(n.name, n.role);
    return sweep.condition(phase.condition, roleOf);
}

QString Experiment::modelName(const QString &model)
{
    return ModelCatalog::builtinNames().contains(model) ? model : QFileInfo(model).completeBaseName();
}

QVector<WorkerSpec> Experiment::localWorkers() const
{
    QVector<WorkerSpec> specs;
    for (const ExperimentNode &n : nodes) {
        if (!n.isLocal())
            continue;
        WorkerSpec spec;
        spec.name = n.name;
        spec.role = n.role;
        spec.slowdown = n.slowdown;
        spec.threads = n.threads;
        spec.weightsFile = weights.file;
        spec.ignoreExtraWeights = weights.ignoreExtra;
        specs << spec;
    }
    return specs;
}

const ExperimentNode *Experiment::node(const QString &nodeName) const
{
    for (const ExperimentNode &n : nodes)
        if (n.name == nodeName)
            return &n;
    return nullptr;
}

QStringList Experiment::nodesOf(const QString &role) const
{
    QStringList names;
    for (const ExperimentNode &n : nodes)
        if (n.role == role)
            names << n.name;
    return names;
}

QVector<DirectedLink> Experiment::expandLink(const ExperimentLink &link) const
{
    QVector<LinkName::Direction> directions;
    QString why;
    QVector<DirectedLink> out;
    if (!LinkName::resolve(link.name, nodes, &directions, &why))
        return out;
    for (const LinkName::Direction &d : directions)
        out << DirectedLink{d.first, d.second, link.mbps, link.delayMs, link.burstBytes};
    return out;
}

QVector<DirectedLink> Experiment::expandLinks() const
{
    QVector<DirectedLink> out;
    QHash<QPair<QString, QString>, int> at;
    for (const ExperimentLink &link : links) {
        for (const DirectedLink &d : expandLink(link)) {
            const auto k = qMakePair(d.from, d.to);
            if (at.contains(k)) {
                out[at.value(k)] = d;
            } else {
                at.insert(k, int(out.size()));
                out << d;
            }
        }
    }
    QHash<QString, int> order;
    for (int i = 0; i < nodes.size(); ++i)
        order.insert(nodes[i].name, i);
    std::sort(out.begin(), out.end(), [&](const DirectedLink &a, const DirectedLink &b) {
        return order.value(a.from) != order.value(b.from) ? order.value(a.from) < order.value(b.from)
                                                          : order.value(a.to) < order.value(b.to);
    });
    return out;
}

QString Experiment::mismatch(const ModelGraph &graph) const
{
    if (planners.contains(QStringLiteral("manual"))) {
        const QString why = plan.mismatch(graph);
        if (!why.isEmpty())
            return QStringLiteral("%1: plan: %2").arg(source, why);
    }
    for (int i = 0; i < timeline.size(); ++i) {
        if (timeline[i].action != ExperimentEvent::Action::ForcePlan)
            continue;
        const QString why = timeline[i].plan.mismatch(graph);
        if (!why.isEmpty())
            return QStringLiteral("%1: timeline[%2].force_plan: %3").arg(source).arg(i).arg(why);
    }
    return {};
}

} // namespace d3::core
