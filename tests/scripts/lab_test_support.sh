# Sourced by the lab tests (lab_test.sh, lab_many_test.sh) after they set D3_LAB_PREFIX and D3_LAB_SUBNET to their
# own defaults: LAB (scripts/lab.sh), WORK (a folder removed on exit, with the lab going down first), the lab's folder
# in it, fail and skip (exit 77 with the reason where namespaces cannot be made, checked here), and counts of the
# lab's namespaces and workers.
SOURCE="${D3_SOURCE_DIR:?}"
LAB="$SOURCE/scripts/lab.sh"
WORK="$(mktemp -d)"
export D3_LAB_DIR="$WORK/lab" D3_LAB_PREFIX D3_LAB_SUBNET
cleanup() {
  "$LAB" down > /dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAILED: $*" >&2
  exit 1
}

skip() {
  echo "skipped: $*"
  exit 77
}

[ "$(id -u)" = 0 ] || skip "not root: network namespaces need it"
ip netns add "${D3_LAB_PREFIX}probe" 2> /dev/null || skip "this kernel or container cannot make network namespaces"
ip netns del "${D3_LAB_PREFIX}probe"

lab_namespaces() { ip netns list | awk '{print $1}' | grep -c "^${D3_LAB_PREFIX}" || true; }
lab_workers() { pgrep -f -- "--token-file $D3_LAB_DIR/token" | wc -l; }

# run_across_lab EXPERIMENT OUT N: d3ctl runs EXPERIMENT from the console's namespace into OUT, and all N of its
# requests complete; summary is then OUT's summary.json.
run_across_lab() {
  "$LAB" exec console "${D3CTL:?}" run "$1" --out "$2" > "$2.log" 2>&1 ||
    fail "d3ctl run across the lab failed: $(tail -n 3 "$2.log")"
  summary="$2/summary.json"
  grep -q "\"completed\": $3," "$summary" || fail "not $3 of $3 completed: $(grep -E '"(completed|failed)"' "$summary")"
  grep -q '"failed": 0' "$summary" || fail "requests failed: $(grep '"failed"' "$summary")"
}
