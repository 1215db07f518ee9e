#include "UiLog.h"

Q_LOGGING_CATEGORY(lcUi, "d3.ui")
