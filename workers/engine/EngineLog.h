#pragma once

#include <QLoggingCategory>

/// Logging category of the LibTorch engine ("d3.engine").
Q_DECLARE_LOGGING_CATEGORY(lcEngine)
