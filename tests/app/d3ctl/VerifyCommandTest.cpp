#include "D3ctlProcess.h"
#include "NpyBytes.h"
#include "TestFiles.h"

#include "io/SyntheticInput.h"
#include "io/TensorComparison.h"

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

/// Expects verify's JSON to meet the exactness contract, and to say whether it was bit-exact and on what.
void expectContract(const QJsonObject &v)
{
    EXPECT_TRUE(v.value(QLatin1String("passed")).toBool());
    EXPECT_TRUE(v.value(QLatin1String("argmax_equal")).toBool());
    const double diff = v.value(QLatin1String("max_abs_diff")).toDouble(-1);
    EXPECT_GE(diff, 0.0);
    EXPECT_LE(diff, d3::core::TensorComparison::kExactnessBound * v.value(QLatin1String("max_abs_ref")).toDouble());
    ASSERT_TRUE(v.value(QLatin1String("bit_exact")).isBool()); // reported, not asserted: it depends on the CPU
    EXPECT_EQ(v.value(QLatin1String("bit_exact")).toBool(), diff == 0.0);
    ::testing::Test::RecordProperty("bit_exact", v.value(QLatin1String("bit_exact")).toBool() ? "true" : "false");
}

TEST(VerifyCommandTest, AlexnetSplitMeetsTheContract)
{
    const QJsonObject v = verify({QStringLiteral("alexnet"), QStringLiteral("--cuts"), QStringLiteral("5,12")});
    for (const char *key : {"model", "cuts", "grid", "max_abs_diff", "max_abs_ref", "bit_exact", "argmax_equal"})
        EXPECT_TRUE(v.contains(QLatin1String(key))) << key;
    EXPECT_EQ(v.value(QLatin1String("model")).toString(), QStringLiteral("alexnet"));
    EXPECT_EQ(v.value(QLatin1String("cuts")).toArray(), (QJsonArray{5, 12}));
    EXPECT_EQ(v.value(QLatin1String("grid")).toArray(), (QJsonArray{1, 1}));
    EXPECT_GT(v.value(QLatin1String("max_abs_ref")).toDouble(), 0.0);
    expectContract(v);
}

// Once, a failed verify's text never said FAIL or what the tolerance was.
TEST(VerifyCommandTest, TheTextSaysPassOrFailAndTheTolerance)
{
    const auto pass = D3ctlProcess::run({QStringLiteral("verify"), QStringLiteral("alexnet")});
    ASSERT_TRUE(pass.succeeded()) << pass.err.toStdString();
    const QString text = QString::fromUtf8(pass.out);
    EXPECT_TRUE(text.startsWith(QStringLiteral("PASS alexnet"))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("the contract: within 1e-05 of max|y| and the same argmax")))
        << text.toStdString();

    // A reference that is not the model's output: FAIL, exit 1, with the reference's tolerance.
    QTemporaryDir dir;
    const auto x = d3::core::SyntheticInput::make(d3::core::TensorShape{{3, 224, 224}}, 1);
    const QString input = TestFiles::write(dir, QStringLiteral("x.npy"),
                                           NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("1, 3, 224, 224"),
                                                          NpyBytes::floats(x.values)));
    const QString reference = TestFiles::write(dir, QStringLiteral("y.npy"),
                                               NpyBytes::make(QStringLiteral("<f4"), false, QStringLiteral("1, 1000"),
                                                              NpyBytes::floats(d3::core::FloatStorage(1000, 0.5f))));
    const auto fail = D3ctlProcess::run({QStringLiteral("verify"), QStringLiteral("alexnet"), QStringLiteral("--input"),
                                         input, QStringLiteral("--reference"), reference});
    EXPECT_EQ(fail.exitCode, 1) << fail.err.toStdString();
    const QString failText = QString::fromUtf8(fail.out);
    EXPECT_TRUE(failText.startsWith(QStringLiteral("FAIL alexnet"))) << failText.toStdString();
    EXPECT_TRUE(failText.contains(QStringLiteral("against the reference (within 1e-05 of max|y| and the same argmax)")))
        << failText.toStdString();
}

TEST(VerifyCommandTest, SaysWhatDecidesBitIdentity)
{
    const QJsonObject v = verify({QStringLiteral("alexnet"), QStringLiteral("--cuts"), QStringLiteral("5,12"),
                                  QStringLiteral("--threads"), QStringLiteral("2")});
    EXPECT_EQ(v.value(QLatin1String("threads")).toInt(), 2);
    const QJsonObject platform = v.value(QLatin1String("platform")).toObject();
    EXPECT_EQ(platform.value(QLatin1String("threads")).toInt(), 2);
    // oneDNN's names of x86-64 instruction sets (avx2, avx512_core, ...); LibTorch's own kernels' width.
    const QString isa = platform.value(QLatin1String("cpu_isa")).toString();
    EXPECT_TRUE(isa.startsWith(QLatin1String("avx")) || isa.startsWith(QLatin1String("sse"))) << isa.toStdString();
    const QString aten = platform.value(QLatin1String("aten_cpu_capability")).toString();
    EXPECT_TRUE(aten == QLatin1String("DEFAULT") || aten == QLatin1String("AVX2") || aten == QLatin1String("AVX512"))
        << aten.toStdString();
    EXPECT_FALSE(platform.value(QLatin1String("cpu")).toString().isEmpty());
    EXPECT_FALSE(platform.value(QLatin1String("blas")).toString().isEmpty());
    EXPECT_TRUE(platform.value(QLatin1String("blas_library")).toString().contains(QLatin1String("blas")));
    RecordProperty("cpu_isa", isa.toStdString());
    RecordProperty("blas", platform.value(QLatin1String("blas")).toString().toStdString());
}

TEST(VerifyCommandTest, ResnetCutsInsideResidualBlocksMeetTheContract)
{
    const auto graph = TestFiles::builtin(QStringLiteral("resnet18"));
    const int p = graph.indexOf(QStringLiteral("layer1.0.conv2"));  // carries two tensors
    const int q = graph.indexOf(QStringLiteral("layer3.0.downsample.0"));
    const QString cuts = QStringLiteral("%1,%2").arg(p).arg(q);
    const QJsonObject v = verify({QStringLiteral("resnet18"), QStringLiteral("--cuts"), cuts});
    EXPECT_EQ(v.value(QLatin1String("cuts")).toArray(), (QJsonArray{p, q}));
    expectContract(v);
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
