#include "TestFiles.h"

#include "graph/ModelCatalog.h"
#include "graph/ModelGraph.h"

#include <QSet>

#include <gtest/gtest.h>

using d3::core::ModelCatalog;
using d3::core::ModelGraph;
using d3::test::TestFiles;

namespace {

/// Names of the tensors crossing cut k.
QSet<QString> crossing(const ModelGraph &g, int k)
{
    QSet<QString> names;
    for (int t : g.cut(k).tensors)
        names.insert(g.tensorName(t));
    return names;
}

TEST(ModelGraphTest, EveryBuiltinModelHasTorchvisionsParameterCount)
{
    const std::pair<const char *, qint64> expected[] = {
        {"alexnet", 61100840},     {"vgg16", 138357544},       {"resnet18", 11689512},
        {"googlenet", 6624904},    {"mobilenet_v2", 3504872},  {"tiny_yolov2", 15861773},
    };
    ASSERT_EQ(ModelCatalog::builtinNames().size(), int(std::size(expected)));
    for (const auto &[name, params] : expected) {
        const ModelGraph g = TestFiles::builtin(QLatin1String(name));
        EXPECT_EQ(g.totalParams(), params) << name;
        EXPECT_GT(g.totalFlops(), 0) << name;
    }
}

TEST(ModelGraphTest, ClassifiersEndInAThousandClasses)
{
    for (const char *name : {"alexnet", "vgg16", "resnet18", "googlenet", "mobilenet_v2"}) {
        const ModelGraph g = TestFiles::builtin(QLatin1String(name));
        EXPECT_EQ(g.inputShape().dims, (QVector<qint64>{3, 224, 224})) << name;
        EXPECT_EQ(g.tensorShape(g.outputTensor()).dims, QVector<qint64>{1000}) << name;
    }
    const ModelGraph yolo = TestFiles::builtin(QStringLiteral("tiny_yolov2"));
    EXPECT_EQ(yolo.inputShape().dims, (QVector<qint64>{3, 416, 416}));
    EXPECT_EQ(yolo.tensorShape(yolo.outputTensor()).dims, (QVector<qint64>{125, 13, 13}));
}

TEST(ModelGraphTest, FirstAndLastCutsHoldOnlyInputAndOutput)
{
    for (const QString &name : ModelCatalog::builtinNames()) {
        const ModelGraph g = TestFiles::builtin(name);
        const int n = g.layerCount();
        ASSERT_EQ(g.cuts().size(), n + 1) << name.toStdString();
        EXPECT_EQ(g.cut(0).tensors, QVector<int>{0}) << name.toStdString();
        EXPECT_EQ(g.cut(0).bytes, g.inputShape().elements() * 4) << name.toStdString();
        EXPECT_EQ(g.cut(n).tensors, QVector<int>{n}) << name.toStdString();
        EXPECT_EQ(g.cut(n).bytes, g.layer(n - 1).bytes) << name.toStdString();
    }
    EXPECT_EQ(TestFiles::builtin(QStringLiteral("resnet18")).cut(0).bytes, 3 * 224 * 224 * 4);
    const ModelGraph alexnet = TestFiles::builtin(QStringLiteral("alexnet"));
    EXPECT_EQ(alexnet.cut(alexnet.layerCount()).bytes, 1000 * 4);
}

TEST(ModelGraphTest, CutsHoldExactlyTheTensorsProducedBeforeAndConsumedAfter)
{
    for (const QString &name : ModelCatalog::builtinNames()) {
        SCOPED_TRACE(name.toStdString());
        const ModelGraph g = TestFiles::builtin(name);
        const int n = g.layerCount();
        for (int k = 0; k <= n; ++k) {
            QVector<int> want;
            qint64 bytes = 0;
            for (int t = 0; t < g.tensorCount(); ++t) {
                const bool producedBefore = t <= k; // tensor t is layer t-1's output, done by position t
                bool neededLater = t == g.outputTensor();
                for (int consumer : g.consumers(t))
                    neededLater = neededLater || consumer >= k;
                if (producedBefore && neededLater) {
                    want << t;
                    bytes += g.tensorShape(t).elements() * 4;
                }
            }
            ASSERT_EQ(g.cut(k).position, k);
            ASSERT_EQ(g.cut(k).tensors, want) << "cut " << k;
            ASSERT_EQ(g.cut(k).bytes, bytes) << "cut " << k;
        }
    }
}

TEST(ModelGraphTest, SequentialModelCutsCarryOneTensor)
{
    for (const char *name : {"alexnet", "vgg16", "tiny_yolov2"}) {
        const ModelGraph g = TestFiles::builtin(QLatin1String(name));
        for (const auto &cut : g.cuts()) {
            ASSERT_EQ(cut.tensors.size(), 1) << name << " cut " << cut.position;
            EXPECT_EQ(cut.bytes, g.tensorShape(cut.tensors.first()).elements() * 4);
        }
    }
}

TEST(ModelGraphTest, CutInsideAResidualBlockCarriesTwoTensors)
{
    const ModelGraph g = TestFiles::builtin(QStringLiteral("resnet18"));
    const int k = g.indexOf(QStringLiteral("layer1.0.conv2"));
    ASSERT_GT(k, 0);
    EXPECT_EQ(crossing(g, k), (QSet<QString>{QStringLiteral("maxpool"), QStringLiteral("layer1.0.relu1")}));
    EXPECT_EQ(g.cut(k).bytes, 2 * 64 * 56 * 56 * 4);
    // Between blocks only the block output crosses.
    const int between = g.indexOf(QStringLiteral("layer1.1.conv1"));
    EXPECT_EQ(crossing(g, between), QSet<QString>{QStringLiteral("layer1.0.relu2")});
    // In a downsampling block, the downsample branch keeps the block input alive until it runs.
    const int ds = g.indexOf(QStringLiteral("layer2.0.downsample.0"));
    EXPECT_EQ(crossing(g, ds), (QSet<QString>{QStringLiteral("layer1.1.relu2"), QStringLiteral("layer2.0.bn2")}));
    EXPECT_EQ(g.cut(ds).bytes, (64 * 56 * 56 + 128 * 28 * 28) * 4);
}

TEST(ModelGraphTest, CutInsideAnInceptionBlockCarriesSeveralTensors)
{
    const ModelGraph g = TestFiles::builtin(QStringLiteral("googlenet"));
    EXPECT_EQ(g.layer(g.indexOf(QStringLiteral("maxpool1"))).shape.dims, (QVector<qint64>{64, 56, 56}));
    const int k = g.indexOf(QStringLiteral("inception3a.branch3.0.conv"));
    ASSERT_GT(k, 0);
    const QSet<QString> want{QStringLiteral("maxpool2"), QStringLiteral("inception3a.branch1.relu"),
                             QStringLiteral("inception3a.branch2.1.relu")};
    EXPECT_EQ(crossing(g, k), want);
    qint64 bytes = 0;
    for (int t : g.cut(k).tensors)
        bytes += g.tensorShape(t).elements() * 4;
    EXPECT_EQ(g.cut(k).bytes, bytes);
    EXPECT_EQ(bytes, (192 + 64 + 128) * 28 * 28 * 4);
}

TEST(ModelGraphTest, TensorNamesShapesAndConsumers)
{
    const ModelGraph g = TestFiles::builtin(QStringLiteral("resnet18"));
    EXPECT_EQ(g.tensorCount(), g.layerCount() + 1);
    EXPECT_EQ(g.tensorName(0), QStringLiteral("input"));
    EXPECT_EQ(g.tensorName(1), QStringLiteral("conv1"));
    EXPECT_EQ(g.tensorShape(1).dims, (QVector<qint64>{64, 112, 112}));
    const int maxpool = g.indexOf(QStringLiteral("maxpool"));
    EXPECT_EQ(g.consumers(maxpool + 1),
              (QVector<int>{g.indexOf(QStringLiteral("layer1.0.conv1")), g.indexOf(QStringLiteral("layer1.0.add"))}));
    EXPECT_TRUE(g.consumers(g.outputTensor()).isEmpty());
    EXPECT_EQ(g.indexOf(QStringLiteral("nonexistent")), -1);
}

} // namespace
