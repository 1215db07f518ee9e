#!/usr/bin/env bash
# A virtual lab on one host: one network namespace per node, joined by a bridge, so that the controller and every
# worker talk over a real network stack with real addresses, as on a lab LAN (docs/ARCHITECTURE.md, Local cluster).
#
#   scripts/lab.sh up [--edges N] [--slowdowns D,E,C] [--bare]
#                                        namespaces d3lab-console, d3lab-device, d3lab-edge1..N (default 3),
#                                        d3lab-cloud, each with eth0 on 10.213.0.0/24 (console .1, device .10,
#                                        edge K .(10 + K), cloud .200), veth pairs to a bridge in d3lab-lan; a d3worker
#                                        in each node's namespace on port 7000 with the lab's token, padded by the
#                                        device's, the edge nodes' and the cloud's slowdown (default 6,3,1), beaconing
#                                        to the LAN's broadcast address, under a loop that starts it again 1 s after it
#                                        fails (as systemd's Restart=on-failure; not after status 0 or 2, a bad option);
#                                        --bare: the namespaces, addresses and token only, no worker (a deployment
#                                        tool starts them, as tests/scripts/deploy_test.sh does)
#   scripts/lab.sh nodes                 the running lab's nodes, as an experiment's "nodes" or d3ctl run --workers
#   scripts/lab.sh exec NODE CMD...      CMD inside NODE's namespace with D3_TOKEN_FILE set (NODE console: the
#                                        controller's place, e.g. `scripts/lab.sh exec console build/bin/d3ctl run X`)
#   scripts/lab.sh kill NODE             NODE's worker dies (SIGKILL, as a crash); its loop starts it again
#   scripts/lab.sh run [--edges N] [--slowdowns D,E,C] EXPERIMENT.json [d3ctl run arguments]
#                                        up, d3ctl run --workers (the lab's nodes) in the console's namespace, down:
#                                        the experiment's nodes of the lab's names run on the lab's workers
#   scripts/lab.sh down                  everything named d3lab-* goes: workers, namespaces (their links and the
#                                        bridge with them), the token and the lab's folder
#
# Nothing is made outside the namespaces: no address, link or route in the host's own namespace. `up` cleans what an
# earlier lab left (after a crash) before it starts, and cleans up itself when it fails or is interrupted; `run`
# goes down on exit, Ctrl+C included. Needs root, iproute2 and a kernel with network namespaces, veth and bridges;
# refuses with one line otherwise. The lab's folder (token mode 0600, worker logs and pids) is $D3_LAB_DIR, by
# default /run/d3lab-lab; the workers are $D3_WORKER, by default build/bin/d3worker, and `run`'s d3ctl $D3CTL.
# Several labs can be up side by side with their own $D3_LAB_PREFIX (namespaces' prefix, default d3lab-),
# $D3_LAB_SUBNET (the first three bytes, default 10.213.0) and $D3_LAB_DIR. $D3_LAB_WORKER_ARGS adds arguments to
# every worker's command line (e.g. --kernel-shaping, so that an experiment's "shaper": "kernel" runs tc in the
# workers' namespaces; their qdiscs go with the namespaces at `down`).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PREFIX="${D3_LAB_PREFIX:-d3lab-}"
LAN=${PREFIX}lan
SUBNET="${D3_LAB_SUBNET:-10.213.0}"
PORT=7000
STATE="${D3_LAB_DIR:-/run/d3lab-lab}"
WORKER="${D3_WORKER:-$ROOT/build/bin/d3worker}"
D3CTL="${D3CTL:-$ROOT/build/bin/d3ctl}"
BEACON_PORT=47300 # core::WorkerBeacon::kPort, where the console listens
MAX_EDGES=32
# A worker's loop inside its namespace: starts it again 1 s after it fails (a crash, a kill, an Exit message), as
# systemd's Restart=on-failure; ends with it after status 0, or 2 (a bad option: starting again would not help).
SUPERVISE='while :; do
  "$@" & echo $! > "$PIDFILE"; wait $!; status=$?
  case $status in 0 | 2) exit "$status" ;; esac
  echo "lab.sh: the worker ended with status $status; starting it again in 1 s" >&2
  sleep 1
done'

die() {
  echo "lab.sh: $*" >&2
  exit 1
}

usage() {
  sed -n '4,23p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

# The host part of a node's address.
host_of() {
  case "$1" in
    console) echo 1 ;;
    device) echo 10 ;;
    cloud) echo 200 ;;
    edge*) echo $((10 + ${1#edge})) ;;
  esac
}

# The slowdown of node's worker from "D,E,C".
slowdown_of() {
  local d e c
  IFS=, read -r d e c <<< "$2"
  case "$1" in
    device) echo "$d" ;;
    cloud) echo "$c" ;;
    *) echo "$e" ;;
  esac
}

role_of() {
  case "$1" in
    edge*) echo edge ;;
    *) echo "$1" ;;
  esac
}

# The worker nodes of a lab with $1 edge nodes.
workers_of() {
  local k
  echo device
  for ((k = 1; k <= $1; k++)); do echo "edge$k"; done
  echo cloud
}

# Root, iproute2, and a kernel that makes namespaces, a bridge and veth pairs (tried in a namespace of its own).
check() {
  [ "$(id -u)" = 0 ] || die "needs root to make network namespaces (run it with sudo)"
  command -v ip > /dev/null || die "needs iproute2's ip (apt-get install iproute2)"
  local probe=${PREFIX}probe-$$
  ip netns add "$probe" 2> /dev/null || die "this kernel cannot make network namespaces (ip netns add failed)"
  local why=""
  ip -n "$probe" link add br0 type bridge 2> /dev/null || why="bridges (CONFIG_BRIDGE)"
  [ -n "$why" ] || ip -n "$probe" link add a0 type veth peer name b0 2> /dev/null || why="veth pairs (CONFIG_VETH)"
  ip netns del "$probe"
  [ -z "$why" ] || die "this kernel cannot make $why"
}

# Every namespace of a lab, made by this script or left by one that crashed.
namespaces() {
  ip netns list 2> /dev/null | awk '{print $1}' | grep "^${PREFIX}" || true
}

down() {
  local ns pids left pid
  for ns in $(namespaces); do
    pids=$(ip netns pids "$ns" 2> /dev/null || true)
    if [ -n "$pids" ]; then
      kill $pids 2> /dev/null || true
      for _ in $(seq 50); do
        left=$(ip netns pids "$ns" 2> /dev/null || true)
        [ -z "$left" ] && break
        sleep 0.1
      done
      left=$(ip netns pids "$ns" 2> /dev/null || true)
      [ -z "$left" ] || kill -9 $left 2> /dev/null || true
    fi
    ip netns del "$ns" 2> /dev/null || true
  done
  for pid in $(cat "$STATE"/*.pid "$STATE"/*.loop 2> /dev/null); do # gone, not only leaving
    for _ in $(seq 50); do
      kill -0 "$pid" 2> /dev/null || break
      sleep 0.1
    done
  done
  rm -rf "$STATE"
}

# Waits until node's worker listens (ss inside its namespace; no connection is made), or its loop ended.
wait_listening() {
  local node=$1 loop
  loop=$(cat "$STATE/$node.loop")
  for _ in $(seq 300); do
    if ip netns exec "${PREFIX}$node" ss -Hltn "sport = :$PORT" 2> /dev/null | grep -q .; then
      return 0
    fi
    kill -0 "$loop" 2> /dev/null || die "$node's worker ended: $(tail -n 1 "$STATE/$node.log" 2> /dev/null)"
    sleep 0.1
  done
  die "$node's worker does not listen on $SUBNET.$(host_of "$node"):$PORT after 30 s"
}

up() {
  local edges=$1 slowdowns=$2 bare=${3:-0} node ns
  [[ "$edges" =~ ^[0-9]+$ ]] && [ "$edges" -ge 1 ] && [ "$edges" -le "$MAX_EDGES" ] ||
    die "--edges must be an integer in 1..$MAX_EDGES"
  [[ "$slowdowns" =~ ^[0-9.]+,[0-9.]+,[0-9.]+$ ]] || die "--slowdowns must be three numbers D,E,C (device, edge, cloud)"
  [ "$bare" = 1 ] || [ -x "$WORKER" ] || die "no d3worker at $WORKER (build first, or set D3_WORKER)"
  check
  down # what a lab that crashed left
  trap 'down; exit 130' INT TERM
  trap 'status=$?; [ "$status" = 0 ] || down' EXIT

  mkdir -p "$STATE"
  chmod 700 "$STATE"
  (umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' > "$STATE/token")
  echo "$edges" > "$STATE/edges"

  ip netns add "$LAN"
  ip -n "$LAN" link set lo up
  ip -n "$LAN" link add br0 type bridge
  ip -n "$LAN" link set br0 up
  for node in console $(workers_of "$edges"); do
    ns=${PREFIX}$node
    ip netns add "$ns"
    ip -n "$ns" link set lo up
    ip -n "$LAN" link add "p-$node" type veth peer name eth0 netns "$ns"
    ip -n "$LAN" link set "p-$node" master br0 up
    ip -n "$ns" addr add "$SUBNET.$(host_of "$node")/24" dev eth0
    ip -n "$ns" link set eth0 up
  done
  if [ "$bare" = 1 ]; then
    trap - INT TERM EXIT
    echo "lab.sh: up (bare, no workers): $(workers_of "$edges" | tr '\n' ' ')on $SUBNET.0/24 (console at $SUBNET.1)"
    return 0
  fi
  local extra=()
  read -r -a extra <<< "${D3_LAB_WORKER_ARGS:-}"
  for node in $(workers_of "$edges"); do
    ip netns exec "${PREFIX}$node" env PIDFILE="$STATE/$node.pid" setsid bash -c "$SUPERVISE" supervise \
      "$WORKER" --role "$(role_of "$node")" --listen "$SUBNET.$(host_of "$node"):$PORT" \
      --token-file "$STATE/token" --name "$node" --slowdown "$(slowdown_of "$node" "$slowdowns")" \
      ${extra[@]+"${extra[@]}"} --beacon "$SUBNET.255:$BEACON_PORT" < /dev/null > "$STATE/$node.log" 2>&1 &
    echo $! > "$STATE/$node.loop"
  done
  nodes > "$STATE/nodes.json"
  for node in $(workers_of "$edges"); do wait_listening "$node"; done
  trap - INT TERM EXIT
  echo "lab.sh: up: $(workers_of "$edges" | tr '\n' ' ')on $SUBNET.0/24 (console at $SUBNET.1), token $STATE/token"
}

kill_worker() {
  local node=$1
  [ -f "$STATE/$node.pid" ] || die "no worker '$node' in the lab"
  kill -9 "$(cat "$STATE/$node.pid")" 2> /dev/null || die "$node's worker is not running"
  echo "lab.sh: killed $node's worker (its loop starts it again in 1 s)"
}

nodes() {
  [ -f "$STATE/edges" ] || die "no lab is up (scripts/lab.sh up)"
  local node first=1
  printf '['
  for node in $(workers_of "$(cat "$STATE/edges")"); do
    [ $first = 1 ] || printf ', '
    first=0
    printf '{"name": "%s", "role": "%s", "address": "%s.%s:%s"}' "$node" "$(role_of "$node")" "$SUBNET" \
      "$(host_of "$node")" "$PORT"
  done
  printf ']\n'
}

in_lab() {
  local node=$1
  shift
  [ -f "$STATE/token" ] || die "no lab is up (scripts/lab.sh up)"
  ip netns list | awk '{print $1}' | grep -qx "${PREFIX}$node" || die "no node '$node' in the lab"
  ip netns exec "${PREFIX}$node" env D3_TOKEN_FILE="$STATE/token" "$@"
}

# Reads --edges N and --slowdowns D,E,C into EDGES and SLOWDOWNS; ARGS keeps the rest.
options() {
  EDGES=3
  SLOWDOWNS=6,3,1
  BARE=0
  ARGS=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --edges) EDGES=${2:-}; shift 2 || usage ;;
      --slowdowns) SLOWDOWNS=${2:-}; shift 2 || usage ;;
      --bare) BARE=1; shift ;;
      *) ARGS+=("$1"); shift ;;
    esac
  done
}

run() {
  options "$@"
  set -- "${ARGS[@]}"
  [ $# -ge 1 ] || usage
  local experiment
  experiment="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
  shift
  [ -f "$experiment" ] || die "$experiment: no such file"
  up "$EDGES" "$SLOWDOWNS"
  trap 'down' EXIT
  # d3ctl in the background and a wait, which a signal interrupts (a foreground child would defer the trap).
  in_lab console "$D3CTL" run "$experiment" --workers "$STATE/nodes.json" "$@" &
  local child=$!
  trap 'kill "$child" 2> /dev/null; exit 130' INT TERM
  wait "$child"
}

case "${1:-}" in
  up)
    shift
    options "$@"
    [ ${#ARGS[@]} = 0 ] || usage
    up "$EDGES" "$SLOWDOWNS" "$BARE"
    ;;
  down)
    [ $# = 1 ] || usage
    [ "$(id -u)" = 0 ] || die "needs root to remove network namespaces (run it with sudo)"
    down
    echo "lab.sh: down"
    ;;
  nodes) nodes ;;
  kill)
    [ $# = 2 ] || usage
    kill_worker "$2"
    ;;
  exec)
    shift
    [ $# -ge 2 ] || usage
    in_lab "$@"
    ;;
  run)
    shift
    run "$@"
    ;;
  *) usage ;;
esac
