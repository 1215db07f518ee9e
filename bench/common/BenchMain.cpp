#include "BenchMain.h"

#include "graph/ModelCatalog.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <iostream>

namespace d3::bench {

void BenchMain::setUpLogging()
{
    QLoggingCategory::setFilterRules(QStringLiteral("d3.*.info=false\nd3.*.debug=false\nd3.bench.info=true"));
}

int BenchMain::fail(const QString &message, int code)
{
    std::cerr << QCoreApplication::applicationName().toStdString() << ": " << message.toStdString() << std::endl;
    return code;
}

std::optional<QVector<core::ModelGraph>> BenchMain::models(const BenchOptions &options, QString *error)
{
    const QStringList builtins = core::ModelCatalog::builtinNames();
    QVector<core::ModelGraph> graphs;
    for (const QString &name : options.models.isEmpty() ? builtins : options.models) {
        core::GraphError graphError;
        const auto graph = core::ModelCatalog::resolve(name, &graphError); // a built-in, a user model or a file
        if (!graph) {
            *error = QStringLiteral("--models: ") + graphError.toString();
            return std::nullopt;
        }
        graphs.append(*graph);
    }
    return graphs;
}

} // namespace d3::bench
