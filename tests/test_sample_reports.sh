#!/usr/bin/env bash
# test_sample_reports: the committed reports of the sample corpus
# (reports/sample/report.json, report.xml, report.html, answers.jsonl,
# answers.csv) equal a fresh run byte for byte, so they cannot go stale. Regenerate them from the
# source root after any change to the rules, the corpus, the report code or
# reports/report.xsl with:
#   ./build/consensus analyze --out reports/sample
# (default corpus/, rules/ and seed), and the screenshot reports/sample/report.png
# with: CN_UPDATE_SCREENSHOT=1 CN_CONSENSUS_BIN=./build/consensus bash tests/test_html.sh
# Run from the source root.
set -euo pipefail
BIN=${CN_CONSENSUS_BIN:-./build/consensus}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$BIN" analyze --out "$tmp" --quiet

passed=0 failed=0
for f in report.json report.xml report.html answers.jsonl answers.csv; do
  if [ ! -f "reports/sample/$f" ]; then
    echo "FAIL reports/sample/$f is missing" >&2
    failed=$((failed + 1))
  elif cmp -s "reports/sample/$f" "$tmp/$f"; then
    passed=$((passed + 1))
  else
    echo "FAIL reports/sample/$f is stale; first differences:" >&2
    diff "reports/sample/$f" "$tmp/$f" | head -20 >&2 || true
    failed=$((failed + 1))
  fi
done

# Rules copied to a folder with no ../reports/ beside it, run from elsewhere:
# the stylesheet is still found (installed copy or this source tree) and the
# page is the same.
mkdir -p "$tmp/elsewhere/myrules" "$tmp/elsewhere-out"
cp -R rules/. "$tmp/elsewhere/myrules/"
abs_bin=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
abs_corpus=$(pwd)/corpus
if (cd "$tmp/elsewhere" && "$abs_bin" analyze --rules myrules --out "$tmp/elsewhere-out" \
      --quiet "$abs_corpus") && cmp -s reports/sample/report.html "$tmp/elsewhere-out/report.html"; then
  passed=$((passed + 1))
else
  echo "FAIL analyze --rules with a rules folder outside the source tree" >&2
  failed=$((failed + 1))
fi

# The pages go to an unlinked temporary file while the reports are written:
# when it cannot be written (a file size limit stands in for a full disk),
# analyze says so, exits 1 and writes no report; no file is left in TMPDIR.
mkdir -p "$tmp/spill"
if (trap '' XFSZ; ulimit -f 8; TMPDIR="$tmp/spill" "$abs_bin" analyze --quiet \
      --out "$tmp/full/out" corpus) 2>"$tmp/full.err"; then
  echo "FAIL analyze with its temporary page file cut short succeeded" >&2
  failed=$((failed + 1))
elif grep -q "cannot write the temporary file in $tmp/spill" "$tmp/full.err" &&
     [ ! -e "$tmp/full/out/report.json" ] && [ -z "$(ls -A "$tmp/spill")" ]; then
  passed=$((passed + 1))
else
  echo "FAIL analyze with its temporary page file cut short: $(cat "$tmp/full.err")" >&2
  failed=$((failed + 1))
fi

if [ "$failed" -gt 0 ]; then
  echo "Regenerate from the source root: ./build/consensus analyze --out reports/sample" >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
