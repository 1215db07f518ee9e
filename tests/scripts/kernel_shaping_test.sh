#!/usr/bin/env bash
# Kernel shaping across the virtual lab (scripts/lab.sh, workers started with --kernel-shaping): an experiment with
# "shaper": "kernel" runs to completion with a timeline rate change; `tc class show` in the sending worker's
# namespace shows the configured rate before the change and the changed rate after it, on the same TCP connection
# (its source port unchanged, no link lost), installed once and changed in place, replacing a qdisc a killed worker
# left; a later experiment with the process shaper removes the class; a worker stopped with SIGTERM removes its
# qdisc; a lab whose workers lack the flag refuses the experiment in one line naming a worker. No timing is
# asserted. Skipped (exit 77, with the reason) where the machine cannot make namespaces or has no htb. Its lab is
# its own ($D3_LAB_PREFIX, default d3shptest-, on $D3_LAB_SUBNET, default 10.213.31).
# Environment: D3_WORKER, D3CTL (the binaries under test), D3_SOURCE_DIR.
set -euo pipefail

source "$(dirname "$0")/lab_support.sh" d3shptest- 10.213.31
PROBE="${D3_LAB_PREFIX}probe-$$"
poller=""
lab_test_cleanup() { # before the lab goes down (lab_support.sh)
  [ -z "$poller" ] || kill "$poller" 2> /dev/null || true
  ip netns del "$PROBE" 2> /dev/null || true
}
require_namespaces
command -v tc > /dev/null || skip "no tc (apt-get install iproute2)"
ip netns add "$PROBE"
ip -n "$PROBE" link add d0 type veth peer name d1 2> /dev/null || skip "this kernel cannot make a veth pair (CONFIG_VETH)"
ip netns exec "$PROBE" tc qdisc add dev d0 root handle d3: htb 2> /dev/null || skip "this kernel has no htb qdisc (sch_htb)"
ip netns exec "$PROBE" tc filter add dev d0 parent d3: protocol ip prio 1 u32 match ip dst 10.0.0.1/32 flowid d3:1 \
  2> /dev/null || skip "this kernel has no u32 classifier (cls_u32)"
ip netns del "$PROBE"

device_ns="${D3_LAB_PREFIX}device"
edge="$D3_LAB_SUBNET.11"

# A lab whose workers may run tc.
D3_LAB_WORKER_ARGS=--kernel-shaping "$LAB" up --edges 1 > /dev/null
# What a worker killed outright would have left on the device's interface: the new worker replaces it.
ip netns exec "$device_ns" tc qdisc add dev eth0 root handle d3: htb
nodes=$("$LAB" nodes)
experiment() { # $1 shaper, $2 requests, $3 rate_hz
  cat << EOF2
{"format": "d3lab-experiment", "version": 1, "name": "kernel", "nodes": $nodes,
 "model": "alexnet", "weights": {"seed": 1}, "planner": "edge-only", "profile": false, "shaper": "$1",
 "links": {"device<->edge": {"mbps": 50, "delay_ms": 1}},
 "requests": {"count": $2, "rate_hz": $3, "timeout_ms": 30000, "input_seed": 7},
 "timeline": [{"at_request": 10, "set_link": {"link": "device<->edge", "mbps": 20, "delay_ms": 1},
               "label": "uplink slows"}]}
EOF2
}
experiment kernel 24 5 > "$WORK/kernel.json"

# While it runs, the device's classes and its connections to edge1, sampled (one block per sample).
(
  while :; do
    echo "sample"
    ip netns exec "$device_ns" tc class show dev eth0 | sed 's/^/tc /'
    ip netns exec "$device_ns" ss -Htn state established dst "$edge:7000" | awk '{print "port", $3}'
    sleep 0.1
  done
) > "$WORK/samples.log" 2>&1 &
poller=$!
"$LAB" exec console "${D3CTL:?}" run "$WORK/kernel.json" --out "$WORK/run" > "$WORK/run.log" 2>&1 ||
  fail "the kernel-shaped run failed: $(tail -n 3 "$WORK/run.log")"
kill "$poller"
wait "$poller" 2> /dev/null || true
poller=""

grep -q '"completed": 24' "$WORK/run/summary.json" || fail "not 24 of 24: $(grep -E '"(completed|failed)"' "$WORK/run/summary.json")"
grep -q 'timeline: uplink slows' "$WORK/run/requests.csv" || fail "the timeline's change is not in requests.csv"
! grep -q 'node_lost' "$WORK/run/events.jsonl" || fail "a worker was lost during the run"
! grep -q 'link not shaped' "$WORK/run/events.jsonl" || fail "a link was not shaped: $(grep 'link not shaped' "$WORK/run/events.jsonl")"

# The configured rate, then the changed one, in the device's own namespace (tc prints 50Mbit and 20Mbit).
awk '/^sample/ {n++} /^tc class htb d3:/ && / rate 50Mbit/ {if (!a) a = n} /^tc class htb d3:/ && / rate 20Mbit/ {b = n}
     END {if (!a || !b || a >= b) exit 1}' "$WORK/samples.log" ||
  fail "tc class show did not show 50Mbit and then 20Mbit: $(grep -m 3 '^tc' "$WORK/samples.log")"
# The connection that carried the requests at 50 Mbit/s is the one that carried them at 20 Mbit/s.
ports=$(awk '/^sample/ {n++; r = ""} /^tc class htb d3:/ {r = $0} /^port/ {print n, $2, (r ~ / rate 50Mbit/ ? 50 : (r ~ / rate 20Mbit/ ? 20 : 0))}' \
  "$WORK/samples.log")
before=$(echo "$ports" | awk '$3 == 50 {print $2}' | sort -u)
after=$(echo "$ports" | awk '$3 == 20 {print $2}' | sort -u)
[ -n "$before" ] && [ "$before" = "$after" ] ||
  fail "the device's connection to edge1 changed across the rate change: '$before' then '$after'"
[ "$(echo "$before" | wc -l)" = 1 ] || fail "more than one connection to edge1: $before"
! grep -q 'link to edge1 lost' "$D3_LAB_DIR/device.log" || fail "the device lost its link to edge1"
grep -q 'removed a qdisc d3: on eth0 that another d3worker left' "$D3_LAB_DIR/device.log" ||
  fail "the qdisc left on the device's eth0 was not replaced with a warning"
# Installed once (qdisc, class, filter), then changed in place: `tc class change`, no rebuild.
[ "$(grep -c 'link device->edge1 kernel-shaped at' "$D3_LAB_DIR/device.log")" = 1 ] ||
  fail "the device's class to edge1 was not installed exactly once: $(grep 'kernel' "$D3_LAB_DIR/device.log")"
grep -q 'link device->edge1 kernel rate changed to 20 Mbit/s' "$D3_LAB_DIR/device.log" ||
  fail "the change was not a tc class change: $(grep 'kernel' "$D3_LAB_DIR/device.log")"
echo "kernel shaping: 24 of 24, tc showed 50Mbit then 20Mbit, one connection throughout ($before)"

# The process shaper again: the worker removes its class (the link is reset).
experiment process 12 0 > "$WORK/process.json"
"$LAB" exec console "$D3CTL" run "$WORK/process.json" --out "$WORK/run2" > "$WORK/run2.log" 2>&1 ||
  fail "the process-shaped run failed: $(tail -n 3 "$WORK/run2.log")"
! ip netns exec "$device_ns" tc class show dev eth0 | grep -q 'htb d3:' ||
  fail "a class stayed after the link went back to the process shaper: $(ip netns exec "$device_ns" tc class show dev eth0)"

# SIGTERM: the worker removes its qdisc as it exits.
pid=$(cat "$D3_LAB_DIR/device.pid")
ip netns exec "$device_ns" tc qdisc show dev eth0 | grep -q 'htb d3:' || fail "no qdisc before the worker stopped"
kill -TERM "$pid"
for _ in $(seq 100); do kill -0 "$pid" 2> /dev/null || break; sleep 0.1; done
! kill -0 "$pid" 2> /dev/null || fail "the worker did not exit on SIGTERM"
! ip netns exec "$device_ns" tc qdisc show dev eth0 | grep -q 'htb d3:' ||
  fail "the qdisc outlived the worker: $(ip netns exec "$device_ns" tc qdisc show dev eth0)"
echo "kernel shaping: the class went with the link's reset, the qdisc with the worker"

# Workers started without --kernel-shaping refuse, and the run stops in one line naming the worker.
"$LAB" up --edges 1 > /dev/null
if "$LAB" exec console "$D3CTL" run "$WORK/kernel.json" --out "$WORK/refused" > "$WORK/refused.log" 2>&1; then
  fail "a kernel-shaped run went ahead on workers without --kernel-shaping"
fi
refusals=$(grep -c 'does not shape links by the kernel' "$WORK/refused.log" || true)
[ "$refusals" = 1 ] || fail "expected one refusal line, got $refusals: $(tail -n 3 "$WORK/refused.log")"
line=$(grep 'does not shape links by the kernel' "$WORK/refused.log")
[[ "$line" == *"worker 'device'"* || "$line" == *"worker 'edge1'"* ]] || fail "the refusal names no worker: $line"
! ip netns exec "$device_ns" tc qdisc show dev eth0 | grep -q 'htb d3:' || fail "a worker without the flag ran tc"
echo "kernel shaping: refused without the flag: $line"
