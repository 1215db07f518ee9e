#include "Engine.h"
#include "Exactness.h"
#include "TestFiles.h"
#include "TorchReference.h"
#include "io/TensorComparison.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <iostream>
#include <string>

namespace d3::engine {
namespace {

/// Relative tolerance against PyTorch (the exactness contract, as d3ctl verify's): max|diff| <= 1e-5 * max|reference|.
constexpr double kTolerance = 1e-5;

/// d3lab against PyTorch itself: torchvision models with random weights, loaded from both weights formats.
class FidelityTest : public ::testing::TestWithParam<std::string>
{
};

TEST_P(FidelityTest, MatchesPyTorchWholeAndSplitFromBothFormats)
{
    const QString model = QString::fromStdString(GetParam());
    const core::ModelGraph graph = test::TestFiles::builtin(model);
    ASSERT_GT(graph.layerCount(), 0);
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QString error;
    const auto ref = test::TorchReference::make(model, dir.path(), Engine::threads(), &error);
    ASSERT_TRUE(ref) << error.toStdString();

    const int n = graph.layerCount();
    int widest = 0;
    for (int k = 0; k <= n; ++k) {
        if (graph.cut(k).tensors.size() > graph.cut(widest).tensors.size())
            widest = k;
    }
    const QVector<QVector<int>> splits{{n / 3, 2 * n / 3}, {1, n - 1}, {widest, widest}, {n / 4, n / 2, 3 * n / 4}};

    QString fingerprints[2];
    bool bitExact[2] = {false, false};
    const QString paths[2] = {ref->stateDict, ref->torchScript};
    for (int f = 0; f < 2; ++f) {
        SCOPED_TRACE(paths[f].toStdString());
        WeightSource weights;
        weights.path = paths[f];
        const auto engine = Engine::create(graph, weights, &error);
        ASSERT_TRUE(engine) << error.toStdString();
        fingerprints[f] = engine->fingerprint();

        const auto whole = engine->forward(ref->input, &error);
        ASSERT_TRUE(whole) << error.toStdString();
        const auto cmp = core::TensorComparison::compare(*whole, ref->reference);
        EXPECT_TRUE(cmp.withinRelative(kTolerance)) << "max|diff| " << cmp.maxAbsDiff << " of max|ref| " << cmp.maxAbsRef;
        EXPECT_TRUE(cmp.argmaxEqual);
        bitExact[f] = cmp.bitExact;
        std::cout << "[ fidelity ] " << GetParam() << " from " << (f == 0 ? "state_dict" : "torchscript")
                  << ", " << Engine::threads() << " thread(s): " << (cmp.bitExact ? "bit-exact" : "not bit-exact")
                  << " against PyTorch (max|diff| " << cmp.maxAbsDiff << " of max|ref| " << cmp.maxAbsRef << ")\n";

        for (const QVector<int> &cuts : splits) {
            std::string label;
            for (int c : cuts)
                label += std::to_string(c) + " ";
            SCOPED_TRACE("cuts " + label);
            const auto split = engine->forwardSplit(ref->input, cuts, &error);
            ASSERT_TRUE(split) << error.toStdString();
            test::Exactness::expectContract(core::TensorComparison::compare(*split, *whole),
                                            GetParam() + " split at " + label);
            const auto torch = core::TensorComparison::compare(*split, ref->reference);
            EXPECT_TRUE(torch.withinRelative(kTolerance)) << "max|diff| " << torch.maxAbsDiff;
            EXPECT_TRUE(torch.argmaxEqual);
        }
    }
    EXPECT_EQ(fingerprints[0], fingerprints[1]) << "the two formats hold the same weights";
    RecordProperty("threads", Engine::threads());
    RecordProperty("bit_exact_vs_pytorch_state_dict", bitExact[0] ? "true" : "false");
    RecordProperty("bit_exact_vs_pytorch_torchscript", bitExact[1] ? "true" : "false");
    test::Exactness::recordCounts();
}

INSTANTIATE_TEST_SUITE_P(TorchvisionModels, FidelityTest,
                         ::testing::Values("alexnet", "vgg16", "resnet18", "googlenet", "mobilenet_v2"),
                         [](const auto &info) { return info.param; });

} // namespace
} // namespace d3::engine
