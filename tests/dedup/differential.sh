#!/usr/bin/env bash
# differential.sh: compare the de-duplication index with the prefix-string
# index it replaced (cn_dedup.c at commit e7b6009) on random pages, see
# differential.c. Mode 0 (excerpts cut at checkpoints) must agree on every
# page; mode 1 (cut anywhere) shows the documented difference.
#
# Usage: bash tests/dedup/differential.sh BUILD_DIR [PAGES]   (from the source root,
#        after building BUILD_DIR; ASan/UBSan on both indexes)
set -euo pipefail
build=${1:?usage: differential.sh BUILD_DIR [PAGES]}
pages=${2:-5000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git show e7b6009:analyzer/ingest/cn_dedup.c > "$work/old_body.c"
git show e7b6009:analyzer/ingest/cn_dedup.h > "$work/cn_dedup.h"
{
  for f in new free assign count bytes; do echo "#define cn_dedup_$f old_dedup_$f"; done
  echo "#define cn_dedup old_dedup"
  echo "#include \"old_body.c\""
} > "$work/old.c"
inc="-Ianalyzer/ingest -Ianalyzer/base -Ianalyzer/text"
cc -O1 -g -std=c11 -D_POSIX_C_SOURCE=200809L -fsanitize=address,undefined \
  -I"$work" $inc -c "$work/old.c" -o "$work/old.o"
cc -O1 -g -std=c11 -D_POSIX_C_SOURCE=200809L -fsanitize=address,undefined $inc \
  tests/dedup/differential.c analyzer/ingest/cn_dedup.c "$work/old.o" \
  "$build/libconsensus.a" -lm -o "$work/differential"
status=0
for alphabet in 2 3 26; do
  for seed in 1 2 3; do
    "$work/differential" 0 "$seed" "$pages" "$alphabet" || status=1
  done
done
for seed in 1 2; do
  "$work/differential" 1 "$seed" "$pages" 26
done
exit $status
