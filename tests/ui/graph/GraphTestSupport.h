#pragma once

#include "graph/ModelGraph.h"

#include <QString>

#include <string>
#include <vector>

class QApplication;

namespace d3::test {

/// What the layer graph's tests share: the one QApplication and the models they lay out.
class GraphTestSupport
{
public:
    /// The application (created on first use, never destroyed: QTest's mouse device would outlive it at exit).
    static QApplication &app();
    /// A built-in model, or "densenet121" (427 layers of dense blocks, tests/ui/graph/data/densenet121.json,
    /// exported by scripts/export_model.py torchvision:densenet121); fails the calling test if it does not load.
    static core::ModelGraph model(const QString &name);
    /// The built-in model names and densenet121, as test parameters.
    static std::vector<std::string> modelNames();
};

} // namespace d3::test
