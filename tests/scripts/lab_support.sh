# Sourced by the lab tests, with the defaults of their own lab's names: `source lab_support.sh PREFIX SUBNET`.
# Sets SOURCE, LAB (scripts/lab.sh) and WORK (a fresh folder), exports the lab's D3_LAB_DIR (in WORK), D3_LAB_PREFIX
# and D3_LAB_SUBNET (the caller's environment first), takes the lab down and WORK away on exit (after the caller's
# lab_test_cleanup, if it defines one), takes fail and skip from script_test.sh, and defines require_namespaces
# (skips unless root and able to make a network namespace), the counts of the lab's namespaces and workers,
# await_workers and run_across_lab.
SOURCE="${D3_SOURCE_DIR:?}"
LAB="$SOURCE/scripts/lab.sh"
WORK="$(mktemp -d)"
export D3_LAB_DIR="$WORK/lab"
export D3_LAB_PREFIX="${D3_LAB_PREFIX:-$1}"
export D3_LAB_SUBNET="${D3_LAB_SUBNET:-$2}"

# shellcheck source-path=SCRIPTDIR source=script_test.sh
source "$(dirname "${BASH_SOURCE[0]}")/script_test.sh"

require_namespaces() {
  local probe="${D3_LAB_PREFIX}probe-$$"
  [ "$(id -u)" = 0 ] || skip "not root: network namespaces need it"
  ip netns add "$probe" 2> /dev/null || skip "this kernel or container cannot make network namespaces"
  ip netns del "$probe"
}

lab_namespaces() { ip netns list | awk '{print $1}' | grep -c "^${D3_LAB_PREFIX}" || true; }
# The lab's workers (d3worker processes, not the loops that start them again).
lab_workers() { pgrep -f -- "^${D3_WORKER:?} .*--token-file $D3_LAB_DIR/token" | wc -l; }

# Waits up to 20 s until the lab has $1 workers.
await_workers() {
  for _ in $(seq 200); do
    [ "$(lab_workers)" = "$1" ] && return 0
    sleep 0.1
  done
  return 1
}

# run_across_lab EXPERIMENT OUT N [d3ctl run arguments]: d3ctl runs EXPERIMENT from the console's namespace into
# OUT, and all N of its requests complete; summary is then OUT's summary.json.
run_across_lab() {
  "$LAB" exec console "${D3CTL:?}" run "$1" --out "$2" "${@:4}" > "$2.log" 2>&1 ||
    fail "d3ctl run across the lab failed: $(tail -n 3 "$2.log")"
  summary="$2/summary.json"
  grep -q "\"completed\": $3," "$summary" || fail "not $3 of $3 completed: $(grep -E '"(completed|failed)"' "$summary")"
  grep -q '"failed": 0' "$summary" || fail "requests failed: $(grep '"failed"' "$summary")"
}

# The lab goes down and WORK goes when the test ends; a test with more to clean defines lab_test_cleanup first.
lab_cleanup() {
  if declare -F lab_test_cleanup > /dev/null; then lab_test_cleanup; fi
  "$LAB" down > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap lab_cleanup EXIT
