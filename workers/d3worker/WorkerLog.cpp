#include "WorkerLog.h"

Q_LOGGING_CATEGORY(lcWorker, "d3.worker")
