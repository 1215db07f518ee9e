#include "cluster/AddNodeDialog.h"
#include "cluster/ClusterPanel.h"

#include "EventLoop.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>

#include "net/BeaconSender.h"

#include <QHeaderView>
#include <QLabel>

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

using State = core::Controller::NodeState;

QApplication &app()
{
    static int argc = 1;
    static char name[] = "ui_cluster_tests";
    static char *argv[] = {name, nullptr};
    static QTemporaryDir settings;
    static QApplication *instance = [] {
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(settings.path()));
        auto *a = new QApplication(argc, argv);
        QApplication::setOrganizationName(QStringLiteral("d3lab-tests"));
        return a;
    }();
    return *instance;
}

QVector<core::ExperimentNode> fiveNodes()
{
    QVector<core::ExperimentNode> nodes;
    for (const auto &[name, role] : {std::pair{"device", "device"}, {"edge1", "edge"}, {"edge2", "edge"},
                                     {"edge3", "edge"}, {"cloud", "cloud"}})
        nodes.append({QString::fromLatin1(name), QString::fromLatin1(role), 2, 1, QString()});
    nodes[4].address = QStringLiteral("10.0.0.9:7000");
    return nodes;
}

TEST(ClusterPanelTest, RowsFollowTheWorkersStatesAndADeadOneTurnsRed)
{
    app();
    ClusterPanel panel;
    panel.setNodes(fiveNodes());
    ASSERT_EQ(panel.table()->rowCount(), 5);
    EXPECT_EQ(panel.table()->item(4, ClusterPanel::Address)->text(), QStringLiteral("10.0.0.9:7000"));
    EXPECT_EQ(panel.statusOf(QStringLiteral("edge1")), QStringLiteral("connecting"));

    panel.setState(QStringLiteral("edge1"), State::Profiling);
    panel.setProgress(QStringLiteral("edge1"), 11, 22);
    EXPECT_EQ(panel.statusOf(QStringLiteral("edge1")), QStringLiteral("profiling 50%"));
    panel.setState(QStringLiteral("edge1"), State::Ready);
    panel.setBusy({QStringLiteral("edge1"), QStringLiteral("device")}, true);
    EXPECT_EQ(panel.statusOf(QStringLiteral("edge1")), QStringLiteral("busy"));
    EXPECT_EQ(panel.statusOf(QStringLiteral("device")), QStringLiteral("connecting")); // busy only when ready
    panel.setBusy({QStringLiteral("edge1")}, false);
    EXPECT_EQ(panel.statusOf(QStringLiteral("edge1")), QStringLiteral("ready"));

    const QBrush plain = panel.table()->item(1, ClusterPanel::Name)->background();
    panel.setState(QStringLiteral("edge1"), State::Dead);
    EXPECT_TRUE(panel.isDead(QStringLiteral("edge1")));
    EXPECT_EQ(panel.statusOf(QStringLiteral("edge1")), QStringLiteral("dead"));
    EXPECT_NE(panel.table()->item(1, ClusterPanel::Name)->background(), plain);
    EXPECT_GT(panel.table()->item(1, ClusterPanel::Status)->background().color().red(),
              panel.table()->item(1, ClusterPanel::Status)->background().color().green());
    panel.setState(QStringLiteral("edge1"), State::Ready); // back after a restart
    EXPECT_FALSE(panel.isDead(QStringLiteral("edge1")));
    EXPECT_EQ(panel.table()->item(1, ClusterPanel::Name)->background(), plain);

    panel.setSpeeds({{QStringLiteral("cloud"), 1.0}, {QStringLiteral("device"), 0.125}});
    EXPECT_EQ(panel.table()->item(0, ClusterPanel::Speed)->text(), QStringLiteral("0.125"));
    panel.setFingerprint(QStringLiteral("ab12"));
    EXPECT_EQ(panel.table()->item(3, ClusterPanel::Fingerprint)->text(), QStringLiteral("ab12"));
}

// In a dock a fifth of a 1366-pixel window wide, every column shows within the table (the address elided, the
// fingerprint's start), whole in its tooltip.
TEST(ClusterPanelTest, EveryColumnFitsANarrowDock)
{
    app();
    ClusterPanel panel;
    panel.setNodes(fiveNodes());
    panel.setFingerprint(QStringLiteral("8c3f0a1b2c3d4e5f60718293a4b5c6d7"));
    panel.setSpeeds({{QStringLiteral("edge1"), 0.333}});
    panel.resize(256, 300);
    panel.show();
    QApplication::processEvents();
    QHeaderView *header = panel.table()->horizontalHeader();
    const int viewport = panel.table()->viewport()->width();
    for (int c = 0; c < ClusterPanel::ColumnCount; ++c) {
        if (c == ClusterPanel::Fingerprint) { // one line under the table instead
            EXPECT_TRUE(header->isSectionHidden(c));
            continue;
        }
        EXPECT_FALSE(header->isSectionHidden(c)) << c;
        EXPECT_GT(header->sectionSize(c), 0) << c;
        EXPECT_LE(header->sectionViewportPosition(c) + header->sectionSize(c), viewport) << c;
        // A column's own text fits unless it is the elided address.
        if (c != ClusterPanel::Address)
            for (int r = 0; r < panel.table()->rowCount(); ++r)
                EXPECT_LE(panel.table()->fontMetrics().horizontalAdvance(panel.table()->item(r, c)->text()),
                          header->sectionSize(c)) << "row " << r << " column " << c;
    }
    const auto *weights = panel.findChild<QLabel *>(QStringLiteral("fingerprint"));
    ASSERT_NE(weights, nullptr);
    EXPECT_EQ(weights->text(), QStringLiteral("Weights: 8c3f0a1b2c3d4e5f…"));
    EXPECT_EQ(weights->toolTip(), QStringLiteral("8c3f0a1b2c3d4e5f60718293a4b5c6d7"));
    EXPECT_EQ(panel.table()->item(1, ClusterPanel::Address)->toolTip(), panel.table()->item(1, ClusterPanel::Address)->text());
}

/// The virtual lab's ten workers (scripts/lab.sh up --edges 8): device, edge1..edge8, cloud at their addresses.
QVector<core::ExperimentNode> labNodes()
{
    QVector<core::ExperimentNode> nodes{{QStringLiteral("device"), QStringLiteral("device"), 1, 1,
                                         QStringLiteral("10.213.0.10:7000")}};
    for (int k = 1; k <= 8; ++k)
        nodes.append({QStringLiteral("edge%1").arg(k), QStringLiteral("edge"), 1, 1,
                      QStringLiteral("10.213.0.%1:7000").arg(10 + k)});
    nodes.append({QStringLiteral("cloud"), QStringLiteral("cloud"), 1, 1, QStringLiteral("10.213.0.200:7000")});
    return nodes;
}

// Ten workers: a row each in order, their states apart (one dead among ten), every column within a narrow dock,
// and a dock of the console's height shows every row without scrolling.
TEST(ClusterPanelTest, TenWorkersEachHaveTheirRow)
{
    app();
    ClusterPanel panel;
    const QVector<core::ExperimentNode> nodes = labNodes();
    panel.setNodes(nodes);
    ASSERT_EQ(panel.table()->rowCount(), 10);
    for (int r = 0; r < 10; ++r) {
        EXPECT_EQ(panel.table()->item(r, ClusterPanel::Name)->text(), nodes.at(r).name);
        EXPECT_EQ(panel.table()->item(r, ClusterPanel::Address)->text(), nodes.at(r).address);
        panel.setState(nodes.at(r).name, State::Ready);
    }
    panel.setState(QStringLiteral("edge7"), State::Dead);
    QHash<QString, double> speeds;
    for (const core::ExperimentNode &n : nodes)
        speeds.insert(n.name, 0.5);
    panel.setSpeeds(speeds);
    for (const core::ExperimentNode &n : nodes) {
        EXPECT_EQ(panel.isDead(n.name), n.name == QLatin1String("edge7")) << n.name.toStdString();
        EXPECT_EQ(panel.statusOf(n.name), n.name == QLatin1String("edge7") ? QStringLiteral("dead") : QStringLiteral("ready"));
    }
    EXPECT_EQ(panel.table()->item(9, ClusterPanel::Speed)->text(), QStringLiteral("0.500"));

    panel.resize(256, 340);
    panel.show();
    QApplication::processEvents();
    QHeaderView *header = panel.table()->horizontalHeader();
    for (int c = 0; c < ClusterPanel::ColumnCount; ++c)
        if (!header->isSectionHidden(c))
            EXPECT_LE(header->sectionViewportPosition(c) + header->sectionSize(c), panel.table()->viewport()->width()) << c;
    const int last = panel.table()->visualRect(panel.table()->model()->index(9, 0)).bottom();
    EXPECT_LE(last, panel.table()->viewport()->height()) << "the tenth row is scrolled out of a 340-pixel dock";
}

TEST(ClusterPanelTest, TheButtonsAskForTheSelectedWorker)
{
    app();
    ClusterPanel panel;
    panel.setNodes(fiveNodes());
    QSignalSpy kill(&panel, &ClusterPanel::killRequested);
    QSignalSpy restart(&panel, &ClusterPanel::restartRequested);
    panel.table()->selectRow(2);
    for (QPushButton *b : panel.findChildren<QPushButton *>()) {
        if (b->text() == QStringLiteral("Kill") || b->text() == QStringLiteral("Restart"))
            b->click();
    }
    ASSERT_EQ(kill.size(), 1);
    EXPECT_EQ(kill.first().first().toString(), QStringLiteral("edge2"));
    ASSERT_EQ(restart.size(), 1);
    EXPECT_EQ(restart.first().first().toString(), QStringLiteral("edge2"));
}

TEST(ClusterPanelTest, AddingAWorkerChecksItsFieldsAndListensOnlyWithConsent)
{
    app();
    QSettings().remove(QStringLiteral("cluster/discoverWorkers"));
    AddNodeDialog dialog(nullptr, 0);
    EXPECT_FALSE(dialog.isListening()); // nothing heard without the operator's consent
    EXPECT_FALSE(dialog.isAcceptable());
    auto fields = dialog.findChildren<QLineEdit *>();
    ASSERT_EQ(fields.size(), 2);
    fields[0]->setText(QStringLiteral("edge4"));
    fields[1]->setText(QStringLiteral("not an address"));
    EXPECT_FALSE(dialog.isAcceptable());
    fields[1]->setText(QStringLiteral("192.168.1.20:7000"));
    EXPECT_TRUE(dialog.isAcceptable());
    EXPECT_EQ(dialog.node().address, QStringLiteral("192.168.1.20:7000"));
    EXPECT_EQ(dialog.node().role, QStringLiteral("edge"));

    dialog.setDiscovery(true);
    ASSERT_TRUE(dialog.isListening());
    EXPECT_TRUE(QSettings().value(QStringLiteral("cluster/discoverWorkers")).toBool()); // remembered
    core::BeaconSender beacon(QStringLiteral("cloud2"), QStringLiteral("cloud"), 7100, QHostAddress::LocalHost,
                              dialog.listeningPort());
    ASSERT_TRUE(test::EventLoop::spinUntil([&] { return dialog.discoveredCount() == 1; }, 5000));
    auto *list = dialog.findChild<QListWidget *>();
    ASSERT_TRUE(list);
    list->setCurrentRow(0);
    EXPECT_EQ(dialog.node().name, QStringLiteral("cloud2"));
    EXPECT_EQ(dialog.node().role, QStringLiteral("cloud"));
    EXPECT_EQ(dialog.node().address, QStringLiteral("127.0.0.1:7100"));
    dialog.setDiscovery(false);
    EXPECT_FALSE(dialog.isListening());
    EXPECT_FALSE(QSettings().value(QStringLiteral("cluster/discoverWorkers")).toBool());
}

} // namespace
} // namespace d3::ui
