# shellcheck shell=bash
# Sourced by the shell tests of this folder: how they fail and how they skip (ctest's SKIP_RETURN_CODE 77).

# Ends the test as failed, with its reason.
fail() {
  echo "FAILED: $*" >&2
  exit 1
}

# Ends the test as skipped, with the reason the machine cannot run it.
skip() {
  echo "skipped: $*"
  exit 77
}
