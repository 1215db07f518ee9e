#include "ComputePlatform.h"
#include "Engine.h"
#include "SeededEngine.h"
#include "TestFiles.h"
#include "io/SyntheticInput.h"
#include "io/TensorComparison.h"
#include "tiling/RegionCopy.h"
#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

#include <QElapsedTimer>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace d3::engine {
namespace {

/// Vertical separation (docs/ARCHITECTURE.md, Vertical separation) against the monolithic model: every built-in
/// model, a first, a middle and (where the model has one) a residual or inception block stack, every grid 1x1 ..
/// 4x4. Tile convolutions run on the whole layer's backend and read whole stride cells (LayerModule::convolveTile,
/// TorchModel::runTile), so most cases are bit-identical; which ones depends on the kernels the CPU's instruction
/// set and the thread count select (docs/ARCHITECTURE.md, Exactness). So the contract (tolerance and argmax) is
/// asserted, and the bit-exact cases are counted and reported in a table at the end (printed and RecordProperty).
/// Runtime on 2 shared cores: about 1 to 2 minutes in all, so no model's stacks or grids are cut.

constexpr double kTolerance = 1e-5; ///< max|diff| <= kTolerance * max|ref| (the design's bound)
constexpr int kMaxGrid = 4;         ///< grids 1x1 .. kMaxGrid x kMaxGrid

/// Where a stack starts and ends, by layer name: [first layer, last layer]. An empty begin means the first stack:
/// StackFinder::leading(0, q) with q just past the end layer.
struct StackSpec {
    std::string role;  ///< "first", "middle", "block"
    QString begin;     ///< first layer of the stack (empty: cut 0)
    QString last;      ///< last layer of the stack
    int maxGrid = kMaxGrid;        ///< largest R and C tried (bounded for runtime)
};

/// The stacks tried per model. The first stacks are bounded to the stem or the first stages (the whole features
/// part of a large model tiled 4x4 recomputes nearly the whole image per tile: the receptive field of its last
/// layer covers most of the input). The stacks are chosen so every window op kind appears: strided, padded and
/// ceil_mode max pooling (googlenet), stride-1 padded max pooling (tiny_yolov2 pool6, inception branch4), 1x1 and
/// strided shortcut convolutions (resnet18 layer2.0), depthwise convolutions (mobilenet_v2).
std::vector<StackSpec> stackSpecs(const QString &model)
{
    if (model == QLatin1String("alexnet")) // first: conv1..pool2 (192 x 13 x 13); middle: conv3..pool5 (6 x 6)
        return {{"first", {}, QStringLiteral("features.5")},
                {"middle", QStringLiteral("features.6"), QStringLiteral("features.12")}};
    if (model == QLatin1String("vgg16")) // first: blocks 1-2 (128 x 56 x 56); middle: block 4 (512 x 14 x 14)
        return {{"first", {}, QStringLiteral("features.9")},
                {"middle", QStringLiteral("features.17"), QStringLiteral("features.23")}};
    if (model == QLatin1String("resnet18")) // first: stem + layer1 (two identity blocks); block: layer2.0 with its
                                            // strided 1x1 downsample shortcut; middle: layer3 (256 x 14 x 14)
        return {{"first", {}, QStringLiteral("layer1.1.relu2")},
                {"middle", QStringLiteral("layer3.0.conv1"), QStringLiteral("layer3.1.relu2")},
                {"block", QStringLiteral("layer2.0.conv1"), QStringLiteral("layer2.0.relu2")}};
    if (model == QLatin1String("googlenet")) // first: stem through maxpool2 (ceil_mode pools, 192 x 28 x 28);
                                             // block: inception3a; middle: maxpool3 + inception4a, 4b (14 x 14)
        return {{"first", {}, QStringLiteral("maxpool2")},
                {"middle", QStringLiteral("maxpool3"), QStringLiteral("inception4b.concat")},
                {"block", QStringLiteral("inception3a.branch1.conv"), QStringLiteral("inception3a.concat")}};
    if (model == QLatin1String("mobilenet_v2")) // first: features.0-2 (24 x 56 x 56); block: features.3 (inverted
                                                // residual with add); middle: features.7-10 (64 x 14 x 14)
        return {{"first", {}, QStringLiteral("features.2.conv.3")},
                {"middle", QStringLiteral("features.7.conv.0.0"), QStringLiteral("features.10.add")},
                {"block", QStringLiteral("features.3.conv.0.0"), QStringLiteral("features.3.add")}};
    if (model == QLatin1String("tiny_yolov2")) // first: conv1..pool3 (128 x 52 x 52); middle: conv4..pool6 (13 x 13)
        return {{"first", {}, QStringLiteral("pool3")},
                {"middle", QStringLiteral("conv4"), QStringLiteral("pool6")}};
    return {};
}

/// Per model: the figures of the summary table.
struct ModelSummary {
    int cases = 0;            ///< (stack, grid) cases run
    int skipped = 0;          ///< grids larger than the stack output
    int stackBitExact = 0;    ///< cases whose stitched stack output is bit-identical
    int outputBitExact = 0;   ///< cases whose model output is bit-identical
    double worstStack = 0;    ///< worst max|diff| / max|ref| of the stack output
    double worstOutput = 0;   ///< worst max|diff| / max|ref| of the model output
    std::string worstStackCase; ///< where worstStack occurred
    double seconds = 0;       ///< wall time of the model's cases (engine build excluded)
};

std::map<std::string, ModelSummary> &summaries()
{
    static std::map<std::string, ModelSummary> s;
    return s;
}

double relative(const core::TensorComparison &c)
{
    return c.maxAbsRef > 0 ? c.maxAbsDiff / c.maxAbsRef : c.maxAbsDiff;
}

std::string fmt(const char *format, double value)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, format, value);
    return buf;
}

/// What decides which cases are bit-exact: the CPU, oneDNN's instruction set, the BLAS and the thread count.
std::string platformText()
{
    return ComputePlatform::current().kernels().toStdString();
}

class TilingExactnessTest : public ::testing::TestWithParam<std::string>
{
protected:
    static void TearDownTestSuite()
    {
        test::SeededEngine::release();
        std::string table = "\nTiling exactness (tolerance " + fmt("%.0e", kTolerance)
                            + " x max|ref|; bit-exact = every element identical; " + platformText() + ")\n";
        char line[256];
        std::snprintf(line, sizeof line, "%-13s %6s %8s %15s %16s %14s %14s %8s\n", "model", "cases", "skipped",
                      "stack bit-exact", "output bit-exact", "worst rel stk", "worst rel out", "seconds");
        table += line;
        for (const std::string &model : test::TestFiles::builtinModelNames()) {
            const auto it = summaries().find(model);
            if (it == summaries().end())
                continue;
            const ModelSummary &s = it->second;
            std::snprintf(line, sizeof line, "%-13s %6d %8d %15d %16d %14.3e %14.3e %8.1f\n", model.c_str(), s.cases,
                          s.skipped, s.stackBitExact, s.outputBitExact, s.worstStack, s.worstOutput, s.seconds);
            table += line;
            RecordProperty(model + "_summary",
                           std::to_string(s.cases) + " cases, " + std::to_string(s.stackBitExact)
                               + " stack bit-exact, " + std::to_string(s.outputBitExact) + " output bit-exact, worst "
                               + fmt("%.3e", s.worstStack) + " (" + s.worstStackCase + ") / " + fmt("%.3e", s.worstOutput));
        }
        std::fputs(table.c_str(), stdout);
        std::fflush(stdout);
    }

    QString model() const { return QString::fromStdString(GetParam()); }
};

/// The stack a spec names; fails the test (nullopt) if the finder does not yield exactly it.
std::optional<core::FusedStack> findStack(const core::ModelGraph &g, const StackSpec &spec)
{
    const int p = spec.begin.isEmpty() ? 0 : g.indexOf(spec.begin);
    const int last = g.indexOf(spec.last);
    EXPECT_GE(p, 0) << spec.begin.toStdString();
    EXPECT_GE(last, p) << spec.last.toStdString();
    if (p < 0 || last < p)
        return std::nullopt;
    QString why;
    auto stack = core::StackFinder::leading(g, p, last + 1, &why);
    EXPECT_TRUE(stack) << why.toStdString();
    if (!stack)
        return std::nullopt;
    EXPECT_EQ(stack->begin, p);
    EXPECT_EQ(stack->end, last + 1) << "the leading stack of [" << p << ", " << last + 1 << ") should end after "
                                    << spec.last.toStdString();
    if (spec.role == "block") { // a real block: some cut inside it is crossed by two or more tensors
        int widest = 0;
        for (int k = stack->begin + 1; k < stack->end; ++k)
            widest = std::max<int>(widest, g.cut(k).tensors.size());
        EXPECT_GE(widest, 2) << "stack " << spec.begin.toStdString() << ".." << spec.last.toStdString()
                             << " contains no residual or inception block";
    }
    return stack;
}

TEST_P(TilingExactnessTest, StitchedStacksMatchTheMonolithicModel)
{
    const Engine *engine = test::SeededEngine::get(model());
    ASSERT_NE(engine, nullptr);
    const core::ModelGraph &g = engine->graph();
    const int n = g.layerCount();
    const core::HostTensor input = core::SyntheticInput::make(g.inputShape(), 7);
    QString error;
    const auto whole = engine->forward(input, &error);
    ASSERT_TRUE(whole) << error.toStdString();

    const std::vector<StackSpec> specs = stackSpecs(model());
    ASSERT_FALSE(specs.empty()) << "no stacks chosen for " << GetParam();
    ModelSummary &summary = summaries()[GetParam()];
    summary = ModelSummary{};
    QElapsedTimer timer;
    timer.start();
    for (const StackSpec &spec : specs) {
        SCOPED_TRACE(spec.role + " stack");
        const auto stack = findStack(g, spec);
        if (!stack)
            continue;
        const std::string stackText = spec.role + " [" + std::to_string(stack->begin) + ", "
                                      + std::to_string(stack->end) + ")";
        SCOPED_TRACE(stackText + " " + g.tensorShape(stack->output).toString().toStdString());
        const auto monoStack = engine->runRange(0, stack->end, TensorMap{{0, input}}, &error);
        ASSERT_TRUE(monoStack) << error.toStdString();
        const core::HostTensor &refStack = monoStack->value(stack->output);
        // Vary the edge range's end q: the stack alone, one layer more, or everything up to the cloud's nothing.
        const int q = spec.role == "first" ? stack->end : spec.role == "middle" ? std::min(n, stack->end + 1) : n;
        const qint64 outH = g.tensorShape(stack->output).height(), outW = g.tensorShape(stack->output).width();
        for (int rows = 1; rows <= spec.maxGrid; ++rows) {
            for (int cols = 1; cols <= spec.maxGrid; ++cols) {
                const std::string gridText = std::to_string(rows) + "x" + std::to_string(cols);
                SCOPED_TRACE("grid " + gridText);
                const auto geometry = core::TileGeometry::build(g, *stack, rows, cols, &error);
                if (rows > outH || cols > outW) {
                    EXPECT_FALSE(geometry) << "a grid larger than the stack output must be refused";
                    std::printf("[ NOTE     ] %s %s: grid %s skipped, larger than the stack output (%s)\n",
                                GetParam().c_str(), stackText.c_str(), gridText.c_str(), qPrintable(error));
                    ++summary.skipped;
                    continue;
                }
                ASSERT_TRUE(geometry) << error.toStdString();
                ASSERT_EQ(geometry->tiles().size(), rows * cols);
                const auto tiled = engine->forwardTiled(input, stack->begin, q, *geometry, &error);
                ASSERT_TRUE(tiled) << error.toStdString();

                const auto st = core::TensorComparison::compare(tiled->stackOutput, refStack);
                const auto out = core::TensorComparison::compare(tiled->output, *whole);
                ASSERT_TRUE(st.sameShape);
                ASSERT_TRUE(out.sameShape);
                EXPECT_TRUE(st.withinRelative(kTolerance))
                    << "stack output max|diff| " << st.maxAbsDiff << " of max|ref| " << st.maxAbsRef;
                EXPECT_TRUE(out.withinRelative(kTolerance))
                    << "model output max|diff| " << out.maxAbsDiff << " of max|ref| " << out.maxAbsRef;
                EXPECT_TRUE(out.argmaxEqual);

                ++summary.cases;
                summary.stackBitExact += st.bitExact ? 1 : 0;
                summary.outputBitExact += out.bitExact ? 1 : 0;
                if (relative(st) > summary.worstStack || summary.worstStackCase.empty()) {
                    summary.worstStack = std::max(summary.worstStack, relative(st));
                    summary.worstStackCase = stackText + " " + gridText;
                }
                summary.worstOutput = std::max(summary.worstOutput, relative(out));
                if (!st.bitExact)
                    std::printf("[ INFO     ] %s %s grid %s: not bit-exact, stack rel %.3e, output rel %.3e\n",
                                GetParam().c_str(), stackText.c_str(), gridText.c_str(), relative(st), relative(out));
            }
        }
    }
    summary.seconds = timer.nsecsElapsed() / 1e9;
    RecordProperty("platform", platformText());
    RecordProperty("cases", summary.cases);
    RecordProperty("stack_bit_exact", summary.stackBitExact);
    RecordProperty("output_bit_exact", summary.outputBitExact);
    RecordProperty("worst_stack_rel", fmt("%.3e", summary.worstStack));
    RecordProperty("worst_output_rel", fmt("%.3e", summary.worstOutput));
    RecordProperty("seconds", fmt("%.1f", summary.seconds));
}

INSTANTIATE_TEST_SUITE_P(BuiltinModels, TilingExactnessTest, ::testing::ValuesIn(test::TestFiles::builtinModelNames()),
                         [](const auto &info) { return info.param; });

/// Engine::runTile's refusals, on a resnet18 stack that starts inside layer1.0 (two tensors cross its first cut,
/// so a missing one can be left out).
class RunTileRefusalTest : public ::testing::Test
{
protected:
    static void TearDownTestSuite() { test::SeededEngine::release(); }

    void SetUp() override
    {
        engine = test::SeededEngine::get(QStringLiteral("resnet18"));
        ASSERT_NE(engine, nullptr);
        const core::ModelGraph &g = engine->graph();
        const int p = g.indexOf(QStringLiteral("layer1.0.conv2"));
        const int q = g.indexOf(QStringLiteral("layer2.0.conv1"));
        ASSERT_GT(p, 0);
        QString why;
        const auto stack = core::StackFinder::leading(g, p, q, &why);
        ASSERT_TRUE(stack) << why.toStdString();
        ASSERT_EQ(stack->inputs.size(), 2);
        const auto geometry = core::TileGeometry::build(g, *stack, 2, 2, &why);
        ASSERT_TRUE(geometry) << why.toStdString();
        tile = geometry->tiles().at(3); // bottom right: halo on the top and left, border padding on the others
        QString error;
        const auto atP = engine->runRange(0, p, TensorMap{{0, core::SyntheticInput::make(g.inputShape(), 5)}}, &error);
        ASSERT_TRUE(atP) << error.toStdString();
        for (int t : stack->inputs)
            crops.insert(t, core::RegionCopy::crop(atP->value(t), tile.regions.value(t)));
        const auto good = engine->runTile(tile, crops, &error);
        ASSERT_TRUE(good) << "the right crops must be accepted: " << error.toStdString();
        EXPECT_EQ(good->shape, (QVector<qint64>{g.tensorShape(stack->output).channels(), tile.out.height(),
                                                tile.out.width()}));
    }

    /// Expects runTile to refuse crops with one line that mentions what.
    void expectRefused(const TensorMap &given, const QString &what)
    {
        QString error;
        const auto out = engine->runTile(tile, given, &error);
        EXPECT_FALSE(out);
        EXPECT_FALSE(error.isEmpty());
        EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << error.toStdString();
        EXPECT_TRUE(error.contains(what)) << "'" << error.toStdString() << "' should mention " << what.toStdString();
    }

    const Engine *engine = nullptr;
    core::Tile tile;
    TensorMap crops; // the right crops of the stack inputs for tile
};

TEST_F(RunTileRefusalTest, RefusesACropOfTheWrongShape)
{
    const int t = crops.firstKey();
    const QString name = QStringLiteral("'%1'").arg(engine->graph().tensorName(t));
    TensorMap wrong = crops;
    std::swap(wrong[t].shape[1], wrong[t].shape[2]); // same element count, transposed
    if (wrong[t].shape == crops[t].shape)              // a square crop: grow it by a row instead
        wrong[t].shape[1] += 1;
    expectRefused(wrong, name);
    wrong = crops;
    wrong[t].shape[1] -= 1; // one row short (the halo forgotten)
    wrong[t].values.resize(size_t(wrong[t].elements()));
    expectRefused(wrong, name);
    wrong = crops;
    wrong[t].values.pop_back(); // shape right, values short
    expectRefused(wrong, name);
    wrong = crops;
    wrong[t].shape = {wrong[t].shape[0] * wrong[t].shape[1], wrong[t].shape[2]}; // two dimensions
    expectRefused(wrong, name);
}

TEST_F(RunTileRefusalTest, RefusesAMissingInputTensor)
{
    for (int t : crops.keys()) {
        TensorMap partial = crops;
        partial.remove(t);
        expectRefused(partial, QStringLiteral("'%1'").arg(engine->graph().tensorName(t)));
    }
    expectRefused({}, QStringLiteral("needs tensor"));
}

TEST_F(RunTileRefusalTest, RefusesAnExtraTensor)
{
    TensorMap extra = crops;
    extra.insert(0, crops.first()); // the model input is not read by this stack
    expectRefused(extra, QStringLiteral("does not read"));
    extra = crops;
    extra.insert(10'000, crops.first()); // no such tensor at all
    expectRefused(extra, QStringLiteral("does not read"));
}

TEST_F(RunTileRefusalTest, RefusesATileWithoutSteps)
{
    core::Tile empty = tile;
    empty.steps.clear();
    QString error;
    EXPECT_FALSE(engine->runTile(empty, crops, &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << error.toStdString();
}

TEST_F(RunTileRefusalTest, ForwardTiledRefusesAStackOutsideTheEdgeRange)
{
    const core::ModelGraph &g = engine->graph();
    QString why;
    const auto stack = core::StackFinder::leading(g, 0, g.indexOf(QStringLiteral("layer2.0.conv1")), &why);
    ASSERT_TRUE(stack) << why.toStdString();
    const auto geometry = core::TileGeometry::build(g, *stack, 2, 2, &why);
    ASSERT_TRUE(geometry) << why.toStdString();
    const core::HostTensor input = core::SyntheticInput::make(g.inputShape(), 5);
    QString error;
    EXPECT_FALSE(engine->forwardTiled(input, 1, g.layerCount(), *geometry, &error)); // stack does not start at p
    EXPECT_TRUE(error.contains(QStringLiteral("must start"))) << error.toStdString();
    error.clear();
    EXPECT_FALSE(engine->forwardTiled(input, 0, stack->end - 1, *geometry, &error)); // nor end by q
    EXPECT_TRUE(error.contains(QStringLiteral("must start"))) << error.toStdString();
    EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << error.toStdString();
}

} // namespace
} // namespace d3::engine
