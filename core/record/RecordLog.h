#pragma once

#include <QLoggingCategory>

/// Logging category of core/record ("d3.core.record").
Q_DECLARE_LOGGING_CATEGORY(lcRecord)
