#include "Engine.h"
#include "Exactness.h"
#include "SeededEngine.h"
#include "io/SyntheticInput.h"
#include "io/TensorComparison.h"

#include <gtest/gtest.h>

namespace d3::engine {
namespace {

/// runRange's contract on resnet18, cut inside its first residual block (two tensors cross there).
class EngineRunRangeTest : public ::testing::Test
{
protected:
    static void TearDownTestSuite() { test::SeededEngine::release(); }

    void SetUp() override
    {
        engine = test::SeededEngine::get(QStringLiteral("resnet18"));
        ASSERT_NE(engine, nullptr);
        n = engine->graph().layerCount();
        k = engine->graph().indexOf(QStringLiteral("layer1.0.conv2"));
        ASSERT_GT(k, 0);
        ASSERT_EQ(engine->graph().cut(k).tensors.size(), 2);
        input = core::SyntheticInput::make(engine->graph().inputShape(), 3);
        QString error;
        auto c = engine->runRange(0, k, {{0, input}}, &error);
        ASSERT_TRUE(c) << error.toStdString();
        crossing = *c;
    }

    /// Expects runRange(a, b, given) to refuse with one line mentioning what.
    void expectRefused(int a, int b, const TensorMap &given, const QString &what)
    {
        QString error;
        const auto out = engine->runRange(a, b, given, &error);
        EXPECT_FALSE(out);
        EXPECT_FALSE(error.isEmpty());
        EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << error.toStdString();
        EXPECT_TRUE(error.contains(what)) << "'" << error.toStdString() << "' should mention " << what.toStdString();
    }

    const Engine *engine = nullptr;
    int n = 0;
    int k = 0;
    core::HostTensor input;
    TensorMap crossing; // exactly the crossing set of cut k
};

TEST_F(EngineRunRangeTest, ReturnsExactlyTheCrossingSetOfEveryCut)
{
    TensorMap live{{0, input}};
    QString error;
    for (int b = 0; b <= n; ++b) {
        auto next = engine->runRange(b == 0 ? 0 : b - 1, b, live, &error);
        ASSERT_TRUE(next) << "cut " << b << ": " << error.toStdString();
        EXPECT_EQ(next->keys().toVector(), engine->graph().cut(b).tensors) << "cut " << b;
        live = std::move(*next);
    }
    const auto whole = engine->forward(input, &error);
    ASSERT_TRUE(whole) << error.toStdString();
    test::Exactness::expectContract(core::TensorComparison::compare(live.value(engine->graph().outputTensor()), *whole),
                                    "every layer its own range");
}

TEST_F(EngineRunRangeTest, EmptyRangeGivesBackItsInput)
{
    QString error;
    const auto same = engine->runRange(k, k, crossing, &error);
    ASSERT_TRUE(same) << error.toStdString();
    ASSERT_EQ(same->keys(), crossing.keys());
    for (int t : crossing.keys())
        EXPECT_TRUE(core::TensorComparison::compare(same->value(t), crossing.value(t)).bitExact) // a copy: exact
            << "tensor " << t;
}

TEST_F(EngineRunRangeTest, RefusesARangeOutOfOrder)
{
    expectRefused(k, k - 1, crossing, QStringLiteral("in order"));
    expectRefused(-1, k, crossing, QStringLiteral("in order"));
    expectRefused(k, n + 1, crossing, QStringLiteral("in order"));
    QString error;
    EXPECT_FALSE(engine->forwardSplit(input, {k, k - 1}, &error));
    EXPECT_FALSE(error.isEmpty());
}

TEST_F(EngineRunRangeTest, RefusesAMissingCrossingTensor)
{
    for (int t : engine->graph().cut(k).tensors) {
        TensorMap partial = crossing;
        partial.remove(t);
        expectRefused(k, n, partial, QStringLiteral("'%1'").arg(engine->graph().tensorName(t)));
    }
    expectRefused(k, n, {}, QStringLiteral("not given"));
}

TEST_F(EngineRunRangeTest, RefusesAnExtraTensor)
{
    TensorMap extra = crossing;
    extra.insert(0, input); // the model input does not cross a cut inside layer1
    expectRefused(k, n, extra, QStringLiteral("does not cross"));
    extra = crossing;
    extra.insert(10'000, input); // no such tensor at all
    expectRefused(k, n, extra, QStringLiteral("does not cross"));
}

TEST_F(EngineRunRangeTest, RefusesAWrongShape)
{
    const int t = crossing.firstKey();
    const QString name = QStringLiteral("'%1'").arg(engine->graph().tensorName(t));
    TensorMap wrong = crossing;
    std::swap(wrong[t].shape[1], wrong[t].shape[0]); // same element count, other shape
    expectRefused(k, n, wrong, name);
    wrong = crossing;
    wrong[t].values.pop_back(); // shape right, values short
    expectRefused(k, n, wrong, name);
    QString error;
    core::HostTensor small = core::SyntheticInput::make(core::TensorShape{{3, 32, 32}}, 1);
    EXPECT_FALSE(engine->forward(small, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("[3, 224, 224]"))) << error.toStdString();
}

} // namespace
} // namespace d3::engine
