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

// The pump timer of a PeerConnection has whole-millisecond resolution and wakes up late on a busy machine. With
// the bucket capped at the burst while bytes waited, every late wake-up lost tokens: 1000 Mbit/s reached about
// 40% of its rate and 100 Mbit/s about 83%. While bytes wait the bucket is not capped, so a caller that only
// looks every 3 ms still gets the exact rate.
TEST(LinkShaperTest, ALateCallerLosesNoThroughput)
{
    for (double mbps : {100.0, 1000.0}) {
        LinkShaper shaper;
        shaper.configure(mbps, 0, 0, 0);
        const qint64 bytes = qint64(mbps * 1e6 / 8 / 4); // a quarter of a second's worth
        shaper.enqueue(data(bytes));
        qint64 released = 0;
        qint64 now = 0;
        for (; shaper.pendingBytes() > 0; now += 3 * kMs) {
            released += shaper.takeReady(now).size();
            // Never behind the link by more than the 3 ms between looks.
            EXPECT_GE(double(released), mbps * 1e6 / 8 * double(now - 3 * kMs) / 1e9) << mbps << " Mbit/s";
        }
        EXPECT_EQ(released, bytes);
        const double expected = double(bytes) / (mbps * 1e6 / 8) * 1e9;
        EXPECT_LE(double(now), expected + 6 * kMs) << mbps << " Mbit/s";
    }
}

// A burst of 0 means a strictly paced link: every byte waits for its tokens, as on a real link of that rate.
TEST(LinkShaperTest, NoBurstPacesEveryByte)
{
    LinkShaper shaper;
    shaper.configure(8, 0, 0, 0); // one byte per microsecond
    shaper.enqueue(data(1000));
    EXPECT_TRUE(shaper.takeReady(0).isEmpty());
    EXPECT_EQ(shaper.nextEventNs(0), 1000 * 1000);
    EXPECT_TRUE(shaper.takeReady(999 * 1000).isEmpty());
    EXPECT_EQ(shaper.takeReady(1000 * 1000), data(1000));
}

// The burst is what may leave at once after the link was idle, however long it was idle.
TEST(LinkShaperTest, TheBurstCapsAnIdleLinkOnly)
{
    LinkShaper shaper;
    shaper.configure(8, 4000, 0, 0); // one byte per microsecond, 4000 bytes of burst
    EXPECT_TRUE(shaper.takeReady(1000 * kMs).isEmpty()); // a second idle
    shaper.enqueue(data(10000));
    EXPECT_EQ(shaper.takeReady(1000 * kMs).size(), 4000);
    QByteArray out;
    const qint64 last = drain(shaper, 1000 * kMs, &out);
    EXPECT_EQ(out.size(), 6000);
    EXPECT_EQ(last, 1000 * kMs + 6000 * 1000); // the rest at the rate
}

TEST(LinkShaperTest, EnqueuedBuffersAreSharedNotCopied)
{
    LinkShaper shaper;
    const QByteArray big = data(1 << 20);
    shaper.enqueue(big);
    const QList<QByteArray> pieces = shaper.takeReadyPieces(0);
    ASSERT_EQ(pieces.size(), 1);
    EXPECT_EQ(pieces.first().constData(), big.constData());
}

// A caller whose timer wakes up to a tick late sets half a tick of slack: bytes then leave within half a tick
// either side of their time, and the long-run rate is unchanged.
TEST(LinkShaperTest, EarlySlackCentresReleasesOnTheirTime)
{
    LinkShaper delayed;
    delayed.setEarlyNs(kMs / 2);
    delayed.configure(0, 0, 10, 0);
    delayed.enqueue(data(100));
    EXPECT_TRUE(delayed.takeReady(0).isEmpty());
    EXPECT_EQ(delayed.nextEventNs(0), 10 * kMs - kMs / 2);
    EXPECT_EQ(delayed.takeReady(10 * kMs - kMs / 2), data(100));

    LinkShaper paced;
    paced.setEarlyNs(kMs / 2);
    paced.configure(8, 0, 0, 0); // one byte per microsecond
    paced.enqueue(data(100));
    EXPECT_EQ(paced.takeReady(0), data(100)); // due in 0.1 ms: within the slack

    const qint64 bytes = 1000000; // a second's worth
    paced.enqueue(data(bytes));
    QByteArray out;
    const qint64 last = drain(paced, 0, &out);
    EXPECT_EQ(out, data(bytes));
    EXPECT_GE(last, (100 + bytes) * 1000 - kMs / 2); // never more than the slack early
    EXPECT_LE(last, (100 + bytes) * 1000);
}

} // namespace
} // namespace d3::core
