#include "Engine.h"
#include "WeightFileFixture.h"
#include "io/NpyFile.h"
#include "io/TensorComparison.h"

#include <gtest/gtest.h>

#include <memory>

namespace d3::engine {
namespace {

/// Weights files that are right: a state_dict dict and a TorchScript archive of the same weights.
class WeightFileTest : public test::WeightFileFixture
{
protected:
    std::unique_ptr<Engine> build(const QString &name)
    {
        WeightSource weights;
        weights.path = name.isEmpty() ? QString() : file(name);
        QString error;
        auto engine = Engine::create(graph(), weights, &error);
        EXPECT_TRUE(engine) << error.toStdString();
        return engine;
    }
};

TEST_F(WeightFileTest, StateDictAndTorchScriptLoadTheSameWeights)
{
    const auto fromDict = build(QStringLiteral("good.state_dict.pt"));
    const auto fromScript = build(QStringLiteral("good.torchscript.pt"));
    const auto seeded = build(QString());
    ASSERT_TRUE(fromDict && fromScript && seeded);
    EXPECT_EQ(fromDict->fingerprint(), fromScript->fingerprint());
    EXPECT_NE(fromDict->fingerprint(), seeded->fingerprint());
    EXPECT_EQ(fromDict->weights().path, file(QStringLiteral("good.state_dict.pt")));
}

// Once, a training checkpoint ({'state_dict': ..., 'epoch': ...}) and DataParallel's "module." names were refused
// without a hint; they are the same weights.
TEST_F(WeightFileTest, CheckpointsAndDataParallelNamesLoadTheSameWeights)
{
    const auto plain = build(QStringLiteral("good.state_dict.pt"));
    ASSERT_TRUE(plain);
    for (const QString &name : {QStringLiteral("checkpoint.pt"), QStringLiteral("data_parallel.pt"),
                                QStringLiteral("checkpoint_dp.pt")}) {
        const auto engine = build(name);
        ASSERT_TRUE(engine) << name.toStdString();
        EXPECT_EQ(engine->fingerprint(), plain->fingerprint()) << name.toStdString();
    }
}

// Extra tensors (an auxiliary head the exported graph does not use) are refused unless asked to skip them, and then
// the model's own tensors load as from the file without them.
TEST_F(WeightFileTest, ExtraTensorsAreSkippedOnlyWhenAsked)
{
    const auto plain = build(QStringLiteral("good.state_dict.pt"));
    ASSERT_TRUE(plain);
    WeightSource weights;
    weights.path = file(QStringLiteral("extra.pt"));
    QString error;
    EXPECT_FALSE(Engine::create(graph(), weights, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("--ignore-extra"))) << error.toStdString();
    weights.ignoreExtra = true;
    const auto engine = Engine::create(graph(), weights, &error);
    ASSERT_TRUE(engine) << error.toStdString();
    EXPECT_EQ(engine->fingerprint(), plain->fingerprint());
    EXPECT_TRUE(engine->weights().describe().contains(QStringLiteral("extra tensors ignored")));
}

TEST_F(WeightFileTest, LoadedWeightsReproducePyTorchsOutput)
{
    QString error;
    auto input = core::NpyFile::read(file(QStringLiteral("good.input.npy")), &error);
    auto reference = core::NpyFile::read(file(QStringLiteral("good.reference.npy")), &error);
    ASSERT_TRUE(input && reference) << error.toStdString();
    input->shape.removeFirst(); // batch of one
    reference->shape.removeFirst();
    for (const QString &name : {QStringLiteral("good.state_dict.pt"), QStringLiteral("good.torchscript.pt")}) {
        SCOPED_TRACE(name.toStdString());
        const auto engine = build(name);
        ASSERT_TRUE(engine);
        const auto y = engine->forward(*input, &error);
        ASSERT_TRUE(y) << error.toStdString();
        const auto cmp = core::TensorComparison::compare(*y, *reference);
        EXPECT_TRUE(cmp.withinRelative(1e-5)) << "max|diff| " << cmp.maxAbsDiff << " of max|y| " << cmp.maxAbsRef;
        EXPECT_TRUE(cmp.argmaxEqual);
        EXPECT_GT(cmp.maxAbsRef, 0.0);
        RecordProperty("bit_exact_vs_pytorch", cmp.bitExact ? "true" : "false");
    }
}

} // namespace
} // namespace d3::engine
