#include "D3ctlProcess.h"
#include "NpyBytes.h"
#include "TestFiles.h"

#include "io/SyntheticInput.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using d3::test::D3ctlProcess;
using d3::test::NpyBytes;
using d3::test::TestFiles;

namespace {

QJsonObject verify(const QStringList &args)
{
    const auto r = D3ctlProcess::run(QStringList{QStringLiteral("verify")} + args + QStringList{QStringLiteral("--json")});
    EXPECT_TRUE(r.succeeded());
    return r.json().object();
}

TEST(VerifyCommandTest, AlexnetSplitIsBitExact)
{
    const QJsonObject v = verify({QStringLiteral("alexnet"), QStringLiteral("--cuts"), QStringLiteral("5,12")});
    for (const char *key : {"model", "cuts", "grid", "max_abs_diff", "max_abs_ref", "bit_exact", "argmax_equal"})
        EXPECT_TRUE(v.contains(QLatin1String(key))) << key;
    EXPECT_EQ(v.value(QLatin1String("model")).toString(), QStringLiteral("alexnet"));
    EXPECT_EQ(v.value(QLatin1String("cuts")).toArray(), (QJsonArray{5, 12}));
    EXPECT_EQ(v.value(QLatin1String("grid")).toArray(), (QJsonArray{1, 1}));
    EXPECT_TRUE(v.value(QLatin1String("bit_exact")).toBool());
    EXPECT_TRUE(v.value(QLatin1String("argmax_equal")).toBool());
    EXPECT_EQ(v.value(QLatin1String("max_abs_diff")).toDouble(-1), 0.0);
    EXPECT_GT(v.value(QLatin1String("max_abs_ref")).toDouble(), 0.0);
}

TEST(VerifyCommandTest, ResnetCutsInsideResidualBlocksAreBitExact)
{
    const auto graph = TestFiles::builtin(QStringLiteral("resnet18"));
    const int p = graph.indexOf(QStringLiteral("layer1.0.conv2"));  // carries two tensors
    const int q = graph.indexOf(QStringLiteral("layer3.0.downsample.0"));
    const QString cuts = QStringLiteral("%1,%2").arg(p).arg(q);
    const QJsonObject v = verify({QStringLiteral("resnet18"), QStringLiteral("--cuts"), cuts});
    EXPECT_EQ(v.value(QLatin1String("cuts")).toArray(), (QJsonArray{p, q}));
    EXPECT_TRUE(v.value(QLatin1String("bit_exact")).toBool());
    EXPECT_TRUE(v.value(QLatin1String("argmax_equal")).toBool());
}

TEST(VerifyCommandTest, SeedAndInputFileDecideTheOutput)
{
    const QStringList base{QStringLiteral("alexnet"), QStringLiteral("--cuts"), QStringLiteral("0,22")};
    const double seed1 = verify(base).value(QLatin1String("max_abs_ref")).toDouble();
    EXPECT_EQ(verify(base).value(QLatin1String("max_abs_ref")).toDouble(), seed1);

    // The synthetic input of seed 1 written as a batch-of-one .npy reproduces seed 1's output exactly.
    QTemporaryDir dir;
    const auto x = d3::core::SyntheticInput::make(d3::core::TensorShape{{3, 224, 224}}, 1);
    const QString path = TestFiles::write(dir, QStringLiteral("x.npy"),
                                          NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("1, 3, 224, 224"),
                                                         NpyBytes::floats(x.values)));
    EXPECT_EQ(verify(base + QStringList{QStringLiteral("--input"), path}).value(QLatin1String("max_abs_ref")).toDouble(),
              seed1);
    const auto seed2 = verify(base + QStringList{QStringLiteral("--seed"), QStringLiteral("2")});
    EXPECT_NE(seed2.value(QLatin1String("max_abs_ref")).toDouble(), seed1);
}

} // namespace
