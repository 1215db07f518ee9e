#include "GraphTestSupport.h"

#include "TestFiles.h"
#include "graph/ModelCatalog.h"

#include <QApplication>

#include <gtest/gtest.h>

namespace d3::test {

QApplication &GraphTestSupport::app()
{
    static int argc = 1;
    static char name[] = "ui_graph_view_tests";
    static char *argv[] = {name, nullptr};
    static QApplication *instance = new QApplication(argc, argv);
    return *instance;
}

core::ModelGraph GraphTestSupport::model(const QString &name)
{
    if (name != QLatin1String("densenet121"))
        return TestFiles::builtin(name);
    core::GraphError error;
    const auto graph =
        core::ModelCatalog::resolve(TestFiles::sourceDir() + QStringLiteral("/tests/ui/graph/data/densenet121.json"),
                                    &error);
    if (!graph) {
        ADD_FAILURE() << error.toString().toStdString();
        return {};
    }
    return *graph;
}

std::vector<std::string> GraphTestSupport::modelNames()
{
    std::vector<std::string> names = TestFiles::builtinModelNames();
    names.push_back("densenet121");
    return names;
}

} // namespace d3::test
