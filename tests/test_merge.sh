#!/usr/bin/env bash
# test_merge: a run spread over shards (`analyze --partial` + `merge`) writes
# the very reports of one `analyze` over all the shards' inputs in the same
# order. The sample corpus and the dev pages go into 4 shards (the flat page
# that repeats another question's answers in its own shard, so de-duplication
# and the question's claim must cross shards), then into 30 one-file shards;
# every report is compared byte for byte with one run. Also: merging the
# shards in another order gives the reports of one run in that order; a
# rejected input in a shard is reported as one run reports it; partials of
# other rules, another seed, a cut-off or corrupted partial are refused (exit
# 2, the file and line named, the output folder left as it was); --partial
# with a report option is a usage error. Run from the source root.
set -uo pipefail
. "$(dirname "$0")/support/shtest.sh"
REPORTS=(report.json report.xml report.html answers.jsonl answers.csv)

# same_reports LABEL DIR_A DIR_B: every report there, and byte-identical
same_reports() {
  local label=$1 a=$2 b=$3 f bad=0
  for f in "${REPORTS[@]}"; do
    if [ ! -s "$a/$f" ] || [ ! -s "$b/$f" ]; then
      fail "$label: $f missing"
      bad=1
    elif ! cmp -s "$a/$f" "$b/$f"; then
      fail "$label: $f differs from one run:"
      diff "$a/$f" "$b/$f" | head -6 | cut -c1-200 >&2
      bad=1
    fi
  done
  [ "$bad" -eq 0 ] && ok
}

# shard OUT FILE...: one shard's partial (exit 0 expected)
shard() {
  local out=$1
  shift
  "$BIN" analyze --quiet --jobs 2 --partial "$out" "$@" 2> "$tmp/shard.err" ||
    fail "analyze --partial $out: exit $?: $(head -3 "$tmp/shard.err")"
}

mapfile -t files < <(printf '%s\n' corpus/*.txt; printf '%s\n' tests/data/dev/pages/*.txt)
[ "${#files[@]}" -ge 20 ] || fail "expected the sample and dev pages, found ${#files[@]} files"
flat=corpus/004_5c942d15b8cf5ada.txt
[ "${files[4]}" = "$flat" ] || fail "the flat sample page is not the fifth file"

# --- 4 shards against one run ---
"$BIN" analyze --quiet --out "$tmp/one" corpus tests/data/dev/pages || fail "analyze: exit $?"
shard "$tmp/p1" "${files[@]:0:4}"   # the structured samples
shard "$tmp/p2" "${files[@]:4:9}"   # the flat page first: it repeats p1's answers
shard "$tmp/p3" "${files[@]:13:9}"
shard "$tmp/p4" "${files[@]:22}"
head -1 "$tmp/p1" | grep -q '"format":"consensus-partial","version":1' ||
  fail "partial header: $(head -c 200 "$tmp/p1")"
tail -1 "$tmp/p2" | grep -q '^{"end":{"pages":9,"skipped":0}}$' ||
  fail "partial end line: $(tail -1 "$tmp/p2" | head -c 200)"
"$BIN" merge "$tmp/p1" "$tmp/p2" "$tmp/p3" "$tmp/p4" --out "$tmp/merged" > "$tmp/merge.out" \
  2> "$tmp/merge.err" || fail "merge: exit $?: $(head -3 "$tmp/merge.err")"
same_reports "4 shards" "$tmp/one" "$tmp/merged"
# the flat page's question was chosen in another shard: it was classified again
grep -q 'merged 4 partials, 30 pages ([1-9][0-9]* classified again)' "$tmp/merge.out" ||
  fail "merge summary: $(cat "$tmp/merge.out")"
# a shard's page that needs nothing from the others keeps the shard's stances
grep -q '(30 classified again)' "$tmp/merge.out" && fail "merge classified every page again"

# --- a page that only the other shard's pages explain ---
# A flat page (our own words) repeats a structured page's answers and ends in a
# cut-off excerpt of its third. Alone, its question is its own (an ad-hoc
# claim of its answers) and the trailing excerpt repeats nothing, so it is a
# related-question excerpt with no stance; after the structured page it
# belongs to that page's question and the excerpt is a copy of an answer that
# advises against: merge must classify it again, not keep the shard's reading.
mkdir -p "$tmp/fx"
cat > "$tmp/fx/a_page.txt" << 'EOF'
Can I take ibuprofen nine days after a tummy tuck?

I had a tummy tuck nine days ago and my lower back aches at night. Is it fine to take ibuprofen now or should I keep to the other pills?

Doctor Answers 3

Hold off for now

I would hold off on ibuprofen until two full weeks have passed after a tummy tuck, because it thins the blood and can raise the chance of a collection of blood under the skin flap. Acetaminophen is the safer choice for the aches right now.

Jane Roe, MD
Denver Plastic Surgeon
4.8 out of 5 stars 40 reviews

Fine at this point

At nine days most of my patients can take ibuprofen without any trouble, since the early bleeding risk has passed by then. It is safe to use it for a few days at the usual dose, and it often helps more with back aches than the other pills do.

John Doe, MD
Austin Plastic Surgeon
4.6 out of 5 stars 22 reviews

Please avoid it

Do not take ibuprofen or aspirin in the first weeks after abdominal surgery of this size; they are contraindicated until your surgeon clears you, because bleeding under the flap is a serious complication that can need another operation.

Mary Major, MD
Miami Plastic Surgeon
4.9 out of 5 stars 61 reviews
EOF
{
  echo "Real answers from real surgeons, every day, on every question you bring to them."
  sed -n '/^I would hold off/p; /^At nine days/p' "$tmp/fx/a_page.txt"
  echo "Do not take ibuprofen or aspirin in the first weeks after abdominal surgery of this size; they are contraindicated until your surgeon..."
} > "$tmp/fx/b_flat.txt"
"$BIN" analyze --quiet --out "$tmp/fx/one" "$tmp/fx/a_page.txt" "$tmp/fx/b_flat.txt" ||
  fail "analyze of the fixture pages: exit $?"
shard "$tmp/fx/pa" "$tmp/fx/a_page.txt"
shard "$tmp/fx/pb" "$tmp/fx/b_flat.txt"
"$BIN" merge "$tmp/fx/pa" "$tmp/fx/pb" --out "$tmp/fx/merged" > "$tmp/fx/merge.out" ||
  fail "merge of the fixture shards: exit $?"
same_reports "a page explained by another shard" "$tmp/fx/one" "$tmp/fx/merged"
# the case is real: alone the excerpt was related, merged it is a copy with a stance
grep '"page"' "$tmp/fx/pb" | grep -q '"excerpt":true,"related":true' ||
  fail "fixture: the excerpt is not related in its own shard"
tail -1 "$tmp/fx/merged/answers.jsonl" | grep -q '"related":false.*"stance":"contraindicated"' ||
  fail "fixture: the merged excerpt is not a copy advising against: $(tail -1 "$tmp/fx/merged/answers.jsonl" | cut -c1-300)"
grep -q '(1 classified again)' "$tmp/fx/merge.out" || fail "fixture: $(cat "$tmp/fx/merge.out")"

# --- one shard per file ---
parts=()
for i in "${!files[@]}"; do
  shard "$tmp/s$i" "${files[$i]}"
  parts+=("$tmp/s$i")
done
"$BIN" merge --quiet "${parts[@]}" --out "$tmp/merged30" 2> "$tmp/merge.err" ||
  fail "merge of 30: exit $?: $(head -3 "$tmp/merge.err")"
same_reports "30 one-file shards" "$tmp/one" "$tmp/merged30"

# --- shard order: merging p3 p1 p4 p2 is one run over their inputs in that order ---
"$BIN" analyze --quiet --out "$tmp/one-3142" "${files[@]:13:9}" "${files[@]:0:4}" \
  "${files[@]:22}" "${files[@]:4:9}" || fail "analyze in shard order 3 1 4 2: exit $?"
"$BIN" merge --quiet "$tmp/p3" "$tmp/p1" "$tmp/p4" "$tmp/p2" --out "$tmp/merged-3142" ||
  fail "merge p3 p1 p4 p2: exit $?"
same_reports "shards in order 3 1 4 2" "$tmp/one-3142" "$tmp/merged-3142"
cmp -s "$tmp/one/answers.jsonl" "$tmp/merged-3142/answers.jsonl" &&
  fail "shard order changed nothing (the test would not see a wrong order)"

# --- a rejected input in a shard is reported as one run reports it ---
: > "$tmp/empty.txt"
"$BIN" analyze --quiet --no-html --out "$tmp/one-skip" "${files[@]:0:4}" "$tmp/empty.txt" \
  "${files[@]:4}" 2> /dev/null
[ $? -eq 1 ] || fail "analyze with an empty file: exit should be 1"
"$BIN" analyze --quiet --partial "$tmp/k1" "${files[@]:0:4}" "$tmp/empty.txt" 2> "$tmp/k1.err"
rc=$?
[ "$rc" -eq 1 ] || fail "analyze --partial with an empty file: exit $rc, not 1"
grep -q 'skipped.*empty.txt' "$tmp/k1.err" || fail "the shard did not name the skipped file"
shard "$tmp/k2" "${files[@]:4}"
"$BIN" merge --quiet --no-html "$tmp/k1" "$tmp/k2" --out "$tmp/merged-skip" 2> "$tmp/merge.err"
rc=$?
[ "$rc" -eq 1 ] || fail "merge of a shard with a skipped input: exit $rc, not 1"
REPORTS=(report.json report.xml answers.jsonl answers.csv) # --no-html
same_reports "skipped input" "$tmp/one-skip" "$tmp/merged-skip"
REPORTS+=(report.html)
grep -q 'empty.txt' "$tmp/merged-skip/report.json" || fail "report.json does not name the skipped file"

# --- refusals: nothing is written, the output folder keeps its reports ---
cp -r "$tmp/merged" "$tmp/keep"
refused() { # label, expected stderr pattern, then merge's arguments
  local label=$1 pattern=$2
  shift 2
  "$BIN" merge --quiet "$@" --out "$tmp/keep" > /dev/null 2> "$tmp/refused.err"
  local rc=$?
  if [ "$rc" -ne 2 ]; then
    fail "$label: merge exit $rc, not 2"
  elif ! grep -Eq -- "$pattern" "$tmp/refused.err"; then
    fail "$label: stderr does not match '$pattern': $(head -3 "$tmp/refused.err")"
  else
    ok
  fi
}
# other rules: the same folder with one more comment line has another SHA-256
cp -r rules "$tmp/rules2"
echo "# a comment that changes the rule set's SHA-256" >> "$tmp/rules2/settings.rules"
"$BIN" analyze --quiet --rules "$tmp/rules2" --partial "$tmp/other-rules" "${files[@]:22}" ||
  fail "analyze --partial with other rules: exit $?"
refused "other rules" "$tmp/other-rules: made with other rules" "$tmp/p1" "$tmp/p2" "$tmp/p3" \
  "$tmp/other-rules"
refused "other rules (first partial)" "$tmp/other-rules: made with other rules" \
  "$tmp/other-rules" "$tmp/p1"
"$BIN" analyze --quiet --seed 7 --partial "$tmp/seed7" "${files[@]:22}" ||
  fail "analyze --partial --seed 7: exit $?"
refused "another seed" "$tmp/seed7: made with --seed 7, but $tmp/p1 with --seed 1" \
  "$tmp/p1" "$tmp/seed7"
# cut off: the closing line is missing
head -n -1 "$tmp/p2" > "$tmp/cut"
refused "cut-off partial" "$tmp/cut:[0-9]+: the file ends without its closing" \
  "$tmp/p1" "$tmp/cut"
head -c 5000 "$tmp/p2" > "$tmp/cut-mid"
refused "partial cut mid-line" "$tmp/cut-mid:2: not a JSON object" "$tmp/p1" "$tmp/cut-mid"
# a line that is not JSON, a field of the wrong type, a rule the rules lack
sed '3s/^{/{oops/' "$tmp/p2" > "$tmp/bad-json"
refused "bad JSON line" "$tmp/bad-json:3: not a JSON object" "$tmp/p1" "$tmp/bad-json"
sed '2s/"excerpt":false/"excerpt":"no"/' "$tmp/p2" > "$tmp/bad-type"
refused "a field of the wrong type" \
  "$tmp/bad-type:2: page.answers\[0\].excerpt: expected true or false" "$tmp/p1" "$tmp/bad-type"
sed '4s/\["cue","[^"]*"/["cue","no-such-cue"/' "$tmp/p2" > "$tmp/bad-rule"
refused "an unknown rule" \
  "$tmp/bad-rule:4: annotation.answers\[[0-9]+\].claims\[0\].decision.evidence\[[0-9]+\]: no rule" \
  "$tmp/p1" "$tmp/bad-rule"
sed '2s/"names_primary":[a-z]*,//' "$tmp/p2" > "$tmp/missing"
refused "a missing field" "$tmp/missing:2: annotation.answers\[0\]: 'names_primary' is missing" \
  "$tmp/p1" "$tmp/missing"
{ cat "$tmp/p2"; echo '{"page":{}}'; } > "$tmp/after-end"
refused "a line after the end" "$tmp/after-end:[0-9]+: a line after the closing" "$tmp/after-end"
sed '1s/"version":1/"version":9/' "$tmp/p2" > "$tmp/v9"
refused "another format version" "$tmp/v9:1: partial format version 9" "$tmp/v9"
refused "not a partial" "corpus/000_b78e5252a6827247.txt:1: " corpus/000_b78e5252a6827247.txt
refused "a missing partial" "$tmp/nope: No such file" "$tmp/nope"
for f in "${REPORTS[@]}"; do
  cmp -s "$tmp/merged/$f" "$tmp/keep/$f" || fail "a refused merge changed $f"
done
[ -z "$(find "$tmp/keep" -name '*.tmp*')" ] || fail "a refused merge left temporaries"

# --- usage ---
for opt in "--out $tmp/x" "--no-html" "--overrides $tmp/x.json"; do
  # shellcheck disable=SC2086
  "$BIN" analyze --partial "$tmp/u" $opt corpus > /dev/null 2>&1
  rc=$?
  [ "$rc" -eq 2 ] || fail "analyze --partial $opt: exit $rc, not 2"
done
[ -e "$tmp/u" ] && fail "a usage error wrote a partial"
"$BIN" merge --out "$tmp/x" > /dev/null 2>&1
[ $? -eq 2 ] || fail "merge without partials: exit should be 2"
"$BIN" merge --help | grep -q 'PARTIAL' || fail "merge --help"
"$BIN" analyze --help | grep -q -- '--partial FILE' || fail "analyze --help names --partial"
"$BIN" --help | grep -q 'merge' || fail "consensus --help names merge"

finish test_merge
