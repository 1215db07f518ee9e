#include "RunEventJson.h"

#include <QJsonDocument>
#include <QStringList>

#include <cmath>

namespace d3::core {

QJsonObject RunEventJson::toJson(const RunEvent &e)
{
    return QJsonObject{
        {QStringLiteral("t_ms"), e.tMs},
        {QStringLiteral("phase"), e.phase},
        {QStringLiteral("kind"), e.kind},
        {QStringLiteral("label"), e.label},
        {QStringLiteral("details"), e.details},
    };
}

QByteArray RunEventJson::line(const RunEvent &event)
{
    return QJsonDocument(toJson(event)).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<RunEvent> RunEventJson::fromJson(const QJsonObject &o, QString *error)
{
    static const QStringList allowed{QStringLiteral("t_ms"), QStringLiteral("phase"), QStringLiteral("kind"),
                                     QStringLiteral("label"), QStringLiteral("details")};
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!allowed.contains(it.key())) {
            *error = QStringLiteral("unknown key '%1' (allowed: %2)").arg(it.key(), allowed.join(QLatin1String(", ")));
            return std::nullopt;
        }
    }
    RunEvent e;
    const QJsonValue t = o.value(QLatin1String("t_ms"));
    if (!t.isDouble() || !std::isfinite(t.toDouble())) {
        *error = QStringLiteral("t_ms: must be a number (ms since the run started)");
        return std::nullopt;
    }
    e.tMs = t.toDouble();
    const QJsonValue phase = o.value(QLatin1String("phase"));
    const double p = phase.toDouble(-1);
    if (!phase.isDouble() || p < 0 || p > 2147483647.0 || std::floor(p) != p) {
        *error = QStringLiteral("phase: must be an integer >= 0");
        return std::nullopt;
    }
    e.phase = int(p);
    const QJsonValue kind = o.value(QLatin1String("kind"));
    if (!kind.isString() || kind.toString().isEmpty()) {
        *error = QStringLiteral("kind: must be a non-empty string");
        return std::nullopt;
    }
    e.kind = kind.toString();
    if (o.contains(QLatin1String("label"))) {
        if (!o.value(QLatin1String("label")).isString()) {
            *error = QStringLiteral("label: must be a string");
            return std::nullopt;
        }
        e.label = o.value(QLatin1String("label")).toString();
    }
    if (o.contains(QLatin1String("details"))) {
        if (!o.value(QLatin1String("details")).isObject()) {
            *error = QStringLiteral("details: must be an object");
            return std::nullopt;
        }
        e.details = o.value(QLatin1String("details")).toObject();
    }
    return e;
}

} // namespace d3::core
