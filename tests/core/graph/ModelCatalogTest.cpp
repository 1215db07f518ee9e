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
    QTemporaryDir models;
    qputenv("D3_MODEL_PATH", models.path().toUtf8()); // an empty models folder, whatever the user has
    for (const QString &name : {QStringLiteral("resnet19"), QString()}) {
        GraphError error;
        EXPECT_FALSE(ModelCatalog::resolve(name, &error).has_value()) << name.toStdString();
        EXPECT_EQ(error.file, name);
        EXPECT_TRUE(error.message.contains(QStringLiteral("unknown model"))) << error.message.toStdString();
        EXPECT_TRUE(error.message.contains(QStringLiteral("alexnet, vgg16, resnet18, googlenet, mobilenet_v2, tiny_yolov2")))
            << error.message.toStdString();
        EXPECT_TRUE(error.message.contains(models.path())) << error.message.toStdString();
        EXPECT_TRUE(error.toString().startsWith(name + QStringLiteral(": unknown model")));
    }
    // A path that is not there is not an unknown model.
    for (const QString &path : {QStringLiteral("../models/alexnet"), QStringLiteral("/nonexistent/model.json"),
                                QStringLiteral("resnet50.json")}) {
        GraphError error;
        EXPECT_FALSE(ModelCatalog::resolve(path, &error).has_value()) << path.toStdString();
        EXPECT_EQ(error.toString(), path + QStringLiteral(": no such file"));
    }
    GraphError error;
    EXPECT_FALSE(ModelCatalog::resolve(models.path(), &error).has_value());
    EXPECT_EQ(error.message, QStringLiteral("not a regular file"));
    EXPECT_FALSE(ModelCatalog::builtin(QStringLiteral("lenet"), &error).has_value());
    EXPECT_EQ(error.file, QStringLiteral("lenet"));
    qunsetenv("D3_MODEL_PATH");
}

TEST(ModelCatalogTest, ResolvesTheUsersModelsByNameFromTheModelsFolders)
{
    QTemporaryDir first, second;
    QFile builtin(QStringLiteral(":/models/alexnet.json"));
    ASSERT_TRUE(builtin.open(QIODevice::ReadOnly));
    const QByteArray alexnet = builtin.readAll();
    TestFiles::write(first, QStringLiteral("mynet.json"), alexnet);
    TestFiles::write(second, QStringLiteral("mynet.json"), "{}"); // shadowed by the first folder
    TestFiles::write(second, QStringLiteral("vgg16.json"), "{}"); // never shadows a built-in
    TestFiles::write(second, QStringLiteral("notes.txt"), "not a model");
    qputenv("D3_MODEL_PATH", (first.path() + QStringLiteral(":") + second.path()).toUtf8());
    const QMap<QString, QString> user = ModelCatalog::userModels();
    EXPECT_EQ(user.keys(), QStringList{QStringLiteral("mynet")});
    EXPECT_EQ(user.value(QStringLiteral("mynet")), first.filePath(QStringLiteral("mynet.json")));
    GraphError error;
    const auto graph = ModelCatalog::resolve(QStringLiteral("mynet"), &error);
    ASSERT_TRUE(graph) << error.toString().toStdString();
    EXPECT_EQ(graph->layerCount(), ModelCatalog::builtin(QStringLiteral("alexnet"), &error)->layerCount());
    EXPECT_TRUE(ModelCatalog::resolve(QStringLiteral("vgg16"), &error).has_value()); // the built-in
    qunsetenv("D3_MODEL_PATH");
}

} // namespace
