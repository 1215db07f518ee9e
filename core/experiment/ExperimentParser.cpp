#include "ExperimentParser.h"
#include "ExperimentStreamParser.h"

#include "ExperimentSweepParser.h"
#include "ExperimentTimelineParser.h"
#include "LinkName.h"
#include "graph/ModelCatalog.h"
#include "plan/CodecCosts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>

namespace d3::core {
namespace {

constexpr qint64 kMaxSeed = (qint64(1) << 53) - 1; // the largest integer a JSON number holds exactly
constexpr int kMaxEdgeNodes = 8;

QStringList keys(std::initializer_list<const char *> names)
{
    QStringList list;
    for (const char *n : names)
        list << QString::fromLatin1(n);
    return list;
}

QString key(const char *name)
{
    return QString::fromLatin1(name);
}

QString show(const QJsonValue &value)
{
    return JsonFieldReader::show(value);
}

QString index(const QString &path, int i)
{
    return QStringLiteral("%1[%2]").arg(path).arg(i);
}

/// The one of single and plural (a sweep) that is present; fails if both or neither are.
bool either(JsonFieldReader &r, const QString &single, const QString &plural, const QString &what)
{
    if (r.has(single) && r.has(plural))
        r.fail(plural, QStringLiteral("give either \"%1\" or \"%2\", not both").arg(single, plural));
    else if (!r.has(single) && !r.has(plural))
        r.fail(single, QStringLiteral("is required (%1; or \"%2\", an array of them, for a sweep)").arg(what, plural));
    return r.ok();
}

/// A required string of key matching pattern (what describes it).
QString text(JsonFieldReader &r, const QString &key, const QRegularExpression &pattern, const QString &what)
{
    if (!r.ok() || !r.require(key, what))
        return {};
    const QString s = r.string(key);
    if (r.ok() && !pattern.match(s).hasMatch())
        r.fail(key, QStringLiteral("must be %1, not %2").arg(what, show(r.value(key))));
    return s;
}

} // namespace

ExperimentParser::ExperimentParser(QString baseDir, QString *error) : m_baseDir(std::move(baseDir)), m_error(error) {}

void ExperimentParser::fail(const QString &path, const QString &message)
{
    JsonFieldReader::failAt(m_error, path, message);
}

bool ExperimentParser::read(const QJsonObject &root, Experiment *experiment)
{
    m_e = experiment;
    JsonFieldReader top(root, QString(),
                        keys({"format", "version", "name", "nodes", "model", "models", "weights", "planner", "planners",
                              "plan", "tiles", "codecs", "profile", "links", "requests", "adapt", "timeline",
                              "sweep", "shaper", "stream", "objective"}),
                        m_error);
    const QJsonValue format(QStringLiteral("d3lab-experiment"));
    if (top.ok() && top.require(key("format"), show(format)) && top.value(key("format")) != format)
        top.fail(key("format"), QStringLiteral("must be %1, not %2").arg(show(format), show(top.value(key("format")))));
    const QJsonValue version(Experiment::kVersion);
    if (top.ok() && top.require(key("version"), show(version)) && top.value(key("version")) != version)
        top.fail(key("version"), QStringLiteral("must be %1 (this build reads version %1), not %2")
                                     .arg(show(version), show(top.value(key("version")))));
    static const QRegularExpression namePattern(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    m_e->name = text(top, key("name"), namePattern,
                     QStringLiteral("1..64 characters of letters, digits, '_', '.', '-'"));
    if (top.ok()
        && top.require(key("nodes"), QStringLiteral("an array of nodes: one device, 1..8 edge nodes, one cloud")))
        readNodes(top.value(key("nodes")));
    readModels(top);
    readWeights(top);
    readPlanners(top);
    readTiles(top);
    readCodecs(top);
    readShaper(top);
    readProfile(top);
    readLinks(top);
    readRequests(top);
    ExperimentStreamParser::read(top, m_e, m_error);
    readAdapt(top);
    if (top.ok() && top.has(key("timeline")))
        m_e->timeline = ExperimentTimelineParser(*m_e, m_error).read(top.value(key("timeline")), key("timeline"));
    if (top.ok() && top.has(key("sweep")))
        m_e->sweep = ExperimentSweepParser(*m_e, m_error).read(top.value(key("sweep")), key("sweep"));
    if (top.ok() && m_e->phaseCount() > Experiment::kMaxPhases)
        top.fail(top.has(key("sweep")) ? key("sweep") : QString(),
                 QStringLiteral("%1 phases (models x repeats x conditions x planners x tiles); at most %2")
                     .arg(m_e->phaseCount()).arg(Experiment::kMaxPhases));
    return top.ok();
}

void ExperimentParser::readNodes(const QJsonValue &value)
{
    const QString path = key("nodes");
    if (!value.isArray() || value.toArray().isEmpty())
        return fail(path, QStringLiteral("must be a non-empty array of nodes, not %1").arg(show(value)));
    const QJsonArray list = value.toArray();
    for (int i = 0; i < list.size() && m_error->isEmpty(); ++i)
        readNode(list.at(i), index(path, i));
    if (m_error->isEmpty())
        checkRoles();
}

void ExperimentParser::readNode(const QJsonValue &value, const QString &path)
{
    if (!value.isObject())
        return fail(path, QStringLiteral("must be a node object, not %1").arg(show(value)));
    JsonFieldReader r(value.toObject(), path, keys({"name", "role", "slowdown", "threads", "address"}), m_error);
    ExperimentNode node;
    node.name = text(r, key("name"), ExperimentNode::namePattern(),
                     QStringLiteral("1..128 characters of letters, digits, '_', '.', '-'"));
    for (int j = 0; r.ok() && j < m_e->nodes.size(); ++j) {
        if (m_e->nodes[j].name == node.name)
            r.fail(key("name"), QStringLiteral("'%1' is already the name of nodes[%2]").arg(node.name).arg(j));
    }
    static const QRegularExpression rolePattern(QStringLiteral("^(device|edge|cloud)$"));
    node.role = text(r, key("role"), rolePattern, QStringLiteral("\"device\", \"edge\" or \"cloud\""));
    // A tier word in a link name means every node of the tier: a node may be called after its own tier only, and
    // never "edge" (all edge nodes).
    const bool tierWord = LinkName::tiers().contains(node.name);
    if (r.ok() && tierWord && (node.name != node.role || node.role == QLatin1String("edge")))
        r.fail(key("name"), QStringLiteral("'%1' names a tier in link names; only the device may be called \"device\" "
                                           "and the cloud \"cloud\"").arg(node.name));
    if (r.ok() && r.has(key("address"))) {
        if (r.ok() && r.has(key("threads")))
            r.fail(key("threads"), QStringLiteral("not allowed with \"address\" (a remote worker runs with the threads "
                                                  "it was started with)"));
        node.address = text(r, key("address"), ExperimentNode::addressPattern(), QStringLiteral("\"HOST:PORT\" with a port in 1..65535"));
        for (int j = 0; r.ok() && j < m_e->nodes.size(); ++j) {
            if (m_e->nodes[j].address == node.address)
                r.fail(key("address"),
                       QStringLiteral("'%1' is already the address of nodes[%2]").arg(node.address).arg(j));
        }
    }
    node.slowdownGiven = r.has(key("slowdown"));
    node.slowdown = r.number(key("slowdown"), 1, 1, 1000);
    node.threads = int(r.integer(key("threads"), 1, 1, 256));
    m_e->nodes << node;
}

void ExperimentParser::checkRoles()
{
    QHash<QString, QStringList> byRole;
    for (const ExperimentNode &n : m_e->nodes)
        byRole[n.role] << n.name;
    for (const QString &role : {QStringLiteral("device"), QStringLiteral("cloud")}) {
        const QStringList names = byRole.value(role);
        if (names.isEmpty())
            fail(key("nodes"), QStringLiteral("no %1 node (exactly one is needed)").arg(role));
        else if (names.size() > 1)
            fail(key("nodes"), QStringLiteral("%1 %2 nodes ('%3'); exactly one is allowed")
                                   .arg(names.size()).arg(role, names.join(QLatin1String("', '"))));
    }
    const int edges = byRole.value(QStringLiteral("edge")).size();
    if (edges < 1 || edges > kMaxEdgeNodes)
        fail(key("nodes"), QStringLiteral("%1 edge nodes; 1..%2 are allowed").arg(edges).arg(kMaxEdgeNodes));
}

QString ExperimentParser::resolveModel(const QJsonValue &value, const QString &path)
{
    const QString name = value.toString();
    if (!value.isString() || name.isEmpty()) {
        fail(path, QStringLiteral("must be a built-in model name or a model file path, not %1").arg(show(value)));
        return {};
    }
    if (ModelCatalog::builtinNames().contains(name))
        return name;
    const QString absolute = QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(name));
    if (QFileInfo(absolute).isFile())
        return absolute;
    const QMap<QString, QString> user = ModelCatalog::userModels(); // docs/MODEL_FORMAT.md, Where models come from
    if (user.contains(name))
        return user.value(name);
    fail(path, QStringLiteral("'%1' is neither a built-in model (%2), one of your models (%3) nor a file (there is no %4)")
                   .arg(name, ModelCatalog::builtinNames().join(QLatin1String(", ")),
                        user.isEmpty() ? QStringLiteral("none in %1").arg(ModelCatalog::userFolders().join(QLatin1String(":")))
                                       : QStringList(user.keys()).join(QLatin1String(", ")),
                        absolute));
    return absolute;
}

void ExperimentParser::readModels(JsonFieldReader &top)
{
    const QString what = QStringLiteral("a built-in model name or a model file path");
    if (!top.ok() || !either(top, key("model"), key("models"), what))
        return;
    m_e->models.clear();
    if (top.has(key("model"))) {
        m_e->models << resolveModel(top.value(key("model")), key("model"));
        return;
    }
    const QJsonValue v = top.value(key("models"));
    if (!v.isArray() || v.toArray().isEmpty())
        return top.fail(key("models"),
                        QStringLiteral("must be a non-empty array of model names or paths, not %1").arg(show(v)));
    const QJsonArray list = v.toArray();
    for (int i = 0; i < list.size() && top.ok(); ++i) {
        const QString model = resolveModel(list.at(i), index(key("models"), i));
        if (top.ok() && m_e->models.contains(model))
            fail(index(key("models"), i), QStringLiteral("'%1' is listed twice").arg(list.at(i).toString()));
        m_e->models << model;
    }
}

void ExperimentParser::readWeights(JsonFieldReader &top)
{
    if (!top.ok() || !top.has(key("weights")))
        return;
    JsonFieldReader r(top.object(key("weights")), top.pathOf(key("weights")), keys({"seed", "file", "ignore_extra"}), m_error);
    if (r.ok() && r.has(key("seed")) == r.has(key("file")))
        r.fail(QString(), r.has(key("seed"))
                              ? QStringLiteral("give either \"seed\" or \"file\", not both")
                              : QStringLiteral("needs \"seed\" (an integer >= 0) or \"file\" (a weights file)"));
    m_e->weights.seed = quint64(r.integer(key("seed"), 1, 0, kMaxSeed));
    const QString file = r.string(key("file"));
    m_e->weights.ignoreExtra = r.boolean(key("ignore_extra"), false);
    if (r.ok() && m_e->weights.ignoreExtra && !r.has(key("file")))
        r.fail(key("ignore_extra"), QStringLiteral("applies to a weights \"file\""));
    if (!r.ok() || !r.has(key("file")))
        return;
    m_e->weights.file = QDir::cleanPath(QDir(m_baseDir).absoluteFilePath(file));
    const QFileInfo info(m_e->weights.file);
    QFile readable(m_e->weights.file);
    if (file.isEmpty() || !info.isFile() || !readable.open(QIODevice::ReadOnly))
        r.fail(key("file"), QStringLiteral("cannot read '%1' (%2)")
                                .arg(m_e->weights.file, info.exists() ? QStringLiteral("not a readable file")
                                                                      : QStringLiteral("no such file")));
}

void ExperimentParser::readPlanners(JsonFieldReader &top)
{
    const QStringList known = Experiment::plannerNames();
    const QString knownText = known.join(QLatin1String(", "));
    if (!top.ok() || !either(top, key("planner"), key("planners"), QStringLiteral("one of %1").arg(knownText)))
        return;
    m_e->planners.clear();
    auto one = [&](const QJsonValue &v, const QString &path) {
        if (!v.isString() || !known.contains(v.toString()))
            fail(path, QStringLiteral("unknown planner %1 (known: %2)").arg(show(v), knownText));
        else if (m_e->planners.contains(v.toString()))
            fail(path, QStringLiteral("'%1' is listed twice").arg(v.toString()));
        m_e->planners << v.toString();
    };
    if (top.has(key("planner"))) {
        one(top.value(key("planner")), key("planner"));
    } else {
        const QJsonValue v = top.value(key("planners"));
        if (!v.isArray() || v.toArray().isEmpty())
            top.fail(key("planners"),
                     QStringLiteral("must be a non-empty array of planner names, not %1").arg(show(v)));
        const QJsonArray list = v.toArray();
        for (int i = 0; i < list.size() && top.ok(); ++i)
            one(list.at(i), index(key("planners"), i));
    }
    const bool manual = m_e->planners.contains(QStringLiteral("manual"));
    const QString planWhat = QStringLiteral("planner \"manual\" runs the plan {\"cuts\": [p, q], \"grid\": [r, c], "
                                            "\"stack_end\": s} given here");
    if (top.ok() && manual && top.require(key("plan"), planWhat))
        m_e->plan = ExperimentPlan::read(top.value(key("plan")), key("plan"), m_error);
    else if (top.ok() && !manual && top.has(key("plan")))
        top.fail(key("plan"), QStringLiteral("only used by planner \"manual\""));
}

void ExperimentParser::readTiles(JsonFieldReader &top)
{
    if (!top.ok() || !top.has(key("tiles")))
        return;
    const QJsonValue v = top.value(key("tiles"));
    const QJsonArray list = v.isBool() ? QJsonArray{v} : v.toArray();
    bool valid = (v.isBool() || v.isArray()) && !list.isEmpty() && list.size() <= 2
                 && !(list.size() == 2 && list[0] == list[1]);
    for (const QJsonValue &x : list)
        valid = valid && x.isBool();
    if (!valid)
        return top.fail(key("tiles"), QStringLiteral("must be true, false, or an array of them for a sweep "
                                                     "([true, false]), not %1").arg(show(v)));
    m_e->tiles.clear();
    for (const QJsonValue &x : list)
        m_e->tiles << x.toBool();
}

void ExperimentParser::readCodecs(JsonFieldReader &top)
{
    if (!top.ok() || !top.has(key("codecs")))
        return;
    const QJsonValue v = top.value(key("codecs"));
    if (!CodecCosts::settings().contains(v.toString()))
        return top.fail(key("codecs"), QStringLiteral("must be one of %1, not %2")
                                           .arg(CodecCosts::settings().join(QStringLiteral(", ")), show(v)));
    m_e->codecs = v.toString();
}

void ExperimentParser::readShaper(JsonFieldReader &top)
{
    if (!top.ok() || !top.has(key("shaper")))
        return;
    const QJsonValue v = top.value(key("shaper"));
    const auto kind = shaperFromName(v.toString());
    if (!v.isString() || !kind)
        return top.fail(key("shaper"), QStringLiteral("must be one of %1 (what imposes the links' rates), not %2")
                                           .arg(shaperNames().join(QStringLiteral(", ")), show(v)));
    m_e->shaper = *kind;
}

void ExperimentParser::readProfile(JsonFieldReader &top)
{
    if (!top.ok() || !top.has(key("profile")))
        return;
    const QJsonValue v = top.value(key("profile"));
    m_e->profile.enabled = v != QJsonValue(false);
    if (!m_e->profile.enabled)
        return;
    if (!v.isObject())
        return top.fail(key("profile"), QStringLiteral("must be an object {\"warmup\", \"runs\"} or false (plan "
                                                       "with FLOP estimates), not %1").arg(show(v)));
    JsonFieldReader r(v.toObject(), top.pathOf(key("profile")), keys({"warmup", "runs"}), m_error);
    m_e->profile.warmup = int(r.integer(key("warmup"), 1, 0, 100));
    m_e->profile.runs = int(r.integer(key("runs"), 3, 1, 1000));
}

ExperimentLink ExperimentParser::readLinkFigures(JsonFieldReader &r, const QString &name)
{
    ExperimentLink link;
    link.name = name;
    if (r.ok() && r.require(key("mbps"), QStringLiteral("Mbit/s, 0 = unlimited")))
        link.mbps = r.number(key("mbps"), 0, 0, 1e6);
    if (r.ok() && r.require(key("delay_ms"), QStringLiteral("one-way delay in ms, 0..60000")))
        link.delayMs = r.number(key("delay_ms"), 0, 0, 60000);
    link.burstBytes = r.integer(key("burst_bytes"), 0, 0, qint64(1) << 30);
    return link;
}

void ExperimentParser::readLinks(JsonFieldReader &top)
{
    if (!top.ok() || !top.has(key("links")))
        return;
    const QJsonObject links = top.object(key("links"));
    QHash<QPair<int, LinkName::Direction>, QString> seen; // (kind of name, direction) -> the entry that sets it
    QVector<QPair<int, ExperimentLink>> entries;
    for (auto it = links.begin(); it != links.end() && top.ok(); ++it) {
        const QString path = JsonFieldReader::join(top.pathOf(key("links")), it.key());
        QVector<LinkName::Direction> directions;
        QString why;
        const auto kind = LinkName::resolve(it.key(), m_e->nodes, &directions, &why);
        if (!kind)
            return fail(path, why);
        for (const LinkName::Direction &d : directions) {
            const QString other = seen.value({int(*kind), d});
            if (!other.isEmpty())
                return fail(path, QStringLiteral("\"%1\" already sets %2->%3").arg(other, d.first, d.second));
            seen.insert({int(*kind), d}, it.key());
        }
        if (!it.value().isObject())
            return fail(path, QStringLiteral("must be an object {\"mbps\", \"delay_ms\", \"burst_bytes\"}, not %1")
                                  .arg(show(it.value())));
        JsonFieldReader r(it.value().toObject(), path, keys({"mbps", "delay_ms", "burst_bytes"}), m_error);
        entries << qMakePair(int(*kind), readLinkFigures(r, it.key()));
    }
    // Ascending precedence, so that expanding them in order lets the more specific entry win.
    std::stable_sort(entries.begin(), entries.end(), [](const auto &a, const auto &b) {
        return a.first != b.first ? a.first < b.first : a.second.name < b.second.name;
    });
    m_e->links.clear();
    for (const auto &e : entries)
        m_e->links << e.second;
}

void ExperimentParser::readRequests(JsonFieldReader &top)
{
    const QString what = QStringLiteral("{\"count\", \"rate_hz\", \"timeout_ms\", \"input_seed\"}");
    if (!top.ok() || !top.require(key("requests"), what))
        return;
    const QJsonObject obj = top.object(key("requests"));
    JsonFieldReader r(obj, top.pathOf(key("requests")), keys({"count", "rate_hz", "timeout_ms", "input_seed"}),
                      m_error);
    if (r.ok() && r.require(key("count"), QStringLiteral("requests per phase, 1..1000000")))
        m_e->requests.count = int(r.integer(key("count"), 1, 1, 1000000));
    m_e->requests.rateHz = r.number(key("rate_hz"), 0, 0, 1e6);
    m_e->requests.timeoutMs = int(r.integer(key("timeout_ms"), 30000, 100, 3600000));
    m_e->requests.inputSeed = quint64(r.integer(key("input_seed"), 7, 0, kMaxSeed));
}

void ExperimentParser::readAdapt(JsonFieldReader &top)
{
    if (!top.ok() || !top.has(key("adapt")))
        return;
    JsonFieldReader r(top.object(key("adapt")), top.pathOf(key("adapt")), keys({"threshold", "ewma"}), m_error);
    m_e->adapt.threshold = r.number(key("threshold"), 0.05, 0, 1);
    m_e->adapt.ewma = r.number(key("ewma"), 0.3, 0, 1);
}

} // namespace d3::core
