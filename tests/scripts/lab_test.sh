#!/usr/bin/env bash
# scripts/lab.sh on this machine: a virtual lab of network namespaces on a bridge; the workers' beacons heard by
# d3ctl discover in the console's namespace; experiments/dynamic.json placed on the lab's workers (d3ctl run
# --workers) run from the console's namespace with its whole timeline (a link, a slowdown, a kill through the
# protocol) and nothing lost; the timeline killing and restarting a remote worker through the protocol; a worker
# killed in its namespace mid-run failed over and started again by its loop; a wrong token refused across the
# bridge; a lab left behind cleaned by the next `up`; `run` going down when it is stopped; nothing left after `down`:
# no namespace, no worker, no token. Skipped (exit 77, with the
# reason) where the machine cannot make namespaces. Its lab has names and addresses of its own ($D3_LAB_PREFIX,
# default d3labtest-, on $D3_LAB_SUBNET, default 10.213.9), so a lab a user has up is left alone.
# Environment: D3_WORKER, D3CTL (the binaries under test), D3_SOURCE_DIR.
set -euo pipefail

source "$(dirname "$0")/lab_support.sh" d3labtest- 10.213.9
require_namespaces


# Refusals are one line, and leave nothing.
out=$("$LAB" up --edges 0 2>&1) && fail "--edges 0 was accepted"
[ "$(printf '%s\n' "$out" | wc -l)" = 1 ] || fail "--edges 0: more than one line: $out"
if command -v runuser > /dev/null; then
  out=$(runuser -u nobody -- "$LAB" up 2>&1) && fail "a user who is not root made a lab"
  [[ "$out" == *"needs root"* ]] || fail "not root: $out"
fi
[ "$(lab_namespaces)" = 0 ] || fail "a refused up left namespaces"

# Up: six namespaces besides the bridge's, nothing in the host's namespace, the token private.
links_before=$(ip -o link | wc -l)
"$LAB" up --edges 3
[ "$(lab_namespaces)" = 7 ] || fail "expected 7 namespaces, found $(lab_namespaces)"
[ "$(ip -o link | wc -l)" = "$links_before" ] || fail "links appeared in the host's namespace"
[ "$(stat -c %a "$D3_LAB_DIR/token")" = 600 ] || fail "the token file is not mode 0600"
[ "$(lab_workers)" = 5 ] || fail "expected 5 workers, found $(lab_workers)"

# The console's LAN discovery: the workers' beacons cross the bridge to the console's namespace.
"$LAB" exec console "${D3CTL:?}" discover --seconds 5 --json > "$WORK/heard.json" ||
  fail "d3ctl discover failed in the console's namespace"
python3 -c '
import json, sys
heard = sorted((w["name"], w["address"]) for w in json.load(open(sys.argv[1])))
lab = sorted((w["name"], w["address"]) for w in json.load(open(sys.argv[2])))
sys.exit(0 if heard == lab else f"heard {heard}, the lab has {lab}")' "$WORK/heard.json" "$D3_LAB_DIR/nodes.json" ||
  fail "the beacons heard are not the lab's workers"
echo "lab: d3ctl discover heard all $(grep -c '"name"' "$WORK/heard.json") workers across the bridge"

# experiments/dynamic.json as shipped, its nodes placed on the lab's workers (--workers, as `lab.sh run` does): the
# backbone drops and recovers (SetLink), the cloud slows down (SetSlowdown) and edge1 dies (an Exit message; its
# loop starts it again), from the console's namespace.
run_across_lab "$SOURCE/experiments/dynamic.json" "$WORK/dynamic" 120 --workers "$D3_LAB_DIR/nodes.json"
for label in "backbone drops" "backbone recovers" "cloud slows down" "edge1 dies"; do
  grep -q "timeline: $label" "$WORK/dynamic/requests.csv" || fail "the timeline's '$label' is not in requests.csv"
done
grep -q "\"$D3_LAB_SUBNET.11:7000\"" "$WORK/dynamic/experiment.json" ||
  fail "the recorded experiment does not place edge1 at its lab address"
grep -q "exits with status 3" "$D3_LAB_DIR/edge1.log" || fail "edge1's worker did not exit on the timeline's kill"
echo "lab: dynamic.json 120 of 120 across the bridge; $(grep -o '"measured_over_predicted": [0-9.]*' "$summary" | head -n 1)"
await_workers 5 || fail "edge1's loop did not start it again after the kill: $(lab_workers) workers"

# The timeline kills and restarts a remote worker through the protocol: an Exit, then its loop starts it again and
# the controller readmits it; nothing is lost.
nodes=$("$LAB" nodes)
cat > "$WORK/lab.json" << EOF
{"format": "d3lab-experiment", "version": 1, "name": "lab", "nodes": $nodes,
 "model": "alexnet", "weights": {"seed": 1}, "planner": "hpa", "tiles": true, "profile": {"warmup": 0, "runs": 1},
 "links": {"device<->edge": {"mbps": 100, "delay_ms": 2}, "edge<->edge": {"mbps": 1000, "delay_ms": 0.5},
           "edge<->cloud": {"mbps": 200, "delay_ms": 5}},
 "requests": {"count": 32, "rate_hz": 3, "timeout_ms": 30000, "input_seed": 7},
 "timeline": [{"at_request": 8, "kill": "cloud", "label": "cloud dies"},
              {"at_request": 24, "restart": "cloud", "label": "cloud restarts"}]}
EOF
# Paced at 3 a second, the restart comes 5 s after the kill: time for the cloud's loop to start it again (1 s) and
# for the controller to dial it back (every 0.5 s at first, then less often), so that the restart finds it running
# and makes it exit a second time.
run_across_lab "$WORK/lab.json" "$WORK/restart" 32
grep -Eq '"kind": ?"node_back"' "$WORK/restart/events.jsonl" || fail "the restarted cloud was not readmitted"
exits=$(grep -c 'exits with status 3' "$D3_LAB_DIR/cloud.log" || true)
[ "$exits" = 2 ] || fail "the cloud's worker exited $exits times, not twice (kill, restart)"
echo "lab: 32 of 32 with the cloud killed and restarted by the timeline through the protocol"
await_workers 5 || fail "the cloud's loop did not start it again"

# A worker killed in its namespace mid-run (SIGKILL, as a crash): the run fails over to the others and loses nothing.
python3 -c '
import json, sys
e = json.load(open(sys.argv[1]))
e["requests"].update(count=40, rate_hz=10)
e["timeline"] = []
json.dump(e, open(sys.argv[2], "w"))' "$WORK/lab.json" "$WORK/kill.json"
"$LAB" exec console "$D3CTL" run "$WORK/kill.json" --out "$WORK/killed" > "$WORK/killed.log" 2>&1 &
controller=$!
for _ in $(seq 600); do # until requests run (requests.csv has rows), then kill an edge node's worker
  [ "$({ wc -l < "$WORK/killed/requests.csv"; } 2> /dev/null || echo 0)" -ge 6 ] && break
  sleep 0.1
done
"$LAB" kill edge1
wait "$controller" || fail "the run with a killed worker failed: $(tail -n 3 "$WORK/killed.log")"
grep -q '"completed": 40' "$WORK/killed/summary.json" || fail "not 40 of 40 after the kill: $(grep -E '"(completed|failed)"' "$WORK/killed/summary.json")"
grep -Eq '"kind": ?"node_lost"' "$WORK/killed/events.jsonl" || fail "the killed worker was not seen lost"
echo "lab: 40 of 40 with edge1 killed in its namespace mid-run"
await_workers 5 || fail "edge1's loop did not start it again after SIGKILL"

# A controller with another token is refused by the workers across the bridge, in one line naming a node.
(umask 077 && echo "another-token-0123456789abcdef" > "$WORK/wrong.token")
if ip netns exec "${D3_LAB_PREFIX}console" env D3_TOKEN_FILE="$WORK/wrong.token" "$D3CTL" run "$WORK/lab.json" \
  --out "$WORK/wrong" > "$WORK/wrong.log" 2>&1; then
  fail "a controller with the wrong token ran"
fi
grep -q "$D3_LAB_SUBNET" "$WORK/wrong.log" || fail "the refusal does not name the node: $(tail -n 2 "$WORK/wrong.log")"
[ "$(lab_workers)" = 5 ] || fail "a worker ended after a wrong token"

# A lab left behind (a crash) is cleaned by the next up, which makes a fresh one.
old_token=$(cat "$D3_LAB_DIR/token")
"$LAB" up --edges 2
[ "$(lab_namespaces)" = 6 ] || fail "after up over a left lab: $(lab_namespaces) namespaces"
[ "$(cat "$D3_LAB_DIR/token")" != "$old_token" ] || fail "the new lab kept the old token"
[ "$(lab_workers)" = 4 ] || fail "after up over a left lab: $(lab_workers) workers"

# run goes down when it is stopped (SIGTERM, as Ctrl+C's SIGINT in a terminal).
"$LAB" run --edges 1 "$WORK/lab.json" --out "$WORK/stopped" > "$WORK/stopped.log" 2>&1 &
runner=$!
for _ in $(seq 200); do
  [ -f "$D3_LAB_DIR/edges" ] && [ "$(cat "$D3_LAB_DIR/edges")" = 1 ] && [ "$(lab_workers)" = 3 ] && break
  sleep 0.1
done
[ "$(lab_workers)" = 3 ] || fail "run --edges 1 did not start 3 workers"
kill -TERM "$runner"
wait "$runner" || true
[ "$(lab_namespaces)" = 0 ] || fail "a stopped run left $(lab_namespaces) namespaces"
[ "$(lab_workers)" = 0 ] || fail "a stopped run left $(lab_workers) workers"

# down: nothing left.
"$LAB" up --edges 1 > /dev/null
"$LAB" down
[ "$(lab_namespaces)" = 0 ] || fail "down left $(lab_namespaces) namespaces"
[ "$(lab_workers)" = 0 ] || fail "down left workers"
[ ! -e "$D3_LAB_DIR" ] || fail "down left $D3_LAB_DIR"
echo "lab: up, run, a wrong token, a left lab, a stopped run and down all clean"
