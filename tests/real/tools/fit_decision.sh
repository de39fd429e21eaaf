#!/usr/bin/env bash
# Refit rules/decision.rules on the tuning parts of the real-page set (dev,
# dev2 of the second collection and, when PAGES3_DIR is given, dev3 of the
# fourth: re-collected pages in PAGES_DIR, PAGES2_DIR, PAGES3_DIR, labels in
# tests/real/labels.jsonl) plus the labelled sets written
# here (tests/data/*), the sample's seed labels counting three times, L2 0.1
# (chosen by 5-fold cross-validation by page: tests/real/tools/cv_fit.py).
# The written sets' contraindicated answers count SYNTH_CONTRA_WEIGHT (0.7):
# they are 28% of those sets against 12% of the real tuning answers, and at
# full weight the model says contraindicated too readily on real pages
# (5-fold CV on dev + dev2 + dev3, cv_fit.py --extra-contra-weight: 0.610 /
# kappa 0.497 at 1, 0.627 / 0.513 at 0.7; 0.5-0.8 alike; below 0.7 the stance
# guide's "no one wants to risk it" fixture in test_decision.c turns none).
# The validation parts (val*) and dev5 are never used.
# usage: tests/real/tools/fit_decision.sh PAGES_DIR PAGES2_DIR [CONSENSUS [PAGES3_DIR [PAGES4_DIR]]]
set -euo pipefail
cd "$(dirname "$0")/../../.."
pages=${1:?usage: fit_decision.sh PAGES_DIR PAGES2_DIR [CONSENSUS]}
pages2=${2:?usage: fit_decision.sh PAGES_DIR PAGES2_DIR [CONSENSUS]}
bin=${3:-./build/consensus}
pages3=${4:-}
pages4=${5:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/dev" "$tmp/rules"
if [ -n "$pages4" ]; then
  grep -E '"split": "dev[234]?"' tests/real/labels.jsonl > "$tmp/gold.jsonl"
elif [ -n "$pages3" ]; then
  grep -E '"split": "dev[23]?"' tests/real/labels.jsonl > "$tmp/gold.jsonl"
else
  grep -E '"split": "dev2?"' tests/real/labels.jsonl > "$tmp/gold.jsonl"
fi
link_split() { # SPLIT DIR
  for f in $(/usr/bin/python3 -c 'import json,sys
print("\n".join(sorted({json.loads(l)["file"] for l in open(sys.argv[1]) if json.loads(l)["split"] == sys.argv[2]})))' "$tmp/gold.jsonl" "$1"); do
    ln -s "$(cd "$2" && pwd)/$f" "$tmp/dev/$f"
  done
}
link_split dev "$pages"
link_split dev2 "$pages2"
[ -z "$pages3" ] || link_split dev3 "$pages3"
[ -z "$pages4" ] || link_split dev4 "$pages4"
extra=()
for s in heldout heldout2 heldout3 heldout4 heldout5 dev; do
  sed "/\"stance\": \"contraindicated\"/s/}\$/, \"weight\": ${SYNTH_CONTRA_WEIGHT:-0.7}}/" \
    "tests/data/$s/$s.gold.jsonl" >> "$tmp/gold.jsonl"
  extra+=("tests/data/$s/pages")
done
# The sample corpus's seed labels count three times: the shipped model must
# keep the sample report right (issue 9: seed gold stays >= 0.90).
sed "s/}\$/, \"weight\": ${SEEDS_WEIGHT:-3}}/" tests/data/seeds/seeds.gold.jsonl >> "$tmp/gold.jsonl"
# Fit from the rules without their old weights.
cp rules/* "$tmp/rules/"
rm -f "$tmp/rules/decision.rules"
"$bin" rules fit --gold "$tmp/gold.jsonl" --l2 0.1 --rules "$tmp/rules" \
  --out "$tmp/decision.rules" "$tmp/dev" "${extra[@]}" corpus || true
real="dev + dev2"
[ -z "$pages3" ] || real="dev + dev2 + dev3"
[ -z "$pages4" ] || real="dev + dev2 + dev3 + dev4"
sed -e "s|--gold $tmp/gold.jsonl|--gold <$real labels + tests/data sets + seeds>|" \
  -e "s|<$real labels + tests/data sets + seeds>|<$real labels + tests/data sets (contraindicated x ${SYNTH_CONTRA_WEIGHT:-0.7}) + seeds x ${SEEDS_WEIGHT:-3}>|" \
  "$tmp/decision.rules" > rules/decision.rules
echo "wrote rules/decision.rules"
