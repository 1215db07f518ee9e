#include "ModelCatalog.h"

#include "ModelParser.h"

#include <QDir>
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

QStringList ModelCatalog::userFolders()
{
    const QString path = qEnvironmentVariable("D3_MODEL_PATH");
    if (!path.isEmpty())
        return path.split(QLatin1Char(':'), Qt::SkipEmptyParts);
    const QString data = qEnvironmentVariable("XDG_DATA_HOME", QDir::homePath() + QStringLiteral("/.local/share"));
    return {data + QStringLiteral("/d3lab/models")};
}

QMap<QString, QString> ModelCatalog::userModels()
{
    QMap<QString, QString> models;
    for (const QString &folder : userFolders()) {
        const QDir dir(folder);
        for (const QFileInfo &f : dir.entryInfoList({QStringLiteral("*.json")}, QDir::Files | QDir::Readable,
                                                    QDir::Name)) {
            const QString name = f.completeBaseName();
            if (!builtinNames().contains(name) && !models.contains(name))
                models.insert(name, f.absoluteFilePath());
        }
    }
    return models;
}

std::optional<ModelGraph> ModelCatalog::resolve(const QString &nameOrPath, GraphError *error)
{
    if (builtinNames().contains(nameOrPath))
        return builtin(nameOrPath, error);
    const QFileInfo info(nameOrPath);
    if (info.isFile())
        return ModelParser::load(nameOrPath, error);
    const QMap<QString, QString> user = userModels();
    if (user.contains(nameOrPath))
        return ModelParser::load(user.value(nameOrPath), error);
    *error = GraphError{};
    error->file = nameOrPath;
    const bool looksLikePath = nameOrPath.contains(QLatin1Char('/')) || nameOrPath.endsWith(QLatin1String(".json"));
    if (info.exists())
        error->message = QStringLiteral("not a regular file");
    else if (looksLikePath)
        error->message = QStringLiteral("no such file");
    else
        error->message = QStringLiteral("unknown model (built-in: %1; the user's models in %2: %3; or give the path "
                                        "to a model file%4)")
                             .arg(builtinNames().join(QLatin1String(", ")), userFolders().join(QLatin1Char(':')),
                                  user.isEmpty() ? QStringLiteral("none") : user.keys().join(QLatin1String(", ")),
                                  QFileInfo::exists(nameOrPath + QStringLiteral(".json"))
                                      ? QStringLiteral(", such as ./%1.json").arg(nameOrPath)
                                      : QString());
    return std::nullopt;
}

} // namespace d3::core
