#pragma once

#include <QLoggingCategory>

/// Logging category of core/experiment ("d3.core.experiment").
Q_DECLARE_LOGGING_CATEGORY(lcExperiment)
