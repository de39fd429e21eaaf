#!/usr/bin/env bash
# bench_jobs: what --jobs buys. On the corpus of tests/bench_corpus.sh (COPIES
# distinct copies of the sample and dev pages), `classify` and `analyze
# --no-html` at each --jobs given, RUNS times each, printing the median wall
# time, CPU time (user + system) and peak RSS (/usr/bin/time), and checking
# that every run's output equals the first run's at --jobs 1 byte for byte.
#
# Usage: bash tests/bench_jobs.sh [COPIES] [CONSENSUS_BIN] [RUNS] [JOBS...]
#        (from the source root; defaults 100 ./build/consensus 3 1 2)
set -euo pipefail
copies=${1:-100}
bin=${2:-./build/consensus}
runs=${3:-3}
shift $(($# < 3 ? $# : 3))
jobs_list=("$@")
[ ${#jobs_list[@]} -gt 0 ] || jobs_list=(1 2)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=$(bash tests/bench_make_corpus.sh "$copies" "$work/corpus")
echo "corpus: $n files, $(($(du -sb "$work/corpus" | cut -f1) / 1024)) KiB; $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg)"
median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
# run LABEL JOBS CMD...: RUNS runs; prints the medians; compares the output
run() {
  local label=$1 jobs=$2
  shift 2
  local i
  : > "$work/times"
  for i in $(seq 1 "$runs"); do
    rm -rf "$work/reports"
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" --jobs "$jobs" > "$work/out" 2> /dev/null || true
    tail -n 1 "$work/t" >> "$work/times"
    [ -d "$work/reports" ] && cat "$work/reports"/* > "$work/out"
    if [ ! -f "$work/ref.$label" ]; then
      cp "$work/out" "$work/ref.$label"
    elif ! cmp -s "$work/out" "$work/ref.$label"; then
      echo "DIFFERENT OUTPUT: $label --jobs $jobs run $i" >&2
      exit 1
    fi
  done
  local wall cpu rss
  wall=$(awk '{print $1}' "$work/times" | median)
  cpu=$(awk '{print $2 + $3}' "$work/times" | median)
  rss=$(awk '{print $4}' "$work/times" | median)
  printf '%-20s --jobs %-3s %7.2f s wall  %7.2f s CPU  %7.1f MiB peak RSS  (median of %s; walls: %s)\n' \
    "$label" "$jobs" "$wall" "$cpu" "$(echo "$rss / 1024" | bc -l)" "$runs" \
    "$(awk '{printf "%s ", $1}' "$work/times")"
}
for j in "${jobs_list[@]}"; do
  run classify "$j" "$bin" classify "$work/corpus"
done
for j in "${jobs_list[@]}"; do
  run analyze-no-html "$j" "$bin" analyze --quiet --no-html --out "$work/reports" "$work/corpus"
done
echo "outputs identical across --jobs ${jobs_list[*]}"
