#include "LanShapingBench.h"

#include "BenchLog.h"
#include "LanStream.h"
#include "ReceiverThread.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace d3::bench {
namespace {

constexpr qint64 kKiB = 1024;
constexpr qint64 kMs = 1000000;          // ns
constexpr qint64 kWindowNs = 200 * kMs;  // the short window of a delivered rate
constexpr qint64 kStepNs = 10 * kMs;     // window starts are this far apart
constexpr qint64 kHoldNs = 500 * kMs;    // settled: every window starting within this delivers within kTolerance
constexpr double kTolerance = 0.05;
constexpr qint64 kHeldNs = 1000 * kMs;   // the rate held after a change: over the stream's last second

/// Frames of about 2 ms at rate (1..64 KiB): short windows hold many of them.
qint64 framePayloadFor(double rateMbps)
{
    return std::clamp<qint64>(qint64(rateMbps * 1e6 / 8 * 0.002) / kKiB * kKiB, kKiB, 64 * kKiB);
}

/// Frames arriving in [from, to).
qint64 countIn(const std::vector<qint64> &t, qint64 from, qint64 to)
{
    return std::lower_bound(t.begin(), t.end(), to) - std::lower_bound(t.begin(), t.end(), from);
}

/// The delivered rate: the least-squares slope of bytes arrived against arrival time, in Mbit/s. Unlike bytes over
/// (last - first arrival), it is not thrown off when frames arrive in clumps (a 64 KiB GSO packet is about 60 of the
/// 1 KiB frames of a 1 Mbit/s stream, all at once).
double slopeMbps(const std::vector<qint64> &t, qint64 frameBytes)
{
    const double n = double(t.size());
    double meanT = 0;
    for (qint64 x : t)
        meanT += double(x - t.front()) / n;
    const double meanI = (n - 1) / 2;
    double covariance = 0;
    double variance = 0;
    for (size_t i = 0; i < t.size(); ++i) {
        const double dt = double(t[i] - t.front()) - meanT;
        covariance += dt * (double(i) - meanI);
        variance += dt * dt;
    }
    return variance > 0 ? covariance / variance * double(frameBytes) * 8 * 1e3 : 0; // frames per ns -> Mbit/s
}

bool measureRate(const NamespaceLan &lan, ReceiverThread &thread, LanRatePoint *p, double seconds, QString *error)
{
    LanStream s(lan, thread, p->shaper, p->framePayload);
    if (!s.open(p->rateMbps, error))
        return false;
    const qint64 frames = std::max<qint64>(8, qint64(p->rateMbps * 1e6 / 8 * seconds / s.wireBytes()));
    if (!s.stream(frames, {}, {}, error))
        return false;
    const double mbps = slopeMbps(s.arrivals(), s.wireBytes());
    p->deliveredMbps.append(mbps);
    qCInfo(lcBench, "lan %s %g Mbit/s: delivered %.3f Mbit/s (%.4f)", qPrintable(p->shaper), p->rateMbps, mbps,
           mbps / p->rateMbps);
    return true;
}

bool measureChange(const NamespaceLan &lan, ReceiverThread &thread, LanChangePoint *p, double seconds, QString *error)
{
    LanStream s(lan, thread, p->shaper, framePayloadFor(std::min(p->fromMbps, p->toMbps)));
    if (!s.open(p->fromMbps, error))
        return false;
    const qint64 beforeNs = qint64(seconds * 1e9);
    const qint64 afterNs = qint64((seconds + 1) * 1e9);
    qint64 changeNs = -1;
    auto onTick = [&](QString *why) {
        if (changeNs >= 0 || s.nowNs() < beforeNs)
            return true;
        changeNs = s.nowNs();
        return s.setRate(p->toMbps, why);
    };
    auto stop = [&] { return changeNs >= 0 && s.nowNs() >= changeNs + afterNs; };
    if (!s.stream(std::numeric_limits<qint64>::max(), stop, onTick, error))
        return false;
    const std::vector<qint64> t = s.arrivals();
    const double bitsPerFrame = double(s.wireBytes()) * 8;
    auto rate = [&](qint64 from, qint64 to) { return countIn(t, from, to) * bitsPerFrame / ((to - from) / 1e3); };
    const double held = rate(s.stopNs() - kHeldNs, s.stopNs());
    double settle = -1;
    for (qint64 start = changeNs; start + kHoldNs + kWindowNs <= s.stopNs() && settle < 0; start += kStepNs) {
        bool within = true;
        for (qint64 w = start; w <= start + kHoldNs && within; w += kStepNs)
            within = std::abs(rate(w, w + kWindowNs) / held - 1) <= kTolerance;
        if (within)
            settle = (start - changeNs) / 1e6;
    }
    const bool survived = s.survived();
    p->settleMs.append(settle);
    p->heldMbps.append(held);
    p->survived.append(survived);
    qCInfo(lcBench, "lan %s %g -> %g Mbit/s: settled in %.0f ms at %.3f Mbit/s, connection %s", qPrintable(p->shaper),
           p->fromMbps, p->toMbps, settle, held, survived ? "survived" : "LOST");
    return true;
}

} // namespace

bool LanShapingBench::run(const NamespaceLan &lan, const QVector<double> &rates,
                          const QVector<QPair<double, double>> &changes, double seconds, int repeats,
                          QVector<LanRatePoint> *ratePoints, QVector<LanChangePoint> *changePoints, QString *error)
{
    const QStringList shapers{QStringLiteral("process"), QStringLiteral("kernel")};
    for (double rate : rates)
        for (const QString &shaper : shapers)
            ratePoints->append({shaper, rate, framePayloadFor(rate), {}});
    for (const auto &change : changes)
        for (const QString &shaper : shapers)
            changePoints->append({shaper, change.first, change.second, {}, {}, {}});
    ReceiverThread thread;
    bool entered = false;
    thread.call([&] { entered = lan.enter(NamespaceLan::Side::Receiver, error); });
    if (!entered || !lan.enter(NamespaceLan::Side::Sender, error))
        return false;
    bool ok = true;
    for (int round = 0; round < repeats && ok; ++round) {
        for (LanRatePoint &p : *ratePoints)
            ok = ok && measureRate(lan, thread, &p, seconds, error);
        for (LanChangePoint &p : *changePoints)
            ok = ok && measureChange(lan, thread, &p, seconds, error);
    }
    QString ignored;
    lan.leave(&ignored);
    return ok;
}

} // namespace d3::bench
