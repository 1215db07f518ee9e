#include "RunLog.h"

Q_LOGGING_CATEGORY(lcRun, "d3.core.run")
