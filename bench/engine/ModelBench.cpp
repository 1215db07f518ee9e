#include "ModelBench.h"

#include "BenchLog.h"
#include "ComputePlatform.h"
#include "Engine.h"
#include "InterleavedRounds.h"
#include "PlainForward.h"
#include "ReferenceBlasEngine.h"
#include "Samples.h"
#include "io/SyntheticInput.h"
#include "io/TensorComparison.h"

#include <algorithm>

namespace d3::bench {

std::optional<ModelTiming> ModelBench::run(const core::ModelGraph &graph, const BenchOptions &options,
                                           const QString &referenceBlasDir, bool noOneDnn, QString *error)
{
    const auto engine = engine::Engine::create(graph, engine::WeightSource{}, error);
    if (!engine)
        return std::nullopt;
    const core::HostTensor input = core::SyntheticInput::make(graph.inputShape(), 1);

    ModelTiming timing;
    timing.model = graph.name();
    timing.layers = graph.layerCount();
    timing.cutP = timing.layers / 3;
    timing.cutQ = 2 * timing.layers / 3;
    timing.bytesP = graph.cut(timing.cutP).bytes;
    timing.bytesQ = graph.cut(timing.cutQ).bytes;
    const QVector<int> cuts{timing.cutP, timing.cutQ};

    PlainForward plain(engine->torchModel(), input);
    if (!plain.run(error))
        return std::nullopt;
    const core::HostTensor reference = plain.output();
    const auto whole = engine->forward(input, error);
    if (!whole)
        return std::nullopt;
    const auto split = engine->forwardSplit(input, cuts, error);
    if (!split)
        return std::nullopt;
    const auto a = core::TensorComparison::compare(*whole, reference);
    const auto b = core::TensorComparison::compare(*split, reference);
    constexpr double bound = core::TensorComparison::kExactnessBound;
    if (!a.withinRelative(bound) || !b.withinRelative(bound)) {
        *error = QStringLiteral("%1: the engine (max|diff| %2) or split (max|diff| %3) output differs from the plain "
                                "forward's (max|y| %4)")
                     .arg(graph.name()).arg(a.maxAbsDiff).arg(b.maxAbsDiff).arg(a.maxAbsRef);
        return std::nullopt;
    }
    timing.bitExact = a.bitExact && b.bitExact;
    timing.maxAbsDiff = std::max(a.maxAbsDiff, b.maxAbsDiff);

    std::unique_ptr<ReferenceBlasEngine> other;
    if (!referenceBlasDir.isEmpty()) {
        other = ReferenceBlasEngine::start(graph.name(), engine::Engine::threads(), referenceBlasDir, error);
        if (!other)
            return std::nullopt;
        const auto c = core::TensorComparison::compare(other->output(), *whole);
        if (!c.meetsContract()) {
            *error = QStringLiteral("%1: the output on %2 differs from the one on %3 by %4 (max|y| %5)")
                         .arg(graph.name(), other->blas(), engine::ComputePlatform::current().blas)
                         .arg(c.maxAbsDiff).arg(c.maxAbsRef);
            return std::nullopt;
        }
        timing.referenceBlas = other->blas();
        timing.referenceBlasMaxAbsDiff = c.maxAbsDiff;
    }

    // Each variant's result is destroyed inside its timed call, as a node would after sending it on.
    // Without oneDNN every convolution runs as im2col + GEMM: one algorithm whatever the input size.
    const auto forwardWithoutOneDnn = [&]() -> std::optional<core::HostTensor> {
        engine::Engine::setOneDnnEnabled(false);
        auto out = engine->forward(input, error);
        engine::Engine::setOneDnnEnabled(true);
        return out;
    };
    if (noOneDnn) {
        const auto out = forwardWithoutOneDnn();
        if (!out)
            return std::nullopt;
        const auto c = core::TensorComparison::compare(*out, *whole);
        if (!c.meetsContract()) {
            *error = QStringLiteral("%1: the output without oneDNN differs from the engine's by %2 (max|y| %3)")
                         .arg(graph.name()).arg(c.maxAbsDiff).arg(c.maxAbsRef);
            return std::nullopt;
        }
        timing.noOneDnnMaxAbsDiff = c.maxAbsDiff;
        timing.noOneDnnBitExact = c.bitExact;
    }

    std::vector<InterleavedRounds::Variant> variants{
        [&] { return plain.run(error); },
        [&] { return engine->forward(input, error).has_value(); },
        [&] { return engine->forwardSplit(input, cuts, error).has_value(); },
    };
    if (other)
        variants.push_back([&] { return other->forward(error); });
    if (noOneDnn)
        variants.push_back([&] { return forwardWithoutOneDnn().has_value(); });
    QVector<QVector<double>> samples;
    if (!InterleavedRounds::run(variants, options, &samples))
        return std::nullopt;
    timing.plainMs = samples.at(0);
    timing.engineMs = samples.at(1);
    timing.splitMs = samples.at(2);
    if (other)
        timing.referenceBlasMs = samples.at(3);
    if (noOneDnn)
        timing.noOneDnnMs = samples.back();
    qCInfo(lcBench).noquote() << QStringLiteral("%1: plain %2 ms, engine %3 ms, split %4 ms (medians of %5)")
                                     .arg(timing.model)
                                     .arg(Samples::median(timing.plainMs), 0, 'f', 2)
                                     .arg(Samples::median(timing.engineMs), 0, 'f', 2)
                                     .arg(Samples::median(timing.splitMs), 0, 'f', 2)
                                     .arg(options.runs)
                              + (other ? QStringLiteral(", engine on %1 %2 ms").arg(timing.referenceBlas)
                                             .arg(Samples::median(timing.referenceBlasMs), 0, 'f', 2)
                                       : QString())
                              + (noOneDnn ? QStringLiteral(", engine without oneDNN %1 ms")
                                                .arg(Samples::median(timing.noOneDnnMs), 0, 'f', 2)
                                          : QString());
    return timing;
}

} // namespace d3::bench
