#include "Engine.h"
#include "SeededWeights.h"
#include "TorchModel.h"
#include "WeightFile.h"
#include "WeightFileFixture.h"

#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <string>
#include <vector>

namespace d3::engine {
namespace {

/// A weights file with one fault, the tensor its error must name ("" if none) and a phrase it must contain.
struct BadFile {
    std::string name;
    std::string tensor;
    std::string phrase;
};

void PrintTo(const BadFile &f, std::ostream *os)
{
    *os << f.name;
}

class WeightFileRefusalTest : public test::WeightFileFixture, public ::testing::WithParamInterface<BadFile>
{
protected:
    QString path() const { return file(QString::fromStdString(GetParam().name)); }
};

TEST_P(WeightFileRefusalTest, RefusedWithOneLineAndNothingLoaded)
{
    // Through the engine: no engine, one line naming the file (and the tensor).
    WeightSource weights;
    weights.path = path();
    QString error;
    EXPECT_FALSE(Engine::create(graph(), weights, &error));
    const std::string e = error.toStdString();
    EXPECT_TRUE(error.startsWith(path() + QLatin1Char(':'))) << e;
    EXPECT_FALSE(error.contains(QLatin1Char('\n'))) << e;
    EXPECT_FALSE(error.contains(QLatin1String("INTERNAL ASSERT"))) << e;
    EXPECT_LT(error.size(), 300) << e;
    if (!GetParam().tensor.empty()) {
        EXPECT_TRUE(error.contains(QStringLiteral("'%1'").arg(QString::fromStdString(GetParam().tensor)))) << e;
    }
    EXPECT_TRUE(error.contains(QString::fromStdString(GetParam().phrase))) << e;

    // Into a model that already holds weights: every tensor keeps its value (the good tensors of the file,
    // which differ from the seeded ones, are not copied before the fault is found).
    c10::InferenceMode guard;
    const TorchModel model(graph());
    SeededWeights::fill(model, 5);
    std::vector<at::Tensor> before;
    for (const auto &[key, t] : model.stateTensors())
        before.push_back(t.clone());
    QString loadError;
    EXPECT_FALSE(WeightFile::load(model, path(), /*ignoreExtra=*/false, &loadError));
    EXPECT_EQ(loadError, error);
    size_t i = 0;
    for (const auto &[key, t] : model.stateTensors())
        EXPECT_TRUE(torch::equal(t, before[i++])) << key.toStdString() << " was overwritten";
}

INSTANTIATE_TEST_SUITE_P(
    Faults, WeightFileRefusalTest,
    ::testing::Values(BadFile{"missing.pt", "fc.bias", "missing"},
                      BadFile{"extra.pt", "fc.scale", "unexpected"},
                      BadFile{"wrong_shape.pt", "fc.weight", "[3, 5]"},
                      BadFile{"wrong_shape.torchscript.pt", "fc.weight", "[5, 4]"},
                      BadFile{"float64.pt", "bn.running_var", "float32"},
                      BadFile{"ordered_dict.pt", "", "torch.save(dict(model.state_dict()), path)"},
                      BadFile{"checkpoint_ordered_dict.pt", "", "{'state_dict': dict(model.state_dict()), ...}"},
                      BadFile{"tensor.pt", "", "torch.save(dict(model.state_dict()), path)"},
                      BadFile{"garbage.pt", "", "not a PyTorch state_dict"},
                      BadFile{"truncated.pt", "", "not a PyTorch state_dict"},
                      BadFile{"empty.pt", "", "not a PyTorch state_dict"},
                      BadFile{"nonexistent.pt", "", "not found"}),
    [](const auto &info) {
        std::string n = info.param.name;
        for (char &c : n)
            c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
        return n;
    });

} // namespace
} // namespace d3::engine
