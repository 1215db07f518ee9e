#include "ExperimentJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <gtest/gtest.h>

namespace d3::test::experiment_json {

using core::Experiment;

const QString kSource = QStringLiteral("x.json");

QJsonObject node(const QString &name, const QString &role, const QJsonObject &extra)
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("role"), role);
    return o;
}

/// A minimal valid experiment: device, edge1, edge2, cloud; resnet18 under hpa; 10 requests.
QJsonObject minimal()
{
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("d3lab-experiment")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("name"), QStringLiteral("t")},
        {QStringLiteral("nodes"), QJsonArray{node(QStringLiteral("device"), QStringLiteral("device")),
                                             node(QStringLiteral("edge1"), QStringLiteral("edge")),
                                             node(QStringLiteral("edge2"), QStringLiteral("edge")),
                                             node(QStringLiteral("cloud"), QStringLiteral("cloud"))}},
        {QStringLiteral("model"), QStringLiteral("resnet18")},
        {QStringLiteral("planner"), QStringLiteral("hpa")},
        {QStringLiteral("requests"), QJsonObject{{QStringLiteral("count"), 10}}},
    };
}

/// Parses text as JSON (single quotes stand for double quotes).
QJsonValue js(QString text)
{
    text.replace(QLatin1Char('\''), QLatin1Char('"'));
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(text).toUtf8(), &e);
    EXPECT_EQ(e.error, QJsonParseError::NoError) << text.toStdString();
    return doc.array().at(0);
}

/// Sets (or, with an undefined value, removes) the value at a simple path "a.b[2].c" inside o.
static void setPath(QJsonValue *target, QStringList parts, const QJsonValue &value)
{
    const QString head = parts.takeFirst();
    const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("^(.*)\\[(\\d+)\\]$")).match(head);
    if (m.hasMatch()) {
        QJsonObject o = target->toObject();
        QJsonArray a = o.value(m.captured(1)).toArray();
        QJsonValue item = a.at(m.captured(2).toInt());
        if (parts.isEmpty())
            item = value;
        else
            setPath(&item, parts, value);
        a[m.captured(2).toInt()] = item;
        o.insert(m.captured(1), a);
        *target = o;
        return;
    }
    QJsonObject o = target->toObject();
    if (parts.isEmpty()) {
        if (value.isUndefined())
            o.remove(head);
        else
            o.insert(head, value);
    } else {
        QJsonValue child = o.value(head);
        setPath(&child, parts, value);
        o.insert(head, child);
    }
    *target = o;
}

QJsonObject with(QJsonObject o, const QString &path, const QJsonValue &value)
{
    QJsonValue v = o;
    setPath(&v, path.split(QLatin1Char('.')), value);
    return v.toObject();
}

QJsonObject without(const QJsonObject &o, const QString &path)
{
    return with(o, path, QJsonValue(QJsonValue::Undefined));
}

QByteArray bytes(const QJsonObject &o)
{
    return QJsonDocument(o).toJson();
}

std::optional<Experiment> parse(const QJsonObject &o, QString *error, const QString &base)
{
    return Experiment::parse(bytes(o), kSource, base, error);
}

/// Parses bytes that must be refused; the error is one line starting with the source.
QString refuse(const QByteArray &json, const QString &base)
{
    QString error;
    const auto e = Experiment::parse(json, kSource, base, &error);
    EXPECT_FALSE(e.has_value()) << "accepted: " << json.toStdString();
    EXPECT_TRUE(error.startsWith(kSource + QStringLiteral(": "))) << error.toStdString();
    EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << error.toStdString();
    return error;
}

QString refuse(const QJsonObject &o)
{
    return refuse(bytes(o));
}

/// Expects the error for o to begin with "x.json: " + start.
void expectError(const QJsonObject &o, const QString &start)
{
    const QString error = refuse(o);
    EXPECT_TRUE(error.startsWith(kSource + QStringLiteral(": ") + start))
        << "expected: " << start.toStdString() << "\n     got: " << error.toStdString();
}

} // namespace d3::test::experiment_json
