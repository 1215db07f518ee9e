#!/usr/bin/env bash
# d3lab quick start: install what is missing, build, then run the main job.
# With a display, the main job is the console (d3lab) on a local cluster of 1 device, 3 edge and 1 cloud worker.
# Without one, it lists the built-in models and runs experiments/dynamic.json headless on the same kind of cluster:
# the backbone drops and recovers, the cloud slows down, an edge node dies, and HPA re-partitions as it goes. The
# run's CSV, event log, summary and plots go to runs/dynamic-latest/.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
d3_install
d3_build

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  echo "Starting the d3lab console on a local cluster (1 device, 3 edge, 1 cloud)..."
  exec "$D3_BUILD/bin/d3lab" "$@"
fi

D3CTL="$D3_BUILD/bin/d3ctl"
echo "No display: running the headless experiment instead of the console."
echo
"$D3CTL" models
echo
echo "Running experiments/dynamic.json on a local cluster of d3worker processes..."
"$D3CTL" run experiments/dynamic.json --out runs/dynamic-latest
