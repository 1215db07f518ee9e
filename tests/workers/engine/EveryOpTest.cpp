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

// every_op.json holds one layer of every op the built-in models do not use (activations, broadcasting arithmetic
// with tensors and scalars, shape ops, layer norm, attention, matmul, learned tensors); every_op.py computes the
// same network with the PyTorch modules and operators docs/MODEL_FORMAT.md names.
TEST(EveryOpTest, MatchesPyTorchWholeAtEveryCutPairAndTiled)
{
    core::GraphError graphError;
    const auto graph = core::ModelParser::load(
        test::TestFiles::sourceDir() + QStringLiteral("/tests/workers/engine/every_op.json"), &graphError);
    ASSERT_TRUE(graph) << graphError.toString().toStdString();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const test::PythonRun run = test::DebianPython::run(
        {test::TestFiles::sourceDir() + QStringLiteral("/tests/workers/engine/every_op.py"), dir.path()}, 120000);
    ASSERT_TRUE(run.ok()) << run.describe().toStdString() << ' ' << test::DebianPython::installHint().toStdString();

    WeightSource weights;
    weights.path = dir.filePath(QStringLiteral("weights.pt"));
    QString error;
    const auto engine = Engine::create(*graph, weights, &error);
    ASSERT_TRUE(engine) << error.toStdString();
    const core::HostTensor input = test::TestFiles::readBatchOfOne(dir.filePath(QStringLiteral("input.npy")));
    const core::HostTensor reference = test::TestFiles::readBatchOfOne(dir.filePath(QStringLiteral("reference.npy")));

    const auto whole = engine->forward(input, &error);
    ASSERT_TRUE(whole) << error.toStdString();
    const auto cmp = core::TensorComparison::compare(*whole, reference);
    EXPECT_TRUE(cmp.meetsContract()) << "max|diff| " << cmp.maxAbsDiff << " of max|y| " << cmp.maxAbsRef;
    std::cout << "[ every op ] against PyTorch: " << (cmp.bitExact ? "bit-exact" : "not bit-exact") << " (max|diff| "
              << cmp.maxAbsDiff << " of max|y| " << cmp.maxAbsRef << ")\n";

    const int n = graph->layerCount();
    int bitExact = 0, pairs = 0;
    for (int p = 0; p <= n; ++p) {
        for (int q = p; q <= n; ++q) {
            const auto split = engine->forwardSplit(input, {p, q}, &error);
            ASSERT_TRUE(split) << "cuts " << p << ',' << q << ": " << error.toStdString();
            const auto s = core::TensorComparison::compare(*split, *whole);
            test::Exactness::expectContract(s, "every_op split at " + std::to_string(p) + "," + std::to_string(q));
            bitExact += s.bitExact ? 1 : 0;
            ++pairs;
        }
    }
    std::cout << "[ every op ] " << bitExact << " of " << pairs << " cut pairs bit-exact against the whole forward\n";

    // The convolution and its SiLU tile; the broadcasting squeeze-excite multiply ends the stack.
    const auto stack = core::StackFinder::leading(*graph, 0, n, &error);
    ASSERT_TRUE(stack) << error.toStdString();
    EXPECT_EQ(stack->end, 2);
    const auto geometry = core::TileGeometry::build(*graph, *stack, 2, 2, &error);
    ASSERT_TRUE(geometry) << error.toStdString();
    const auto tiled = engine->forwardTiled(input, 0, n, *geometry, &error);
    ASSERT_TRUE(tiled) << error.toStdString();
    test::Exactness::expectContract(core::TensorComparison::compare(tiled->output, *whole), "every_op tiled 2x2");
    EXPECT_TRUE(core::StackFinder::whyNotTileable(graph->layer(4)).contains(QStringLiteral("broadcasts")));
}

} // namespace
} // namespace d3::engine
