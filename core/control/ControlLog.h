#pragma once

#include <QLoggingCategory>

/// Logging category of core/control ("d3.core.control").
Q_DECLARE_LOGGING_CATEGORY(lcControl)
