#!/usr/bin/env bash
# test_html_direct: report.html written directly from the analysis
# (analyzer/report/cn_html_page.c, what `analyze` does with the stock
# stylesheet) is byte for byte the page reports/report.xsl makes from
# report.xml (what `analyze` does with any other stylesheet: here the stock one
# with a comment appended, so libxslt runs it). Checked on corpora that reach
# every part of the page:
# - the sample corpus, and with editors' overrides (one matching no answer,
#   notes and names with quotes and ampersands);
# - an edge corpus: control characters, markup, both kinds of quotes, '&',
#   non-ASCII and '#', '%', '?', ' ' in file names (anchors and links), a
#   duplicate with other metadata, a question with no answers, a skipped file;
# - the labelled dev pages; a generated 500-question corpus (the capped page:
#   answers in brief, specialties in one line).
# Also fails when reports/report.xsl is not the stylesheet cn_html_page mirrors
# (its SHA-256 differs from CN_HTML_PAGE_STYLESHEET_SHA256): edit both together.
# Run from the source root.
set -euo pipefail
BIN=${CN_CONSENSUS_BIN:-./build/consensus}
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap '[ -n "${CN_KEEP_TMP:-}" ] || rm -rf "$tmp"' EXIT
passed=0 failed=0
fail() {
  echo "FAIL $*" >&2
  failed=$((failed + 1))
}

want=$(sed -n 's/^ *"\([0-9a-f]\{64\}\)".*/\1/p' analyzer/report/cn_html_page.h)
have=$(sha256sum reports/report.xsl | cut -d' ' -f1)
if [ "$want" = "$have" ]; then
  passed=$((passed + 1))
else
  fail "reports/report.xsl (sha256 $have) is not the stylesheet cn_html_page.c mirrors ($want):" \
    "change analyzer/report/cn_html_*.c the same way, then CN_HTML_PAGE_STYLESHEET_SHA256"
fi

# The same rules beside a copy of the stylesheet that differs by a comment:
# analyze then transforms report.xml with libxslt.
mkdir -p "$tmp/xslt/reports"
cp -R rules "$tmp/xslt/rules"
cp reports/report.xsl "$tmp/xslt/reports/report.xsl"
echo '<!-- a copy: run by libxslt -->' >>"$tmp/xslt/reports/report.xsl"

# compare NAME ANALYZE-ARGS...: direct and transformed pages are identical.
compare() {
  local name=$1
  shift
  "$BIN" analyze --quiet --out "$tmp/$name-direct" "$@" 2>/dev/null || true
  "$BIN" analyze --quiet --rules "$tmp/xslt/rules" --out "$tmp/$name-xslt" "$@" 2>/dev/null || true
  if [ ! -s "$tmp/$name-direct/report.html" ] || [ ! -s "$tmp/$name-xslt/report.html" ]; then
    fail "$name: no report.html"
  elif cmp -s "$tmp/$name-direct/report.html" "$tmp/$name-xslt/report.html"; then
    passed=$((passed + 1))
  else
    fail "$name: report.html written directly differs from the transformed one:"
    cmp "$tmp/$name-direct/report.html" "$tmp/$name-xslt/report.html" >&2 || true
    diff <(tr '>' '\n' <"$tmp/$name-direct/report.html") \
      <(tr '>' '\n' <"$tmp/$name-xslt/report.html") | head -10 >&2 || true
  fi
  for f in report.json report.xml; do
    if ! cmp -s "$tmp/$name-direct/$f" "$tmp/$name-xslt/$f"; then
      fail "$name: $f differs between the two runs"
    fi
  done
}

compare sample

first_id=$(sed -n '1s/.*"answer_id":"\([0-9a-f]*\)".*/\1/p' "$tmp/sample-direct/answers.jsonl")
cat >"$tmp/overrides.json" <<JSON
[{"answer_id": "$first_id", "stance": "contraindicated", "editor": "Dr \"Q\" & 'R' <x>", "note": "it's \"wrong\" & <b>so</b>"},
 {"answer_id": "00000000deadbeef", "stance": "none", "editor": "a&b", "note": "matches \"nothing\""}]
JSON
compare overrides --overrides "$tmp/overrides.json"

mkdir -p "$tmp/edge-in"
cat >"$tmp/edge-in/edge q'\"&<é #%?.jsonl" <<'JSONL'
{"url":"https://example.org/q1","question":"Is it safe to fly after a facelift?","answers":[]}
{"url":"https://example.org/q2","question":"Ctrl \u0001 chars \u000b and <b>markup</b> & \"both\" 'quotes' here?","body":"Asked \"twice\" & more\nsecond line\twith tab","answers":[{"title":"Bad \u0002 title <script>alert(1)</script>","text":"It is not safe \u0007 to do this \ufffe now. Don't do it & \"never\" <i>ever</i>.","name":"Ann \"Annie\" Lee, MD","city":"Austin & <Round> Rock","specialty":"Dermatologist","rating":4.5,"reviews":3},{"title":"Only a title","text":""},{"title":"It's \"fine\"","text":"Yes, flying is fine — après une semaine, c'est sûr. No problem at all.","name":"Zoë O'Brien, MD","city":"Montréal","specialty":"Plastic Surgeon","rating":4,"reviews":12}]}
{"url":"https://example.org/q4","question":"Rhinoplasty/Septoplasty/TurbinateReduction/ChinImplant/FatGrafting/Blepharoplasty/BrowliftRecoveryTimeline/CanIFlyAfterOneWeek?","answers":[{"title":"Flying","text":"Flying a week after surgery is usually fine if you feel well.","name":"Ann \"Annie\" Lee, MD","city":"Austin & <Round> Rock","specialty":"Dermatologist","rating":4.5,"reviews":3}]}
{"url":"https://example.org/q3","question":"Can I drink wine after rhinoplasty?","answers":[{"title":"Wait","text":"I would wait at least two weeks before drinking alcohol after surgery.","name":"Bob Roe, MD","city":"Beverly Hills","specialty":"Facial Plastic Surgeon","rating":5,"reviews":10},{"title":"No","text":"Do not drink alcohol for two weeks; it raises the risk of bleeding and swelling.","name":"Cy Poe, MD","city":"Reno","specialty":"Facial Plastic Surgeon","rating":4.9,"reviews":40}]}
JSONL
cat >"$tmp/edge-in/dup ü #2.jsonl" <<'JSONL'
{"url":"https://example.org/q3b","question":"Can I drink wine after rhinoplasty?","answers":[{"title":"Wait","text":"I would wait at least two weeks before drinking alcohol after surgery.","name":"Bob Roe, MD","city":"Beverly Hills","specialty":"Facial Plastic Surgeon","rating":4,"reviews":11}]}
JSONL
printf '' >"$tmp/edge-in/empty.txt"
compare edge "$tmp/edge-in"

compare dev tests/data/dev/pages

"$PY" tests/gen_questions.py "$tmp/big-in" 500 >/dev/null
compare big "$tmp/big-in"

# The review queue in the other order (review_urgency_first 1): both pages say
# so, the same way.
mkdir -p "$tmp/urgent/rules" "$tmp/urgent-xslt/reports"
cp -R rules/. "$tmp/urgent/rules/"
sed -i 's/^setting review_urgency_first .*/setting review_urgency_first value=1/' \
  "$tmp/urgent/rules/settings.rules"
cp -R "$tmp/urgent/rules" "$tmp/urgent-xslt/rules"
cp "$tmp/xslt/reports/report.xsl" "$tmp/urgent-xslt/reports/report.xsl"
"$BIN" analyze --quiet --rules "$tmp/urgent/rules" --out "$tmp/urgent-direct" 2>/dev/null || true
"$BIN" analyze --quiet --rules "$tmp/urgent-xslt/rules" --out "$tmp/urgent-out-xslt" 2>/dev/null || true
if cmp -s "$tmp/urgent-direct/report.html" "$tmp/urgent-out-xslt/report.html" &&
  grep -q 'most urgent first' "$tmp/urgent-direct/report.html" &&
  grep -q 'least sure first' "$tmp/sample-direct/report.html"; then
  passed=$((passed + 1))
else
  fail "urgent: the review queue's order is not said the same way in both pages"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
