#pragma once

#include "graph/ModelGraph.h"
#include "io/HostTensor.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

#include <string>
#include <vector>

namespace d3::test {

/// Paths and scratch files shared by the test suites.
class TestFiles
{
public:
    /// The source tree root (for models/, scripts/).
    static QString sourceDir();
    /// The build tree root (for built binaries such as d3ctl).
    static QString binaryDir();
    /// Path of the built d3ctl.
    static QString d3ctl();
    /// Path of the built d3lab console.
    static QString d3lab();
    /// Path of the built d3worker.
    static QString d3worker();
    /// A built-in model; fails the calling test (ADD_FAILURE) and returns an empty graph if it does not load.
    static core::ModelGraph builtin(const QString &name);
    /// The built-in model names, as test parameters (INSTANTIATE_TEST_SUITE_P ... ValuesIn).
    static std::vector<std::string> builtinModelNames();
    /// Writes bytes to name inside dir and returns the full path.
    static QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes);
    /// The bytes of the file at path; fails the calling test (ADD_FAILURE) and returns none if it cannot be read.
    static QByteArray read(const QString &path);
    /// An .npy array PyTorch wrote for a batch of one ([1, ...]), without its batch dimension; fails the calling test
    /// (ADD_FAILURE) and returns an empty tensor if it cannot be read or is not a batch of one.
    static core::HostTensor readBatchOfOne(const QString &path);
};

} // namespace d3::test
