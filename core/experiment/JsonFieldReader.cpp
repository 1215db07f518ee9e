#include "JsonFieldReader.h"

#include <QRegularExpression>

#include <cmath>

namespace d3::core {

JsonFieldReader::JsonFieldReader(QJsonObject obj, QString path, const QStringList &allowed, QString *error)
    : m_obj(std::move(obj)), m_path(std::move(path)), m_error(error)
{
    for (auto it = m_obj.begin(); it != m_obj.end(); ++it) {
        if (!allowed.contains(it.key())) {
            fail(QString(),
                 QStringLiteral("unknown key '%1' (allowed: %2)").arg(it.key(), allowed.join(QLatin1String(", "))));
            return;
        }
    }
}

QString JsonFieldReader::pathOf(const QString &key) const
{
    return join(m_path, key);
}

bool JsonFieldReader::require(const QString &key, const QString &what)
{
    if (has(key))
        return true;
    fail(key, QStringLiteral("is required (%1)").arg(what));
    return false;
}

qint64 JsonFieldReader::integer(const QString &key, qint64 fallback, qint64 minimum, qint64 maximum)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return fallback;
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d != std::floor(d) || d < double(minimum) || d > double(maximum)) {
        fail(key, QStringLiteral("must be an integer in %1..%2, not %3").arg(minimum).arg(maximum).arg(show(v)));
        return fallback;
    }
    return qint64(d);
}

double JsonFieldReader::number(const QString &key, double fallback, double minimum, double maximum)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return fallback;
    const double d = v.toDouble();
    if (!v.isDouble() || !std::isfinite(d) || d < minimum || d > maximum) {
        fail(key, QStringLiteral("must be a number in %1..%2, not %3").arg(show(minimum), show(maximum), show(v)));
        return fallback;
    }
    return d;
}

bool JsonFieldReader::boolean(const QString &key, bool fallback)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isBool()) {
        fail(key, QStringLiteral("must be true or false, not %1").arg(show(v)));
        return fallback;
    }
    return v.toBool();
}

QString JsonFieldReader::string(const QString &key, const QString &fallback)
{
    const QJsonValue v = value(key);
    if (v.isUndefined())
        return fallback;
    if (!v.isString()) {
        fail(key, QStringLiteral("must be a string, not %1").arg(show(v)));
        return fallback;
    }
    return v.toString();
}

QJsonObject JsonFieldReader::object(const QString &key)
{
    const QJsonValue v = value(key);
    if (!v.isUndefined() && !v.isObject())
        fail(key, QStringLiteral("must be an object, not %1").arg(show(v)));
    return v.toObject();
}

void JsonFieldReader::fail(const QString &key, const QString &message)
{
    failAt(m_error, key.isEmpty() ? m_path : pathOf(key), message);
}

void JsonFieldReader::failAt(QString *error, const QString &path, const QString &message)
{
    if (!error->isEmpty())
        return;
    *error = path.isEmpty() ? message : path + QStringLiteral(": ") + message;
}

QString JsonFieldReader::join(const QString &parent, const QString &key)
{
    static const QRegularExpression word(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (!word.match(key).hasMatch())
        return parent + QStringLiteral("[\"%1\"]").arg(key);
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString JsonFieldReader::show(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return show(value.toDouble());
    case QJsonValue::String: {
        QString s = value.toString();
        if (s.size() > 40)
            s = s.left(37) + QStringLiteral("...");
        return QLatin1Char('"') + s + QLatin1Char('"');
    }
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString JsonFieldReader::show(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace d3::core
