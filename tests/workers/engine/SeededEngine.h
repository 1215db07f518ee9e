#pragma once

#include "Engine.h"

#include <QString>

namespace d3::test {

/// The engine of one built-in model with seeded weights, built on first use and kept for the following tests of
/// the same model (building vgg16 fills 138 M weights). Holds one model at a time, so a run of the whole binary
/// never holds more than one large model. Test thread only.
class SeededEngine
{
public:
    /// The engine of model built from seed; fails the calling test (ADD_FAILURE) and returns nullptr on error.
    static const engine::Engine *get(const QString &model, quint64 seed = 1);
    /// Frees the held engine (from TearDownTestSuite).
    static void release();
};

} // namespace d3::test
