#include "ModelCatalog.h"

#include "ModelParser.h"

#include <QFile>
#include <QFileInfo>

namespace d3::core {

QStringList ModelCatalog::builtinNames()
{
    return {QStringLiteral("alexnet"), QStringLiteral("vgg16"), QStringLiteral("resnet18"),
            QStringLiteral("googlenet"), QStringLiteral("mobilenet_v2"), QStringLiteral("tiny_yolov2")};
}

std::optional<ModelGraph> ModelCatalog::builtin(const QString &name, GraphError *error)
{
    QFile file(QStringLiteral(":/models/%1.json").arg(name));
    if (!builtinNames().contains(name) || !file.open(QIODevice::ReadOnly)) {
        *error = GraphError{};
        error->file = name;
        error->message = QStringLiteral("unknown model (built-in: %1; or give a path to a model file)")
                             .arg(builtinNames().join(QLatin1String(", ")));
        return std::nullopt;
    }
    return ModelParser::parse(file.readAll(), QStringLiteral("built-in %1").arg(name), error);
}

std::optional<ModelGraph> ModelCatalog::resolve(const QString &nameOrPath, GraphError *error)
{
    if (builtinNames().contains(nameOrPath))
        return builtin(nameOrPath, error);
    if (QFileInfo(nameOrPath).isFile())
        return ModelParser::load(nameOrPath, error);
    return builtin(nameOrPath, error);
}

} // namespace d3::core
