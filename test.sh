#!/usr/bin/env bash
# d3lab tests: install what is missing, build, then run the whole ctest suite.
# Extra arguments go to ctest (e.g. ./test.sh -L unit).
set -euo pipefail
source "$(dirname "$0")/scripts/setup.sh"
d3_install
d3_build
ctest --test-dir "$D3_BUILD" --output-on-failure -j2 "$@"
