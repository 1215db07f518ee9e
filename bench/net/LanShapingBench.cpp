#include "LanShapingBench.h"

#include "BenchLog.h"
#include "KernelShaper.h"
#include "LoopbackPeers.h"
#include "ReceiverThread.h"
#include "protocol/MessageType.h"
#include "util/EventWait.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cmath>
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
const QString kPeer = QStringLiteral("receiver");

/// Frames of about 2 ms at rate (1..64 KiB): short windows hold many of them.
qint64 framePayloadFor(double rateMbps)
{
    return std::clamp<qint64>(qint64(rateMbps * 1e6 / 8 * 0.002) / kKiB * kKiB, kKiB, 64 * kKiB);
}

/// One authenticated connection across the LAN with the chosen shaper on the sender, and every arrival's time.
class Stream
{
public:
    Stream(const NamespaceLan &lan, ReceiverThread &thread, const QString &shaper, qint64 framePayload)
        : m_lan(lan), m_thread(thread), m_kernel(shaper == QLatin1String("kernel")), m_frame(makeFrame(framePayload))
    {
        m_wire = m_frame.encode().size();
    }

    bool open(double rateMbps, QString *error)
    {
        m_peers = LoopbackPeers::open(error, &m_thread, m_lan.address(NamespaceLan::Side::Receiver));
        if (!m_peers)
            return false;
        QObject::connect(&m_peers->receiver(), &core::PeerConnection::frameReceived, &m_peers->receiver(),
                         [this](const core::Frame &) {
                             const qint64 now = m_clock.nsecsElapsed();
                             QMutexLocker lock(&m_mutex);
                             m_arrivals.push_back(now);
                             m_received.fetch_add(1);
                         });
        if (m_kernel)
            m_shaper = std::make_unique<worker::KernelShaper>(QStringLiteral("d3bench_net"));
        return setRate(rateMbps, error);
    }

    /// The sender's rate from now on (the process shaper's configure, or `tc class change`).
    bool setRate(double rateMbps, QString *error)
    {
        m_rateMbps = rateMbps;
        if (!m_kernel) {
            m_peers->sender().setShaping(rateMbps, 0, 0);
            return true;
        }
        return m_shaper->setRate(kPeer, rateMbps, 0, error)
            && m_shaper->attach(kPeer, m_lan.address(NamespaceLan::Side::Receiver), error);
    }

    /// Sends until frames were sent (or stop() holds), keeping about 250 ms of data in flight; waits for every
    /// frame to arrive. onTick runs every millisecond on the sender's side (a live change).
    bool stream(qint64 frames, const std::function<bool()> &stop, const std::function<bool(QString *)> &onTick,
                QString *error)
    {
        m_clock.start();
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        QString failure;
        bool stopped = false;
        QObject::connect(&tick, &QTimer::timeout, [&] {
            if (failure.isEmpty() && onTick && !onTick(&failure))
                stopped = true;
            stopped = stopped || (stop && stop());
            const qint64 cap = std::clamp<qint64>(qint64(m_rateMbps * 1e6 / 8 * 0.25), 256 * kKiB, 64 * kKiB * kKiB);
            while (!stopped && m_sent < frames && (m_sent - m_received.load()) * m_wire < cap) {
                m_peers->sender().send(m_frame);
                ++m_sent;
            }
            if (m_sent >= frames)
                stopped = true;
            if (stopped && m_stopNs < 0)
                m_stopNs = m_clock.nsecsElapsed();
        });
        tick.start(1);
        const double expectedS = double(frames) * m_wire * 8 / (m_rateMbps * 1e6);
        const int timeoutMs = int(std::min(900.0, 20 + 3 * expectedS) * 1000);
        const bool done = core::EventWait::until([&] {
            return (stopped && m_received.load() == m_sent) || !m_peers->sender().closeReason().isEmpty();
        }, timeoutMs);
        tick.stop();
        if (!failure.isEmpty()) {
            *error = failure;
            return false;
        }
        if (!done || m_received.load() != m_sent) {
            *error = QStringLiteral("%1 shaper at %2 Mbit/s: %3 of %4 frames arrived (%5)")
                         .arg(m_kernel ? QStringLiteral("kernel") : QStringLiteral("process")).arg(m_rateMbps)
                         .arg(m_received.load()).arg(m_sent).arg(m_peers->sender().closeReason());
            return false;
        }
        return true;
    }

    /// Arrival times (ns on the stream's clock).
    std::vector<qint64> arrivals()
    {
        QMutexLocker lock(&m_mutex);
        return m_arrivals;
    }
    qint64 wireBytes() const { return m_wire; }
    qint64 stopNs() const { return m_stopNs; }
    qint64 nowNs() const { return m_clock.nsecsElapsed(); }
    /// Both ends still open, every frame sent arrived.
    bool survived()
    {
        QString receiverClosed;
        m_thread.call([&] { receiverClosed = m_peers->receiver().closeReason(); });
        return m_peers->sender().closeReason().isEmpty() && receiverClosed.isEmpty() && m_received.load() == m_sent;
    }

    ~Stream()
    {
        m_shaper.reset(); // the qdisc goes first
        m_peers.reset();
    }

private:
    static core::Frame makeFrame(qint64 payload)
    {
        core::Frame f;
        f.type = quint16(core::MessageType::RangeResult);
        f.payload = QByteArray(payload, 'x');
        return f;
    }

    const NamespaceLan &m_lan;
    ReceiverThread &m_thread;
    bool m_kernel;
    core::Frame m_frame;
    qint64 m_wire = 0;
    double m_rateMbps = 0;
    std::unique_ptr<LoopbackPeers> m_peers;
    std::unique_ptr<worker::KernelShaper> m_shaper;
    QElapsedTimer m_clock;
    QMutex m_mutex;
    std::vector<qint64> m_arrivals;
    std::atomic<qint64> m_received{0};
    qint64 m_sent = 0;
    qint64 m_stopNs = -1;
};

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
    Stream s(lan, thread, p->shaper, p->framePayload);
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
    Stream s(lan, thread, p->shaper, framePayloadFor(std::min(p->fromMbps, p->toMbps)));
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
