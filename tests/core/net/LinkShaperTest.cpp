#include "net/LinkShaper.h"

#include <gtest/gtest.h>

namespace d3::core {
namespace {

constexpr qint64 kMs = 1000000;

/// Drives a shaper on a virtual clock until everything is out; returns when the last byte was released (ns).
qint64 drain(LinkShaper &shaper, qint64 now, QByteArray *out)
{
    qint64 last = now;
    for (int guard = 0; guard < 1000000 && shaper.pendingBytes() > 0; ++guard) {
        const QByteArray ready = shaper.takeReady(now);
        if (!ready.isEmpty()) {
            out->append(ready);
            last = now;
        }
        const qint64 next = shaper.nextEventNs(now);
        if (next < 0)
            break;
        now = std::max(next, now);
        if (ready.isEmpty() && next == now && shaper.pendingBytes() > 0)
            now += 1; // a due event that released nothing: nudge the clock
    }
    out->append(shaper.takeReady(now));
    return last;
}

QByteArray data(qint64 bytes)
{
    QByteArray b(bytes, Qt::Uninitialized);
    for (qint64 i = 0; i < bytes; ++i)
        b[i] = char(i * 13);
    return b;
}

TEST(LinkShaperTest, UnshapedPassesAtOnce)
{
    LinkShaper shaper;
    shaper.enqueue(data(300000));
    EXPECT_EQ(shaper.takeReady(0), data(300000));
    EXPECT_EQ(shaper.nextEventNs(0), -1);
}

TEST(LinkShaperTest, RateLimitsToTheConfiguredThroughput)
{
    for (double mbps : {1.0, 10.0, 100.0}) {
        LinkShaper shaper;
        shaper.configure(mbps, LinkShaper::kChunkBytes, 0, 0);
        const qint64 bytes = qint64(mbps * 1e6 / 8); // one second's worth
        shaper.enqueue(data(bytes));
        QByteArray out;
        const qint64 last = drain(shaper, 0, &out);
        EXPECT_EQ(out, data(bytes));
        // The first burst leaves at once; the rest follows at the rate.
        const double expected = double(bytes - LinkShaper::kChunkBytes) / (mbps * 1e6 / 8) * 1e9;
        EXPECT_NEAR(double(last), expected, expected * 0.01 + 1e6) << mbps << " Mbit/s";
    }
}

TEST(LinkShaperTest, DelayHoldsEveryChunkForTheOneWayDelay)
{
    LinkShaper shaper;
    shaper.configure(0, 0, 50, 0);
    shaper.enqueue(data(1000));
    EXPECT_TRUE(shaper.takeReady(0).isEmpty());
    EXPECT_EQ(shaper.nextEventNs(0), 50 * kMs);
    EXPECT_TRUE(shaper.takeReady(49 * kMs).isEmpty());
    EXPECT_EQ(shaper.takeReady(50 * kMs), data(1000));
}

TEST(LinkShaperTest, ChangesTakeEffectLiveAndKeepOrder)
{
    LinkShaper shaper;
    shaper.configure(0, 0, 100, 0);
    shaper.enqueue("first");
    EXPECT_TRUE(shaper.takeReady(0).isEmpty());
    shaper.configure(0, 0, 0, 10 * kMs); // delay lowered: the later chunk must not overtake
    shaper.enqueue("second");
    EXPECT_TRUE(shaper.takeReady(10 * kMs).isEmpty());
    EXPECT_EQ(shaper.takeReady(100 * kMs), QByteArray("firstsecond"));
    EXPECT_EQ(shaper.releasedBytes(), 11);

    LinkShaper slow;
    slow.configure(1, LinkShaper::kChunkBytes, 0, 0);
    slow.enqueue(data(4 * LinkShaper::kChunkBytes));
    QByteArray out = slow.takeReady(0);
    EXPECT_EQ(out.size(), LinkShaper::kChunkBytes); // the burst
    slow.configure(0, 0, 0, 1 * kMs);               // unlimited from now on
    out += slow.takeReady(1 * kMs);
    EXPECT_EQ(out, data(4 * LinkShaper::kChunkBytes));
}

} // namespace
} // namespace d3::core
