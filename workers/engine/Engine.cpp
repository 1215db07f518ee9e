#include "Engine.h"

#include "CodecProbe.h"
#include "ComputePlatform.h"
#include "EngineLog.h"
#include "LayerProfiler.h"
#include "io/SyntheticInput.h"
#include "util/Hash64.h"
#include "SeededWeights.h"
#include "TensorConvert.h"
#include "TorchError.h"
#include "TorchModel.h"
#include "WeightFile.h"
#include "tiling/RegionCopy.h"

#include <QElapsedTimer>

#include <cmath>

namespace d3::engine {

struct Engine::Private {
    std::unique_ptr<TorchModel> model;
    WeightSource weights;
    QString fingerprint;
};

Engine::Engine() : d(std::make_unique<Private>()) {}
Engine::~Engine() = default;

std::unique_ptr<Engine> Engine::create(const core::ModelGraph &graph, const WeightSource &weights, QString *error)
{
    std::unique_ptr<Engine> engine(new Engine);
    QElapsedTimer timer;
    timer.start();
    const bool ok = guardTorch(error, [&] {
        c10::InferenceMode guard;
        engine->d->model = std::make_unique<TorchModel>(graph);
        engine->d->weights = weights;
        if (!weights.path.isEmpty())
            return WeightFile::load(*engine->d->model, weights.path, weights.ignoreExtra, error);
        SeededWeights::fill(*engine->d->model, weights.seed);
        return true;
    });
    if (!ok)
        return nullptr;
    quint64 h = 0;
    for (const auto &[key, t] : engine->d->model->stateTensors()) {
        const QByteArray k = key.toUtf8();
        h = core::Hash64::update(h, k.constData(), k.size());
        const at::Tensor c = t.contiguous();
        h = core::Hash64::update(h, c.sizes().data(), qint64(c.dim() * sizeof(int64_t)));
        h = core::Hash64::update(h, c.data_ptr(), qint64(c.nbytes()));
    }
    engine->d->fingerprint = QStringLiteral("%1").arg(core::Hash64::mix(h), 16, 16, QLatin1Char('0'));
    qCInfo(lcEngine) << "built" << graph.name() << "weights" << weights.describe() << "fingerprint"
                     << engine->d->fingerprint << "in" << timer.elapsed() << "ms";
    return engine;
}

const core::ModelGraph &Engine::graph() const { return d->model->graph(); }
const WeightSource &Engine::weights() const { return d->weights; }
QString Engine::fingerprint() const { return d->fingerprint; }
const TorchModel &Engine::torchModel() const { return *d->model; }

std::optional<TensorMap> Engine::runRange(int a, int b, const TensorMap &crossingA, QString *error) const
{
    const core::ModelGraph &g = graph();
    const int n = g.layerCount();
    if (a < 0 || b > n || a > b) {
        *error = QStringLiteral("range [%1, %2) is not within 0..%3 in order").arg(a).arg(b).arg(n);
        return std::nullopt;
    }
    const QVector<int> &needed = g.cut(a).tensors;
    for (int t : needed) {
        if (!crossingA.contains(t)) {
            *error = QStringLiteral("cut %1 needs tensor '%2' which was not given").arg(a).arg(g.tensorName(t));
            return std::nullopt;
        }
        const core::HostTensor &h = crossingA.value(t);
        if (h.shape != g.tensorShape(t).dims || qint64(h.values.size()) != h.elements()) {
            *error = QStringLiteral("tensor '%1' must have shape %2").arg(g.tensorName(t), g.tensorShape(t).toString());
            return std::nullopt;
        }
    }
    for (auto it = crossingA.begin(); it != crossingA.end(); ++it) {
        if (!needed.contains(it.key())) {
            *error = QStringLiteral("tensor %1 does not cross cut %2").arg(it.key()).arg(a);
            return std::nullopt;
        }
    }
    TensorMap out;
    const bool ok = guardTorch(error, [&] {
        c10::InferenceMode guard;
        std::map<int, at::Tensor> live;
        for (auto it = crossingA.begin(); it != crossingA.end(); ++it)
            live[it.key()] = TensorConvert::toTorch(it.value());
        d->model->runRange(a, b, live);
        for (const auto &[t, tensor] : live)
            out.insert(t, TensorConvert::fromTorch(tensor));
        return true;
    });
    if (!ok)
        return std::nullopt;
    return out;
}

std::optional<core::HostTensor> Engine::forward(const core::HostTensor &input, QString *error) const
{
    auto out = runRange(0, graph().layerCount(), TensorMap{{0, input}}, error);
    if (!out)
        return std::nullopt;
    return out->value(graph().outputTensor());
}

std::optional<core::HostTensor> Engine::forwardSplit(const core::HostTensor &input, const QVector<int> &cuts,
                                                    QString *error) const
{
    TensorMap crossing{{0, input}};
    int from = 0;
    for (int to : cuts + QVector<int>{graph().layerCount()}) {
        auto next = runRange(from, to, crossing, error);
        if (!next)
            return std::nullopt;
        crossing = std::move(*next);
        from = to;
    }
    return crossing.value(graph().outputTensor());
}

std::optional<core::HostTensor> Engine::runTile(const core::Tile &tile, const TensorMap &crops, QString *error) const
{
    const core::ModelGraph &g = graph();
    if (tile.steps.isEmpty()) {
        *error = QStringLiteral("tile has no steps");
        return std::nullopt;
    }
    const int begin = tile.steps.first().layer;
    for (int t : g.cut(begin).tensors) {
        const core::Region r = tile.regions.value(t);
        const QVector<qint64> expected{g.tensorShape(t).channels(), r.height(), r.width()};
        const core::HostTensor h = crops.value(t);
        if (!crops.contains(t) || h.shape != expected || qint64(h.values.size()) != h.elements()) {
            *error = QStringLiteral("tile (%1, %2) needs tensor '%3' cropped to %4, shape %5")
                         .arg(tile.row).arg(tile.col).arg(g.tensorName(t), r.toString(), core::TensorShape{expected}.toString());
            return std::nullopt;
        }
    }
    if (crops.size() != g.cut(begin).tensors.size()) {
        *error = QStringLiteral("tile (%1, %2) was given tensors the stack does not read").arg(tile.row).arg(tile.col);
        return std::nullopt;
    }
    core::HostTensor out;
    const bool ok = guardTorch(error, [&] {
        c10::InferenceMode guard;
        std::map<int, at::Tensor> inputs;
        for (auto it = crops.begin(); it != crops.end(); ++it)
            inputs[it.key()] = TensorConvert::toTorch(it.value());
        out = TensorConvert::fromTorch(d->model->runTile(tile, inputs));
        return true;
    });
    if (!ok)
        return std::nullopt;
    return out;
}

std::optional<core::HostTensor> Engine::runTiles(const core::TileGeometry &geometry, const TensorMap &crossingAtBegin,
                                                 QString *error) const
{
    const core::FusedStack &stack = geometry.stack();
    core::HostTensor stitched;
    stitched.shape = graph().tensorShape(stack.output).dims;
    stitched.values.resize(size_t(stitched.elements()));
    for (const core::Tile &tile : geometry.tiles()) {
        TensorMap crops;
        for (int t : stack.inputs) {
            if (!crossingAtBegin.contains(t)) {
                *error = QStringLiteral("the stack needs tensor '%1' which was not given").arg(graph().tensorName(t));
                return std::nullopt;
            }
            crops.insert(t, core::RegionCopy::crop(crossingAtBegin.value(t), tile.regions.value(t)));
        }
        auto out = runTile(tile, crops, error);
        if (!out)
            return std::nullopt;
        core::RegionCopy::paste(&stitched, *out, tile.out);
    }
    return stitched;
}

std::optional<Engine::TiledOutput> Engine::forwardTiled(const core::HostTensor &input, int p, int q,
                                                        const core::TileGeometry &geometry, QString *error) const
{
    const core::FusedStack &stack = geometry.stack();
    if (stack.begin != p || stack.end > q) {
        *error = QStringLiteral("the tiled stack [%1, %2) must start at the edge range's first cut %3 and end by %4")
                     .arg(stack.begin).arg(stack.end).arg(p).arg(q);
        return std::nullopt;
    }
    auto atP = runRange(0, p, TensorMap{{0, input}}, error);
    if (!atP)
        return std::nullopt;
    auto stitched = runTiles(geometry, *atP, error);
    if (!stitched)
        return std::nullopt;
    TiledOutput result;
    result.stackOutput = std::move(*stitched);
    auto atQ = runRange(stack.end, q, TensorMap{{stack.output, result.stackOutput}}, error);
    if (!atQ)
        return std::nullopt;
    auto atN = runRange(q, graph().layerCount(), *atQ, error);
    if (!atN)
        return std::nullopt;
    result.output = atN->value(graph().outputTensor());
    return result;
}

std::optional<core::Profile> Engine::profile(int warmup, int runs, double slowdown,
                                             std::function<void(int layer, int layers)> progress, QString *error) const
{
    QString ignored;
    QString *why = error ? error : &ignored;
    if (warmup < 0 || runs < 1 || !std::isfinite(slowdown) || slowdown < 1) {
        *why = QStringLiteral("profile needs warmup >= 0, runs >= 1 and slowdown >= 1 (got %1, %2, %3)")
                   .arg(warmup).arg(runs).arg(slowdown);
        return std::nullopt;
    }
    const core::ModelGraph &g = graph();
    core::Profile profile;
    profile.model = g.name();
    for (const core::Layer &l : g.layers())
        profile.layers << l.name;
    profile.machine = ComputePlatform::current().machine();
    profile.threads = threads();
    profile.slowdown = slowdown;
    profile.runs = runs;
    QElapsedTimer timer;
    timer.start();
    const bool ok = guardTorch(why, [&] {
        c10::InferenceMode guard;
        const at::Tensor input = TensorConvert::toTorch(core::SyntheticInput::make(g.inputShape(), d->weights.seed));
        for (double ms : LayerProfiler::medianMs(*d->model, input, warmup, runs, progress))
            profile.ms << ms * slowdown;
        return true;
    });
    if (!ok) {
        if (!error) // the caller does not report it: log it
            qCWarning(lcEngine) << "profiling" << g.name() << "failed:" << *why;
        return std::nullopt;
    }
    // The codecs on the same input's activations: their ratio at every cut and their speed here, padded like the
    // layer times.
    const auto codecs = CodecProbe::run(*this, core::SyntheticInput::make(g.inputShape(), d->weights.seed), 1,
                                        std::max(1, std::min(runs, 5)), why);
    if (!codecs)
        return std::nullopt;
    profile.codecs = codecs->costs(slowdown);
    profile.date = QDateTime::currentDateTimeUtc();
    qCInfo(lcEngine) << "profiled" << g.name() << "total" << profile.totalMs() << "ms (slowdown" << slowdown
                     << ") in" << timer.elapsed() << "ms";
    return profile;
}

void Engine::setThreads(int threads)
{
    at::set_num_threads(std::max(1, threads));
}

int Engine::threads()
{
    return at::get_num_threads();
}

void Engine::setOneDnnEnabled(bool enabled)
{
    at::globalContext().setUserEnabledMkldnn(enabled);
}

bool Engine::oneDnnEnabled()
{
    return at::globalContext().userEnabledMkldnn();
}

} // namespace d3::engine
