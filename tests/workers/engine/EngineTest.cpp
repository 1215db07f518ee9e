#include "Engine.h"
#include "Exactness.h"
#include "TestFiles.h"
#include "SeededEngine.h"
#include "graph/ModelCatalog.h"
#include "io/SyntheticInput.h"
#include "io/TensorComparison.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace d3::engine {
namespace {

/// Layers just before which a cut falls inside a residual or inception block (two or more tensors cross).
QStringList innerCutLayers(const QString &model)
{
    if (model == QLatin1String("resnet18"))
        return {QStringLiteral("layer1.0.conv2"), QStringLiteral("layer2.0.downsample.0")};
    if (model == QLatin1String("mobilenet_v2"))
        return {QStringLiteral("features.3.conv.1.0"), QStringLiteral("features.3.add")};
    if (model == QLatin1String("googlenet"))
        return {QStringLiteral("inception3a.branch3.0.conv"), QStringLiteral("inception4c.branch4.0")};
    return {};
}

struct Split {
    std::string label;
    QVector<int> cuts;
};

QVector<int> sortedCuts(QVector<int> cuts)
{
    std::sort(cuts.begin(), cuts.end());
    return cuts;
}

class EngineTest : public ::testing::TestWithParam<std::string>
{
protected:
    static void TearDownTestSuite() { test::SeededEngine::release(); }

    QString model() const { return QString::fromStdString(GetParam()); }

    /// The cut sets every model is split at: the extremes, p == q, thirds, a 4-way split, the widest cut (most
    /// tensors crossing) and, for the branching models, cuts inside their blocks.
    std::vector<Split> splits(const core::ModelGraph &g) const
    {
        const int n = g.layerCount();
        int widest = 0;
        for (int k = 0; k <= n; ++k) {
            if (g.cut(k).tensors.size() > g.cut(widest).tensors.size())
                widest = k;
        }
        std::vector<Split> s{{"0,0", {0, 0}},
                             {"n,n", {n, n}},
                             {"0,n", {0, n}},
                             {"thirds", {n / 3, 2 * n / 3}},
                             {"p==q", {n / 2, n / 2}},
                             {"1,n-1", {1, n - 1}},
                             {"4-way", {n / 4, n / 2, 3 * n / 4}},
                             {"widest cut", {widest, std::min(n, widest + 2)}}};
        QVector<int> inner;
        for (const QString &layer : innerCutLayers(model())) {
            const int k = g.indexOf(layer);
            EXPECT_GT(k, 0) << layer.toStdString();
            EXPECT_GE(g.cut(k).tensors.size(), 2) << "cut before " << layer.toStdString() << " should be inside a block";
            s.push_back({"inside a block, p==q at " + layer.toStdString(), {k, k}});
            inner << k;
        }
        if (inner.size() == 2) {
            s.push_back({"both inner cuts", sortedCuts(inner)});
            s.push_back({"5-way through the blocks", sortedCuts(inner + QVector<int>{n / 4, 3 * n / 4})});
        }
        return s;
    }
};

/// A split forward copies the crossing tensors between ranges and calls the same kernels on the same shapes; it is
/// bit-identical to the monolithic one on most CPUs, but not on every one (docs/ARCHITECTURE.md, Exactness), so
/// the contract is asserted and bit-identity reported.
TEST_P(EngineTest, SplitForwardMeetsTheContract)
{
    const Engine *engine = test::SeededEngine::get(model());
    ASSERT_NE(engine, nullptr);
    const core::ModelGraph &g = engine->graph();
    const core::HostTensor input = core::SyntheticInput::make(g.inputShape(), 7);
    QString error;
    const auto whole = engine->forward(input, &error);
    ASSERT_TRUE(whole) << error.toStdString();
    for (const Split &split : splits(g)) {
        SCOPED_TRACE("cuts " + split.label);
        const auto out = engine->forwardSplit(input, split.cuts, &error);
        ASSERT_TRUE(out) << error.toStdString();
        test::Exactness::expectContract(core::TensorComparison::compare(*out, *whole),
                                        GetParam() + " split at " + split.label);
    }
    RecordProperty("threads", Engine::threads());
    test::Exactness::recordCounts();
}

TEST_P(EngineTest, SeededWeightsGiveFiniteOutputsWithSpread)
{
    const Engine *engine = test::SeededEngine::get(model());
    ASSERT_NE(engine, nullptr);
    const core::ModelGraph &g = engine->graph();
    QString error;
    const auto y = engine->forward(core::SyntheticInput::make(g.inputShape(), 7), &error);
    ASSERT_TRUE(y) << error.toStdString();
    EXPECT_EQ(y->shape, g.tensorShape(g.outputTensor()).dims);
    ASSERT_EQ(qint64(y->values.size()), y->elements());
    double maxAbs = 0, sum = 0, sumSq = 0;
    int nonFinite = 0;
    for (float v : y->values) {
        nonFinite += std::isfinite(v) ? 0 : 1;
        maxAbs = std::max(maxAbs, double(std::fabs(v)));
        sum += v;
        sumSq += double(v) * v;
    }
    ASSERT_EQ(nonFinite, 0);
    const double mean = sum / double(y->values.size());
    const double stddev = std::sqrt(std::max(0.0, sumSq / double(y->values.size()) - mean * mean));
    EXPECT_GT(maxAbs, 1e-3);
    EXPECT_LT(maxAbs, 1e6);
    EXPECT_GT(stddev, 1e-2 * maxAbs) << "outputs hardly vary: std " << stddev << ", max|y| " << maxAbs;
    RecordProperty("max_abs_output", std::to_string(maxAbs));
}

INSTANTIATE_TEST_SUITE_P(BuiltinModels, EngineTest, ::testing::ValuesIn(test::TestFiles::builtinModelNames()),
                         [](const auto &info) { return info.param; });

} // namespace
} // namespace d3::engine
