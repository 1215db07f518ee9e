#include "Engine.h"
#include "TestFiles.h"
#include "TorchReference.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace d3::engine {
namespace {

/// `d3ctl verify --reference` on a PyTorch reference: the CLI path of the fidelity check.
TEST(FidelityCliTest, VerifyAgainstPyTorchReferencePasses)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QString error;
    const auto ref = test::TorchReference::make(QStringLiteral("resnet18"), dir.path(), Engine::threads(), &error);
    ASSERT_TRUE(ref) << error.toStdString();

    QProcess d3ctl;
    d3ctl.start(test::TestFiles::d3ctl(),
                {QStringLiteral("verify"), QStringLiteral("resnet18"), QStringLiteral("--weights"), ref->stateDict,
                 QStringLiteral("--input"), ref->inputPath, QStringLiteral("--reference"), ref->referencePath,
                 QStringLiteral("--threads"), QString::number(Engine::threads()), QStringLiteral("--json")});
    ASSERT_TRUE(d3ctl.waitForFinished(120000)) << d3ctl.errorString().toStdString();
    const QByteArray err = d3ctl.readAllStandardError();
    ASSERT_EQ(d3ctl.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(d3ctl.exitCode(), 0) << err.toStdString();

    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(d3ctl.readAllStandardOutput(), &parseError).object();
    ASSERT_EQ(parseError.error, QJsonParseError::NoError) << parseError.errorString().toStdString();
    EXPECT_EQ(json.value(QLatin1String("model")).toString(), QStringLiteral("resnet18"));
    EXPECT_TRUE(json.value(QLatin1String("passed")).toBool());
    // The split against the monolithic output: the contract ("passed"); bit-identity is reported, with what decides it.
    ASSERT_TRUE(json.value(QLatin1String("bit_exact")).isBool());
    RecordProperty("bit_exact", json.value(QLatin1String("bit_exact")).toBool() ? "true" : "false");
    const QJsonObject platform = json.value(QLatin1String("platform")).toObject();
    RecordProperty("cpu_isa", platform.value(QLatin1String("cpu_isa")).toString().toStdString());
    EXPECT_TRUE(json.value(QLatin1String("reference_argmax_equal")).toBool());
    ASSERT_TRUE(json.value(QLatin1String("reference_max_abs_diff")).isDouble());
    const double diff = json.value(QLatin1String("reference_max_abs_diff")).toDouble();
    const double scale = json.value(QLatin1String("reference_max_abs")).toDouble();
    EXPECT_GT(scale, 0.0);
    EXPECT_LE(diff, 1e-5 * scale);
    EXPECT_EQ(json.value(QLatin1String("weights")).toString(), ref->stateDict);
}

} // namespace
} // namespace d3::engine
