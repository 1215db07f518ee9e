#include "SeededEngine.h"

#include "TestFiles.h"

#include <gtest/gtest.h>

#include <memory>

namespace d3::test {
namespace {

std::unique_ptr<engine::Engine> &held()
{
    static std::unique_ptr<engine::Engine> engine;
    return engine;
}

} // namespace

const engine::Engine *SeededEngine::get(const QString &model, quint64 seed)
{
    auto &engine = held();
    if (engine && engine->graph().name() == model && engine->weights().path.isEmpty()
        && engine->weights().seed == seed)
        return engine.get();
    engine.reset(); // free the previous model before allocating the next
    const core::ModelGraph graph = TestFiles::builtin(model);
    if (graph.layerCount() == 0)
        return nullptr;
    engine::WeightSource weights;
    weights.seed = seed;
    QString error;
    engine = engine::Engine::create(graph, weights, &error);
    if (!engine)
        ADD_FAILURE() << "cannot build " << model.toStdString() << ": " << error.toStdString();
    return engine.get();
}

void SeededEngine::release()
{
    held().reset();
}

} // namespace d3::test
