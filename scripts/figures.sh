#!/usr/bin/env bash
# The paper figures in docs/images, from runs of the shipped experiments (docs/EXPERIMENTS.md, Plots):
#   docs/images/d3-reproduction/   experiments/d3-reproduction.json (about 20 minutes): comparison.csv and .md, and
#                                  the comparison figures at the double-column preset (PDF, SVG, PNG) and the
#                                  single-column preset (PNG) under single/
#   docs/images/dynamic/           experiments/dynamic.json: the adaptation timeline and the time series
# With --reuse, runs already recorded in runs/d3-reproduction and runs/dynamic are redrawn instead of run again.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
d3_install
d3_build

D3CTL="$D3_BUILD/bin/d3ctl"
REUSE=0
[[ "${1:-}" == "--reuse" ]] && REUSE=1
# The bar figures show one condition: the reproduction's index 5 is a 10 Mbit/s backbone with 4 edge nodes
# (conditions: 1, 10, 50, 200 Mbit/s x 1, 2, 4 edge nodes, the last varying fastest).
CONDITION=5

figures() { # RUN OUT [condition]
  local run="$1" out="$2" condition="${3:-0}"
  rm -rf "$out"
  mkdir -p "$out/single"
  "$D3CTL" replay "$run" --out "$out" --preset double --condition "$condition"
  "$D3CTL" replay "$run" --out "$out/single" --preset single --formats png --condition "$condition"
  if [[ -f "$run/comparison.csv" ]]; then cp "$run/comparison.csv" "$run/comparison.md" "$out/"; fi
}

for name in d3-reproduction dynamic; do
  if [[ $REUSE == 0 || ! -f "runs/$name/summary.json" ]]; then
    "$D3CTL" run "experiments/$name.json" --out "runs/$name"
  fi
done
figures runs/d3-reproduction docs/images/d3-reproduction "$CONDITION"
# Over 1152 phases the time series are a wall of phase markers: the run folder keeps them, the docs do not.
for series in latency stages backbone timeline; do
  rm -f docs/images/d3-reproduction/"$series".* docs/images/d3-reproduction/single/"$series".*
done
figures runs/dynamic docs/images/dynamic
echo "figures: docs/images/d3-reproduction/, docs/images/dynamic/"
