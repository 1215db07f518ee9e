#pragma once

#include <QLoggingCategory>

/// Logging category of d3worker ("d3.worker").
Q_DECLARE_LOGGING_CATEGORY(lcWorker)
