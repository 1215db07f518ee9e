#include "DebianPython.h"
#include "Engine.h"
#include "Exactness.h"
#include "TestFiles.h"
#include "graph/ModelParser.h"
#include "io/TensorComparison.h"
#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <iostream>

namespace d3::engine {
namespace {

/// The engine of a model with a weights file, or nullptr (with a test failure).
std::unique_ptr<Engine> build(const core::ModelGraph &graph, const QString &weightsPath, bool ignoreExtra)
{
    WeightSource weights;
    weights.path = weightsPath;
    weights.ignoreExtra = ignoreExtra;
    QString error;
    auto engine = Engine::create(graph, weights, &error);
    EXPECT_TRUE(engine) << error.toStdString();
    return engine;
}

/// One builder of every classification family of torchvision 0.14, exported by scripts/export_model.py.
class ExportModelTest : public ::testing::TestWithParam<std::string>
{
};

// The exporter writes the model, its weights, an input and PyTorch's output, and its own d3ctl verify passes; then
// the exported model, from the plain-dict weights and from a TorchScript trace of the whole module (which also
// holds what the graph does not use, such as auxiliary heads: --ignore-extra), gives PyTorch's output whole, split
// at two cut pairs, and with its largest spatial stack tiled 2x2.
TEST_P(ExportModelTest, ExportsAndMatchesPyTorchWholeSplitAndTiled)
{
    const QString builder = QString::fromStdString(GetParam());
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const test::PythonRun run = test::DebianPython::run(
        {test::TestFiles::sourceDir() + QStringLiteral("/scripts/export_model.py"), QStringLiteral("torchvision:") + builder,
         QStringLiteral("--out"), dir.path(), QStringLiteral("--torchscript"), QStringLiteral("--d3ctl"),
         test::TestFiles::d3ctl()},
        600000);
    ASSERT_TRUE(run.ok()) << run.describe().toStdString() << "\n" << run.out.toStdString();
    std::cout << "[ export ] " << run.out.trimmed().toStdString() << "\n";
    EXPECT_TRUE(run.out.contains(QStringLiteral("PASS ") + builder)) << "d3ctl verify did not pass";

    core::GraphError graphError;
    const auto graph = core::ModelParser::load(dir.filePath(builder + QStringLiteral(".json")), &graphError);
    ASSERT_TRUE(graph) << graphError.toString().toStdString();
    const core::HostTensor input = test::TestFiles::readBatchOfOne(dir.filePath(builder + QStringLiteral(".x.npy")));
    const core::HostTensor reference = test::TestFiles::readBatchOfOne(dir.filePath(builder + QStringLiteral(".y.npy")));
    const int n = graph->layerCount();
    int widest = 0;
    for (int k = 0; k <= n; ++k) {
        if (graph->cut(k).tensors.size() > graph->cut(widest).tensors.size())
            widest = k;
    }
    const std::optional<core::FusedStack> stack = core::StackFinder::largest(*graph);

    const QString weights[2] = {dir.filePath(builder + QStringLiteral(".pt")), dir.filePath(builder + QStringLiteral(".ts"))};
    QString fingerprints[2];
    for (int f = 0; f < 2; ++f) {
        SCOPED_TRACE(weights[f].toStdString());
        const auto engine = build(*graph, weights[f], /*ignoreExtra=*/f == 1);
        ASSERT_TRUE(engine);
        fingerprints[f] = engine->fingerprint();
        QString error;
        const auto whole = engine->forward(input, &error);
        ASSERT_TRUE(whole) << error.toStdString();
        const auto torch = core::TensorComparison::compare(*whole, reference);
        EXPECT_TRUE(torch.meetsContract()) << "max|diff| " << torch.maxAbsDiff << " of max|y| " << torch.maxAbsRef;
        std::cout << "[ export ] " << GetParam() << (f == 0 ? " (state_dict)" : " (TorchScript)") << " against PyTorch: "
                  << (torch.bitExact ? "bit-exact" : "not bit-exact") << ", max|diff| " << torch.maxAbsDiff
                  << " of max|y| " << torch.maxAbsRef << "\n";
        if (f == 1)
            break; // the splits and tiles need one weights format only
        for (const QVector<int> &cuts : {QVector<int>{n / 3, 2 * n / 3}, QVector<int>{widest, n - 1}}) {
            const auto split = engine->forwardSplit(input, cuts, &error);
            ASSERT_TRUE(split) << error.toStdString();
            test::Exactness::expectContract(core::TensorComparison::compare(*split, *whole),
                                            GetParam() + " split at " + std::to_string(cuts[0]) + "," + std::to_string(cuts[1]));
        }
        if (!stack) {
            std::cout << "[ export ] " << GetParam() << ": no spatial stack to tile\n";
            continue;
        }
        const auto geometry = core::TileGeometry::build(*graph, *stack, 2, 2, &error);
        ASSERT_TRUE(geometry) << error.toStdString();
        const auto tiled = engine->forwardTiled(input, stack->begin, n, *geometry, &error);
        ASSERT_TRUE(tiled) << error.toStdString();
        test::Exactness::expectContract(core::TensorComparison::compare(tiled->output, *whole),
                                        GetParam() + " tiled 2x2 over layers " + std::to_string(stack->begin) + ".."
                                            + std::to_string(stack->end - 1));
    }
    EXPECT_EQ(fingerprints[0], fingerprints[1]) << "the two weights formats hold the same weights";
}

INSTANTIATE_TEST_SUITE_P(
    Torchvision, ExportModelTest,
    ::testing::Values("alexnet", "convnext_tiny", "densenet121", "efficientnet_b0", "efficientnet_v2_s", "googlenet",
                      "inception_v3", "mnasnet0_5", "mobilenet_v2", "mobilenet_v3_small", "regnet_y_400mf", "resnet18",
                      "resnext50_32x4d", "shufflenet_v2_x0_5", "squeezenet1_0", "vgg11", "vit_b_32",
                      "wide_resnet50_2"),
    [](const auto &info) { return info.param; });

} // namespace
} // namespace d3::engine
