#!/usr/bin/env bash
# d3lab quick start: install what is missing, build, then run the main job.
# Until the console lands, the main job lists the built-in models and runs experiments/dynamic.json on a local
# cluster (1 device, 3 edge, 1 cloud): the backbone drops and recovers, an edge node slows down and dies, and HPA
# re-partitions as it goes. The run's CSV, event log, summary and plots go to runs/dynamic-latest/.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
d3_install
d3_build

D3CTL="$D3_BUILD/bin/d3ctl"
echo
"$D3CTL" models
echo
echo "Running experiments/dynamic.json on a local cluster of d3worker processes..."
"$D3CTL" run experiments/dynamic.json --out runs/dynamic-latest
