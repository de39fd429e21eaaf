#!/usr/bin/env bash
# fit_splits.sh: fit the decision weights on any real splits (plus the
# tests/data sets and the seeds counted three times, as fit_decision.sh does)
# into a copy of rules/, for experiments on which labelled data to train on
# (e.g. leave one validation set out: fit on the rest, score the one left out
# with score.py --rules OUT_RULES_DIR). The shipped weights come from
# fit_decision.sh. L2 from the environment (default 0.1); the written sets'
# contraindicated answers weigh SYNTH_CONTRA_WEIGHT (default 0.7, as in
# fit_decision.sh).
# usage: L2=0.1 tests/real/tools/fit_splits.sh OUT_RULES_DIR CONSENSUS SPLIT:PAGES_DIR...
# A dev script; never part of the product.
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=$1 bin=$2; shift 2
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/dev" "$tmp/rules" "$out"
: > "$tmp/gold.jsonl"
for sd in "$@"; do
  s=${sd%%:*} d=${sd#*:}
  grep -E "\"split\": \"$s\"" tests/real/labels.jsonl >> "$tmp/gold.jsonl"
  for f in $(grep -E "\"split\": \"$s\"" tests/real/labels.jsonl | /usr/bin/python3 -c 'import json,sys
print("\n".join(sorted({json.loads(l)["file"] for l in sys.stdin})))'); do
    [ -e "$d/$f" ] && ln -sf "$(cd "$d" && pwd)/$f" "$tmp/dev/$f"
  done
done
extra=()
for s in heldout heldout2 heldout3 heldout4 heldout5 dev; do
  sed "/\"stance\": \"contraindicated\"/s/}\$/, \"weight\": ${SYNTH_CONTRA_WEIGHT:-0.7}}/" \
    "tests/data/$s/$s.gold.jsonl" >> "$tmp/gold.jsonl"; extra+=("tests/data/$s/pages")
done
sed "s/}\$/, \"weight\": ${SEEDS_WEIGHT:-3}}/" tests/data/seeds/seeds.gold.jsonl >> "$tmp/gold.jsonl"
cp rules/* "$tmp/rules/"; rm -f "$tmp/rules/decision.rules"
"$bin" rules fit --gold "$tmp/gold.jsonl" --l2 ${L2:-0.1} --rules "$tmp/rules" --out "$tmp/decision.rules" "$tmp/dev" "${extra[@]}" corpus >/dev/null 2>&1 || true
cp rules/* "$out/"; cp "$tmp/decision.rules" "$out/decision.rules"
