#include "TestFiles.h"

#include "graph/ModelCatalog.h"

#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using d3::core::GraphError;
using d3::core::ModelCatalog;
using d3::test::TestFiles;

namespace {

TEST(ModelCatalogTest, ListsTheBuiltinsInDocumentationOrder)
{
    EXPECT_EQ(ModelCatalog::builtinNames(),
              (QStringList{QStringLiteral("alexnet"), QStringLiteral("vgg16"), QStringLiteral("resnet18"),
                           QStringLiteral("googlenet"), QStringLiteral("mobilenet_v2"), QStringLiteral("tiny_yolov2")}));
}

TEST(ModelCatalogTest, ResolvesEveryBuiltinByName)
{
    for (const QString &name : ModelCatalog::builtinNames()) {
        GraphError error;
        const auto g = ModelCatalog::resolve(name, &error);
        ASSERT_TRUE(g.has_value()) << error.toString().toStdString();
        EXPECT_EQ(g->name(), name);
        EXPECT_EQ(g->source(), QStringLiteral("built-in ") + name);
    }
}

TEST(ModelCatalogTest, ResolvesAPathToTheSameModel)
{
    const QString path = TestFiles::sourceDir() + QStringLiteral("/models/resnet18.json");
    ASSERT_TRUE(QFile::exists(path));
    GraphError error;
    const auto g = ModelCatalog::resolve(path, &error);
    ASSERT_TRUE(g.has_value()) << error.toString().toStdString();
    EXPECT_EQ(g->source(), path);
    EXPECT_EQ(g->name(), QStringLiteral("resnet18"));
    EXPECT_EQ(g->totalParams(), 11689512);
}

TEST(ModelCatalogTest, ResolvesAUserModelFile)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString path = TestFiles::write(dir, QStringLiteral("mine.json"),
                                          R"({"format": "d3lab-model", "version": 1, "name": "mine",
                                              "input": {"shape": [1, 4, 4]},
                                              "layers": [{"name": "r", "op": "relu"}]})");
    GraphError error;
    const auto g = ModelCatalog::resolve(path, &error);
    ASSERT_TRUE(g.has_value()) << error.toString().toStdString();
    EXPECT_EQ(g->name(), QStringLiteral("mine"));
    EXPECT_EQ(g->inputName(), QStringLiteral("input"));
    EXPECT_EQ(g->layerCount(), 1);
}

TEST(ModelCatalogTest, ErrorsInAUserFileNameThePath)
{
    QTemporaryDir dir;
    const QString path = TestFiles::write(dir, QStringLiteral("bad.json"), "{\"format\": ");
    GraphError error;
    EXPECT_FALSE(ModelCatalog::resolve(path, &error).has_value());
    EXPECT_EQ(error.file, path);
    EXPECT_TRUE(error.message.contains(QStringLiteral("not valid JSON")));
}

TEST(ModelCatalogTest, RefusesUnknownNamesClearly)
{
    for (const QString &name : {QStringLiteral("resnet19"), QStringLiteral("../models/alexnet"),
                                QStringLiteral("/nonexistent/model.json"), QString()}) {
        GraphError error;
        EXPECT_FALSE(ModelCatalog::resolve(name, &error).has_value()) << name.toStdString();
        EXPECT_EQ(error.file, name);
        EXPECT_TRUE(error.message.contains(QStringLiteral("unknown model"))) << error.message.toStdString();
        EXPECT_TRUE(error.message.contains(QStringLiteral("alexnet, vgg16, resnet18, googlenet, mobilenet_v2, tiny_yolov2")))
            << error.message.toStdString();
        EXPECT_TRUE(error.toString().startsWith(name + QStringLiteral(": unknown model")));
    }
    GraphError error;
    EXPECT_FALSE(ModelCatalog::builtin(QStringLiteral("lenet"), &error).has_value());
    EXPECT_EQ(error.file, QStringLiteral("lenet"));
}

} // namespace
