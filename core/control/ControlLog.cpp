#include "ControlLog.h"

Q_LOGGING_CATEGORY(lcControl, "d3.core.control")
