#!/usr/bin/env bash
# test_dedup_disk: the de-duplication index on disk from the command line. A
# copy of the rules whose dedup_memory_mib is tiny puts the index on disk from
# the first pages: `parse` and `classify` print the same lines as with the
# shipped budget and with 0 (never on disk), and `analyze` writes the same
# answers.jsonl and answers.csv (report.json differs only by the rules' hash)
# on corpus/ and tests/data/dev/pages. With $TMPDIR a folder that does not
# exist, `parse` and `analyze` stop with a message naming it (exit 2 or 1),
# and analyze leaves no report behind. A malformed dedup_memory_mib is
# refused with its file and line. Run from the source root.
set -uo pipefail
. "$(dirname "$0")/support/shtest.sh"

# rules_with MIB: a copy of the rules with dedup_memory_mib set to MIB
rules_with() {
  local dir="$tmp/rules-$1"
  rm -rf "$dir"
  cp -r rules "$dir"
  sed -i "s/^setting dedup_memory_mib .*/setting dedup_memory_mib value=$1/" "$dir/settings.rules"
  grep -q "^setting dedup_memory_mib value=$1\$" "$dir/settings.rules" || fail "no setting in $dir"
  echo "$dir"
}
tiny=$(rules_with 0.001)
never=$(rules_with 0)

for corpus in corpus tests/data/dev/pages; do
  for cmd in parse classify; do
    "$BIN" $cmd "$corpus" --rules rules >"$tmp/shipped" 2>/dev/null
    "$BIN" $cmd "$corpus" --rules "$tiny" >"$tmp/tiny" 2>/dev/null
    "$BIN" $cmd "$corpus" --rules "$never" >"$tmp/never" 2>/dev/null
    if [ ! -s "$tmp/shipped" ]; then
      fail "$cmd $corpus: no output"
    elif cmp -s "$tmp/shipped" "$tmp/tiny" && cmp -s "$tmp/shipped" "$tmp/never"; then
      ok
    else
      fail "$cmd $corpus: the index on disk changes the output"
    fi
  done
  rm -rf "$tmp/a" "$tmp/b"
  "$BIN" analyze "$corpus" --rules rules --no-html --quiet --out "$tmp/a" >/dev/null 2>&1
  "$BIN" analyze "$corpus" --rules "$tiny" --no-html --quiet --out "$tmp/b" >/dev/null 2>&1
  same=1
  for f in answers.jsonl answers.csv; do
    [ -s "$tmp/a/$f" ] && cmp -s "$tmp/a/$f" "$tmp/b/$f" || same=0
  done
  grep -v 'rules_sha256' "$tmp/a/report.json" >"$tmp/a.json"
  grep -v 'rules_sha256' "$tmp/b/report.json" >"$tmp/b.json"
  cmp -s "$tmp/a.json" "$tmp/b.json" || same=0
  [ "$same" -eq 1 ] && ok || fail "analyze $corpus: the index on disk changes the reports"
done

# A scratch folder that cannot be made: a clear error, no output left.
TMPDIR=/nonexistent-consensus-test "$BIN" parse corpus --rules "$tiny" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ "$rc" -ne 0 ] && grep -q 'de-duplication index' "$tmp/err" &&
  grep -q '/nonexistent-consensus-test' "$tmp/err"; then
  ok
else
  fail "parse with TMPDIR missing: exit $rc, $(head -c 300 "$tmp/err")"
fi
rm -rf "$tmp/c"
TMPDIR=/nonexistent-consensus-test "$BIN" analyze corpus --rules "$tiny" --quiet --out "$tmp/c" \
  >/dev/null 2>"$tmp/err"
rc=$?
if [ "$rc" -ne 0 ] && grep -q 'de-duplication index' "$tmp/err" &&
  [ ! -e "$tmp/c/report.json" ] && [ ! -e "$tmp/c/answers.jsonl" ]; then
  ok
else
  fail "analyze with TMPDIR missing: exit $rc, $(head -c 300 "$tmp/err")"
fi

# A setting that is not a number of MiB.
bad=$(rules_with 7)
sed -i 's/^setting dedup_memory_mib .*/setting dedup_memory_mib value=lots/' "$bad/settings.rules"
if ! "$BIN" parse corpus --rules "$bad" >/dev/null 2>"$tmp/err" &&
  grep -q 'settings.rules:[0-9]*: setting dedup_memory_mib' "$tmp/err"; then
  ok
else
  fail "a malformed dedup_memory_mib: $(head -c 300 "$tmp/err")"
fi

finish test_dedup_disk
