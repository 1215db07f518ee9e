#include "TestFiles.h"
#include "graph/LayerTableModel.h"

#include <QApplication>
#include <QTranslator>

#include <gtest/gtest.h>

using d3::ui::LayerTableModel;

namespace {

QApplication &app()
{
    static int argc = 1;
    static char name[] = "ui_graph_tests";
    static char *argv[] = {name, nullptr};
    static QApplication instance(argc, argv);
    return instance;
}

} // namespace

TEST(LayerTableModel, ListsEveryLayerWithItsFigures)
{
    app();
    LayerTableModel model;
    EXPECT_EQ(model.rowCount(), 0);
    const auto graph = d3::test::TestFiles::builtin(QStringLiteral("resnet18"));
    model.setGraph(graph);
    ASSERT_EQ(model.rowCount(), graph.layerCount());
    EXPECT_EQ(model.columnCount(), LayerTableModel::ColumnCount);
    const int conv1 = graph.indexOf(QStringLiteral("conv1"));
    ASSERT_GE(conv1, 0);
    EXPECT_EQ(model.index(conv1, LayerTableModel::Name).data().toString(), QStringLiteral("conv1"));
    EXPECT_EQ(model.index(conv1, LayerTableModel::Op).data().toString(), QStringLiteral("conv2d"));
    EXPECT_EQ(model.index(conv1, LayerTableModel::Shape).data().toString(), QStringLiteral("[64, 112, 112]"));
    EXPECT_EQ(model.index(conv1, LayerTableModel::Params).data(Qt::UserRole).toLongLong(), 64 * 3 * 7 * 7);
    EXPECT_EQ(model.index(conv1, LayerTableModel::Bytes).data(Qt::UserRole).toLongLong(), 64 * 112 * 112 * 4);
    EXPECT_FALSE(model.index(graph.layerCount(), 0).isValid());
}

TEST(LayerTableModel, HeadersAreTranslatedToChinese)
{
    app();
    LayerTableModel model;
    EXPECT_EQ(model.headerData(LayerTableModel::Params, Qt::Horizontal).toString(), QStringLiteral("Parameters"));
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/d3lab_zh_CN.qm")));
    QCoreApplication::installTranslator(&translator);
    EXPECT_EQ(model.headerData(LayerTableModel::Params, Qt::Horizontal).toString(), QStringLiteral("参数量"));
    QCoreApplication::removeTranslator(&translator);
}
