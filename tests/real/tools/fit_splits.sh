#!/usr/bin/env bash
# fit_splits.sh: fit the decision weights on any real splits (plus the
# tests/data sets and the seeds counted three times, as fit_decision.sh does,
# which this calls) into a copy of rules/, for experiments on which labelled
# data to train on (e.g. leave one validation set out: fit on the rest, score
# the one left out with score.py --rules OUT_RULES_DIR). The shipped weights
# come from fit_decision.sh. L2 from the environment (default 0.1 here); the
# written sets' contraindicated answers weigh SYNTH_CONTRA_WEIGHT (default 0.7).
# A page of a split missing from its folder is an error (fit_decision.sh).
# usage: L2=0.1 tests/real/tools/fit_splits.sh OUT_RULES_DIR CONSENSUS SPLIT:PAGES_DIR...
# A dev script; never part of the product.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out=$1 bin=$2; shift 2
case $out in /*) ;; *) out=$PWD/$out ;; esac
case $bin in */*) bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin") ;; esac
root=$(mktemp -d); trap 'rm -rf "$root"' EXIT
splits=()
for sd in "$@"; do
  s=${sd%%:*} d=${sd#*:}
  ln -s "$(cd "$d" && pwd)" "$root/$s"
  splits+=("$s")
done
L2=${L2:-0.1} TUNING_SPLITS="${splits[*]}" OUT_DIR=$out "$here/fit_decision.sh" "$root" "$bin" >/dev/null 2>&1
