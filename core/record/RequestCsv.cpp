#include "RequestCsv.h"

#include "CsvReader.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace d3::core {
namespace {

enum Column {
    Phase, Id, PlanId, Planner, Plan, Probe, Completed, Failure, StartMs, EndToEndMs, PredictedMs, DeviceMs, TilesMs,
    EdgeMs, CloudMs, UplinkMs, EdgeEdgeMs, BackboneMs, ReturnMs, UplinkBytes, EdgeEdgeBytes, BackboneBytes,
    ReturnBytes, Attempts, FirstCodecColumn, Actions = FirstCodecColumn + 4 * RequestRecord::Links, CriticalPathMs,
    ArrivalMs, Dropped, InFlight, PredictedRps, DeviceQueueMs, TilesQueueMs, EdgeQueueMs, CloudQueueMs, FirstLinkQueue,
    ColumnCount = FirstLinkQueue + RequestRecord::Links
};

/// Columns per link after "attempts": codec, raw bytes, encode ms, decode ms.
constexpr int kCodecColumns = 4;
const char *const kLinkNames[RequestRecord::Links] = {"uplink", "edge_edge", "backbone", "return"};

QByteArray number(double value)
{
    return CsvReader::number(value);
}

/// Reads the fields of one row, remembering the first problem.
class FieldReader
{
public:
    FieldReader(const QStringList &fields, QString *error) : m_fields(fields), m_error(error) {}

    bool ok() const { return m_error->isEmpty(); }

    QString text(int column) const { return m_fields.at(column); }

    double real(int column)
    {
        bool ok = false;
        const double v = m_fields.at(column).toDouble(&ok);
        if (!ok)
            fail(column, QStringLiteral("is not a number"));
        return ok ? v : 0;
    }

    qint64 nonNegative(int column)
    {
        bool ok = false;
        const qint64 v = m_fields.at(column).toLongLong(&ok, 10);
        if (!ok || v < 0)
            fail(column, QStringLiteral("is not an integer >= 0"));
        return ok ? v : 0;
    }

    quint64 unsignedInteger(int column)
    {
        bool ok = false;
        const quint64 v = m_fields.at(column).toULongLong(&ok, 10);
        if (!ok || m_fields.at(column).startsWith(QLatin1Char('-')))
            fail(column, QStringLiteral("is not an integer >= 0"));
        return ok ? v : 0;
    }

    /// An integer in [minimum, maximum].
    int integerIn(int column, qint64 minimum, qint64 maximum)
    {
        const qint64 v = nonNegative(column);
        if ((v < minimum || v > maximum) && ok())
            fail(column, QStringLiteral("is not in %1..%2").arg(minimum).arg(maximum));
        return int(std::clamp(v, minimum, maximum));
    }

    bool boolean(int column)
    {
        const QString &v = m_fields.at(column);
        if (v != QLatin1String("0") && v != QLatin1String("1"))
            fail(column, QStringLiteral("is not 0 or 1"));
        return v == QLatin1String("1");
    }

private:
    void fail(int column, const QString &what)
    {
        if (m_error->isEmpty()) {
            QString shown = m_fields.at(column);
            if (shown.size() > 40)
                shown = shown.left(40) + QStringLiteral("...");
            *m_error = QStringLiteral("column %1: '%2' %3").arg(RequestCsv::columns().at(column), shown, what);
        }
    }

    const QStringList &m_fields;
    QString *m_error;
};

} // namespace

const QStringList &RequestCsv::columns()
{
    static const QStringList names = QStringList{
        QStringLiteral("phase"), QStringLiteral("id"), QStringLiteral("plan_id"), QStringLiteral("planner"),
        QStringLiteral("plan"), QStringLiteral("probe"), QStringLiteral("completed"), QStringLiteral("failure"),
        QStringLiteral("start_ms"), QStringLiteral("end_to_end_ms"), QStringLiteral("predicted_ms"),
        QStringLiteral("device_ms"), QStringLiteral("tiles_ms"), QStringLiteral("edge_ms"), QStringLiteral("cloud_ms"),
        QStringLiteral("uplink_ms"), QStringLiteral("edge_edge_ms"), QStringLiteral("backbone_ms"),
        QStringLiteral("return_ms"), QStringLiteral("uplink_bytes"), QStringLiteral("edge_edge_bytes"),
        QStringLiteral("backbone_bytes"), QStringLiteral("return_bytes"), QStringLiteral("attempts"),
    } + [] {
        QStringList codecColumns;
        for (const char *link : kLinkNames)
            for (const char *what : {"_codec", "_raw_bytes", "_encode_ms", "_decode_ms"})
                codecColumns << QLatin1String(link) + QLatin1String(what);
        return codecColumns;
    }() + QStringList{QStringLiteral("actions"), QStringLiteral("critical_path_ms"), QStringLiteral("arrival_ms"),
                      QStringLiteral("dropped"), QStringLiteral("in_flight"), QStringLiteral("predicted_rps"),
                      QStringLiteral("device_queue_ms"),
                      QStringLiteral("tiles_queue_ms"), QStringLiteral("edge_queue_ms"),
                      QStringLiteral("cloud_queue_ms")} + [] {
        QStringList queueColumns;
        for (const char *link : kLinkNames)
            queueColumns << QLatin1String(link) + QLatin1String("_queue_ms");
        return queueColumns;
    }();
    Q_ASSERT(names.size() == ColumnCount);
    return names;
}

QByteArray RequestCsv::header()
{
    return columns().join(QLatin1Char(',')).toUtf8() + '\n';
}

QByteArray RequestCsv::row(const RequestRecord &r)
{
    const QByteArrayList fields{
        QByteArray::number(r.phase), QByteArray::number(r.id), QByteArray::number(r.planId),
        CsvReader::quote(r.planner), CsvReader::quote(r.plan), r.probe ? "1" : "0", r.completed ? "1" : "0",
        CsvReader::quote(r.failure), number(r.startMs), number(r.endToEndMs), number(r.predictedMs),
        number(r.deviceMs), number(r.tilesMs), number(r.edgeMs), number(r.cloudMs), number(r.uplinkMs),
        number(r.edgeEdgeMs), number(r.backboneMs), number(r.returnMs), QByteArray::number(r.uplinkBytes),
        QByteArray::number(r.edgeEdgeBytes), QByteArray::number(r.backboneBytes), QByteArray::number(r.returnBytes),
        QByteArray::number(r.attempts),
    };
    QByteArrayList codecFields;
    for (const RequestRecord::LinkCodec &c : r.codecs)
        codecFields << CsvReader::quote(c.codec) << QByteArray::number(c.rawBytes) << number(c.encodeMs)
                    << number(c.decodeMs);
    QByteArrayList streamFields{CsvReader::quote(r.actions), number(r.criticalPathMs), number(r.arrivalMs),
                                r.dropped ? "1" : "0", QByteArray::number(r.inFlight), number(r.predictedRps),
                                number(r.deviceQueueMs),
                                number(r.tilesQueueMs), number(r.edgeQueueMs), number(r.cloudQueueMs)};
    for (double ms : r.linkQueueMs)
        streamFields << number(ms);
    return (fields + codecFields + streamFields).join(',') + '\n';
}

std::optional<RequestRecord> RequestCsv::parse(const QStringList &fields, QString *error)
{
    error->clear();
    // Runs recorded before the stream columns (arrival_ms to the last) have none of them (each request arrived when
    // it was sent, nothing queued was measured), before the critical_path_ms column one field less again (no critical
    // path: 0), before the actions column one less again (nothing recorded as changed), before the codec columns
    // those fewer too (nothing was compressed), and before the attempts column one less again (each request was sent
    // once).
    const bool withStream = fields.size() == ColumnCount;
    const bool withCriticalPath = withStream || fields.size() == ArrivalMs;
    const bool withActions = withCriticalPath || fields.size() == CriticalPathMs;
    const bool withCodecs = withActions || fields.size() == Actions;
    const bool withAttempts = withCodecs || fields.size() == FirstCodecColumn;
    if (!withAttempts && fields.size() != FirstCodecColumn - 1) {
        *error = QStringLiteral("%1 fields, expected %2 (%3)")
                     .arg(fields.size()).arg(int(ColumnCount)).arg(columns().join(QLatin1Char(',')));
        return std::nullopt;
    }
    FieldReader f(fields, error);
    RequestRecord r;
    r.phase = f.integerIn(Phase, 0, std::numeric_limits<int>::max());
    r.id = f.unsignedInteger(Id);
    r.planId = f.unsignedInteger(PlanId);
    r.planner = f.text(Planner);
    r.plan = f.text(Plan);
    r.probe = f.boolean(Probe);
    r.completed = f.boolean(Completed);
    r.failure = f.text(Failure);
    r.startMs = f.real(StartMs);
    r.endToEndMs = f.real(EndToEndMs);
    r.predictedMs = f.real(PredictedMs);
    r.deviceMs = f.real(DeviceMs);
    r.tilesMs = f.real(TilesMs);
    r.edgeMs = f.real(EdgeMs);
    r.cloudMs = f.real(CloudMs);
    r.uplinkMs = f.real(UplinkMs);
    r.edgeEdgeMs = f.real(EdgeEdgeMs);
    r.backboneMs = f.real(BackboneMs);
    r.returnMs = f.real(ReturnMs);
    r.uplinkBytes = f.nonNegative(UplinkBytes);
    r.edgeEdgeBytes = f.nonNegative(EdgeEdgeBytes);
    r.backboneBytes = f.nonNegative(BackboneBytes);
    r.returnBytes = f.nonNegative(ReturnBytes);
    if (withAttempts)
        r.attempts = f.integerIn(Attempts, 1, 1000);
    for (int link = 0; withCodecs && link < RequestRecord::Links; ++link) {
        const int at = FirstCodecColumn + kCodecColumns * link;
        RequestRecord::LinkCodec &c = r.codecs[link];
        c.codec = f.text(at);
        c.rawBytes = f.nonNegative(at + 1);
        c.encodeMs = f.real(at + 2);
        c.decodeMs = f.real(at + 3);
    }
    if (withActions)
        r.actions = f.text(Actions);
    if (withCriticalPath)
        r.criticalPathMs = f.real(CriticalPathMs);
    r.arrivalMs = r.startMs;
    if (withStream) {
        r.arrivalMs = f.real(ArrivalMs);
        r.dropped = f.boolean(Dropped);
        r.inFlight = f.integerIn(InFlight, 0, 1000000);
        r.predictedRps = f.real(PredictedRps);
        r.deviceQueueMs = f.real(DeviceQueueMs);
        r.tilesQueueMs = f.real(TilesQueueMs);
        r.edgeQueueMs = f.real(EdgeQueueMs);
        r.cloudQueueMs = f.real(CloudQueueMs);
        for (int link = 0; link < RequestRecord::Links; ++link)
            r.linkQueueMs[link] = f.real(FirstLinkQueue + link);
    }
    if (!f.ok())
        return std::nullopt;
    return r;
}

} // namespace d3::core
