// d3ctl discover: the workers whose beacons it hears, as the array `d3ctl run --workers` reads; bad options refused.
#include "D3ctlProcess.h"
#include "WorkerProcess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUdpSocket>

#include <gtest/gtest.h>

namespace d3 {
namespace {

using test::D3ctlProcess;

/// A free UDP port on loopback (bound and released).
quint16 freeUdpPort()
{
    QUdpSocket probe;
    return probe.bind(QHostAddress::LocalHost, 0) ? probe.localPort() : 0;
}

TEST(DiscoverCommandTest, ListsTheWorkersItHearsAsRunWorkersReadsThem)
{
    const quint16 port = freeUdpPort();
    ASSERT_NE(port, 0);
    const QString beacon = QStringLiteral("127.0.0.1:%1").arg(port);
    test::WorkerProcess edge({QStringLiteral("--name"), QStringLiteral("edge4"), QStringLiteral("--beacon"), beacon});
    test::WorkerProcess quiet({QStringLiteral("--name"), QStringLiteral("edge5")}); // no beacon: not heard
    ASSERT_NE(edge.port(), 0);
    ASSERT_NE(quiet.port(), 0);
    // Beacons every 2 s: 5 s hear at least two.
    const auto r = D3ctlProcess::run({QStringLiteral("discover"), QStringLiteral("--port"), QString::number(port),
                                      QStringLiteral("--seconds"), QStringLiteral("5"), QStringLiteral("--json")});
    ASSERT_TRUE(r.succeeded());
    const QJsonArray heard = r.json().array();
    ASSERT_EQ(heard.size(), 1) << r.out.toStdString(); // heard twice, listed once
    const QJsonObject w = heard.at(0).toObject();
    EXPECT_EQ(w.value(QStringLiteral("name")).toString(), QStringLiteral("edge4"));
    EXPECT_EQ(w.value(QStringLiteral("role")).toString(), QStringLiteral("edge"));
    EXPECT_EQ(w.value(QStringLiteral("address")).toString(), QStringLiteral("127.0.0.1:%1").arg(edge.port()));
}

TEST(DiscoverCommandTest, BadOptionsAreOneLine)
{
    EXPECT_TRUE(D3ctlProcess::run({QStringLiteral("discover"), QStringLiteral("--seconds"), QStringLiteral("0")})
                    .refused(QStringLiteral("--seconds")));
    EXPECT_TRUE(D3ctlProcess::run({QStringLiteral("discover"), QStringLiteral("--port"), QStringLiteral("70000")})
                    .refused(QStringLiteral("--port")));
    EXPECT_TRUE(D3ctlProcess::run({QStringLiteral("discover"), QStringLiteral("lan")}).refused(QStringLiteral("positional")));
}

} // namespace
} // namespace d3
