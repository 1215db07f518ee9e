#include "PlanningArgs.h"

#include "graph/ModelCatalog.h"
#include "plan/Profile.h"

#include <cmath>

namespace d3::cli {
namespace {

bool number(const CommandLine &cl, const char *option, double *out, QString *error)
{
    const QString name = QString::fromLatin1(option);
    if (!cl.has(name))
        return true;
    bool ok = false;
    const double v = cl.value(name).toDouble(&ok);
    if (!ok) {
        *error = QStringLiteral("--%1 must be a number, got '%2'").arg(name, cl.value(name));
        return false;
    }
    *out = v;
    return true;
}

} // namespace

QStringList PlanningArgs::valueOptions()
{
    return {QStringLiteral("bw-de"), QStringLiteral("bw-ec"), QStringLiteral("bw-ee"), QStringLiteral("rtt-de"),
            QStringLiteral("rtt-ec"), QStringLiteral("rtt-ee"), QStringLiteral("edge-nodes"), QStringLiteral("speeds"),
            QStringLiteral("profile"), QStringLiteral("codecs"), QStringLiteral("objective"),
            QStringLiteral("rate-hz")};
}

std::optional<core::Conditions> PlanningArgs::conditions(const CommandLine &cl, QString *error)
{
    core::Conditions c;
    if (!number(cl, "bw-de", &c.bwDeviceEdgeMbps, error) || !number(cl, "bw-ec", &c.bwEdgeCloudMbps, error)
        || !number(cl, "bw-ee", &c.bwEdgeEdgeMbps, error) || !number(cl, "rtt-de", &c.rttDeviceEdgeMs, error)
        || !number(cl, "rtt-ec", &c.rttEdgeCloudMs, error) || !number(cl, "rtt-ee", &c.rttEdgeEdgeMs, error))
        return std::nullopt;
    int edgeNodes = c.edgeNodes();
    if (cl.has(QStringLiteral("edge-nodes"))) {
        bool ok = false;
        edgeNodes = cl.value(QStringLiteral("edge-nodes")).toInt(&ok);
        if (!ok || edgeNodes < 1 || edgeNodes > 64) {
            *error = QStringLiteral("--edge-nodes must be an integer in 1..64, got '%1'").arg(cl.value(QStringLiteral("edge-nodes")));
            return std::nullopt;
        }
    }
    double edgeSpeed = c.edgeSpeeds.value(0, 1.0);
    QVector<double> perNode;
    if (cl.has(QStringLiteral("speeds"))) {
        for (const QString &item : cl.value(QStringLiteral("speeds")).split(QLatin1Char(','))) {
            const QString tier = item.section(QLatin1Char('='), 0, 0).trimmed();
            const QStringList values = item.section(QLatin1Char('='), 1).split(QLatin1Char(':'));
            QVector<double> parsed;
            for (const QString &v : values) {
                bool ok = false;
                parsed << v.toDouble(&ok);
                if (!ok || !item.contains(QLatin1Char('='))) {
                    *error = QStringLiteral("--speeds takes device=F,edge=F,cloud=F (edge=F:F:F per node), got '%1'").arg(item);
                    return std::nullopt;
                }
            }
            if (tier == QLatin1String("device") && parsed.size() == 1)
                c.deviceSpeed = parsed.first();
            else if (tier == QLatin1String("cloud") && parsed.size() == 1)
                c.cloudSpeed = parsed.first();
            else if (tier == QLatin1String("edge") && parsed.size() == 1)
                edgeSpeed = parsed.first();
            else if (tier == QLatin1String("edge"))
                perNode = parsed;
            else {
                *error = QStringLiteral("--speeds: unknown tier or value '%1' (device, edge, cloud)").arg(item);
                return std::nullopt;
            }
        }
    }
    if (!perNode.isEmpty()) {
        if (cl.has(QStringLiteral("edge-nodes")) && perNode.size() != edgeNodes) {
            *error = QStringLiteral("--speeds gives %1 edge speeds but --edge-nodes is %2").arg(perNode.size()).arg(edgeNodes);
            return std::nullopt;
        }
        c.edgeSpeeds = perNode;
    } else {
        c.edgeSpeeds = QVector<double>(edgeNodes, edgeSpeed);
    }
    const QString invalid = c.validate();
    if (!invalid.isEmpty()) {
        *error = invalid;
        return std::nullopt;
    }
    return c;
}

std::optional<core::Objective> PlanningArgs::objective(const CommandLine &cl, QString *error)
{
    core::Objective o;
    const QString name = cl.value(QStringLiteral("objective"), o.name());
    const auto kind = core::Objective::kindOf(name);
    if (!kind) {
        *error = QStringLiteral("--objective must be one of %1, got '%2'")
                     .arg(core::Objective::names().join(QLatin1String(", ")), name);
        return std::nullopt;
    }
    o.kind = *kind;
    const bool underRate = o.kind == core::Objective::Kind::LatencyUnderRate;
    if (cl.has(QStringLiteral("rate-hz")) != underRate) {
        *error = underRate ? QStringLiteral("--objective latency_under_rate needs --rate-hz R (requests per second)")
                           : QStringLiteral("--rate-hz applies to --objective latency_under_rate only");
        return std::nullopt;
    }
    if (underRate && (!number(cl, "rate-hz", &o.rateHz, error) || !(o.rateHz > 0) || !std::isfinite(o.rateHz))) {
        *error = QStringLiteral("--rate-hz must be a positive number of requests per second, got '%1'")
                     .arg(cl.value(QStringLiteral("rate-hz")));
        return std::nullopt;
    }
    return o;
}

std::optional<core::CostModel> PlanningArgs::costModel(const CommandLine &cl, const QString &command, QString *error)
{
    if (cl.positionals().size() != 1) {
        *error = QStringLiteral("%1: expects one MODEL (a built-in name or a model file)").arg(command);
        return std::nullopt;
    }
    core::GraphError graphError;
    const auto graph = core::ModelCatalog::resolve(cl.positionals().first(), &graphError);
    if (!graph) {
        *error = graphError.toString();
        return std::nullopt;
    }
    const auto c = conditions(cl, error);
    if (!c) {
        *error = QStringLiteral("%1: %2").arg(command, *error);
        return std::nullopt;
    }
    const auto objective = PlanningArgs::objective(cl, error);
    if (!objective) {
        *error = QStringLiteral("%1: %2").arg(command, *error);
        return std::nullopt;
    }
    const QString setting = cl.has(QStringLiteral("codecs")) ? cl.value(QStringLiteral("codecs")) : QStringLiteral("auto");
    if (!core::CodecCosts::settings().contains(setting)) {
        *error = QStringLiteral("%1: --codecs must be one of %2, got '%3'")
                     .arg(command, core::CodecCosts::settings().join(QLatin1String(", ")), setting);
        return std::nullopt;
    }
    if (!cl.has(QStringLiteral("profile")))
        return core::CostModel(*graph, core::LayerCosts::fromFlops(*graph), *c).withObjective(*objective);
    const auto profile = PlanningArgs::profile(cl, *graph, error);
    if (!profile)
        return std::nullopt;
    return core::CostModel(*graph, core::LayerCosts::fromProfile(*profile), *c)
        .withCodecs(*profile->codecs.restrictedTo(setting))
        .withObjective(*objective);
}

std::optional<core::Profile> PlanningArgs::profile(const CommandLine &cl, const core::ModelGraph &graph, QString *error)
{
    const QString path = cl.value(QStringLiteral("profile"));
    const auto profile = core::Profile::load(path, error);
    if (!profile)
        return std::nullopt;
    const QString mismatch = profile->mismatch(graph);
    if (!mismatch.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(path, mismatch);
        return std::nullopt;
    }
    return profile;
}

} // namespace d3::cli
