#!/bin/bash
# Split a fresh collection into K parts and write both labellers' prompts for
# each (label_prompt.md filled in): LABELDIR/partI.txt, LABELDIR/lI{A,B}.md.
# usage: mklab.sh LABELDIR K DEADLINE   (LABELDIR/all.txt: one page path a line)
# Each prompt is a helper's whole task ("Read LABELDIR/l1A.md and follow it").
set -euo pipefail
D=$1; K=$2; DL=$3
HERE=$(cd "$(dirname "$0")" && pwd)
GUIDE=$(cd "$HERE/../../../../.." && pwd)/shared/STANCE-GUIDE.md
n=$(wc -l < "$D/all.txt"); per=$(( (n + K - 1) / K ))
split -l "$per" -d -a 1 "$D/all.txt" "$D/tmp_part"
i=1; for f in "$D"/tmp_part*; do mv "$f" "$D/part$i.txt"; i=$((i + 1)); done
for i in $(seq 1 "$K"); do for L in A B; do
  sed -e "s#STANCE_GUIDE#$GUIDE#g; s#LABELDIR#$D#g; s#DEADLINE#$DL#g; s#labeller LAB#labeller $L#; s#_LAB\.jsonl#_$L.jsonl#; s#part PART#part $i#; s#partPART#part$i#; s#pPART_#p${i}_#" \
    "$HERE/label_prompt.md" > "$D/l$i$L.md"
done; done
echo "wrote $K parts of <= $per pages and $((2 * K)) prompts in $D"
