#!/usr/bin/env bash
# bench_make_corpus: the benchmark corpus of tests/bench_corpus.sh and
# tests/bench_jobs.sh: COPIES copies of the sample and dev pages in DIR, each
# copy made distinct (" (copy N)" after the first lower-case word ending in
# . ? ! , or ; of every line of 40 characters or more, i.e. body text) so that
# de-duplication does not fold them together, while short lines (signatures,
# credentials, markers, answer titles) stay as they are and the reader sees the
# page shapes of the originals. Prints the number of files made.
#
# Usage: bash tests/bench_make_corpus.sh COPIES DIR   (from the source root)
set -euo pipefail
copies=${1:?usage: bench_make_corpus.sh COPIES DIR}
dir=${2:?usage: bench_make_corpus.sh COPIES DIR}
mkdir -p "$dir"
n=0
for c in $(seq 1 "$copies"); do
  for f in corpus/*.txt tests/data/dev/pages/*.txt; do
    n=$((n + 1))
    sed -E "/^.{39,}/s/([a-z]{3,})([.?!,;]) /\\1 (copy $c)\\2 /" \
      "$f" > "$dir/$(printf '%06d' $n)_$(basename "$f")"
  done
done
echo "$n"
