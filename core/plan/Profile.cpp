#include "Profile.h"

#include <QFile>
#include <QSaveFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace d3::core {
namespace {

const QLatin1String kFormat("d3lab-profile");
constexpr int kVersion = 1;

} // namespace

double Profile::totalMs() const
{
    double sum = 0;
    for (double v : ms)
        sum += v;
    return sum;
}

QString Profile::mismatch(const ModelGraph &graph) const
{
    if (model != graph.name())
        return QStringLiteral("the profile is of model '%1', not '%2'").arg(model, graph.name());
    if (layers.size() != graph.layerCount() || ms.size() != graph.layerCount())
        return QStringLiteral("the profile has %1 layers but %2 has %3").arg(ms.size()).arg(graph.name()).arg(graph.layerCount());
    for (int i = 0; i < layers.size(); ++i) {
        if (layers[i] != graph.layer(i).name)
            return QStringLiteral("layer %1 of the profile is '%2' but %3 has '%4' there")
                .arg(i).arg(layers[i], graph.name(), graph.layer(i).name);
        if (!std::isfinite(ms[i]) || ms[i] < 0)
            return QStringLiteral("layer '%1' has an invalid time").arg(layers[i]);
    }
    return {};
}

QByteArray Profile::toJson() const
{
    QJsonArray list;
    for (int i = 0; i < layers.size(); ++i)
        list.append(QJsonObject{{QStringLiteral("name"), layers[i]}, {QStringLiteral("ms"), ms.value(i)}});
    QJsonObject root{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("model"), model},
        {QStringLiteral("machine"), machine},
        {QStringLiteral("threads"), threads},
        {QStringLiteral("slowdown"), slowdown},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("date"), date.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("total_ms"), totalMs()},
        {QStringLiteral("layers"), list},
    };
    const QJsonObject measured = codecs.toJson();
    if (!measured.isEmpty())
        root.insert(QStringLiteral("codecs"), measured);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<Profile> Profile::fromJson(const QByteArray &json, const QString &source, QString *error)
{
    auto fail = [&](const QString &why) {
        *error = QStringLiteral("%1: %2").arg(source, why);
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(QStringLiteral("not a JSON object (%1)").arg(parseError.errorString()));
    const QJsonObject root = doc.object();
    if (root.value(QLatin1String("format")).toString() != kFormat)
        return fail(QStringLiteral("field 'format' must be \"%1\"").arg(kFormat));
    if (root.value(QLatin1String("version")).toInt(-1) != kVersion)
        return fail(QStringLiteral("field 'version' must be %1").arg(kVersion));
    Profile p;
    p.model = root.value(QLatin1String("model")).toString();
    if (p.model.isEmpty())
        return fail(QStringLiteral("field 'model' is missing"));
    p.machine = root.value(QLatin1String("machine")).toString();
    p.threads = root.value(QLatin1String("threads")).toInt(1);
    p.slowdown = root.value(QLatin1String("slowdown")).toDouble(1.0);
    p.runs = root.value(QLatin1String("runs")).toInt(0);
    p.date = QDateTime::fromString(root.value(QLatin1String("date")).toString(), Qt::ISODate);
    const QJsonValue layers = root.value(QLatin1String("layers"));
    if (!layers.isArray() || layers.toArray().isEmpty())
        return fail(QStringLiteral("field 'layers' must be a non-empty array"));
    const QJsonArray list = layers.toArray();
    for (int i = 0; i < list.size(); ++i) {
        const QJsonObject o = list.at(i).toObject();
        const QJsonValue ms = o.value(QLatin1String("ms"));
        const QString name = o.value(QLatin1String("name")).toString();
        if (name.isEmpty() || !ms.isDouble() || !std::isfinite(ms.toDouble()) || ms.toDouble() < 0)
            return fail(QStringLiteral("layers[%1] needs a 'name' and a non-negative 'ms'").arg(i));
        p.layers << name;
        p.ms << ms.toDouble();
    }
    const QJsonValue codecs = root.value(QLatin1String("codecs"));
    if (!codecs.isUndefined()) {
        QString why;
        const auto measured = codecs.isObject() ? CodecCosts::fromJson(codecs.toObject(), int(p.ms.size()), &why)
                                                : std::nullopt;
        if (!measured)
            return fail(why.isEmpty() ? QStringLiteral("field 'codecs' must be an object") : why);
        p.codecs = *measured;
    }
    return p;
}

std::optional<Profile> Profile::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read the profile (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > 16 * 1024 * 1024) {
        *error = QStringLiteral("%1: larger than 16 MiB; not a profile").arg(path);
        return std::nullopt;
    }
    return fromJson(file.readAll(), path, error);
}

bool Profile::save(const QString &path, QString *error) const
{
    QSaveFile file(path); // a temporary file renamed over path on commit: never half-written
    const QByteArray json = toJson();
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        *error = QStringLiteral("%1: cannot write the profile (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace d3::core
