#include "TestFiles.h"

#include "graph/ModelCatalog.h"
#include "io/NpyFile.h"

#include <QFile>

#include <gtest/gtest.h>

namespace d3::test {

QString TestFiles::sourceDir()
{
    return QStringLiteral(D3_SOURCE_DIR);
}

QString TestFiles::binaryDir()
{
    return QStringLiteral(D3_BINARY_DIR);
}

QString TestFiles::d3lab()
{
    return binaryDir() + QStringLiteral("/bin/d3lab");
}

QString TestFiles::d3ctl()
{
    return binaryDir() + QStringLiteral("/bin/d3ctl");
}

QString TestFiles::d3worker()
{
    return binaryDir() + QStringLiteral("/bin/d3worker");
}

core::ModelGraph TestFiles::builtin(const QString &name)
{
    core::GraphError error;
    auto graph = core::ModelCatalog::builtin(name, &error);
    if (!graph) {
        ADD_FAILURE() << error.toString().toStdString();
        return {};
    }
    return *graph;
}

std::vector<std::string> TestFiles::builtinModelNames()
{
    std::vector<std::string> names;
    for (const QString &n : core::ModelCatalog::builtinNames())
        names.push_back(n.toStdString());
    return names;
}

QString TestFiles::write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        ADD_FAILURE() << "cannot write " << path.toStdString();
    return path;
}

QByteArray TestFiles::read(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "cannot read " << path.toStdString();
        return {};
    }
    return f.readAll();
}

core::HostTensor TestFiles::readBatchOfOne(const QString &path)
{
    QString error;
    auto t = core::NpyFile::read(path, &error);
    if (!t || t->shape.value(0) != 1) {
        ADD_FAILURE() << (t ? path.toStdString() + " is not a batch of one" : error.toStdString());
        return {};
    }
    t->shape.removeFirst();
    return *t;
}

} // namespace d3::test
