#!/bin/bash
# Score a frozen build once on a fresh split: everything a freeze's account
# quotes, into OUT/ (score.txt with --pred-out pred.jsonl, --lead 3, the
# labellers' own keys, --errors, calibration at the shipped temperature, the
# review queue, the consensus levels). Run from anywhere.
# usage: freeze.sh BIN RULES OUT PAGES_DIR SPLIT
set -uo pipefail
B=$1; R=$2; O=$3; P=$4; S=$5
T=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$O"
py=/usr/bin/python3
$py "$T/../score.py" "$P" --split "$S" --consensus "$B" --rules "$R" --pred-out "$O/pred.jsonl" > "$O/score.txt" 2>&1
$py "$T/../score.py" "$P" --split "$S" --consensus "$B" --rules "$R" --lead 3 > "$O/score_lead3.txt" 2>&1
$py "$T/../score.py" "$P" --split "$S" --consensus "$B" --rules "$R" --labelled-keys > "$O/score_lk.txt" 2>&1
$py "$T/../score.py" "$P" --split "$S" --consensus "$B" --rules "$R" --errors > "$O/errors.txt" 2>&1
$py "$T/calibrate.py" --consensus "$B" --rules "$R" --temperature 1 --table "$P" "$S" > "$O/calib.txt" 2>&1
$py "$T/review_check.py" --consensus "$B" --rules "$R" "$P" "$S" > "$O/review.txt" 2>&1
$py "$T/consensus_check.py" --consensus "$B" --rules "$R" "$P" "$S" > "$O/consensus.txt" 2>&1
grep -v '^warning' "$O/score.txt" | head -3
