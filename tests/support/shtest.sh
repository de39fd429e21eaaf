# shtest.sh: the preamble the command-line test scripts share, sourced from
# them: the binary under test, a temporary folder removed on exit, and the
# pass/fail counters with `finish NAME` to report them and set the exit status.
# shellcheck shell=bash
BIN=${CN_CONSENSUS_BIN:-./build/consensus}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() {
  echo "FAIL $*" >&2
  failed=$((failed + 1))
}
# finish [NAME]: print the counts (after "NAME: " when given); fail if any failed
finish() {
  echo "${1:+$1: }$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
