#include "console/OpenModelDialog.h"

#include "TestFiles.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace d3::ui {
namespace {

QApplication &app()
{
    static int argc = 1;
    static char name[] = "ui_open_model_tests";
    static char *argv[] = {name, nullptr};
    static QApplication *instance = new QApplication(argc, argv);
    return *instance;
}

/// A models folder, as $D3_MODEL_PATH names it, holding one exported model and its weights (NAME.json, NAME.pt).
class OpenModelDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        app();
        ASSERT_TRUE(m_models.isValid());
        ASSERT_TRUE(QFile::copy(test::TestFiles::sourceDir() + QStringLiteral("/tests/workers/engine/every_op.json"),
                                m_models.filePath(QStringLiteral("mynet.json"))));
        test::TestFiles::write(m_models, QStringLiteral("mynet.pt"), "weights");
        test::TestFiles::write(m_models, QStringLiteral("broken.json"), "{\"format\": \"d3lab-model\"");
        qputenv("D3_MODEL_PATH", QFile::encodeName(m_models.path()));
    }
    void TearDown() override { qunsetenv("D3_MODEL_PATH"); }

    QTemporaryDir m_models;
};

TEST_F(OpenModelDialogTest, StartsOnTheExperimentsModelAndSeed)
{
    OpenModelDialog dialog(QStringLiteral("resnet18"), QString(), 3, false);
    EXPECT_EQ(dialog.model(), QStringLiteral("resnet18"));
    EXPECT_TRUE(dialog.weightsFile().isEmpty());
    EXPECT_EQ(dialog.weightsJson(), (QJsonObject{{QStringLiteral("seed"), 3}}));
    EXPECT_TRUE(dialog.isAcceptable());
    EXPECT_TRUE(dialog.summary().startsWith(QStringLiteral("resnet18: "))) << dialog.summary().toStdString();
}

TEST_F(OpenModelDialogTest, AUserModelComesWithTheWeightsBesideIt)
{
    OpenModelDialog dialog(QStringLiteral("resnet18"), QString(), 1, false);
    const QString path = m_models.filePath(QStringLiteral("mynet.json"));
    dialog.choose(path);
    EXPECT_EQ(dialog.model(), path);
    EXPECT_EQ(dialog.weightsFile(), m_models.filePath(QStringLiteral("mynet.pt")));
    EXPECT_EQ(dialog.weightsJson().value(QStringLiteral("file")).toString(), m_models.filePath(QStringLiteral("mynet.pt")));
    EXPECT_TRUE(dialog.isAcceptable());
    EXPECT_TRUE(dialog.summary().startsWith(QStringLiteral("every_op: 28 layers"))) << dialog.summary().toStdString();
}

TEST_F(OpenModelDialogTest, AModelThatDoesNotReadCannotBeChosen)
{
    OpenModelDialog dialog(QStringLiteral("resnet18"), QString(), 1, false);
    dialog.choose(m_models.filePath(QStringLiteral("broken.json")));
    EXPECT_FALSE(dialog.isAcceptable());
    EXPECT_TRUE(dialog.summary().contains(QStringLiteral("not valid JSON"))) << dialog.summary().toStdString();
    dialog.choose(QStringLiteral("vgg16"));
    EXPECT_TRUE(dialog.isAcceptable());
}

TEST_F(OpenModelDialogTest, KeepsTheExperimentsWeightsFileAndItsIgnoreExtraChoice)
{
    const QString weights = m_models.filePath(QStringLiteral("mynet.pt"));
    OpenModelDialog dialog(m_models.filePath(QStringLiteral("mynet.json")), weights, 1, true);
    EXPECT_TRUE(dialog.ignoreExtra());
    EXPECT_EQ(dialog.weightsJson(), (QJsonObject{{QStringLiteral("file"), weights}, {QStringLiteral("ignore_extra"), true}}));
    OpenModelDialog missing(QStringLiteral("resnet18"), m_models.filePath(QStringLiteral("gone.pt")), 1, false);
    EXPECT_FALSE(missing.isAcceptable());
    EXPECT_TRUE(missing.summary().contains(QStringLiteral("gone.pt"))) << missing.summary().toStdString();
}

} // namespace
} // namespace d3::ui
