#include "VerifyCommand.h"

#include "CommandLine.h"
#include "ComputePlatform.h"
#include "Engine.h"
#include "Output.h"
#include "graph/ModelCatalog.h"
#include "io/NpyFile.h"
#include "io/SyntheticInput.h"
#include "io/TensorComparison.h"
#include "tiling/StackFinder.h"
#include "tiling/TileGeometry.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>

namespace d3::cli {
namespace {

/// Relative tolerances of the exactness contract (docs/ARCHITECTURE.md, Exactness) and of the PyTorch fidelity check.
constexpr double kSplitTolerance = core::TensorComparison::kExactnessBound;
constexpr double kReferenceTolerance = core::TensorComparison::kExactnessBound;

/// Takes a batch of one of the expected shape (as PyTorch writes inputs and outputs) and drops the batch dimension.
bool fitShape(core::HostTensor *t, const QVector<qint64> &expected)
{
    if (t->shape.size() != expected.size() + 1 || t->shape.first() != 1 || t->shape.mid(1) != expected)
        return false;
    t->shape.removeFirst();
    return true;
}

/// The expected shape with its batch dimension of one.
QVector<qint64> batchOfOne(QVector<qint64> dims)
{
    dims.prepend(1);
    return dims;
}

QString shapeText(const QVector<qint64> &dims)
{
    return core::TensorShape{dims}.toString();
}

} // namespace

int VerifyCommand::run(const QStringList &args)
{
    const CommandLine cl(args,
                         {QStringLiteral("cuts"), QStringLiteral("grid"), QStringLiteral("weights"),
                          QStringLiteral("input"), QStringLiteral("reference"), QStringLiteral("seed"),
                          QStringLiteral("threads")},
                         {QStringLiteral("json"), QStringLiteral("ignore-extra")});
    if (!cl.error().isEmpty())
        return Output::fail(QStringLiteral("verify: ") + cl.error());
    if (cl.positionals().size() != 1)
        return Output::fail(QStringLiteral("verify: expects one MODEL (a built-in name or a model file)"));
    core::GraphError graphError;
    const auto graph = core::ModelCatalog::resolve(cl.positionals().first(), &graphError);
    if (!graph)
        return Output::fail(graphError.toString());
    const int n = graph->layerCount();

    int p = n / 3, q = 2 * n / 3;
    QString error;
    if (cl.has(QStringLiteral("cuts")) && !cl.cutPair(QStringLiteral("cuts"), n, &p, &q, &error))
        return Output::fail(QStringLiteral("verify: %1 (%2)").arg(error, graph->name()));
    int rows = 1, cols = 1;
    std::optional<core::TileGeometry> geometry;
    if (cl.has(QStringLiteral("grid"))) {
        if (!cl.grid(QStringLiteral("grid"), core::TileGeometry::kMaxGrid, &rows, &cols, &error))
            return Output::fail(QStringLiteral("verify: ") + error);
        const auto stack = core::StackFinder::leading(*graph, p, q, &error);
        if (stack)
            geometry = core::TileGeometry::build(*graph, *stack, rows, cols, &error);
        if (!geometry)
            return Output::fail(QStringLiteral("verify: ") + error);
    }
    if (cl.has(QStringLiteral("reference")) && !cl.has(QStringLiteral("input")))
        return Output::fail(QStringLiteral("verify: --reference needs --input FILE, the input the reference was computed "
                                           "from (the seeded input would be compared with the output of another input)"));
    bool ok = true;
    const quint64 seed = cl.value(QStringLiteral("seed"), QStringLiteral("1")).toULongLong(&ok);
    if (!ok)
        return Output::fail(QStringLiteral("verify: --seed must be a non-negative integer"));
    if (cl.has(QStringLiteral("threads"))) {
        const int threads = cl.value(QStringLiteral("threads")).toInt(&ok);
        if (!ok || threads < 1 || threads > 256)
            return Output::fail(QStringLiteral("verify: --threads must be an integer in 1..256"));
        engine::Engine::setThreads(threads);
    }

    core::HostTensor input = core::SyntheticInput::make(graph->inputShape(), seed);
    if (cl.has(QStringLiteral("input"))) {
        auto read = core::NpyFile::read(cl.value(QStringLiteral("input")), &error);
        if (!read)
            return Output::fail(error);
        input = std::move(*read);
        if (!fitShape(&input, graph->inputShape().dims))
            return Output::fail(QStringLiteral("%1: shape %2 does not match the input of %3, a batch of one: %4")
                                    .arg(cl.value(QStringLiteral("input")), shapeText(input.shape), graph->name(),
                                         shapeText(batchOfOne(graph->inputShape().dims))));
    }
    std::optional<core::HostTensor> reference;
    if (cl.has(QStringLiteral("reference"))) {
        reference = core::NpyFile::read(cl.value(QStringLiteral("reference")), &error);
        if (!reference)
            return Output::fail(error);
        const auto &outShape = graph->tensorShape(graph->outputTensor()).dims;
        if (!fitShape(&*reference, outShape))
            return Output::fail(QStringLiteral("%1: shape %2 does not match the output of %3, a batch of one: %4")
                                    .arg(cl.value(QStringLiteral("reference")), shapeText(reference->shape),
                                         graph->name(), shapeText(batchOfOne(outShape))));
    }

    engine::WeightSource weights;
    weights.seed = seed;
    weights.path = cl.value(QStringLiteral("weights"));
    weights.ignoreExtra = cl.has(QStringLiteral("ignore-extra"));
    if (weights.ignoreExtra && weights.path.isEmpty())
        return Output::fail(QStringLiteral("verify: --ignore-extra applies to a --weights FILE"));
    const auto engine = engine::Engine::create(*graph, weights, &error);
    if (!engine)
        return Output::fail(error);

    QElapsedTimer timer;
    timer.start();
    const auto whole = engine->forward(input, &error);
    const double wholeMs = timer.nsecsElapsed() / 1e6;
    if (!whole)
        return Output::fail(QStringLiteral("%1: forward failed: %2").arg(graph->name(), error));
    timer.restart();
    std::optional<core::HostTensor> split;
    std::optional<engine::Engine::TiledOutput> tiled;
    if (geometry) {
        tiled = engine->forwardTiled(input, p, q, *geometry, &error);
        if (tiled)
            split = tiled->output;
    } else {
        split = engine->forwardSplit(input, {p, q}, &error);
    }
    const double splitMs = timer.nsecsElapsed() / 1e6;
    if (!split)
        return Output::fail(QStringLiteral("%1: split forward failed: %2").arg(graph->name(), error));

    const auto cmp = core::TensorComparison::compare(*split, *whole);
    // Whether a split or tiled output is bit-identical depends on the kernels that ran (docs/ARCHITECTURE.md,
    // Exactness): say which.
    const engine::ComputePlatform platform = engine::ComputePlatform::current();
    bool passed = cmp.withinRelative(kSplitTolerance) && cmp.argmaxEqual;
    QJsonObject json{
        {QStringLiteral("model"), graph->name()},
        {QStringLiteral("cuts"), QJsonArray{p, q}},
        {QStringLiteral("grid"), QJsonArray{rows, cols}},
        {QStringLiteral("max_abs_diff"), cmp.maxAbsDiff},
        {QStringLiteral("max_abs_ref"), cmp.maxAbsRef},
        {QStringLiteral("bit_exact"), cmp.bitExact},
        {QStringLiteral("argmax_equal"), cmp.argmaxEqual},
        {QStringLiteral("weights"), weights.describe()},
        {QStringLiteral("fingerprint"), engine->fingerprint()},
        {QStringLiteral("threads"), engine::Engine::threads()},
        {QStringLiteral("platform"), platform.toJson()},
        {QStringLiteral("monolithic_ms"), wholeMs},
        {QStringLiteral("split_ms"), splitMs},
    };
    QString tileText;
    if (geometry) {
        const core::FusedStack &stack = geometry->stack();
        const auto monoStack = engine->runRange(0, stack.end, engine::TensorMap{{0, input}}, &error);
        if (!monoStack)
            return Output::fail(QStringLiteral("%1: forward to the stack output failed: %2").arg(graph->name(), error));
        const auto st = core::TensorComparison::compare(tiled->stackOutput, monoStack->value(stack.output));
        passed = passed && st.withinRelative(kSplitTolerance);
        json.insert(QStringLiteral("stack"), QJsonArray{stack.begin, stack.end - 1});
        json.insert(QStringLiteral("stack_max_abs_diff"), st.maxAbsDiff);
        json.insert(QStringLiteral("stack_bit_exact"), st.bitExact);
        json.insert(QStringLiteral("redundant_flops_ratio"), geometry->redundantFlopsRatio());
        tileText = QStringLiteral(", %1x%2 tiles of layers %3..%4 (stitched stack output %5)")
                       .arg(rows).arg(cols).arg(stack.begin).arg(stack.end - 1)
                       .arg(st.bitExact ? QStringLiteral("bit-exact")
                                        : QStringLiteral("max|diff| %1").arg(st.maxAbsDiff, 0, 'g', 3));
    }
    QString referenceText;
    if (reference) {
        const auto ref = core::TensorComparison::compare(*whole, *reference);
        const auto refSplit = core::TensorComparison::compare(*split, *reference);
        const bool refOk = ref.withinRelative(kReferenceTolerance) && ref.argmaxEqual
            && refSplit.withinRelative(kReferenceTolerance) && refSplit.argmaxEqual;
        passed = passed && refOk;
        json.insert(QStringLiteral("reference_max_abs_diff"), std::max(ref.maxAbsDiff, refSplit.maxAbsDiff));
        json.insert(QStringLiteral("reference_max_abs"), ref.maxAbsRef);
        json.insert(QStringLiteral("reference_argmax_equal"), ref.argmaxEqual && refSplit.argmaxEqual);
        json.insert(QStringLiteral("reference_bit_exact"), ref.bitExact && refSplit.bitExact);
        referenceText = QStringLiteral("; against the reference (within %4 of max|y| and the same argmax): max|diff| "
                                       "%1 of max|y| %2, argmax %3")
                            .arg(std::max(ref.maxAbsDiff, refSplit.maxAbsDiff), 0, 'g', 3)
                            .arg(ref.maxAbsRef, 0, 'g', 4)
                            .arg(ref.argmaxEqual && refSplit.argmaxEqual ? QStringLiteral("equal")
                                                                         : QStringLiteral("DIFFERS"))
                            .arg(kReferenceTolerance, 0, 'g', 2);
    }
    json.insert(QStringLiteral("passed"), passed);

    if (cl.has(QStringLiteral("json"))) {
        Output::printJson(QJsonDocument(json));
    } else {
        Output::print(QStringLiteral("%14 %1 cuts %2,%3 of %4%12: %5 (max|diff| %6 of max|y| %7, argmax %8; the contract: "
                                     "within %15 of max|y| and the same argmax), monolithic %9 ms, split %10 ms%11\n"
                                     "  on %13\n")
                          .arg(graph->name()).arg(p).arg(q).arg(n)
                          .arg(cmp.bitExact ? QStringLiteral("bit-exact")
                                            : (cmp.withinRelative(kSplitTolerance) && cmp.argmaxEqual
                                                   ? QStringLiteral("within the contract")
                                                   : QStringLiteral("MISMATCH")))
                          .arg(cmp.maxAbsDiff, 0, 'g', 3).arg(cmp.maxAbsRef, 0, 'g', 4)
                          .arg(cmp.argmaxEqual ? QStringLiteral("equal") : QStringLiteral("DIFFERS"))
                          .arg(wholeMs, 0, 'f', 1).arg(splitMs, 0, 'f', 1).arg(referenceText, tileText)
                          .arg(platform.kernels(), passed ? QStringLiteral("PASS") : QStringLiteral("FAIL"))
                          .arg(kSplitTolerance, 0, 'g', 2));
    }
    return passed ? ExitOk : ExitCheckFailed;
}

} // namespace d3::cli
