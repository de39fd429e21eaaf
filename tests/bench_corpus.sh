#!/usr/bin/env bash
# bench_corpus: time and peak memory of `consensus parse`, `classify` and
# `analyze` on a synthetic corpus of N copies of the sample and dev pages, each
# copy made distinct (a copy number inside every long line of text) so that
# de-duplication does not fold them together; signatures stay intact. The
# script prints how many answers have a physician's name, beside the originals.
#
# Usage: bash tests/bench_corpus.sh [COPIES] [CONSENSUS_BIN]   (from the source root)
set -euo pipefail
copies=${1:-200}
bin=${2:-./build/consensus}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=$(bash tests/bench_make_corpus.sh "$copies" "$work/corpus")
bytes=$(du -sb "$work/corpus" | cut -f1)
echo "corpus: $n files, $((bytes / 1024)) KiB ($copies copies of corpus/ and tests/data/dev/pages/)"
measure() {
  local label=$1; shift
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$@" > "$work/out" 2> "$work/err" || true
  t1=$(date +%s.%N)
  local secs rss lines
  secs=$(echo "$t1 - $t0" | bc)
  rss=$(tail -n 1 "$work/rss")
  lines=$(wc -l < "$work/out")
  printf '%-15s %8.2f s  %8.0f pages/s  peak RSS %7.1f MiB  (%s output lines)\n' \
    "$label" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$lines"
}
named() { grep -c '"physician":{"name":"' "$1" || true; }
"$bin" parse corpus tests/data/dev/pages > "$work/orig.jsonl" 2>/dev/null || true
measure parse "$bin" parse "$work/corpus"
echo "answers read: $(wc -l < "$work/out") ($copies x $(wc -l < "$work/orig.jsonl") in the originals); with a physician's name: $(named "$work/out") ($copies x $(named "$work/orig.jsonl"))"
measure classify "$bin" classify "$work/corpus"
measure analyze-no-html "$bin" analyze --quiet --no-html --out "$work/out-reports" "$work/corpus"
measure analyze "$bin" analyze --quiet --out "$work/out-reports" "$work/corpus"
