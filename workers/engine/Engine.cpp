#include "Engine.h"

#include "EngineLog.h"
#include "util/Hash64.h"
#include "SeededWeights.h"
#include "TensorConvert.h"
#include "TorchError.h"
#include "TorchModel.h"
#include "WeightFile.h"

#include <QElapsedTimer>

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
            return WeightFile::load(*engine->d->model, weights.path, error);
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

void Engine::setThreads(int threads)
{
    at::set_num_threads(std::max(1, threads));
}

int Engine::threads()
{
    return at::get_num_threads();
}

} // namespace d3::engine
