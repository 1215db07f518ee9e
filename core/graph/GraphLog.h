#pragma once

#include <QLoggingCategory>

/// Logging category of core/graph ("d3.core.graph").
Q_DECLARE_LOGGING_CATEGORY(lcGraph)
