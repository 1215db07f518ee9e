#include "NetLog.h"

Q_LOGGING_CATEGORY(lcNet, "d3.core.net")
