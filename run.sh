#!/usr/bin/env bash
# d3lab quick start: install what is missing, build, then run the main job.
# Until the console lands, the main job lists the built-in models and verifies that splitting each one
# three ways (device | edge | cloud) gives the monolithic output.
set -euo pipefail
source "$(dirname "$0")/scripts/setup.sh"
d3_install
d3_build

D3CTL="$D3_BUILD/bin/d3ctl"
echo
"$D3CTL" models
echo
echo "Split forward (device | edge | cloud at cuts P,Q) against the monolithic forward, seeded weights:"
status=0
for model in alexnet vgg16 resnet18 googlenet mobilenet_v2 tiny_yolov2; do
  "$D3CTL" verify "$model" || status=1
done
exit $status
