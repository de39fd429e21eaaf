#!/bin/bash
# Deal the numbered disputes (mkdisp.py) to K adjudicators and write their
# prompts (adjudicate_prompt.md filled in): OUT/dispI.jsonl, OUT/adjI.md.
# usage: mkadj.sh OUT K DEADLINE PAGESDIR   (OUT/disputes_for_adjudication.jsonl)
# Then: cat OUT/adj*.jsonl > OUT/adjudicated.jsonl (after every adjudicator).
set -euo pipefail
D=$1; K=$2; DL=$3; P=$4
HERE=$(cd "$(dirname "$0")" && pwd)
GUIDE=$(cd "$HERE/../../../../.." && pwd)/shared/STANCE-GUIDE.md
n=$(wc -l < "$D/disputes_for_adjudication.jsonl"); per=$(( (n + K - 1) / K ))
split -l "$per" -d -a 1 "$D/disputes_for_adjudication.jsonl" "$D/tmp_disp"
m=0; for f in "$D"/tmp_disp*; do m=$((m + 1)); mv "$f" "$D/disp$m.jsonl"; done
for i in $(seq 1 "$m"); do
  sed -e "s#STANCE_GUIDE#$GUIDE#g; s#LABELDIR#$D#g; s#DEADLINE#$DL#g; s#PAGESDIR#$P#g; s#DISPFILE#disp$i.jsonl#g; s#adjADJ#adj$i#g; s#adjudicator ADJ#adjudicator $i#" \
    "$HERE/adjudicate_prompt.md" > "$D/adj$i.md"
done
echo "wrote $m adjudicators' disputes and prompts in $D"
