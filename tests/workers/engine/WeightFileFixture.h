#pragma once

#include "graph/ModelGraph.h"

#include <QString>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>

namespace d3::test {

/// A tiny model (conv 3->4, bn, relu, pool, flatten, fc 4->3 on [3, 8, 8]) and weights files for it written
/// once per test process by Debian's PyTorch (weight_files.py), plus a garbage, a truncated and an empty file.
class WeightFileFixture : public ::testing::Test
{
protected:
    static void SetUpTestSuite();
    static void TearDownTestSuite();
    /// Fails the test if the files could not be written.
    void SetUp() override;

    /// The tiny model's graph.
    static const core::ModelGraph &graph();
    /// Path of a file in the scratch directory (it need not exist).
    static QString file(const QString &name);

private:
    static std::unique_ptr<QTemporaryDir> s_dir;
    static core::ModelGraph s_graph;
    static QString s_setupError;
};

} // namespace d3::test
