#include "ComputePlatform.h"
#include "Engine.h"
#include "Exactness.h"
#include "SeededEngine.h"
#include "io/SyntheticInput.h"
#include "io/TensorComparison.h"

#include <gtest/gtest.h>

namespace d3::engine {
namespace {

/// Restores LibTorch's thread count and oneDNN after a test that changes them.
class ComputePlatformTest : public ::testing::Test
{
protected:
    void TearDown() override
    {
        Engine::setOneDnnEnabled(true);
        Engine::setThreads(m_threads);
    }
    static void TearDownTestSuite() { test::SeededEngine::release(); }

private:
    int m_threads = Engine::threads();
};

TEST_F(ComputePlatformTest, SaysWhatTheEngineRunsOn)
{
    Engine::setThreads(2);
    const ComputePlatform p = ComputePlatform::current();
    EXPECT_FALSE(p.cpu.isEmpty());
    EXPECT_GE(p.cores, 1);
    EXPECT_EQ(p.threads, 2);
    EXPECT_TRUE(p.onednnEnabled);
    EXPECT_TRUE(p.onednnIsa.startsWith(QLatin1String("avx")) || p.onednnIsa.startsWith(QLatin1String("sse")))
        << p.onednnIsa.toStdString();
    // LibTorch links libblas.so.3: the library whose sgemm_ it calls is found and named.
    EXPECT_TRUE(p.blasLibrary.contains(QLatin1String("blas"))) << p.blasLibrary.toStdString();
    EXPECT_NE(p.blas, QStringLiteral("none loaded"));
    EXPECT_TRUE(p.machine().contains(p.cpu) && p.machine().contains(p.blas)) << p.machine().toStdString();
    EXPECT_TRUE(p.kernels().contains(QStringLiteral("oneDNN ") + p.onednnIsa)) << p.kernels().toStdString();
    EXPECT_TRUE(p.kernels().endsWith(QLatin1String("2 threads"))) << p.kernels().toStdString();
    const QJsonObject json = p.toJson();
    for (const char *key : {"cpu", "cores", "os", "cpu_isa", "onednn", "aten_cpu_capability", "blas", "blas_library",
                            "threads"})
        EXPECT_TRUE(json.contains(QLatin1String(key))) << key;
}

TEST_F(ComputePlatformTest, WithoutOneDnnTheOutputStillMeetsTheContract)
{
    const Engine *engine = test::SeededEngine::get(QStringLiteral("resnet18"));
    ASSERT_NE(engine, nullptr);
    const core::HostTensor input = core::SyntheticInput::make(engine->graph().inputShape(), 3);
    QString error;
    const auto with = engine->forward(input, &error);
    ASSERT_TRUE(with) << error.toStdString();
    Engine::setOneDnnEnabled(false);
    EXPECT_FALSE(Engine::oneDnnEnabled());
    EXPECT_FALSE(ComputePlatform::current().onednnEnabled);
    EXPECT_TRUE(ComputePlatform::current().kernels().contains(QLatin1String("oneDNN off")));
    const auto without = engine->forward(input, &error);
    ASSERT_TRUE(without) << error.toStdString();
    // Every convolution on im2col + GEMM instead: another summation order, the same result within the contract.
    test::Exactness::expectContract(core::TensorComparison::compare(*without, *with), "resnet18 without oneDNN");
    Engine::setOneDnnEnabled(true);
    EXPECT_TRUE(Engine::oneDnnEnabled());
}

} // namespace
} // namespace d3::engine
