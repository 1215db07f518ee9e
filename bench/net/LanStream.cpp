#include "LanStream.h"

#include "KernelShaper.h"
#include "LoopbackPeers.h"
#include "ReceiverThread.h"
#include "ShapingBench.h"
#include "util/EventWait.h"

#include <QTimer>

#include <algorithm>

namespace d3::bench {
namespace {

constexpr qint64 kKiB = 1024;
const QString kPeer = QStringLiteral("receiver");

} // namespace

LanStream::LanStream(const NamespaceLan &lan, ReceiverThread &thread, const QString &shaper, qint64 framePayload)
    : m_lan(lan), m_thread(thread), m_kernel(shaper == QLatin1String("kernel")), m_frame(ShapingBench::streamFrame(framePayload))
{
    m_wire = m_frame.encode().size();
}

LanStream::~LanStream()
{
    m_shaper.reset(); // the qdisc goes first
    m_peers.reset();
}

bool LanStream::open(double rateMbps, QString *error)
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

bool LanStream::setRate(double rateMbps, QString *error)
{
    m_rateMbps = rateMbps;
    if (!m_kernel) {
        m_peers->sender().setShaping(rateMbps, 0, 0);
        return true;
    }
    return m_shaper->setRate(kPeer, rateMbps, 0, error)
        && m_shaper->attach(kPeer, m_lan.address(NamespaceLan::Side::Receiver), error);
}

bool LanStream::stream(qint64 frames, const std::function<bool()> &stop,
                       const std::function<bool(QString *)> &onTick, QString *error)
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

std::vector<qint64> LanStream::arrivals()
{
    QMutexLocker lock(&m_mutex);
    return m_arrivals;
}

bool LanStream::survived()
{
    QString receiverClosed;
    m_thread.call([&] { receiverClosed = m_peers->receiver().closeReason(); });
    return m_peers->sender().closeReason().isEmpty() && receiverClosed.isEmpty() && m_received.load() == m_sent;
}

} // namespace d3::bench
