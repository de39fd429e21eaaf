#!/usr/bin/env bash
# test_jobs: --jobs N changes nothing but speed. `classify --jobs 1` and
# `--jobs 3` (and the default) print the same bytes on the sample corpus and
# on the sample and dev pages read twice (later pages follow questions chosen
# on earlier ones); `analyze --jobs 1` and `--jobs 2` write the same five
# reports; `--jobs 0`, a non-number or nothing is a usage error (exit 2) and
# each command's --help names the option. Run from the source root.
set -uo pipefail
. "$(dirname "$0")/support/shtest.sh"

# classify: the same lines for any number of threads
same_classify() { # label, then the paths
  local label=$1
  shift
  "$BIN" classify --jobs 1 "$@" > "$tmp/c1" 2> "$tmp/e1"
  local rc1=$?
  [ -s "$tmp/c1" ] || fail "classify --jobs 1 $label printed nothing"
  for j in 3 default; do
    local opt=(--jobs "$j")
    [ "$j" = default ] && opt=()
    "$BIN" classify "${opt[@]}" "$@" > "$tmp/c$j" 2> "$tmp/e$j"
    local rc=$?
    if [ "$rc" -ne "$rc1" ]; then
      fail "classify ${opt[*]} $label: exit $rc, --jobs 1 exits $rc1"
    elif ! cmp -s "$tmp/c1" "$tmp/c$j"; then
      fail "classify ${opt[*]} $label differs from --jobs 1:"
      diff "$tmp/c1" "$tmp/c$j" | head -5 | cut -c1-300 >&2
    elif ! cmp -s "$tmp/e1" "$tmp/e$j"; then
      fail "classify ${opt[*]} $label: stderr differs from --jobs 1"
    else
      ok
    fi
  done
}
same_classify "on corpus/" corpus
same_classify "on corpus/ and the dev pages read twice" corpus tests/data/dev/pages corpus \
  tests/data/dev/pages
# Pages that follow a question chosen on another page: in each pair the
# second page asks about Botox, but repeats an answer of the first, so it
# shares its question_id and is judged against the first page's claim
# (vaping before surgery), whichever thread took the first page.
for k in $(seq 1 40); do
  shared="Please do not vape or smoke for four weeks before your augmentation, case $k: nicotine narrows the small vessels and incisions heal poorly."
  printf '{"question":"Can I vape before my augmentation surgery %s?","answers":[{"text":"%s"},{"text":"Vaping is nicotine too, so stop it a month before surgery, number %s."}]}\n' \
    "$k" "$shared" "$k"
  printf '{"question":"Is Botox safe while I am pregnant (%s)?","answers":[{"text":"%s"},{"text":"Botox during pregnancy has not been studied, so I would wait until after the birth, note %s."}]}\n' \
    "$k" "$shared" "$k"
done > "$tmp/follow.jsonl"
same_classify "on pages that follow another page's question" "$tmp/follow.jsonl"
botox=$(grep '"question":"Is Botox' "$tmp/c1" | grep -c '"claim":"nicotine-surgery"')
if [ "$botox" -eq 80 ]; then
  ok
else
  fail "follow.jsonl: $botox of 80 answers on the Botox pages judged on the first page's claim"
fi

if "$BIN" classify --jobs 2 --explain --color never corpus > "$tmp/x2" &&
  "$BIN" classify --jobs 1 --explain --color never corpus > "$tmp/x1" &&
  [ -s "$tmp/x1" ] && cmp -s "$tmp/x1" "$tmp/x2"; then
  ok
else
  fail "classify --explain --jobs 2 differs from --jobs 1"
fi

# analyze: the same five reports
"$BIN" analyze --quiet --jobs 1 --out "$tmp/a1" corpus > /dev/null 2> "$tmp/ae1"
rc1=$?
"$BIN" analyze --quiet --jobs 2 --out "$tmp/a2" corpus > /dev/null 2> "$tmp/ae2"
rc2=$?
if [ "$rc1" -ne "$rc2" ]; then
  fail "analyze: exit $rc1 with --jobs 1, $rc2 with --jobs 2"
  cat "$tmp/ae1" "$tmp/ae2" >&2
fi
for f in report.json report.xml answers.jsonl answers.csv report.html; do
  if [ ! -s "$tmp/a1/$f" ]; then
    fail "analyze --jobs 1 wrote no $f"
  elif cmp -s "$tmp/a1/$f" "$tmp/a2/$f"; then
    ok
  else
    fail "analyze --jobs 2: $f differs from --jobs 1:"
    diff "$tmp/a1/$f" "$tmp/a2/$f" | head -5 | cut -c1-300 >&2
  fi
done

# usage errors
for bad in 0 -1 abc 2x "" 100000; do
  for cmd in classify analyze; do
    out=()
    [ $cmd = analyze ] && out=(--out "$tmp/never")
    "$BIN" $cmd --jobs "$bad" "${out[@]}" corpus > /dev/null 2> "$tmp/err"
    rc=$?
    if [ "$rc" -eq 2 ] && grep -q -- "--jobs needs a whole number" "$tmp/err"; then
      ok
    else
      fail "$cmd --jobs '$bad': exit $rc, stderr: $(head -c 300 "$tmp/err")"
    fi
  done
done
[ -e "$tmp/never" ] && fail "analyze wrote reports after a bad --jobs"
for cmd in classify analyze; do
  if "$BIN" $cmd --help | grep -q -- "--jobs N"; then ok; else fail "$cmd --help does not name --jobs"; fi
done

finish
