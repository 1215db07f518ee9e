#include "links/LinkRow.h"
#include "links/LinksPanel.h"

#include "TestFiles.h"
#include "experiment/Experiment.h"

#include <QApplication>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

using core::DirectedLink;

QApplication &app()
{
    static int argc = 1;
    static char name[] = "ui_links_tests";
    static char *argv[] = {name, nullptr};
    // Never destroyed: QTest's input devices are children of the application and outlive a static one.
    static auto *instance = new QApplication(argc, argv);
    return *instance;
}

/// The console's default experiment: device, edge1..3, cloud; device<->edge 100 Mbit/s 2 ms, edge<->edge
/// 1000 Mbit/s 0.5 ms, edge<->cloud 50 Mbit/s 5 ms.
core::Experiment console()
{
    QString error;
    const auto e = core::Experiment::load(test::TestFiles::sourceDir() + QStringLiteral("/experiments/console.json"),
                                          &error);
    EXPECT_TRUE(e.has_value()) << error.toStdString();
    return e.value_or(core::Experiment{});
}

/// The link of the i-th linkChanged, as "name mbps delay burst".
QString linkAt(const QSignalSpy &spy, int i)
{
    const auto link = spy.at(i).at(0).value<d3::core::ExperimentLink>();
    return QStringLiteral("%1 %2 %3 %4").arg(link.name).arg(link.mbps).arg(link.delayMs).arg(link.burstBytes);
}

/// Replaces the text of an exact field and presses Enter, as the operator does.
void type(QDoubleSpinBox *box, const QString &text)
{
    box->clear();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Enter);
}

class LinksPanelTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { app(); }

    void SetUp() override
    {
        m_experiment = console();
        m_panel.setLinks(m_experiment.expandLinks());
    }

    LinkRow *row(const char *from, const char *to) const
    {
        LinkRow *r = m_panel.row(QString::fromLatin1(from), QString::fromLatin1(to));
        EXPECT_NE(r, nullptr) << from << "->" << to;
        return r;
    }

    core::Experiment m_experiment;
    LinksPanel m_panel;
};

TEST_F(LinksPanelTest, OneRowPerDirectedLinkGroupedByClass)
{
    ASSERT_EQ(m_experiment.expandLinks().size(), 18); // 3 x 2 device<->edge, 3 x 2 edge<->edge, 3 x 2 edge<->cloud
    EXPECT_EQ(m_panel.rowCount(), 18);
    EXPECT_EQ(m_panel.groupTitles(),
              QStringList({QStringLiteral("device → edge"), QStringLiteral("edge → edge"), QStringLiteral("edge → cloud"),
                           QStringLiteral("cloud → edge"), QStringLiteral("edge → device")}));
    for (const DirectedLink &link : m_experiment.expandLinks()) {
        LinkRow *r = m_panel.row(link.from, link.to);
        ASSERT_NE(r, nullptr) << link.from.toStdString() << "->" << link.to.toStdString();
        EXPECT_EQ(r->link(), link);
        EXPECT_DOUBLE_EQ(r->bandwidthBox()->value(), link.mbps);
        EXPECT_DOUBLE_EQ(r->delayBox()->value(), link.delayMs);
        EXPECT_EQ(r->bandwidthSlider()->value(), LinkRow::positionOf(link.mbps));
        EXPECT_EQ(r->measuredText(), QStringLiteral("—"));
    }
    EXPECT_EQ(row("edge2", "cloud")->configuredText(), QStringLiteral("50.0"));
    EXPECT_EQ(row("edge1", "edge3")->configuredText(), QStringLiteral("1000"));
    EXPECT_EQ(m_panel.classOf(QStringLiteral("cloud"), QStringLiteral("edge2")), QStringLiteral("cloud->edge"));

    // The nodes' roles group the rows, whatever the names; every link between the nodes gets a row.
    QVector<core::ExperimentNode> nodes = m_experiment.nodes;
    nodes[1].name = QStringLiteral("gpu-a");
    m_panel.setNodes(nodes);
    EXPECT_EQ(m_panel.classOf(QStringLiteral("gpu-a"), QStringLiteral("cloud")), QStringLiteral("edge->cloud"));
    ASSERT_NE(m_panel.row(QStringLiteral("gpu-a"), QStringLiteral("device")), nullptr);
    EXPECT_EQ(m_panel.row(QStringLiteral("gpu-a"), QStringLiteral("device"))->configuredText(),
              QStringLiteral("unlimited"));
    EXPECT_EQ(m_panel.rowCount(), 18 + 8); // the 18 among the nodes (gpu-a's 8 unshaped) and edge1's 8 given
}

TEST_F(LinksPanelTest, FinishingAnExactFieldEmitsTheExactFiguresOnce)
{
    QSignalSpy changed(&m_panel, &LinksPanel::linkChanged);
    LinkRow *r = row("device", "edge2");
    type(r->bandwidthBox(), QStringLiteral("37.24"));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(linkAt(changed, 0), QStringLiteral("device->edge2 37.24 2 0"));
    EXPECT_EQ(r->bandwidthSlider()->value(), LinkRow::positionOf(37.24));
    EXPECT_EQ(r->configuredText(), QStringLiteral("100")); // configured once the controller confirms
    m_panel.setConfigured({QStringLiteral("device"), QStringLiteral("edge2"), 37.24, 2, 0});
    EXPECT_EQ(r->configuredText(), QStringLiteral("37.2"));

    type(r->delayBox(), QStringLiteral("12.5"));
    ASSERT_EQ(changed.count(), 2);
    EXPECT_EQ(linkAt(changed, 1), QStringLiteral("device->edge2 37.24 12.5 0"));
    EXPECT_EQ(r->delaySlider()->value(), 13);

    // Enter again without a change, or a delay beyond the slider: the field is exact, the slider stops at 500.
    QTest::keyClick(r->delayBox(), Qt::Key_Enter);
    EXPECT_EQ(changed.count(), 2);
    type(r->delayBox(), QStringLiteral("1500"));
    ASSERT_EQ(changed.count(), 3);
    EXPECT_EQ(linkAt(changed, 2), QStringLiteral("device->edge2 37.24 1500 0"));
    EXPECT_EQ(r->delaySlider()->value(), LinkRow::kMaxSliderDelayMs);
}

TEST_F(LinksPanelTest, DraggingASliderEmitsOnceAtTheRelease)
{
    QSignalSpy changed(&m_panel, &LinksPanel::linkChanged);
    LinkRow *r = row("edge1", "cloud");
    QSlider *slider = r->bandwidthSlider();
    slider->setSliderDown(true);
    for (int position : {200, 230, 250})
        slider->setValue(position);
    EXPECT_EQ(changed.count(), 0);
    EXPECT_DOUBLE_EQ(r->bandwidthBox()->value(), 31.6); // the field follows: 0.1 x 10^2.5, three digits
    slider->setSliderDown(false);
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(linkAt(changed, 0), QStringLiteral("edge1->cloud 31.6 5 0"));

    // A keyboard step has no drag to wait for.
    QTest::keyClick(r->delaySlider(), Qt::Key_Right);
    ASSERT_EQ(changed.count(), 2);
    EXPECT_EQ(linkAt(changed, 1), QStringLiteral("edge1->cloud 31.6 6 0"));
}

TEST_F(LinksPanelTest, UnlimitedIsZeroAtTheSlidersTopAndShownAsSuch)
{
    QSignalSpy changed(&m_panel, &LinksPanel::linkChanged);
    LinkRow *r = row("edge3", "edge1");
    m_panel.setConfigured({QStringLiteral("edge3"), QStringLiteral("edge1"), 0, 0.5, 0});
    EXPECT_EQ(changed.count(), 0);
    EXPECT_EQ(r->configuredText(), QStringLiteral("unlimited"));
    EXPECT_EQ(r->bandwidthBox()->text(), QStringLiteral("unlimited"));
    EXPECT_EQ(r->bandwidthSlider()->value(), LinkRow::kUnlimitedPosition);

    QTest::keyClick(r->bandwidthSlider(), Qt::Key_Left); // down from unlimited: 10 Gbit/s
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(linkAt(changed, 0), QStringLiteral("edge3->edge1 10000 0.5 0"));
    QTest::keyClick(r->bandwidthSlider(), Qt::Key_End);
    ASSERT_EQ(changed.count(), 2);
    EXPECT_EQ(linkAt(changed, 1), QStringLiteral("edge3->edge1 0 0.5 0"));

    EXPECT_DOUBLE_EQ(LinkRow::mbpsAt(0), 0.1);
    EXPECT_DOUBLE_EQ(LinkRow::mbpsAt(LinkRow::kTopPosition), 10000);
    EXPECT_DOUBLE_EQ(LinkRow::mbpsAt(300), 100);
    for (int p = 0; p <= LinkRow::kUnlimitedPosition; ++p)
        EXPECT_EQ(LinkRow::positionOf(LinkRow::mbpsAt(p)), p) << p;
    EXPECT_EQ(LinkRow::positionOf(1e6), LinkRow::kTopPosition);
    EXPECT_EQ(LinkRow::positionOf(0.01), 0);
}

TEST_F(LinksPanelTest, MeasuredThroughputShowsBesideTheConfigured)
{
    m_panel.setMeasured(QStringLiteral("edge2"), QStringLiteral("cloud"), 48.73);
    EXPECT_EQ(row("edge2", "cloud")->measuredText(), QStringLiteral("48.7"));
    EXPECT_EQ(row("edge2", "cloud")->configuredText(), QStringLiteral("50.0"));
    EXPECT_EQ(row("cloud", "edge2")->measuredText(), QStringLiteral("—"));
    m_panel.setMeasured(QStringLiteral("edge2"), QStringLiteral("cloud"), 0);
    EXPECT_EQ(row("edge2", "cloud")->measuredText(), QStringLiteral("—"));

    // A link with traffic but no row (unshaped) gets one, and the measured values of the others stay.
    m_panel.setMeasured(QStringLiteral("device"), QStringLiteral("edge1"), 95.5);
    m_panel.setMeasured(QStringLiteral("cloud"), QStringLiteral("device"), 940.2);
    EXPECT_EQ(m_panel.rowCount(), 19);
    EXPECT_EQ(row("cloud", "device")->measuredText(), QStringLiteral("940"));
    EXPECT_EQ(row("cloud", "device")->configuredText(), QStringLiteral("unlimited"));
    EXPECT_EQ(row("device", "edge1")->measuredText(), QStringLiteral("95.5"));
    EXPECT_EQ(m_panel.groupTitles().last(), QStringLiteral("cloud → device"));
}

TEST_F(LinksPanelTest, ALinksCompressionShowsUnderItsThroughput)
{
    m_panel.setMeasured(QStringLiteral("edge2"), QStringLiteral("cloud"), 48.73);
    m_panel.setCompression(QStringLiteral("edge2"), QStringLiteral("cloud"), QStringLiteral("shuffle-zstd"), 0.25);
    EXPECT_EQ(row("edge2", "cloud")->measuredText(), QStringLiteral("48.7\nshuffle-zstd: 4.00x smaller"));
    m_panel.setMeasured(QStringLiteral("edge2"), QStringLiteral("cloud"), 30);
    EXPECT_EQ(row("edge2", "cloud")->measuredText(), QStringLiteral("30.0\nshuffle-zstd: 4.00x smaller"));
    // Raw again: the rate alone.
    m_panel.setCompression(QStringLiteral("edge2"), QStringLiteral("cloud"), QStringLiteral("none"), 1.001);
    EXPECT_EQ(row("edge2", "cloud")->measuredText(), QStringLiteral("30.0"));
    EXPECT_EQ(row("cloud", "edge2")->measuredText(), QStringLiteral("—"));
}

TEST_F(LinksPanelTest, BothWaysSetsThePairAsOne)
{
    QSignalSpy changed(&m_panel, &LinksPanel::linkChanged);
    LinkRow *r = row("edge1", "edge2");
    r->bothWaysBox()->setChecked(true);
    type(r->bandwidthBox(), QStringLiteral("250"));
    ASSERT_EQ(changed.count(), 1); // one change, named as an experiment names the pair
    EXPECT_EQ(linkAt(changed, 0), QStringLiteral("edge1<->edge2 250 0.5 0"));
    EXPECT_DOUBLE_EQ(row("edge2", "edge1")->bandwidthBox()->value(), 250);
}

// A tier's links in one go, as an experiment's "edge->cloud" or "edge<->cloud": one field, not one per edge node.
TEST_F(LinksPanelTest, ATierRowSetsEveryLinkOfItsClassInOneGo)
{
    QSignalSpy changed(&m_panel, &LinksPanel::linkChanged);
    LinkRow *tier = m_panel.tierRow(QStringLiteral("edge->cloud"));
    ASSERT_NE(tier, nullptr);
    EXPECT_EQ(m_panel.tierRow(QStringLiteral("cloud->device")), nullptr); // no such links: no tier row
    type(tier->delayBox(), QStringLiteral("20"));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(linkAt(changed, 0), QStringLiteral("edge->cloud 50 20 0"));
    for (const char *edge : {"edge1", "edge2", "edge3"}) {
        EXPECT_DOUBLE_EQ(row(edge, "cloud")->delayBox()->value(), 20) << edge;
        EXPECT_DOUBLE_EQ(row("cloud", edge)->delayBox()->value(), 5) << edge; // the other direction kept
    }
    tier->bothWaysBox()->setChecked(true);
    type(tier->bandwidthBox(), QStringLiteral("5"));
    ASSERT_EQ(changed.count(), 2);
    EXPECT_EQ(linkAt(changed, 1), QStringLiteral("edge<->cloud 5 20 0"));
    for (const char *edge : {"edge1", "edge2", "edge3"})
        EXPECT_DOUBLE_EQ(row("cloud", edge)->bandwidthBox()->value(), 5) << edge;
    EXPECT_DOUBLE_EQ(m_panel.tierRow(QStringLiteral("cloud->edge"))->bandwidthBox()->value(), 5);
    // What the controller confirms shows in the tier row too.
    m_panel.setConfigured({QStringLiteral("edge2"), QStringLiteral("cloud"), 8, 3, 0});
    EXPECT_DOUBLE_EQ(tier->bandwidthBox()->value(), 8);
}

// The lab's ten workers (device, edge1..edge8, cloud): every directed link a row (8 x 2 device<->edge, 8 x 7
// edge->edge, 8 x 2 edge<->cloud), each of the five classes a tier row that sets all its links in one go.
TEST(LinksPanelManyTest, TenNodesHaveEveryPairAndATierRowPerClass)
{
    app();
    QString error;
    const auto e = core::Experiment::load(test::TestFiles::sourceDir() + QStringLiteral("/experiments/many.json"),
                                          &error);
    ASSERT_TRUE(e) << error.toStdString();
    ASSERT_EQ(e->nodes.size(), 10);
    LinksPanel panel;
    panel.setNodes(e->nodes);
    panel.setLinks(e->expandLinks());
    EXPECT_EQ(panel.rowCount(), 16 + 56 + 16);
    EXPECT_EQ(panel.groupTitles(),
              QStringList({QStringLiteral("device → edge"), QStringLiteral("edge → edge"), QStringLiteral("edge → cloud"),
                           QStringLiteral("cloud → edge"), QStringLiteral("edge → device")}));
    for (int a = 1; a <= 8; ++a) {
        const QString edge = QStringLiteral("edge%1").arg(a);
        EXPECT_NE(panel.row(QStringLiteral("device"), edge), nullptr) << a;
        EXPECT_NE(panel.row(edge, QStringLiteral("cloud")), nullptr) << a;
        for (int b = 1; b <= 8; ++b)
            EXPECT_EQ(panel.row(edge, QStringLiteral("edge%1").arg(b)) != nullptr, a != b) << a << " " << b;
    }
    for (const char *linkClass : {"device->edge", "edge->edge", "edge->cloud", "cloud->edge", "edge->device"})
        EXPECT_NE(panel.tierRow(QLatin1String(linkClass)), nullptr) << linkClass;

    QSignalSpy changed(&panel, &LinksPanel::linkChanged);
    LinkRow *tier = panel.tierRow(QStringLiteral("edge->edge"));
    type(tier->bandwidthBox(), QStringLiteral("300"));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_TRUE(linkAt(changed, 0).startsWith(QStringLiteral("edge->edge 300 "))) << linkAt(changed, 0).toStdString();
    for (int a = 1; a <= 8; ++a)
        for (int b = 1; b <= 8; ++b)
            if (a != b)
                EXPECT_DOUBLE_EQ(panel.row(QStringLiteral("edge%1").arg(a), QStringLiteral("edge%1").arg(b))
                                     ->bandwidthBox()->value(), 300) << a << " " << b;
    // A measured figure for a link of the tenth node lands in its own row.
    panel.setMeasured(QStringLiteral("edge8"), QStringLiteral("cloud"), 42);
    EXPECT_EQ(panel.rowCount(), 88);
    EXPECT_NE(panel.row(QStringLiteral("edge8"), QStringLiteral("cloud"))->measuredText(), QStringLiteral("—"));
}

} // namespace
} // namespace d3::ui
