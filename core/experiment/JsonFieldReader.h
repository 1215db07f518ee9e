#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace d3::core {

/// Reads one JSON object of a strictly checked file field by field. Every getter checks the type and range of its
/// key and, on the first failure of any reader sharing the same error string, records "PATH: message" there
/// (PATH is the JSON path of the key, e.g. "nodes[1].slowdown"); later failures are ignored, so a parser reads on
/// and tests ok() at its checkpoints. Keys outside the allowed list are refused at construction.
class JsonFieldReader
{
public:
    /// Reads obj, found at path ("" for the top level); allowed lists every key it may hold; error is shared.
    JsonFieldReader(QJsonObject obj, QString path, const QStringList &allowed, QString *error);

    /// True while no error has been recorded (by this reader or any other sharing the error string).
    bool ok() const { return m_error->isEmpty(); }
    /// The object's own path.
    const QString &path() const { return m_path; }
    /// The path of key inside this object ("nodes[1].name"; keys that are not plain words are quoted:
    /// links["device<->edge"]).
    QString pathOf(const QString &key) const;
    /// True if key is present.
    bool has(const QString &key) const { return m_obj.contains(key); }
    /// The raw value of key (undefined when absent).
    QJsonValue value(const QString &key) const { return m_obj.value(key); }

    /// Fails with "KEY: is required (what)" unless key is present; returns whether it is.
    bool require(const QString &key, const QString &what);
    /// An integer in [minimum, maximum], or fallback when absent.
    qint64 integer(const QString &key, qint64 fallback, qint64 minimum, qint64 maximum);
    /// A finite number in [minimum, maximum], or fallback when absent.
    double number(const QString &key, double fallback, double minimum, double maximum);
    /// true or false, or fallback when absent.
    bool boolean(const QString &key, bool fallback);
    /// A string, or fallback when absent.
    QString string(const QString &key, const QString &fallback = QString());
    /// An object, or an empty one when absent.
    QJsonObject object(const QString &key);

    /// Records "PATH: message" for key of this object ("" = the object itself) unless an error is already recorded.
    void fail(const QString &key, const QString &message);
    /// Records "path: message" unless an error is already recorded.
    static void failAt(QString *error, const QString &path, const QString &message);
    /// The path of a child: parent + ".key" (or ["key"] for keys that are not plain words), or key at the top.
    static QString join(const QString &parent, const QString &key);
    /// A JSON value as it is shown in messages: "text", 3, true, null, an array, an object.
    static QString show(const QJsonValue &value);
    /// A number as it is shown in messages (3, 0.5, 1000000).
    static QString show(double value);

private:
    QJsonObject m_obj;
    QString m_path;
    QString *m_error;
};

} // namespace d3::core
