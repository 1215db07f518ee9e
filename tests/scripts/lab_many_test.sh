#!/usr/bin/env bash
# The virtual lab at its largest (scripts/lab.sh up --edges 8: a device, eight edge nodes, a cloud, each in a network
# namespace of its own): experiments/lab10.json, with the lab's addresses, runs 4 x 4 tiles over the eight edge nodes
# across the bridge with nothing lost, every request records its critical path and the summary its overhead, and
# `down` leaves nothing. Skipped (exit 77, with the reason) where the machine cannot make namespaces. Its lab has names
# and addresses of its own ($D3_LAB_PREFIX, default d3manytest-, on $D3_LAB_SUBNET, default 10.213.41).
# Environment: D3_WORKER, D3CTL (the binaries under test), D3_SOURCE_DIR.
set -euo pipefail

source "$(dirname "$0")/lab_support.sh" d3manytest- 10.213.41
require_namespaces

"$LAB" up --edges 8 --slowdowns 1,1,1 > /dev/null
[ "$(lab_namespaces)" = 12 ] || fail "expected 12 namespaces (10 workers, console, bridge), found $(lab_namespaces)"
[ "$(lab_workers)" = 10 ] || fail "expected 10 workers, found $(lab_workers)"

# lab10.json on this lab's subnet, 12 requests once.
subnet_pattern="${D3_LAB_SUBNET//./\\.}"
sed -e "s/10\.213\.0\./$D3_LAB_SUBNET./g" -e 's/"count": 60/"count": 12/' -e 's/"repeats": 3/"repeats": 1/' \
  "$SOURCE/experiments/lab10.json" > "$WORK/lab10.json"
[ "$(grep -c "\"$subnet_pattern\.[0-9]*:7000\"" "$WORK/lab10.json")" = 10 ] || fail "lab10.json does not name ten workers"
run_across_lab "$WORK/lab10.json" "$WORK/run" 12
grep -q '"overhead_ms"' "$summary" || fail "summary.json has no overhead_ms"
csv="$WORK/run/requests.csv"
head -n 1 "$csv" | grep -q ',critical_path_ms,' || fail "requests.csv has no critical_path_ms column"
[ "$(grep -c 'tiles 4x4 of \[0, 17) on 8 node(s)' "$csv")" = 12 ] || fail "not every request ran 4 x 4 tiles on 8 nodes"
# critical_path_ms counted from the end (the plan, quoted, holds commas): the 12 stream columns follow it.
after=$(head -n 1 "$csv" | tr ',' '\n' | awk '/^critical_path_ms$/ { found = 1; next } found' | wc -l)
awk -F, -v after="$after" 'NR > 1 && !($(NF - after) > 0) { bad = 1 } END { exit bad }' "$csv" ||
  fail "a request without a critical path"
echo "lab: 12 of 12 across the bridge on ten workers; $(grep -o '"overhead_ms": [0-9.]*' "$summary" | head -n 1)"

"$LAB" down > /dev/null
[ "$(lab_namespaces)" = 0 ] || fail "namespaces left after down"
[ "$(lab_workers)" = 0 ] || fail "workers left after down"
echo "lab: nothing left"
