#!/usr/bin/env bash
# test_sample_reports: the committed reports of the sample corpus
# (reports/sample/report.json, report.xml, report.html, answers.jsonl) equal a
# fresh run byte for byte, so they cannot go stale. Regenerate them from the
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
for f in report.json report.xml report.html answers.jsonl; do
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
if [ "$failed" -gt 0 ]; then
  echo "Regenerate from the source root: ./build/consensus analyze --out reports/sample" >&2
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
