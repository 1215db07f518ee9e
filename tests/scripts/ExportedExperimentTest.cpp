#include "D3ctlProcess.h"
#include "DebianPython.h"
#include "TestFiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace d3 {
namespace {

// experiments/efficientnet_b0.json runs an exported efficientnet_b0 (SiLU, squeeze-excite) on the local cluster:
// exported as README says, into runs/models beside experiments/, and run with its three planners and its timeline.
TEST(ExportedExperimentTest, TheShippedExperimentRunsAnExportedEfficientnet)
{
    QTemporaryDir root;
    ASSERT_TRUE(root.isValid());
    ASSERT_TRUE(QDir(root.path()).mkpath(QStringLiteral("experiments")));
    const QString experiment = root.filePath(QStringLiteral("experiments/efficientnet_b0.json"));
    ASSERT_TRUE(QFile::copy(test::TestFiles::sourceDir() + QStringLiteral("/experiments/efficientnet_b0.json"), experiment));
    const test::PythonRun exported = test::DebianPython::run(
        {test::TestFiles::sourceDir() + QStringLiteral("/scripts/export_model.py"),
         QStringLiteral("torchvision:efficientnet_b0"), QStringLiteral("--out"), root.filePath(QStringLiteral("runs/models")),
         QStringLiteral("--d3ctl"), test::TestFiles::d3ctl()},
        600000);
    ASSERT_TRUE(exported.ok()) << exported.describe().toStdString() << "\n" << exported.out.toStdString();

    const auto r = test::D3ctlProcess::run({QStringLiteral("run"), experiment, QStringLiteral("--out"),
                                            root.filePath(QStringLiteral("run")), QStringLiteral("--json")},
                                           900000);
    ASSERT_TRUE(r.finished);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QJsonObject summary = r.json().object();
    EXPECT_EQ(summary.value(QStringLiteral("requests")).toInt(), 90); // 30 for each of the three planners
    EXPECT_EQ(summary.value(QStringLiteral("completed")).toInt(), 90)
        << QJsonDocument(summary.value(QStringLiteral("failures")).toArray()).toJson().toStdString();
    EXPECT_EQ(summary.value(QStringLiteral("failed")).toInt(), 0);
    EXPECT_GT(summary.value(QStringLiteral("measured_over_predicted")).toDouble(), 0.0);
}

} // namespace
} // namespace d3
