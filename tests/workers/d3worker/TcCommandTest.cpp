#include "TcCommand.h"

#include <gtest/gtest.h>

#include <cmath>

namespace d3::worker {
namespace {

TcCommand::Rate rateOf(double mbps, qint64 burst = 0)
{
    QString error;
    const auto r = TcCommand::rate(mbps, burst, &error);
    EXPECT_TRUE(r) << error.toStdString();
    return r.value_or(TcCommand::Rate{});
}

TEST(TcCommandTest, RatesBecomeWholeBitsPerSecondWithABurstThatHoldsTheRate)
{
    EXPECT_EQ(rateOf(10).bitsPerSecond, 10000000);
    EXPECT_EQ(rateOf(0.5).bitsPerSecond, 500000);
    EXPECT_EQ(rateOf(1000).bitsPerSecond, 1000000000);
    // The default burst is kBurstMs at the rate, never under ten full frames.
    EXPECT_EQ(rateOf(1000).burstBytes, 625000);
    EXPECT_EQ(rateOf(1).burstBytes, TcCommand::kMinBurst);
    EXPECT_EQ(rateOf(10, 100000).burstBytes, 100000);
}

TEST(TcCommandTest, RatesAndBurstsOutsideTheirRangeAreRefusedInOneLine)
{
    QString error;
    for (double bad : {0.0, -1.0, 0.001, 1e6 + 1, std::nan(""), HUGE_VAL}) {
        EXPECT_FALSE(TcCommand::rate(bad, 0, &error)) << bad;
        EXPECT_TRUE(error.startsWith(QStringLiteral("kernel rate "))) << error.toStdString();
    }
    EXPECT_FALSE(TcCommand::rate(10, 100, &error));
    EXPECT_EQ(error, QStringLiteral("kernel burst 100 bytes is outside 15140..1073741824"));
    EXPECT_FALSE(TcCommand::rate(10, (qint64(1) << 30) + 1, &error));
}

TEST(TcCommandTest, TheCommandLinesAreBuiltFromCheckedFiguresOnly)
{
    const TcCommand::Rate r = rateOf(100);
    EXPECT_EQ(TcCommand::addQdisc(QStringLiteral("eth0")).join(QLatin1Char(' ')),
              QStringLiteral("qdisc add dev eth0 root handle d3: htb"));
    EXPECT_EQ(TcCommand::addClass(QStringLiteral("eth0"), 26, r).join(QLatin1Char(' ')),
              QStringLiteral("class add dev eth0 parent d3: classid d3:1a htb rate 100000000bit ceil 100000000bit "
                             "burst 62500 cburst 62500 quantum 60000"));
    EXPECT_EQ(TcCommand::changeClass(QStringLiteral("eth0"), 26, rateOf(10)).join(QLatin1Char(' ')),
              QStringLiteral("class change dev eth0 parent d3: classid d3:1a htb rate 10000000bit ceil 10000000bit "
                             "burst 15140 cburst 15140 quantum 60000"));
    EXPECT_EQ(TcCommand::addFilter(QStringLiteral("eth0"), 3, QHostAddress(QStringLiteral("10.213.31.11"))).join(QLatin1Char(' ')),
              QStringLiteral("filter add dev eth0 parent d3: protocol ip prio 3 u32 match ip dst 10.213.31.11/32 flowid d3:3"));
    EXPECT_EQ(TcCommand::deleteFilter(QStringLiteral("eth0"), 3).join(QLatin1Char(' ')),
              QStringLiteral("filter del dev eth0 parent d3: protocol ip prio 3"));
    EXPECT_EQ(TcCommand::deleteClass(QStringLiteral("eth0"), 3).join(QLatin1Char(' ')),
              QStringLiteral("class del dev eth0 classid d3:3"));
    EXPECT_EQ(TcCommand::deleteQdisc(QStringLiteral("eth0")).join(QLatin1Char(' ')),
              QStringLiteral("qdisc del dev eth0 root handle d3:"));
    EXPECT_EQ(TcCommand::routeGet(QHostAddress(QStringLiteral("10.213.31.200"))).join(QLatin1Char(' ')),
              QStringLiteral("-4 route get 10.213.31.200"));
}

TEST(TcCommandTest, TheInterfaceComesFromIpRouteGetAndMustBeAnInterfaceName)
{
    QString error;
    EXPECT_EQ(TcCommand::deviceOfRoute(QStringLiteral("10.213.31.11 dev eth0 src 10.213.31.10 uid 0 \n    cache \n"), &error),
              QStringLiteral("eth0"));
    EXPECT_EQ(TcCommand::deviceOfRoute(QStringLiteral("local 127.0.0.1 dev lo table local src 127.0.0.1 uid 0\n"), &error),
              QStringLiteral("lo"));
    EXPECT_EQ(TcCommand::deviceOfRoute(QStringLiteral("10.0.0.2 via 10.0.0.1 dev veth-a.1@x src 10.0.0.3"), &error),
              QStringLiteral("veth-a.1@x"));
    for (const char *bad : {"10.0.0.2 via 10.0.0.1 src 10.0.0.3", "10.0.0.2 dev", "10.0.0.2 dev -rf",
                            "10.0.0.2 dev averyveryverylongname", "10.0.0.2 dev ..", "10.0.0.2 dev e$th0"}) {
        EXPECT_FALSE(TcCommand::deviceOfRoute(QString::fromLatin1(bad), &error)) << bad;
        EXPECT_TRUE(error.startsWith(QStringLiteral("ip route get names no interface: "))) << error.toStdString();
    }
    EXPECT_TRUE(TcCommand::isDeviceName(QStringLiteral("eth0")));
    EXPECT_FALSE(TcCommand::isDeviceName(QString()));
    EXPECT_FALSE(TcCommand::isDeviceName(QStringLiteral("eth0 root")));
}

} // namespace
} // namespace d3::worker
