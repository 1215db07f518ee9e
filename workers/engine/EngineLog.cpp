#include "EngineLog.h"

Q_LOGGING_CATEGORY(lcEngine, "d3.engine")
