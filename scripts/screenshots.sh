#!/usr/bin/env bash
# The README's pictures of the console, as a user sees it: d3lab runs an experiment on a local cluster in a real
# window on a virtual X display (Xvfb) and saves the window during the live run.
#   docs/images/console-dynamic.png       experiments/dynamic.json after its timeline (the backbone drops and
#                                         recovers, the cloud slows down, edge1 dies), in English
#   docs/images/console-export/           that run's plots (PDF, SVG, PNG) and requests.csv, as File > Export writes them
#   docs/images/console-tiles-zh_CN.png   experiments/tiles.json (an operator's 2 x 2 tiles), in Simplified Chinese
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
d3_install
d3_build

D3LAB="$D3_BUILD/bin/d3lab"
OUT=docs/images
SCREEN="-screen 0 1680x1050x24"
# A private settings folder: the shots use the default layout, whatever the user's own console remembers.
export XDG_CONFIG_HOME
XDG_CONFIG_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

shot() { # LANGUAGE EXPERIMENT REQUESTS FILE [extra d3lab arguments]
  local language="$1" experiment="$2" requests="$3" file="$4"
  shift 4
  mkdir -p "$XDG_CONFIG_HOME/d3lab"
  printf '[General]\nlanguage=%s\n' "$language" > "$XDG_CONFIG_HOME/d3lab/d3lab.conf"
  xvfb-run -a -s "$SCREEN" "$D3LAB" "$experiment" --after "$requests" --screenshot "$file" "$@"
}

rm -rf "$OUT/console-export"
shot en experiments/dynamic.json 110 "$OUT/console-dynamic.png" --export "$OUT/console-export"
shot zh_CN experiments/tiles.json 30 "$OUT/console-tiles-zh_CN.png"
echo "screenshots: $OUT/console-dynamic.png, $OUT/console-tiles-zh_CN.png; plots: $OUT/console-export/"
