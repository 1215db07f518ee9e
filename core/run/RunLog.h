#pragma once

#include <QLoggingCategory>

/// Logging category of core/run ("d3.core.run").
Q_DECLARE_LOGGING_CATEGORY(lcRun)
