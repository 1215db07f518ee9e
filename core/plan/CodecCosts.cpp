#include "CodecCosts.h"

#include "CostModel.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace d3::core {
namespace {

constexpr double kLearnWeight = 0.3;
/// What a codec must save over sending raw to be chosen: the linear model leaves out each message's fixed costs
/// (a codec's context, a second buffer), so a gain of microseconds is no gain.
constexpr double kMinGainMs = 0.1;

} // namespace

CodecCosts CodecCosts::fromMeasured(int layers, const QVector<std::pair<WireCodec, Measured>> &codecs)
{
    CodecCosts c;
    for (const auto &[codec, m] : codecs) {
        if (codec == WireCodec::None || m.ratio.size() != layers + 1 || m.encodeGBps <= 0 || m.decodeGBps <= 0)
            continue;
        PerCodec &p = c.m_codecs[size_t(codec)];
        p.measured = p.allowed = true;
        p.figures = m;
        p.figures.ratio[0] = 1.0;
    }
    return c;
}

QStringList CodecCosts::settings()
{
    return QStringList{QStringLiteral("auto")} + WireCodecs::names();
}

std::optional<CodecCosts> CodecCosts::restrictedTo(const QString &setting) const
{
    const auto only = WireCodecs::fromName(setting);
    if (!only && setting != QLatin1String("auto"))
        return std::nullopt;
    CodecCosts c = *this;
    for (int i = 1; i < kWireCodecs; ++i)
        c.m_codecs[size_t(i)].allowed = c.m_codecs[size_t(i)].measured && (!only || *only == WireCodec(i));
    return c;
}

double CodecCosts::ratio(int cut, WireCodec codec) const
{
    const PerCodec &p = m_codecs[size_t(codec)];
    if (codec == WireCodec::None || !p.measured || cut <= 0 || cut >= p.figures.ratio.size())
        return 1.0;
    return p.figures.ratio[cut];
}

bool CodecCosts::usable(WireCodec codec) const
{
    return codec == WireCodec::None || (m_codecs[size_t(codec)].measured && m_codecs[size_t(codec)].allowed);
}

bool CodecCosts::any() const
{
    for (int i = 1; i < kWireCodecs; ++i)
        if (usable(WireCodec(i)))
            return true;
    return false;
}

CodecCosts::Choice CodecCosts::cost(WireCodec codec, int cut, double rawBytes, double mbps, double rttMs,
                                    double fromSpeed, double toSpeed) const
{
    Choice c;
    c.codec = codec;
    if (codec == WireCodec::None || cut <= 0 || rawBytes <= 0) {
        c.codec = WireCodec::None;
        c.wireBytes = qint64(rawBytes);
        c.ms = CostModel::transferMs(rawBytes, mbps, rttMs);
        return c;
    }
    const Measured &m = m_codecs[size_t(codec)].figures;
    c.wireBytes = qint64(std::ceil(rawBytes * ratio(cut, codec)));
    c.encodeMs = rawBytes / (m.encodeGBps * 1e6) / fromSpeed;
    c.decodeMs = rawBytes / (m.decodeGBps * 1e6) / toSpeed;
    c.ms = c.encodeMs + CostModel::transferMs(double(c.wireBytes), mbps, rttMs) + c.decodeMs;
    return c;
}

CodecCosts::Choice CodecCosts::best(int cut, double rawBytes, double mbps, double rttMs, double fromSpeed,
                                    double toSpeed) const
{
    Choice best = cost(WireCodec::None, cut, rawBytes, mbps, rttMs, fromSpeed, toSpeed);
    if (cut <= 0)
        return best;
    for (int i = 1; i < kWireCodecs; ++i) {
        if (!usable(WireCodec(i)))
            continue;
        const Choice c = cost(WireCodec(i), cut, rawBytes, mbps, rttMs, fromSpeed, toSpeed);
        if (c.ms < best.ms - (best.codec == WireCodec::None ? kMinGainMs : 0.0))
            best = c;
    }
    return best;
}

void CodecCosts::learn(int cut, WireCodec codec, qint64 raw, qint64 encoded)
{
    PerCodec &p = m_codecs[size_t(codec)];
    if (codec == WireCodec::None || !p.measured || cut <= 0 || cut >= p.figures.ratio.size() || raw <= 0
        || encoded <= 0)
        return;
    double &r = p.figures.ratio[cut];
    r += kLearnWeight * (double(encoded) / double(raw) - r);
}

QJsonObject CodecCosts::toJson() const
{
    QJsonObject out;
    for (int i = 1; i < kWireCodecs; ++i) {
        const PerCodec &p = m_codecs[size_t(i)];
        if (!p.measured)
            continue;
        QJsonArray ratio;
        for (double r : p.figures.ratio)
            ratio.append(std::round(r * 1e6) / 1e6);
        out.insert(WireCodecs::name(WireCodec(i)), QJsonObject{{QStringLiteral("encode_gbps"), p.figures.encodeGBps},
                                                                 {QStringLiteral("decode_gbps"), p.figures.decodeGBps},
                                                                 {QStringLiteral("ratio"), ratio}});
    }
    return out;
}

std::optional<CodecCosts> CodecCosts::fromJson(const QJsonObject &o, int layers, QString *error)
{
    QVector<std::pair<WireCodec, Measured>> codecs;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const auto codec = WireCodecs::fromName(it.key());
        if (!codec || *codec == WireCodec::None) {
            *error = QStringLiteral("codecs: '%1' is not a codec (%2)")
                         .arg(it.key().left(32), WireCodecs::names().mid(1).join(QLatin1String(", ")));
            return std::nullopt;
        }
        const QJsonObject c = it.value().toObject();
        Measured m;
        m.encodeGBps = c.value(QLatin1String("encode_gbps")).toDouble(-1);
        m.decodeGBps = c.value(QLatin1String("decode_gbps")).toDouble(-1);
        const QJsonArray ratio = c.value(QLatin1String("ratio")).toArray();
        for (const QJsonValue &r : ratio)
            m.ratio << r.toDouble(-1);
        const bool ratiosOk = std::all_of(m.ratio.begin(), m.ratio.end(),
                                          [](double r) { return std::isfinite(r) && r > 0 && r <= 2; });
        if (!(m.encodeGBps > 0 && m.decodeGBps > 0 && std::isfinite(m.encodeGBps) && std::isfinite(m.decodeGBps))
            || m.ratio.size() != layers + 1 || !ratiosOk) {
            *error = QStringLiteral("codecs.%1 needs positive 'encode_gbps' and 'decode_gbps' and a 'ratio' in "
                                    "(0, 2] for each of the %2 cuts").arg(it.key()).arg(layers + 1);
            return std::nullopt;
        }
        codecs.append({*codec, m});
    }
    return fromMeasured(layers, codecs);
}

} // namespace d3::core
