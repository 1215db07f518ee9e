#include "Engine.h"
#include "TestFiles.h"
#include "graph/ModelCatalog.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace d3::engine {
namespace {

class EngineFingerprintTest : public ::testing::TestWithParam<std::string>
{
protected:
    /// Fingerprint of a freshly built seeded engine (freed before returning: one model in memory at a time).
    static QString fingerprintOf(const core::ModelGraph &graph, quint64 seed)
    {
        WeightSource weights;
        weights.seed = seed;
        QString error;
        const auto engine = Engine::create(graph, weights, &error);
        EXPECT_TRUE(engine) << error.toStdString();
        return engine ? engine->fingerprint() : QString();
    }
};

TEST_P(EngineFingerprintTest, SameSeedSameFingerprintOtherSeedAnother)
{
    const core::ModelGraph graph = test::TestFiles::builtin(QString::fromStdString(GetParam()));
    ASSERT_GT(graph.layerCount(), 0);
    const QString first = fingerprintOf(graph, 1);
    const QString again = fingerprintOf(graph, 1);
    const QString other = fingerprintOf(graph, 2);
    static const QRegularExpression hex16(QStringLiteral("^[0-9a-f]{16}$"));
    EXPECT_TRUE(hex16.match(first).hasMatch()) << first.toStdString();
    EXPECT_EQ(first, again);
    EXPECT_NE(first, other);
}

INSTANTIATE_TEST_SUITE_P(BuiltinModels, EngineFingerprintTest, ::testing::ValuesIn(test::TestFiles::builtinModelNames()),
                         [](const auto &info) { return info.param; });

} // namespace
} // namespace d3::engine
