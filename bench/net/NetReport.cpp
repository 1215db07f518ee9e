#include "NetReport.h"

#include "MarkdownTable.h"
#include "Samples.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace d3::bench {
namespace {

using T = MarkdownTable;

QString bytesText(qint64 bytes)
{
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0)
        return QStringLiteral("%1 MiB").arg(bytes >> 20);
    if (bytes >= 1024 && bytes % 1024 == 0)
        return QStringLiteral("%1 KiB").arg(bytes >> 10);
    return QStringLiteral("%1 B").arg(bytes);
}

QString rateText(double mbps)
{
    return mbps > 0 ? QString::number(mbps) : QStringLiteral("none");
}

QString ratioText(double measured, double configured)
{
    return configured > 0 ? T::fixed(measured / configured, 3) : QString();
}

/// Throughput in Mbit/s of bytes moved in ms.
double mbps(qint64 bytes, double ms)
{
    return ms > 0 ? bytes * 8 / (ms * 1e3) : 0;
}

QString shapingTable(const NetResults &r)
{
    T table({QStringLiteral("rate Mbit/s"), QStringLiteral("delay ms"), QStringLiteral("stream"),
             QStringLiteral("elapsed ms"), QStringLiteral("measured Mbit/s"), QStringLiteral("measured/configured"),
             QStringLiteral("sender Mbit/s"), QStringLiteral("sender/configured"), QStringLiteral("receiver Mbit/s"),
             QStringLiteral("receiver/configured")});
    for (const ShapingPoint &p : r.shaping) {
        const double measured = p.median(&ShapingRun::measuredMbps);
        const double sender = p.median(&ShapingRun::senderMbps);
        const double receiver = p.median(&ShapingRun::receiverMbps);
        table.addRow({rateText(p.rateMbps), QString::number(p.delayMs),
                      QStringLiteral("%1 x %2").arg(p.frames).arg(bytesText(p.framePayload)),
                      T::fixed(p.median(&ShapingRun::elapsedMs), 1), T::fixed(measured, 2),
                      ratioText(measured, p.rateMbps), T::fixed(sender, 2), ratioText(sender, p.rateMbps),
                      T::fixed(receiver, 2), ratioText(receiver, p.rateMbps)});
    }
    return table.toString();
}

QString latencyTable(const NetResults &r)
{
    T table({QStringLiteral("rate Mbit/s"), QStringLiteral("delay ms"), QStringLiteral("expected ms"),
             QStringLiteral("median ms"), QStringLiteral("min ms"), QStringLiteral("max ms"),
             QStringLiteral("median - expected ms")});
    for (const LatencyPoint &p : r.latency) {
        QVector<double> sorted = p.samples;
        std::sort(sorted.begin(), sorted.end());
        const double median = Samples::median(p.samples);
        table.addRow({rateText(p.rateMbps), QString::number(p.delayMs), T::fixed(p.expectedMs(), 3),
                      T::fixed(median, 3), T::fixed(sorted.value(0), 3), T::fixed(sorted.value(sorted.size() - 1), 3),
                      T::fixed(median - p.expectedMs(), 3)});
    }
    return table.toString();
}

QString shapeText(const QVector<qint64> &shape)
{
    QStringList dims;
    for (qint64 d : shape)
        dims << QString::number(d);
    return QLatin1Char('[') + dims.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString overheadTable(const NetResults &r)
{
    T table({QStringLiteral("tensor"), QStringLiteral("frame bytes"), QStringLiteral("d3lab ms"),
             QStringLiteral("encode ms"), QStringLiteral("decode ms"), QStringLiteral("frame ms"),
             QStringLiteral("raw ms"), QStringLiteral("d3lab Mbit/s"), QStringLiteral("frame Mbit/s"),
             QStringLiteral("raw Mbit/s"), QStringLiteral("d3lab/raw"), QStringLiteral("frame/raw")});
    for (const OverheadPoint &p : r.overhead) {
        const double d3 = Samples::median(p.d3labMs);
        const double frame = Samples::median(p.frameMs);
        const double raw = Samples::median(p.rawMs);
        table.addRow({bytesText(p.tensorBytes) + QLatin1Char(' ') + shapeText(p.shape), QString::number(p.frameBytes),
                      T::fixed(d3, 2), T::fixed(Samples::median(p.encodeMs), 2),
                      T::fixed(Samples::median(p.decodeMs), 2), T::fixed(frame, 2), T::fixed(raw, 2),
                      T::fixed(mbps(p.tensorBytes, d3), 0), T::fixed(mbps(p.tensorBytes, frame), 0),
                      T::fixed(mbps(p.tensorBytes, raw), 0), T::fixed(Samples::ratio(raw, d3), 3),
                      T::fixed(Samples::ratio(raw, frame), 3)});
    }
    return table.toString();
}

/// "median (min..max)" of values with decimals.
QString spreadText(const QVector<double> &values, int decimals, double scale = 1)
{
    if (values.isEmpty())
        return QString();
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    return QStringLiteral("%1 (%2..%3)").arg(T::fixed(Samples::median(values) / scale, decimals),
                                             T::fixed(*low / scale, decimals), T::fixed(*high / scale, decimals));
}

QString lanTable(const NetResults &r)
{
    T table({QStringLiteral("shaper"), QStringLiteral("rate Mbit/s"), QStringLiteral("frame"),
             QStringLiteral("delivered Mbit/s, median (min..max)"), QStringLiteral("delivered/configured, median (min..max)")});
    for (const LanRatePoint &p : r.lan)
        table.addRow({p.shaper, rateText(p.rateMbps), bytesText(p.framePayload), spreadText(p.deliveredMbps, 2),
                      spreadText(p.deliveredMbps, 4, p.rateMbps)});
    return table.toString();
}

QString lanChangeTable(const NetResults &r)
{
    T table({QStringLiteral("shaper"), QStringLiteral("change Mbit/s"),
             QStringLiteral("settling ms, median (min..max) of the runs that settled"), QStringLiteral("settled"),
             QStringLiteral("held/new rate, median (min..max)"), QStringLiteral("connection survived")});
    for (const LanChangePoint &p : r.lanChanges) {
        QVector<double> settled;
        for (double ms : p.settleMs)
            if (ms >= 0)
                settled.append(ms);
        const int survived = int(std::count(p.survived.begin(), p.survived.end(), true));
        table.addRow({p.shaper, QStringLiteral("%1 -> %2").arg(p.fromMbps).arg(p.toMbps), spreadText(settled, 0),
                      QStringLiteral("%1 of %2").arg(settled.size()).arg(p.settleMs.size()),
                      spreadText(p.heldMbps, 4, p.toMbps), QStringLiteral("%1 of %2").arg(survived).arg(p.survived.size())});
    }
    return table.toString();
}

QJsonArray numbers(const QVector<double> &values)
{
    QJsonArray a;
    for (double v : values)
        a.append(v);
    return a;
}

} // namespace

QString NetReport::markdown(const NetResults &r, const BenchOptions &options)
{
    QString out;
    if (!r.shaping.isEmpty()) {
        out += QStringLiteral("**1. Shaping accuracy** (setShaping(rate, %1, delay); about %2 s of data per point; "
                              "median of %3 runs; measured = payload bits / (last arrival - first send - delay))\n\n")
                   .arg(r.burstBytes).arg(r.seconds).arg(r.repeats);
        out += shapingTable(r) + QLatin1Char('\n');
    }
    if (!r.latency.isEmpty()) {
        out += QStringLiteral("**1b. One-way delay** (a %1-byte frame on an idle link, send() to arrival, %2 frames "
                              "per point; expected = delay + the frame's bits / rate)\n\n")
                   .arg(r.latency.first().frameWire).arg(r.latency.first().samples.size());
        out += latencyTable(r) + QLatin1Char('\n');
    }
    if (!r.overhead.isEmpty()) {
        out += QStringLiteral("**2. Protocol overhead** (one float32 tensor per frame; d3lab = encode + send + "
                              "receive + decode, with encode and decode timed within it; frame = the encoded frame "
                              "sent and received, not decoded; raw = the same bytes over a plain QTcpSocket pair; "
                              "medians of %1 interleaved rounds after %2 warm-up rounds; X/raw = raw ms / X ms)\n\n")
                   .arg(options.runs).arg(options.warmup);
        out += overheadTable(r);
    }
    if (!r.lan.isEmpty()) {
        out += QStringLiteral("\n**3. Both shapers across a namespace LAN** (two network namespaces joined by a veth "
                              "pair; process = setShaping(rate, 0, 0), kernel = KernelShaper's htb class on the "
                              "sender's eth0; about %1 s of data per point, %2 runs; delivered = the least-squares "
                              "slope of d3lab frame bytes arrived against arrival time)\n\n")
                   .arg(r.seconds).arg(r.repeats);
        out += lanTable(r);
    }
    if (!r.lanChanges.isEmpty()) {
        out += QStringLiteral("\n**3b. A live rate change** (%1 s at the first rate, then the second for %2 s on the "
                              "same connection: setShaping, or `tc class change`; settling = from the change until "
                              "every 200 ms window starting within the next 500 ms delivers within 5% of the rate "
                              "held over the last second; a run that never did counts in settled only; %3 runs)\n\n")
                   .arg(r.seconds).arg(r.seconds + 1).arg(r.repeats);
        out += lanChangeTable(r);
    }
    return out;
}

QJsonDocument NetReport::json(const NetResults &r, const BenchOptions &options)
{
    QJsonArray shaping;
    for (const ShapingPoint &p : r.shaping) {
        QJsonArray runs;
        for (const ShapingRun &run : p.runs)
            runs.append(QJsonObject{{QStringLiteral("elapsed_ms"), run.elapsedMs},
                                    {QStringLiteral("measured_mbps"), run.measuredMbps},
                                    {QStringLiteral("sender_mbps"), run.senderMbps},
                                    {QStringLiteral("receiver_mbps"), run.receiverMbps}});
        shaping.append(QJsonObject{
            {QStringLiteral("rate_mbps"), p.rateMbps},
            {QStringLiteral("delay_ms"), p.delayMs},
            {QStringLiteral("frames"), p.frames},
            {QStringLiteral("frame_payload"), p.framePayload},
            {QStringLiteral("frame_wire"), p.frameWire},
            {QStringLiteral("runs"), runs},
            {QStringLiteral("median"),
             QJsonObject{{QStringLiteral("elapsed_ms"), p.median(&ShapingRun::elapsedMs)},
                         {QStringLiteral("measured_mbps"), p.median(&ShapingRun::measuredMbps)},
                         {QStringLiteral("sender_mbps"), p.median(&ShapingRun::senderMbps)},
                         {QStringLiteral("receiver_mbps"), p.median(&ShapingRun::receiverMbps)}}},
        });
    }
    QJsonArray latency;
    for (const LatencyPoint &p : r.latency)
        latency.append(QJsonObject{{QStringLiteral("rate_mbps"), p.rateMbps},
                                   {QStringLiteral("delay_ms"), p.delayMs},
                                   {QStringLiteral("frame_wire"), p.frameWire},
                                   {QStringLiteral("expected_ms"), p.expectedMs()},
                                   {QStringLiteral("samples_ms"), numbers(p.samples)},
                                   {QStringLiteral("median_ms"), Samples::median(p.samples)}});
    QJsonArray overhead;
    for (const OverheadPoint &p : r.overhead) {
        QJsonArray shape;
        for (qint64 d : p.shape)
            shape.append(d);
        const double d3 = Samples::median(p.d3labMs);
        const double frame = Samples::median(p.frameMs);
        const double raw = Samples::median(p.rawMs);
        overhead.append(QJsonObject{{QStringLiteral("shape"), shape},
                                    {QStringLiteral("tensor_bytes"), p.tensorBytes},
                                    {QStringLiteral("frame_bytes"), p.frameBytes},
                                    {QStringLiteral("d3lab_ms"), numbers(p.d3labMs)},
                                    {QStringLiteral("frame_ms"), numbers(p.frameMs)},
                                    {QStringLiteral("raw_ms"), numbers(p.rawMs)},
                                    {QStringLiteral("encode_ms"), numbers(p.encodeMs)},
                                    {QStringLiteral("decode_ms"), numbers(p.decodeMs)},
                                    {QStringLiteral("d3lab_median_ms"), d3},
                                    {QStringLiteral("frame_median_ms"), frame},
                                    {QStringLiteral("raw_median_ms"), raw},
                                    {QStringLiteral("d3lab_mbps"), mbps(p.tensorBytes, d3)},
                                    {QStringLiteral("frame_mbps"), mbps(p.tensorBytes, frame)},
                                    {QStringLiteral("raw_mbps"), mbps(p.tensorBytes, raw)},
                                    {QStringLiteral("ratio"), Samples::ratio(raw, d3)},
                                    {QStringLiteral("frame_ratio"), Samples::ratio(raw, frame)}});
    }
    QJsonArray lan;
    for (const LanRatePoint &p : r.lan)
        lan.append(QJsonObject{{QStringLiteral("shaper"), p.shaper}, {QStringLiteral("rate_mbps"), p.rateMbps},
                               {QStringLiteral("frame_payload"), p.framePayload},
                               {QStringLiteral("delivered_mbps"), numbers(p.deliveredMbps)},
                               {QStringLiteral("median_mbps"), Samples::median(p.deliveredMbps)}});
    QJsonArray lanChanges;
    for (const LanChangePoint &p : r.lanChanges) {
        QJsonArray survived;
        for (bool b : p.survived)
            survived.append(b);
        lanChanges.append(QJsonObject{{QStringLiteral("shaper"), p.shaper}, {QStringLiteral("from_mbps"), p.fromMbps},
                                      {QStringLiteral("to_mbps"), p.toMbps},
                                      {QStringLiteral("settle_ms"), numbers(p.settleMs)},
                                      {QStringLiteral("held_mbps"), numbers(p.heldMbps)},
                                      {QStringLiteral("survived"), survived}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("runs"), options.runs},
                                     {QStringLiteral("warmup"), options.warmup},
                                     {QStringLiteral("repeats"), r.repeats},
                                     {QStringLiteral("seconds"), r.seconds},
                                     {QStringLiteral("burst"), r.burstBytes},
                                     {QStringLiteral("shaping"), shaping},
                                     {QStringLiteral("latency"), latency},
                                     {QStringLiteral("overhead"), overhead},
                                     {QStringLiteral("lan"), lan},
                                     {QStringLiteral("lan_changes"), lanChanges}});
}

} // namespace d3::bench
