# Sourced by the lab tests, with the defaults of their own lab's names: `source lab_support.sh PREFIX SUBNET`.
# Sets SOURCE, LAB (scripts/lab.sh) and WORK (a fresh folder), exports the lab's D3_LAB_DIR (in WORK), D3_LAB_PREFIX
# and D3_LAB_SUBNET (the caller's environment first), takes fail and skip from script_test.sh, and defines
# require_namespaces (skips unless root and able to make a network namespace). The caller sets its own EXIT trap.
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
