#include "net/BeaconListener.h"
#include "net/BeaconSender.h"
#include "net/WorkerBeacon.h"

#include "EventLoop.h"

#include <gtest/gtest.h>

#include <optional>

namespace d3::core {
namespace {

const QHostAddress kSender(QStringLiteral("192.168.1.20"));

TEST(WorkerBeaconTest, AnAnnouncementReadsBackWithTheSendersAddress)
{
    const QByteArray d = WorkerBeacon::datagram(QStringLiteral("edge4"), QStringLiteral("edge"), 7000);
    const auto b = WorkerBeacon::parse(d, kSender);
    ASSERT_TRUE(b.has_value());
    EXPECT_EQ(b->name, QStringLiteral("edge4"));
    EXPECT_EQ(b->role, QStringLiteral("edge"));
    EXPECT_EQ(b->port, 7000);
    EXPECT_EQ(b->address(), QStringLiteral("192.168.1.20:7000"));
    EXPECT_LE(d.size(), WorkerBeacon::kMaxBytes);
}

TEST(WorkerBeaconTest, AnIpv6SenderIsBracketedAndAMappedIpv4OneIsNot)
{
    WorkerBeacon b;
    b.port = 7000;
    b.host = QHostAddress(QStringLiteral("fe80::1"));
    EXPECT_EQ(b.address(), QStringLiteral("[fe80::1]:7000"));
    b.host = QHostAddress(QStringLiteral("::ffff:10.0.0.5"));
    EXPECT_EQ(b.address(), QStringLiteral("10.0.0.5:7000"));
}

TEST(WorkerBeaconTest, AnythingButAWellFormedAnnouncementIsDropped)
{
    const auto json = [](const char *text) { return QByteArray(text); };
    const QByteArray bad[] = {
        QByteArray(),
        json("garbage"),
        json("[1,2]"),
        json(R"({"beacon":"other","v":1,"name":"e","role":"edge","port":7000})"),
        json(R"({"beacon":"d3lab-worker","v":2,"name":"e","role":"edge","port":7000})"),
        json(R"({"beacon":"d3lab-worker","v":1,"name":"e/../x","role":"edge","port":7000})"),
        json(R"({"beacon":"d3lab-worker","v":1,"name":"e","role":"router","port":7000})"),
        json(R"({"beacon":"d3lab-worker","v":1,"name":"e","role":"edge","port":0})"),
        json(R"({"beacon":"d3lab-worker","v":1,"name":"e","role":"edge","port":65536})"),
        json(R"({"beacon":"d3lab-worker","v":1,"name":"e","role":"edge","port":70.5})"),
        json(R"({"beacon":"d3lab-worker","v":1,"name":"e","role":"edge"})"),
        QByteArray(WorkerBeacon::kMaxBytes + 1, ' ') + WorkerBeacon::datagram(QStringLiteral("e"), QStringLiteral("edge"), 1),
    };
    for (const QByteArray &d : bad)
        EXPECT_FALSE(WorkerBeacon::parse(d, kSender).has_value()) << d.left(80).constData();
    EXPECT_FALSE(WorkerBeacon::parse(WorkerBeacon::datagram(QStringLiteral("e"), QStringLiteral("edge"), 1),
                                     QHostAddress()).has_value());
}

TEST(WorkerBeaconTest, AListenerHearsASendersAnnouncementOverUdp)
{
    test::EventLoop::app();
    BeaconListener listener;
    QString error;
    ASSERT_TRUE(listener.start(0, &error)) << qPrintable(error);
    ASSERT_GT(listener.port(), 0);
    std::optional<WorkerBeacon> heard;
    QObject::connect(&listener, &BeaconListener::heard, [&](const WorkerBeacon &b) { heard = b; });
    BeaconSender sender(QStringLiteral("edge7"), QStringLiteral("edge"), 7007, QHostAddress::LocalHost,
                        listener.port());
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return heard.has_value(); }, 5000));
    EXPECT_EQ(heard->name, QStringLiteral("edge7"));
    EXPECT_EQ(heard->address(), QStringLiteral("127.0.0.1:7007"));
    listener.stop();
    EXPECT_FALSE(listener.isListening());
}

} // namespace
} // namespace d3::core
