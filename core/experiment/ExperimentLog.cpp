#include "ExperimentLog.h"

Q_LOGGING_CATEGORY(lcExperiment, "d3.core.experiment")
