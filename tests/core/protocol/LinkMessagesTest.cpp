#include "protocol/LinkMessages.h"

#include <QCborArray>

#include <gtest/gtest.h>

namespace d3::core {
namespace {

TEST(LinkMessagesTest, SetLinkCarriesItsShaperAndAnOlderControllersMeansProcess)
{
    const SetLinkMessage kernel{QStringLiteral("edge1"), 100, 0, 5, ShaperKind::Kernel};
    QString error;
    const auto back = SetLinkMessage::fromCbor(kernel.toCbor(), &error);
    ASSERT_TRUE(back) << error.toStdString();
    EXPECT_EQ(back->shaper, ShaperKind::Kernel);
    EXPECT_EQ(back->rateMbps, 100);
    EXPECT_EQ(back->delayMs, 5);

    QCborMap old = kernel.toCbor(); // what a controller that predates the field sends
    old.remove(QStringLiteral("shaper"));
    const auto fromOld = SetLinkMessage::fromCbor(old, &error);
    ASSERT_TRUE(fromOld) << error.toStdString();
    EXPECT_EQ(fromOld->shaper, ShaperKind::Process);
}

TEST(LinkMessagesTest, AnUnknownShaperIsRefusedInOneLine)
{
    QCborMap m = SetLinkMessage{QStringLiteral("edge1"), 10}.toCbor();
    QString error;
    m.insert(QStringLiteral("shaper"), QStringLiteral("netem; rm -rf /"));
    EXPECT_FALSE(SetLinkMessage::fromCbor(m, &error));
    EXPECT_EQ(error, QStringLiteral("SetLink: 'shaper' must be one of process, kernel, not 'netem; rm -rf /'"));
    m.insert(QStringLiteral("shaper"), 7);
    EXPECT_FALSE(SetLinkMessage::fromCbor(m, &error));
    EXPECT_TRUE(error.startsWith(QStringLiteral("SetLink: "))) << error.toStdString();
    EXPECT_FALSE(error.contains(QLatin1Char('\n')));
}

TEST(LinkMessagesTest, LinkStatsSayWhichShaperAndAnOlderWorkersSayNothing)
{
    LinkStat kernel;
    kernel.to = QStringLiteral("cloud");
    kernel.rateMbps = 10;
    kernel.shaper = ShaperKind::Kernel;
    LinkStat old = kernel; // a worker that predates the field
    old.to = QStringLiteral("edge2");
    old.shaper.reset();
    QString error;
    const auto back = LinkStatsMessage::fromCbor(LinkStatsMessage{QStringLiteral("edge1"), {kernel, old}}.toCbor(), &error);
    ASSERT_TRUE(back) << error.toStdString();
    ASSERT_EQ(back->links.size(), 2);
    EXPECT_EQ(back->links[0].shaper, ShaperKind::Kernel);
    EXPECT_FALSE(back->links[1].shaper.has_value());
}

TEST(LinkMessagesTest, ShaperNamesRoundTrip)
{
    for (ShaperKind k : {ShaperKind::Process, ShaperKind::Kernel})
        EXPECT_EQ(shaperFromName(shaperName(k)), k);
    EXPECT_FALSE(shaperFromName(QStringLiteral("Kernel")));
    EXPECT_FALSE(shaperFromName(QString()));
}

} // namespace
} // namespace d3::core
