#!/usr/bin/env bash
# The README's pictures of the console, as a user sees it: d3lab runs an experiment on a local cluster in a real
# window on a virtual X display (Xvfb) of each size a lab's screens have, and saves the window during the live run.
#   docs/images/console-dynamic-WxH.png        experiments/dynamic.json near its end (the backbone dropped and
#                                              recovered, the cloud slowed down, edge1 died), in English
#   docs/images/console-tiles-zh_CN-WxH.png    experiments/tiles.json (an operator's 2 x 2 tiles), in Simplified Chinese
#   docs/images/console-ten-nodes-1920x1080.png  experiments/many.json: ten workers (device, edge1..edge8, cloud) and
#                                              4 x 4 tiles over the eight edge nodes (1920 x 1080 only)
#   docs/images/console-stream-1366x768.png    experiments/console-stream.json: a stream of 10 requests a second, four
#                                              in flight, taken while it runs (1366 x 768 only)
#   docs/images/console-export/                the 1920 x 1080 dynamic run's plots (PDF, SVG, PNG) and requests.csv, as
#                                              File > Export writes them
# for W x H in 1920 x 1080 and 1366 x 768.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
d3_install
d3_build

D3LAB="$D3_BUILD/bin/d3lab"
OUT=docs/images
# A private settings folder: the shots use the default layout, whatever the user's own console remembers.
export XDG_CONFIG_HOME
XDG_CONFIG_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

shot() { # SIZE LANGUAGE EXPERIMENT REQUESTS FILE [extra d3lab arguments]
  local size="$1" language="$2" experiment="$3" requests="$4" file="$5"
  shift 5
  # A first launch on that screen: no remembered layout, the language chosen.
  rm -rf "$XDG_CONFIG_HOME/d3lab"
  mkdir -p "$XDG_CONFIG_HOME/d3lab"
  printf '[General]\nlanguage=%s\n' "$language" > "$XDG_CONFIG_HOME/d3lab/d3lab.conf"
  xvfb-run -a -s "-screen 0 ${size}x24" "$D3LAB" "$experiment" --after "$requests" --screenshot "$file" "$@"
}

rm -rf "$OUT/console-export" "$OUT"/console-dynamic*.png "$OUT"/console-tiles-zh_CN*.png "$OUT"/console-ten-nodes*.png \
  "$OUT"/console-stream*.png
for size in 1920x1080 1366x768; do
  export_args=()
  [ "$size" = 1920x1080 ] && export_args=(--export "$OUT/console-export")
  shot "$size" en experiments/dynamic.json 110 "$OUT/console-dynamic-$size.png" "${export_args[@]}"
  shot "$size" zh_CN experiments/tiles.json 30 "$OUT/console-tiles-zh_CN-$size.png"
done
shot 1920x1080 en experiments/many.json 30 "$OUT/console-ten-nodes-1920x1080.png"
shot 1366x768 en experiments/console-stream.json 300 "$OUT/console-stream-1366x768.png"
echo "screenshots: $OUT/console-dynamic-*.png, $OUT/console-tiles-zh_CN-*.png, $OUT/console-ten-nodes-1920x1080.png," \
  "$OUT/console-stream-1366x768.png; plots: $OUT/console-export/"
